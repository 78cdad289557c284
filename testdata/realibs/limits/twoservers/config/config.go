// Package config holds the configuration store and its handler, which
// reads the body whole: only the main server (../cmd) registers it,
// behind a middleware that limits every body.
package config

import (
	"io"
	"net/http"
)

// Store holds the configuration.
type Store struct{ data []byte }

// ServeConfig replaces the configuration with the request's body.
func (s *Store) ServeConfig(w http.ResponseWriter, r *http.Request) {
	data, err := io.ReadAll(r.Body) // want `io.ReadAll reads the request body whole with no limit`
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.data = data
}

// Get returns the configuration.
func (s *Store) Get() []byte { return s.data }
