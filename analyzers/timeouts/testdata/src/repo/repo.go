// Package repo holds database helpers that handlers in another package
// call: their facts cross the package boundary.
package repo

import (
	"context"
	"database/sql"
)

type Store struct{ db *sql.DB }

// UserName passes its context to the query.
func (s *Store) UserName(ctx context.Context, id int) (string, error) { // want UserName:`io\(ctx1: database query via \(\*sql.DB\).QueryRowContext\)`
	var name string
	err := s.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name)
	return name, err
}

// Count queries with no context at all.
func (s *Store) Count() (int, error) { // want Count:`io\(detached: database query via \(\*sql.DB\).QueryRow\)` `^\(\*repo.Store\).Count runs a database query with no context \(\(\*sql.DB\).QueryRow at repo.go:\d+\); 2 request paths reach it`
	var n int
	err := s.db.QueryRow("SELECT count(*) FROM users").Scan(&n)
	return n, err
}

// CountVia reaches the context-less query through Count.
func (s *Store) CountVia() (int, error) { // want CountVia:`io\(detached: database query via \(\*repo.Store\).Count → \(\*sql.DB\).QueryRow\)`
	return s.Count()
}

// Names passes its context through a helper in the same package.
func (s *Store) Names(ctx context.Context) ([]string, error) { // want Names:`io\(ctx1: database query via \(\*repo.Store\).UserName → \(\*sql.DB\).QueryRowContext\)`
	n, err := s.UserName(ctx, 1)
	return []string{n}, err
}

// Audit deliberately detaches: it takes a context and still uses Background.
func (s *Store) Audit(ctx context.Context, msg string) error {
	_, err := s.db.ExecContext(context.Background(), "INSERT INTO audit VALUES ($1)", msg)
	return err
}

// Pure does no outbound work and has no fact.
func Pure(a, b int) int { return a + b }
