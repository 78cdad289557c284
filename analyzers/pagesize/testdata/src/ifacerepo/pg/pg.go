// Package pg implements repo.Users over database/sql.
package pg

import (
	"context"
	"database/sql"
)

type Users struct{ db *sql.DB }

func (u *Users) List(ctx context.Context, limit int) ([]string, error) { // want List:`pagesize\(param2 → LIMIT\)`
	_, err := u.db.QueryContext(ctx, `SELECT name FROM users ORDER BY id LIMIT $1`, limit)
	return nil, err
}

// Names clamps the size itself.
func (u *Users) Names(ctx context.Context, limit int) ([]string, error) {
	_, err := u.db.QueryContext(ctx, `SELECT name FROM users ORDER BY id LIMIT $1`, min(limit, 100))
	return nil, err
}
