// Package memory implements store.Driver without a database: it is not
// named among the implementations that run queries.
package memory

import (
	"context"

	"example.com/reach/store"
)

type Driver struct{ memos map[int64]store.Memo }

func (d *Driver) ListMemos(ctx context.Context, id int64) ([]store.Memo, error) {
	return []store.Memo{d.memos[id]}, nil
}

func (d *Driver) ListMemosByIDs(ctx context.Context, ids []int64) ([]store.Memo, error) {
	var out []store.Memo
	for _, id := range ids {
		out = append(out, d.memos[id])
	}
	return out, nil
}

func (d *Driver) Name() string { return "memory" }
