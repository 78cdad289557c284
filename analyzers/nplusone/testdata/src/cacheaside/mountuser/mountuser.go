// Package mountuser resolves the mount of each directory entry through
// package mount's memoised lookup: the query runs once per mount, not per
// entry. The unfilled twin is reported.
package mountuser

import (
	"context"

	"cacheaside/mount"
)

func remove(ctx context.Context, a *mount.Account, dir string, entries []string) {
	for _, name := range entries {
		_, _ = a.MountFor(ctx, dir+"/"+name)
	}
}

func removeUnfilled(ctx context.Context, a *mount.Account, dir string, entries []string) {
	for _, name := range entries {
		_, _ = a.MountUnfilled(ctx, dir+"/"+name) // want `runs a query .* once per element of entries`
	}
}
