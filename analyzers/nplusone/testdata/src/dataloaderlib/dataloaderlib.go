// Package dataloaderlib loads through a dataloader in a loop: the loader
// batches the keys into one query.
package dataloaderlib

import (
	"context"
	"database/sql"

	"github.com/graph-gophers/dataloader/v7"
)

var db *sql.DB

func batch(ctx context.Context, ids []int64) []*dataloader.Result[string] {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users WHERE id = ANY($1)", ids)
	if err == nil {
		rows.Close()
	}
	return nil
}

var loader = dataloader.NewBatchedLoader(batch)

func names(ctx context.Context, ids []int64) {
	var thunks []dataloader.Thunk[string]
	for _, id := range ids {
		thunks = append(thunks, loader.Load(ctx, id))
	}
	for _, t := range thunks {
		_, _ = t()
	}
}

// Without the loader: one query per id.
func namesOneByOne(ctx context.Context, ids []int64) {
	for _, id := range ids {
		var s string
		_ = db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&s) // want `^\(\*sql.DB\).QueryRowContext runs a query once per element of ids; load them in one query before the loop`
	}
}
