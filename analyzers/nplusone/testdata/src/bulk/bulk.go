// Package bulk checks a bulk inserter: calling it per element is the
// batching.
package bulk

import (
	"context"

	"zgo.at/zdb"
)

// Values queues each path; the inserter runs one INSERT per batch.
func SavePaths(ctx context.Context, paths []string) error { // want SavePaths:`roundtrips\(write: \(\*zdb.BulkInsert\).Finish`
	ins := zdb.NewBulkInsert(ctx, "paths", []string{"path"})
	for _, p := range paths {
		ins.Values(p)
	}
	return ins.Finish()
}

// The twin: one INSERT per path.
func SavePathsOneByOne(ctx context.Context, paths []string) { // want SavePathsOneByOne:`roundtrips\(write: zdb.Exec`
	for _, p := range paths {
		_ = zdb.Exec(ctx, "INSERT INTO paths (path) VALUES ($1)", p) // want `once per element of paths`
	}
}
