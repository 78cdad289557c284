// Package storage is a storage layer whose methods take no context, as a
// real feed reader's does. Each function that drops the context is one
// cause: perfvet reports it once, here, with the handlers that reach it
// (in ui and api) as related positions.
package storage

import (
	"context"
	"database/sql"
)

// Storage reads entries, feeds and users.
type Storage struct{ DB *sql.DB }

// Entries queries with no context.
func (s *Storage) Entries(feedID int) (int, error) {
	var n int
	err := s.DB.QueryRow("SELECT unread FROM feed_stats WHERE feed_id = $1", feedID).Scan(&n)
	return n, err
}

// EntriesContext is Entries fixed.
func (s *Storage) EntriesContext(ctx context.Context, feedID int) (int, error) {
	var n int
	err := s.DB.QueryRowContext(ctx, "SELECT unread FROM feed_stats WHERE feed_id = $1", feedID).Scan(&n)
	return n, err
}

// Feeds detaches its query with context.Background().
func (s *Storage) Feeds() (int, error) {
	var n int
	err := s.DB.QueryRowContext(context.Background(), "SELECT total FROM feed_stats WHERE id = 0").Scan(&n)
	return n, err
}

// UserByID and UserByName query through fetchUser, the cause.
func (s *Storage) UserByID(id int) (string, error) {
	return s.fetchUser("SELECT name FROM users WHERE id = $1", id)
}

// UserByName finds a user by name.
func (s *Storage) UserByName(name string) (string, error) {
	return s.fetchUser("SELECT name FROM users WHERE name = $1", name)
}

func (s *Storage) fetchUser(q string, arg any) (string, error) {
	var name string
	err := s.DB.QueryRow(q, arg).Scan(&name)
	return name, err
}
