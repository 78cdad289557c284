// Package store is a repository over database/sql, pgx v5 and go-redis v9.
// The handlers of package timeouts call it, so what its methods do with
// their contexts reaches them as facts, across the package boundary.
//
// Every exported method that does outbound work carries a fact; the want
// comments on their declarations spell it out.
package store

import (
	"context"
	"database/sql"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
)

// Repo reads users and orders.
type Repo struct {
	DB    *sql.DB
	Pool  *pgxpool.Pool
	Cache redis.UniversalClient
}

// New returns a repository; it does no outbound work and has no fact.
func New(db *sql.DB, pool *pgxpool.Pool, cache redis.UniversalClient) *Repo {
	return &Repo{DB: db, Pool: pool, Cache: cache}
}

// UserName passes its context to a database/sql query.
func (r *Repo) UserName(ctx context.Context, id int64) (string, error) { // want UserName:`io\(ctx1: database query via \(\*sql.DB\).QueryRowContext\)`
	var name string
	err := r.DB.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name)
	return name, err
}

// OrderCount passes its context to a pgx query.
func (r *Repo) OrderCount(ctx context.Context, userID int64) (int64, error) { // want OrderCount:`io\(ctx1: database query via \(\*pgxpool.Pool\).QueryRow\)`
	var n int64
	err := r.Pool.QueryRow(ctx, "SELECT count(*) FROM orders WHERE user_id = $1", userID).Scan(&n)
	return n, err
}

// CachedName reads Redis through the redis.UniversalClient interface, then
// the database through UserName, both with its context.
func (r *Repo) CachedName(ctx context.Context, id int64) (string, error) { // want CachedName:`io\(ctx1: Redis command via \(redis.StringCmdable\).Get; ctx1: database query via \(\*store.Repo\).UserName → \(\*sql.DB\).QueryRowContext\)`
	key := "user:" + strconv.FormatInt(id, 10)
	if name, err := r.Cache.Get(ctx, key).Result(); err == nil {
		return name, nil
	}
	name, err := r.UserName(ctx, id)
	if err != nil {
		return "", err
	}
	return name, r.Cache.Set(ctx, key, name, time.Hour).Err()
}

// Count queries with no context at all.
func (r *Repo) Count() (int64, error) { // want Count:`io\(detached: database query via \(\*sql.DB\).QueryRow\)` `^\(\*store.Repo\).Count runs a database query with no context \(\(\*sql.DB\).QueryRow at store.go:\d+\); 3 request paths reach it, and there the database query keeps running after the client has gone: give it a ctx parameter and pass the request's context down to it$`
	var n int64
	err := r.DB.QueryRow("SELECT count(*) FROM users").Scan(&n)
	return n, err
}

// CountContext is Count done right: the caller's context bounds the query.
func (r *Repo) CountContext(ctx context.Context) (int64, error) { // want CountContext:`io\(ctx1: database query via \(\*sql.DB\).QueryRowContext\)`
	var n int64
	err := r.DB.QueryRowContext(ctx, "SELECT count(*) FROM users").Scan(&n)
	return n, err
}

// CountVia reaches the context-less query through Count.
func (r *Repo) CountVia() (int64, error) { // want CountVia:`io\(detached: database query via \(\*store.Repo\).Count → \(\*sql.DB\).QueryRow\)`
	return r.Count()
}

// Warm writes to Redis with context.Background and takes no context.
func (r *Repo) Warm(id int64, name string) error { // want Warm:`io\(detached: Redis command via \(redis.StringCmdable\).Set\)` `^\(\*store.Repo\).Warm runs a Redis command with context.Background\(\) \(\(redis.StringCmdable\).Set at store.go:\d+\); 1 request path reaches it, and there the Redis command keeps running`
	return r.Cache.Set(context.Background(), "user:"+strconv.FormatInt(id, 10), name, time.Hour).Err()
}

// WarmContext is Warm done right.
func (r *Repo) WarmContext(ctx context.Context, id int64, name string) error { // want WarmContext:`io\(ctx1: Redis command via \(redis.StringCmdable\).Set\)`
	return r.Cache.Set(ctx, "user:"+strconv.FormatInt(id, 10), name, time.Hour).Err()
}

// Orders queries pgx with context.TODO and takes no context.
func (r *Repo) Orders() ([]int64, error) { // want Orders:`io\(detached: database query via \(\*pgxpool.Pool\).Query\)` `^\(\*store.Repo\).Orders runs a database query with context.TODO\(\) \(\(\*pgxpool.Pool\).Query at store.go:\d+\); 1 request path reaches it`
	rows, err := r.Pool.Query(context.TODO(), "SELECT id FROM orders LIMIT 100")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// Audit takes a context and still detaches on purpose: the audit record
// must be written even if the client has gone. No fact.
func (r *Repo) Audit(ctx context.Context, msg string) error {
	_, err := r.DB.ExecContext(context.Background(), "INSERT INTO audit (msg) VALUES ($1)", msg)
	return err
}

// Key does no outbound work and has no fact.
func Key(id int64) string { return "user:" + strconv.FormatInt(id, 10) }
