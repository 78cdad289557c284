package timeouts

import (
	"context"
	"database/sql"
	"time"

	"github.com/cenkalti/backoff/v4"
)

// ---- retried pings: each attempt needs a deadline of its own ----

// waitForDB is openfga's datastore start-up before #3113: a database
// that accepts the connection and never answers holds the first attempt
// forever; MaxElapsedTime is checked between attempts only.
func waitForDB(db *sql.DB) error {
	policy := backoff.NewExponentialBackOff()
	policy.MaxElapsedTime = time.Minute
	return backoff.Retry(func() error {
		return db.PingContext(context.Background()) // want `\(\*sql.DB\).PingContext in an operation that is retried has no deadline`
	}, policy)
}

func waitForDBNoContext(db *sql.DB) error {
	return backoff.RetryNotify(func() error {
		return db.Ping() // want `\(\*sql.DB\).Ping in an operation that is retried has no deadline`
	}, backoff.NewExponentialBackOff(), nil)
}

// waitForDBBounded is the fix: a deadline per attempt.
func waitForDBBounded(db *sql.DB) error {
	return backoff.Retry(func() error {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return db.PingContext(ctx)
	}, backoff.NewExponentialBackOff())
}

// pingOnce is not retried: the caller's context bounds it.
func pingOnce(ctx context.Context, db *sql.DB) error {
	return db.PingContext(ctx)
}
