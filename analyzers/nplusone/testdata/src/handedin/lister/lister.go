// Package lister declares an interface the handlers call; its
// implementation is in package impl, which the handlers do not import.
package lister

import (
	"context"

	"handedin/store"
)

type Formatter interface {
	Format(ctx context.Context, users []store.User)
	FormatTags(ctx context.Context, ids []int64)
}
