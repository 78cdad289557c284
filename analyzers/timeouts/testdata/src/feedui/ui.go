// Package feedui holds handlers that call feedstore, whose methods take no
// context: the causes are reported at feedstore's methods, not here.
package feedui

import (
	"database/sql"
	"net/http"

	"feedstore"
)

var (
	store *feedstore.Storage
	db    *sql.DB
)

func showEntries(w http.ResponseWriter, r *http.Request) {
	_, _ = store.Entries(1)
	_, _ = store.UserByID(1)
	// The fixed twins: nothing to report.
	_, _ = store.EntriesContext(r.Context(), 1)
	_, _ = store.UserByIDContext(r.Context(), 1)
}

func showFeeds(w http.ResponseWriter, r *http.Request) {
	_, _ = store.Feeds()
	_ = store.Vacuum()
}

// ShowUnread is exported: feedadmin, which imports this package, calls it.
func ShowUnread(w http.ResponseWriter, r *http.Request) {
	_, _ = store.Entries(2)
}

// countUnread is a helper of the handler package with no context; the
// cause it reaches is still feedstore's Entries.
func countUnread() int {
	e, _ := store.Entries(3)
	return len(e)
}

func unread(w http.ResponseWriter, r *http.Request) {
	_ = countUnread()
}

// stats is a cause in the handler package itself, reached from two
// handlers: reported once, here.
func stats() int { // want `^feedui.stats runs a database query with no context \(\(\*sql.DB\).QueryRow at ui.go:50\); 2 request paths reach it`
	var n int
	_ = db.QueryRow("SELECT count(*) FROM entries").Scan(&n)
	return n
}

func statsPage(w http.ResponseWriter, r *http.Request) { _ = stats() }

func statsJSON(w http.ResponseWriter, r *http.Request) { _ = stats() }

// statsContext is the fixed twin of stats; its callers pass the request's
// context.
func statsContext(r *http.Request) int {
	var n int
	_ = db.QueryRowContext(r.Context(), "SELECT count(*) FROM entries").Scan(&n)
	return n
}

func statsFixed(w http.ResponseWriter, r *http.Request) { _ = statsContext(r) }

// job is not a request path.
func job() {
	_, _ = store.Entries(1)
	_ = feedstore.Cleanup(store)
}
