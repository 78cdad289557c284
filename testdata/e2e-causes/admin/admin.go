// Package admin imports ui, which reports storage's causes already: it
// does not report them again.
package admin

import (
	"fmt"
	"net/http"

	"example.com/causes/storage"
	"example.com/causes/ui"
)

// Admin serves the console.
type Admin struct {
	UI    *ui.UI
	Store *storage.Storage
}

func (a *Admin) entries(w http.ResponseWriter, r *http.Request) {
	n, _ := a.Store.Entries(3)
	fmt.Fprintln(w, n)
	a.UI.Unread(w, r)
}

// Routes registers the console.
func (a *Admin) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /admin/entries", a.entries)
}
