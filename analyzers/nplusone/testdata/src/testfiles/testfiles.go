// Package testfiles has loops in test files, not reported by default.
package testfiles

import (
	"context"
	"database/sql"
)

func seed(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		_, _ = db.ExecContext(ctx, "INSERT INTO users (id) VALUES ($1)", id) // want `runs a write once per element of ids`
	}
}
