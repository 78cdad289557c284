// Package ports declares the repository interfaces the handlers use.
package ports

import "context"

type UserGetter interface {
	GetUser(ctx context.Context, id int64) (string, error)
}

type Notifier interface {
	Notify(ctx context.Context, msg string) error
}
