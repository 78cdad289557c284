// Package writesoff is checked with -nplusone.writes=false: reads are
// reported, writes are not, and neither are the reads of a loop that
// writes to the database once per element (a bulk write: its reads are
// the writes' existence checks and lookups).
package writesoff

import (
	"context"
	"database/sql"
	"time"

	"github.com/redis/go-redis/v9"
)

// A read loop.
func seen(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		_ = db.QueryRowContext(ctx, "SELECT 1 FROM users WHERE id = $1", id) // want `runs a query once per element of ids`
	}
}

// The same read in a loop that updates each row: a bulk write.
func touch(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		_, _ = db.ExecContext(ctx, "UPDATE users SET seen = true WHERE id = $1", id)
		_ = db.QueryRowContext(ctx, "SELECT 1 FROM users WHERE id = $1", id)
	}
}

// A write through a helper, only for the rows that are missing, still
// makes a bulk write.
func ensure(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		var n int
		if db.QueryRowContext(ctx, "SELECT count(*) FROM users WHERE id = $1", id).Scan(&n) == nil && n == 0 {
			insert(ctx, db, id)
		}
	}
}

func insert(ctx context.Context, db *sql.DB, id int64) {
	_, _ = db.ExecContext(ctx, "INSERT INTO users (id) VALUES ($1)", id)
}

// A loop that fills a cache per element is a read loop: the cache write
// does not make it a bulk write.
func readThrough(ctx context.Context, db *sql.DB, rdb *redis.Client, ids []int64) {
	for _, id := range ids {
		var name string
		_ = db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name) // want `runs a query once per element of ids`
		_ = rdb.Set(ctx, name, id, time.Minute).Err()
	}
}

// A write that runs once, when the loop ends, does not make a bulk write.
func firstMissing(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		var n int
		_ = db.QueryRowContext(ctx, "SELECT count(*) FROM users WHERE id = $1", id).Scan(&n) // want `runs a query once per element of ids`
		if n == 0 {
			insert(ctx, db, id)
			return
		}
	}
}

type saver interface {
	save(ctx context.Context, id int64) error
}

type sqlSaver struct{ db *sql.DB }

func (s sqlSaver) save(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, "INSERT INTO users (id) VALUES ($1)", id)
	return err
}

// A write reached only through an interface (resolved to every
// implementation, an over-approximation) does not make a bulk write.
func viaInterface(ctx context.Context, db *sql.DB, sv saver, ids []int64) {
	for _, id := range ids {
		_ = db.QueryRowContext(ctx, "SELECT 1 FROM users WHERE id = $1", id) // want `runs a query once per element of ids`
		_ = sv.save(ctx, id)
	}
}
