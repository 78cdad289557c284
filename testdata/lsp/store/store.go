// Package store is a repository over database/sql.
package store

import (
	"context"
	"database/sql"
)

// Store reads users.
type Store struct{ DB *sql.DB }

// UserName passes its context to the query.
func (s *Store) UserName(ctx context.Context, id int) (string, error) {
	var name string
	err := s.DB.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name)
	return name, err
}

// Count queries with no context at all.
func (s *Store) Count() (int, error) {
	var n int
	err := s.DB.QueryRow("SELECT count(*) FROM users").Scan(&n)
	return n, err
}
