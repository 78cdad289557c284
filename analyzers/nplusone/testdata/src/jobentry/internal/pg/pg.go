// Package pg implements store.Users on PostgreSQL.
package pg

import (
	"context"
	"database/sql"
)

type Users struct{ DB *sql.DB }

func (u *Users) Name(ctx context.Context, id int64) (string, error) {
	var name string
	err := u.DB.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name)
	return name, err
}
