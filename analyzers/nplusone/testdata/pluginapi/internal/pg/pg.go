// Package pg implements syncer.Counter with SQL.
package pg

import (
	"context"
	"database/sql"
)

type Counter struct{ DB *sql.DB }

func (c *Counter) Count(ctx context.Context, id int64) int {
	var n int
	_ = c.DB.QueryRowContext(ctx, "SELECT count(*) FROM votes WHERE question_id = $1", id).Scan(&n)
	return n
}
