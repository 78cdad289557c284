// Package feedstore is a storage layer whose methods take no context, as
// real services write them (a feed reader's storage package). Each function
// that runs a query with no context is one cause, reported once at its name
// with the request paths of every handler package that reach it (feedui,
// feedapi, feedadmin), not at each of their calls.
package feedstore

import (
	"context"
	"database/sql"
)

type Storage struct{ db *sql.DB }

// Entries queries with no context: a cause.
func (s *Storage) Entries(feedID int) ([]string, error) { // want Entries:`io\(detached: database query via \(\*sql.DB\).Query\)` `^\(\*feedstore.Storage\).Entries runs a database query with no context \(\(\*sql.DB\).Query at store.go:17\); 4 request paths reach it, and there the database query keeps running after the client has gone: give it a ctx parameter and pass the request's context down to it$`
	rows, err := s.db.Query("SELECT title FROM entries WHERE feed_id = $1 LIMIT 50", feedID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return nil, rows.Err()
}

// EntriesContext is Entries fixed: it takes the caller's context.
func (s *Storage) EntriesContext(ctx context.Context, feedID int) ([]string, error) { // want EntriesContext:`io\(ctx1: database query via \(\*sql.DB\).QueryContext\)`
	rows, err := s.db.QueryContext(ctx, "SELECT title FROM entries WHERE feed_id = $1 LIMIT 50", feedID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return nil, rows.Err()
}

// Feeds detaches its query with context.Background(): a cause too.
func (s *Storage) Feeds() (int, error) { // want Feeds:`io\(detached: database query via \(\*sql.DB\).QueryRowContext\)` `^\(\*feedstore.Storage\).Feeds runs a database query with context.Background\(\) \(\(\*sql.DB\).QueryRowContext at store.go:38\); 1 request path reaches it`
	var n int
	err := s.db.QueryRowContext(context.Background(), "SELECT count(*) FROM feeds").Scan(&n)
	return n, err
}

// UserByID and UserByName reach their query through one helper with no
// context: the helper, the deepest function on the chain, is the cause,
// reported once for both.
func (s *Storage) UserByID(id int) (string, error) { // want UserByID:`io\(detached: database query via \(\*feedstore.Storage\).fetchUser → \(\*sql.DB\).QueryRow\)`
	return s.fetchUser("SELECT name FROM users WHERE id = $1", id)
}

func (s *Storage) UserByName(name string) (string, error) { // want UserByName:`io\(detached: database query via \(\*feedstore.Storage\).fetchUser → \(\*sql.DB\).QueryRow\)`
	return s.fetchUser("SELECT name FROM users WHERE name = $1", name)
}

func (s *Storage) fetchUser(q string, arg any) (string, error) { // want `^\(\*feedstore.Storage\).fetchUser runs a database query with no context \(\(\*sql.DB\).QueryRow at store.go:55\); 2 request paths reach it`
	var name string
	err := s.db.QueryRow(q, arg).Scan(&name)
	return name, err
}

// UserByIDContext is the fixed twin of UserByID.
func (s *Storage) UserByIDContext(ctx context.Context, id int) (string, error) { // want UserByIDContext:`io\(ctx1: database query via \(\*sql.DB\).QueryRowContext\)`
	var name string
	err := s.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name)
	return name, err
}

// Cleanup is reached from no request path (a job calls it): not reported.
// Storage has three cause methods (Entries, Feeds, fetchUser), fewer than
// the four from which a type is reported once (typestore has the twin):
// each is reported at its own name.
func Cleanup(s *Storage) error { // want Cleanup:`io\(detached: database query via \(\*sql.DB\).Exec\)`
	_, err := s.db.Exec("DELETE FROM entries WHERE read")
	return err
}

// Vacuum is suppressed at the cause, in its own package: no handler
// package reports it, and the directive counts as used.
//
//perfvet:ignore timeouts the admin console runs it, bounded by the role's statement_timeout
func (s *Storage) Vacuum() error { // want Vacuum:`io\(detached: database query via \(\*sql.DB\).Exec\)`
	_, err := s.db.Exec("VACUUM")
	return err
}
