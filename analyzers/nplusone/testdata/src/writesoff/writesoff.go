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

// memSaver keeps what it is handed in memory: saver's save writes in one
// implementation only.
type memSaver struct{ ids map[int64]bool }

func (s memSaver) save(_ context.Context, id int64) error {
	s.ids[id] = true
	return nil
}

// A write reached only through an interface that some implementation
// does not write in (resolved to every implementation, an
// over-approximation) does not make a bulk write.
func viaInterface(ctx context.Context, db *sql.DB, sv saver, ids []int64) {
	for _, id := range ids {
		_ = db.QueryRowContext(ctx, "SELECT 1 FROM users WHERE id = $1", id) // want `runs a query once per element of ids`
		_ = sv.save(ctx, id)
	}
}

// provider is a store with several database backends and an in-memory
// one (sftpgo's dataprovider.Provider): each database writes, the memory
// backend makes no round trip.
type provider interface {
	touch(ctx context.Context, id int64) error
}

type pgProvider struct{ db *sql.DB }

func (p pgProvider) touch(ctx context.Context, id int64) error {
	_, err := p.db.ExecContext(ctx, "UPDATE users SET updated_at = now() WHERE id = $1", id)
	return err
}

type mysqlProvider struct{ db *sql.DB }

func (p mysqlProvider) touch(ctx context.Context, id int64) error {
	_, err := p.db.ExecContext(ctx, "UPDATE users SET updated_at = NOW() WHERE id = ?", id)
	return err
}

type memProvider struct{ updated map[int64]time.Time }

func (p memProvider) touch(_ context.Context, id int64) error {
	p.updated[id] = time.Now()
	return nil
}

// A write through a store whose every database backend writes is a bulk
// write, whatever its in-memory backend does (the twin of viaInterface,
// where one database implementation beside an in-memory one is no
// evidence).
func touchMembers(ctx context.Context, db *sql.DB, p provider, ids []int64) {
	for _, id := range ids {
		_ = p.touch(ctx, id)
		_ = db.QueryRowContext(ctx, "SELECT 1 FROM users WHERE id = $1", id)
	}
}

// engine is the program's own interface over a database handle and a
// transaction (gogs' database.Engine over xorm's engine and session):
// whichever it is handed, Exec writes.
type engine interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

var (
	_ engine = (*sql.DB)(nil)
	_ engine = (*sql.Tx)(nil)
)

func unwatch(ctx context.Context, e engine, user, repo int64) {
	var n int
	if e.QueryRowContext(ctx, "SELECT count(*) FROM watches WHERE user_id = $1 AND repo_id = $2", user, repo).Scan(&n); n == 0 {
		return
	}
	_, _ = e.ExecContext(ctx, "DELETE FROM watches WHERE user_id = $1 AND repo_id = $2", user, repo)
}

// A write through an interface that every implementation writes in is a
// bulk write (gogs' RemoveOrgUser unwatching each repository): its
// existence checks are its own.
func unwatchAll(ctx context.Context, tx *sql.Tx, user int64, repos []int64) {
	for _, repo := range repos {
		unwatch(ctx, tx, user, repo)
	}
}
