// Package store declares a repository interface; the driver implements it.
package store

import "context"

type Repo interface {
	Owner(ctx context.Context, id int64) (int64, error)
	Touch(ctx context.Context, id int64) error
}
