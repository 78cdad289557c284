// Package layerstore is a storage layer that takes no context anywhere:
// none of Store's methods, and none of the package's functions, has a
// context, *http.Request or framework context parameter (typestore's Prefs
// and feedstore's Storage, which take one elsewhere, are the twins). Its
// database queries are short round trips and making the layer take a
// context is a design change, so by default they are not reported; with
// -timeouts.layers they are, once per type and once per package. Its HTTP
// request is a call to another service, reported by default.
package layerstore

import (
	"database/sql"
	"net/http"
)

type Store struct {
	db *sql.DB
	hc *http.Client
}

func (s *Store) Entries() error { // want Entries:`io\(detached: database query via \(\*sql.DB\).Exec\)`
	_, err := s.db.Exec("SELECT 1")
	return err
}

func (s *Store) Feed() error { // want Feed:`io\(detached: database query via \(\*sql.DB\).Exec\)`
	_, err := s.db.Exec("SELECT 2")
	return err
}

// Fetch calls another service with no context: reported by default, at
// its name, though its layer takes no context.
func (s *Store) Fetch(url string) error { // want Fetch:`io\(detached: HTTP request via http.NewRequest\)` `^\(\*layerstore.Store\).Fetch runs an HTTP request with no context \(http.NewRequest at store.go:\d+\); 1 request path reaches it`
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := s.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Latest reads the request's query parameters: a *http.Request that is no
// handler's (mailpit's storage.LatestID) puts no context at hand in the
// layer.
func Latest(r *http.Request) string { return r.URL.Query().Get("id") }

// Count and Purge are the package's plain functions with no context.
func Count(db *sql.DB) error { // want Count:`io\(detached: database query via \(\*sql.DB\).Exec\)`
	_, err := db.Exec("SELECT count(*) FROM entries")
	return err
}

func Purge(db *sql.DB) error { // want Purge:`io\(detached: database query via \(\*sql.DB\).Exec\)`
	_, err := db.Exec("DELETE FROM entries")
	return err
}

// Notify sends its request, which has no context, through
// http.DefaultClient, which has no timeout: the client's finding is the
// one fix (a client with a Timeout bounds the request too), so the
// request is not reported again (no fact, no request finding).
func Notify(url string) error {
	req, err := http.NewRequest(http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `^http.DefaultClient.Do has no timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
