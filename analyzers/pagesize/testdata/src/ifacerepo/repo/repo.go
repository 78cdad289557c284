// Package repo declares the repository the handlers use.
package repo

import "context"

type Users interface {
	List(ctx context.Context, limit int) ([]string, error)
	Names(ctx context.Context, limit int) ([]string, error)
}
