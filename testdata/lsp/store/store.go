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

// IDs lists the ids of the users of one team (rows of a multi-row read).
func (s *Store) IDs(ctx context.Context, team int) ([]int, error) {
	rows, err := s.DB.QueryContext(ctx, "SELECT id FROM users WHERE team = $1 LIMIT 100", team)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
