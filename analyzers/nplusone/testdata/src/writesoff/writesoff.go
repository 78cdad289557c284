// Package writesoff is checked with -nplusone.writes=false: reads are
// reported, writes are not.
package writesoff

import (
	"context"
	"database/sql"
)

func touch(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		_, _ = db.ExecContext(ctx, "UPDATE users SET seen = true WHERE id = $1", id)
		_ = db.QueryRowContext(ctx, "SELECT 1 FROM users WHERE id = $1", id) // want `runs a query once per element of ids`
	}
}
