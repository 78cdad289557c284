// Package store declares a data store whose accessors return the
// repositories, as navidrome's model.DataStore does.
package store

import "context"

type Item struct{ Name string }

type DataStore interface {
	Items(ctx context.Context) ItemRepo
}

type ItemRepo interface {
	GetByName(name string) ([]Item, error)
	GetByNames(names []string) ([]Item, error)
}
