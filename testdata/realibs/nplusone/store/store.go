package store // want package:`impls\(Repo\)`

// Package store is a repository over database/sql, pgx v5 and go-redis
// v9; package nplusone loops over it, and its facts reach there across
// the package boundary. Its interface, Users, is implemented here, so a
// package that imports store resolves calls through it.

import (
	"context"
	"database/sql"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
)

// Users is what handlers use.
type Users interface {
	Name(ctx context.Context, id int64) (string, error)
	Names(ctx context.Context, ids []int64) (map[int64]string, error)
}

// Repo implements Users.
type Repo struct {
	DB    *sql.DB
	Pool  *pgxpool.Pool
	Cache redis.UniversalClient
}

var _ Users = (*Repo)(nil)

// Name runs one query.
func (r *Repo) Name(ctx context.Context, id int64) (string, error) { // want Name:`roundtrips\(read: \(\*sql.DB\).QueryRowContext\)`
	var name string
	err := r.DB.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name)
	return name, err
}

// Names runs one query for all of them.
func (r *Repo) Names(ctx context.Context, ids []int64) (map[int64]string, error) { // want Names:`roundtrips\(read: \(\*pgxpool.Pool\).Query\)`
	rows, err := r.Pool.Query(ctx, "SELECT id, name FROM users WHERE id = ANY($1)", ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[int64]string, len(ids))
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, err
		}
		out[id] = name
	}
	return out, rows.Err()
}

// CachedName reads Redis, then the database on a miss.
func (r *Repo) CachedName(ctx context.Context, id int64) (string, error) { // want CachedName:`roundtrips\(read: \(redis.UniversalClient\).Get; write: \(redis.UniversalClient\).Set\)`
	key := "user:" + strconv.FormatInt(id, 10)
	if name, err := r.Cache.Get(ctx, key).Result(); err == nil {
		return name, nil
	}
	name, err := r.Name(ctx, id)
	if err != nil {
		return "", err
	}
	return name, r.Cache.Set(ctx, key, name, time.Hour).Err()
}

// Touch writes.
func (r *Repo) Touch(ctx context.Context, id int64) error { // want Touch:`roundtrips\(write: \(\*pgxpool.Pool\).Exec\)`
	_, err := r.Pool.Exec(ctx, "UPDATE users SET seen_at = now() WHERE id = $1", id)
	return err
}

// Key does no round trip and has no fact.
func Key(id int64) string { return "user:" + strconv.FormatInt(id, 10) }
