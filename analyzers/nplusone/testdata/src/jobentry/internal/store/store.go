// Package store declares the users' repository; pg implements it.
package store

import "context"

type Users interface {
	Name(ctx context.Context, id int64) (string, error)
}
