package pg // want package:`impls\(Store\)`

// Package pg implements ports.UserGetter over database/sql.

import (
	"context"
	"database/sql"
)

type Store struct{ db *sql.DB }

func (s *Store) GetUser(ctx context.Context, id int64) (string, error) { // want GetUser:`roundtrips\(read: \(\*sql.DB\).QueryRowContext\)`
	var name string
	err := s.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name)
	return name, err
}

func New(db *sql.DB) *Store { return &Store{db: db} }
