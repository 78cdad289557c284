// Package api serves JSON over storage; it does not import ui.
package api

import (
	"fmt"
	"net/http"

	"example.com/causes/storage"
)

// API serves JSON.
type API struct{ Store *storage.Storage }

func (a *API) entries(w http.ResponseWriter, r *http.Request) {
	n, _ := a.Store.Entries(1)
	name, _ := a.Store.UserByName("x")
	fmt.Fprintln(w, n, name)
}

// Routes registers the endpoints.
func (a *API) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /api/entries", a.entries)
}
