// Package pg implements repo.Profiles with queries.
package pg

import (
	"context"
	"database/sql"
)

type Profiles struct{ DB *sql.DB }

func (p Profiles) Profile(ctx context.Context, id int64) string {
	var name string
	_ = p.DB.QueryRowContext(ctx, "SELECT name FROM profiles WHERE id = $1", id).Scan(&name)
	return name
}
