package kongcli // want package:`impls`

// kongcli holds a kong command (kong runs its Run once per
// invocation) whose loops run a query per element: an operator's one-off,
// not request work. The twin: an exported function with the same loop.

import (
	"context"
	"database/sql"

	"github.com/alecthomas/kong"
)

var db *sql.DB

// ReindexCmd is a kong command.
type ReindexCmd struct{}

func (c *ReindexCmd) Run(k *kong.Kong) error { // want Run:`roundtrips`
	ctx := context.Background()
	for _, id := range staleIDs(ctx) {
		var title string
		_ = db.QueryRowContext(ctx, "SELECT title FROM docs WHERE id = $1", id).Scan(&title)
	}
	return nil
}

// Reindex is exported: a handler may call it.
func Reindex(ctx context.Context) { // want Reindex:`roundtrips`
	for _, id := range staleIDs(ctx) {
		var title string
		_ = db.QueryRowContext(ctx, "SELECT title FROM docs WHERE id = $1", id).Scan(&title) // want `once per element`
	}
}

func staleIDs(ctx context.Context) []int64 {
	rows, err := db.QueryContext(ctx, "SELECT id FROM docs WHERE indexed_at IS NULL LIMIT 100")
	if err != nil {
		return nil
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if rows.Scan(&id) == nil {
			ids = append(ids, id)
		}
	}
	return ids
}
