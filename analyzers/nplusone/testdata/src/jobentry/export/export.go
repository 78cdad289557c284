// Package export is not internal: any module may call its functions, so
// its findings are not held for its users.
package export

import (
	"context"
	"database/sql"
)

var DB *sql.DB

// All is used only by a cron job of this tree, but other modules may
// call it: reported.
func All(ctx context.Context, ids []int64) {
	rows, err := DB.QueryContext(ctx, "SELECT id FROM posts LIMIT 100")
	if err != nil {
		return
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		_ = rows.Scan(&id)
		_ = DB.QueryRowContext(ctx, "SELECT body FROM posts WHERE id = $1", id).Scan(new(string)) // want `once per`
	}
}
