// Package pg implements store.Driver over database/sql.
package pg

import (
	"context"
	"database/sql"
)

type DB struct{ db *sql.DB }

func (d *DB) DB() *sql.DB { return d.db }

func (d *DB) ListUsers(ctx context.Context, limit int) ([]string, error) { // want ListUsers:`pagesize\(param2 → LIMIT\)`
	_, err := d.db.QueryContext(ctx, `SELECT name FROM users ORDER BY id LIMIT $1`, limit)
	return nil, err
}

// Names clamps the size itself.
func (d *DB) Names(ctx context.Context, limit int) ([]string, error) {
	_, err := d.db.QueryContext(ctx, `SELECT name FROM users ORDER BY id LIMIT $1`, min(limit, 100))
	return nil, err
}

func (d *DB) AllUsers(ctx context.Context) ([]string, error) { // want AllUsers:`reads every row of users`
	_, err := d.db.QueryContext(ctx, `SELECT name FROM users ORDER BY id`)
	return nil, err
}

// FirstUsers pages: the twin of AllUsers.
func (d *DB) FirstUsers(ctx context.Context) ([]string, error) {
	_, err := d.db.QueryContext(ctx, `SELECT name FROM users ORDER BY id LIMIT 50`)
	return nil, err
}

func (d *DB) Every(ctx context.Context) ([]string, error) {
	_, err := d.db.QueryContext(ctx, `SELECT name FROM teams`)
	return nil, err
}
