// Package typeui holds handlers that call typestore: the causes are
// reported in typestore, not here.
package typeui

import (
	"net/http"

	"typestore"
)

var (
	store *typestore.Store
	prefs *typestore.Prefs
)

func entries(w http.ResponseWriter, r *http.Request) {
	_ = store.Entries()
	_ = store.Feed()
	_ = prefs.Get()
	_ = store.EntriesContext(r.Context()) // the fixed twin
}
