// Package feedapi is a second handler package over feedstore: its calls
// join feedui's as related positions of the same findings.
package feedapi

import (
	"context"
	"net/http"

	"feedstore"
)

var store *feedstore.Storage

func entries(w http.ResponseWriter, r *http.Request) {
	_, _ = store.Entries(1)
	_, _ = store.UserByName("x")
}

func entriesFixed(w http.ResponseWriter, r *http.Request) {
	_, _ = store.EntriesContext(r.Context(), 1)
}

// A handler that passes context.Background() to a method that takes a
// context is its own fix, reported at its call.
func entriesBackground(w http.ResponseWriter, r *http.Request) {
	_, _ = store.EntriesContext(context.Background(), 1) // want `\(\*feedstore.Storage\).EntriesContext runs a database query \(\(\*sql.DB\).QueryContext\) with context.Background\(\) in a request path, .*pass the request's context \(r.Context\(\)\)`
}
