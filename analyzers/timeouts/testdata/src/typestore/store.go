// Package typestore is a storage layer four of whose methods query with no
// context: the team fixes that once ("the storage layer takes no
// context"), so the type is reported once, at its declaration, with the
// request paths of every handler package (typeui, typeapi) that reach any
// of them. Prefs, with two such methods, is reported per method (feedstore
// has a three-method twin, reached from several packages).
package typestore

import (
	"context"
	"database/sql"
)

type Store struct{ db *sql.DB } // want `^4 methods of \*typestore.Store run database queries with no request context \(\(\*typestore.Store\).Count, \(\*typestore.Store\).Entries, \(\*typestore.Store\).Feed, …\); 3 request paths reach it, and there the work keeps running after the client has gone: give these methods a ctx parameter and pass the request's context down to them$`

func (s *Store) Entries() error { // want Entries:`io\(detached: database query via \(\*sql.DB\).Exec\)`
	_, err := s.db.Exec("SELECT 1")
	return err
}

func (s *Store) Feed() error { // want Feed:`io\(detached: database query via \(\*sql.DB\).Exec\)`
	_, err := s.db.Exec("SELECT 2")
	return err
}

func (s *Store) User() error { // want User:`io\(detached: database query via \(\*sql.DB\).Exec\)`
	_, err := s.db.Exec("SELECT 3")
	return err
}

func (s *Store) Count() error { // want Count:`io\(detached: database query via \(\*sql.DB\).ExecContext\)`
	_, err := s.db.ExecContext(context.Background(), "SELECT 4")
	return err
}

// EntriesContext takes the caller's context: not a cause.
func (s *Store) EntriesContext(ctx context.Context) error { // want EntriesContext:`io\(ctx1: database query via \(\*sql.DB\).ExecContext\)`
	_, err := s.db.ExecContext(ctx, "SELECT 1")
	return err
}

// Prefs has two cause methods: each is reported at its own name. It takes
// a context elsewhere (GetContext), so the context-less methods are
// reported by default (layerstore has the twin that takes none anywhere).
type Prefs struct{ db *sql.DB }

func (p *Prefs) GetContext(ctx context.Context) error { // want GetContext:`io\(ctx1: database query via \(\*sql.DB\).ExecContext\)`
	_, err := p.db.ExecContext(ctx, "SELECT 5")
	return err
}

func (p *Prefs) Get() error { // want Get:`io\(detached: database query via \(\*sql.DB\).Exec\)` `^\(\*typestore.Prefs\).Get runs a database query with no context \(\(\*sql.DB\).Exec at store.go:\d+\); 2 request paths reach it`
	_, err := p.db.Exec("SELECT 5")
	return err
}

func (p *Prefs) Set() error { // want Set:`io\(detached: database query via \(\*sql.DB\).Exec\)` `^\(\*typestore.Prefs\).Set runs a database query with no context \(\(\*sql.DB\).Exec at store.go:\d+\); 1 request path reaches it`
	_, err := p.db.Exec("SELECT 6")
	return err
}
