// Package export has an exported function that no package uses, and a
// helper only it calls: both silent, as dead code.
package export

import (
	"context"
	"database/sql"
)

// Dump is used by no package.
func Dump(ctx context.Context, db *sql.DB) {
	dumpPage(ctx, db, 0)
}

// Rows is used by a handler: its helper's loop is reported.
func Rows(ctx context.Context, db *sql.DB) {
	rowsPage(ctx, db, 0)
}

func ids(ctx context.Context, db *sql.DB, page int) []int64 {
	rows, err := db.QueryContext(ctx, "SELECT id FROM questions ORDER BY id LIMIT 100 OFFSET $1", page*100)
	if err != nil {
		return nil
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		_ = rows.Scan(&id)
		out = append(out, id)
	}
	return out
}

func dumpPage(ctx context.Context, db *sql.DB, page int) {
	for _, id := range ids(ctx, db, page) {
		_ = db.QueryRowContext(ctx, "SELECT body FROM questions WHERE id = $1", id).Scan(new(string))
	}
}

func rowsPage(ctx context.Context, db *sql.DB, page int) {
	for _, id := range ids(ctx, db, page) {
		_ = db.QueryRowContext(ctx, "SELECT title FROM questions WHERE id = $1", id).Scan(new(string)) // want `once per element`
	}
}
