package store // want package:`impls\(Store\)`

// Package store is a repository over database/sql; other packages loop
// over its methods, and its facts reach them.

import (
	"context"
	"database/sql"
)

type User struct {
	ID   int64
	Name string
}

type Store struct{ DB *sql.DB }

// UserByID runs one query.
func (s *Store) UserByID(ctx context.Context, id int64) (User, error) { // want UserByID:`roundtrips\(read: \(\*sql.DB\).QueryRowContext\)`
	var u User
	err := s.DB.QueryRowContext(ctx, "SELECT id, name FROM users WHERE id = $1", id).Scan(&u.ID, &u.Name)
	return u, err
}

// UsersByIDs runs one query for all of them.
func (s *Store) UsersByIDs(ctx context.Context, ids []int64) ([]User, error) { // want UsersByIDs:`roundtrips\(read: \(\*sql.DB\).QueryContext\)`
	rows, err := s.DB.QueryContext(ctx, "SELECT id, name FROM users WHERE id = ANY($1)", ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Name); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// Touch writes.
func (s *Store) Touch(ctx context.Context, id int64) error { // want Touch:`roundtrips\(write: \(\*sql.DB\).ExecContext\)`
	_, err := s.DB.ExecContext(ctx, "UPDATE users SET seen_at = now() WHERE id = $1", id)
	return err
}

// Profile reads through UserByID.
func (s *Store) Profile(ctx context.Context, id int64) (string, error) { // want Profile:`roundtrips\(read: \(\*store.Store\).UserByID → \(\*sql.DB\).QueryRowContext\)`
	u, err := s.UserByID(ctx, id)
	return "profile of " + u.Name, err
}

// Key does no round trip.
func Key(id int64) string { return "user" }
