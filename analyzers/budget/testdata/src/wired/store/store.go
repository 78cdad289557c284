// Package store declares the storage the handlers use; its
// implementations live in packages the handlers do not import (Store:
// crosspkg/pgstore, wired in by app).
package store

import "context"

type Store interface {
	Orders(ctx context.Context) ([]int, error)
	Items(ctx context.Context, order int) ([]string, error)
}

// Tags is implemented by tagstore, which no package that imports the
// handlers imports.
type Tags interface {
	Tags(ctx context.Context) ([]string, error)
	Tag(ctx context.Context, name string) (int, error)
}
