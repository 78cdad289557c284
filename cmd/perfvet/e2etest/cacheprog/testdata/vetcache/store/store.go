// Package store reads users with database/sql.
package store

import (
	"context"
	"database/sql"
)

// Store reads users.
type Store struct{ DB *sql.DB }

// Open opens the database with no limit on its connections.
func Open(dsn string) (*Store, error) {
	db, err := sql.Open("postgres", dsn)
	return &Store{DB: db}, err
}

// IDs reads a page of the ids of a team's users.
func (s *Store) IDs(ctx context.Context, team, limit int) ([]int, error) {
	rows, err := s.DB.QueryContext(ctx, "SELECT id FROM users WHERE team = $1 ORDER BY id LIMIT $2", team, limit)
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

// Name reads one user's name.
func (s *Store) Name(ctx context.Context, id int) (string, error) {
	var name string
	err := s.DB.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name)
	return name, err
}
