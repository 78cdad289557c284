// Package store declares the driver interface that the handlers use;
// its implementations (wholeprog/pg) are wired in by main only.
package store

import (
	"context"
	"database/sql"
)

// Reader is embedded in Driver: its methods resolve alike.
type Reader interface {
	AllUsers(ctx context.Context) ([]string, error)
	FirstUsers(ctx context.Context) ([]string, error)
}

type Driver interface {
	Reader
	ListUsers(ctx context.Context, limit int) ([]string, error)
	Names(ctx context.Context, limit int) ([]string, error)
	Every(ctx context.Context) ([]string, error)
	DB() *sql.DB
}

type Store struct{ driver Driver }

func New(d Driver) *Store { return &Store{driver: d} }

// All hands the driver's read on to its callers.
func (s *Store) All(ctx context.Context) ([]string, error) {
	return s.driver.AllUsers(ctx)
}

// First reads a page.
func (s *Store) First(ctx context.Context) ([]string, error) {
	return s.driver.FirstUsers(ctx)
}
