// Package background is checked with -background: the loops that are not
// request work are reported too.
package background

import (
	"context"
	"database/sql"
	"time"
)

var db *sql.DB

func scheduler(ctx context.Context, every time.Duration) {
	for range time.Tick(every) {
		_, _ = db.ExecContext(ctx, "DELETE FROM sessions WHERE expires < now()") // want `once per value received from time.Tick\(every\)`
	}
}

type job struct{ ID int64 }

func worker(ctx context.Context, jobs <-chan job) {
	for j := range jobs {
		_, _ = db.ExecContext(ctx, "UPDATE jobs SET done = true WHERE id = $1", j.ID) // want `once per value received from jobs`
	}
}

func paced(ctx context.Context, ids []int64) {
	for _, id := range ids {
		_, _ = db.ExecContext(ctx, "UPDATE users SET n = n + 1 WHERE id = $1", id) // want `once per element of ids`
		time.Sleep(time.Second)
	}
}

func migrateUsers(ctx context.Context, ids []int64) {
	for _, id := range ids {
		_, _ = db.ExecContext(ctx, "UPDATE users SET v = 2 WHERE id = $1", id) // want `once per element of ids`
	}
}

// A collection checked to hold one element at most is not a loop over
// data, with or without -background.
func single(ctx context.Context, ids []int64) error {
	if len(ids) > 1 {
		return nil
	}
	for _, id := range ids {
		_, _ = db.ExecContext(ctx, "UPDATE users SET v = 2 WHERE id = $1", id)
	}
	return nil
}

// A bound above one is a page, not a single element.
func bounded(ctx context.Context, ids []int64) error {
	if len(ids) > 100 {
		return nil
	}
	for _, id := range ids {
		_, _ = db.ExecContext(ctx, "UPDATE users SET v = 2 WHERE id = $1", id) // want `once per element of ids`
	}
	return nil
}
