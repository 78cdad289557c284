// Package store opens the program's store, checking once that its
// database is ready.
package store

import (
	"context"

	"example.com/realibs/limits/startup/probe"
)

// Store is the program's store.
type Store struct{ url string }

// New returns the store at url, once its database is ready.
func New(url string) (*Store, error) {
	if err := probe.Ready(context.Background(), url); err != nil {
		return nil, err
	}
	return &Store{url: url}, nil
}

// URL returns the database's address.
func (s *Store) URL() string { return s.url }
