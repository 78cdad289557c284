// Package api serves users over HTTP.
package api

import (
	"context"
	"fmt"
	"net/http"

	"example.com/e2e/store"
)

// API serves users.
type API struct{ Store *store.Store }

func (a *API) user(w http.ResponseWriter, r *http.Request) {
	name, err := a.Store.UserName(context.Background(), 1)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	fmt.Fprintln(w, name)
}

func (a *API) count(w http.ResponseWriter, r *http.Request) {
	n, err := a.Store.Count()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	fmt.Fprintln(w, n)
}

// Serve starts the server.
func (a *API) Serve() error {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /users/{id}", a.user)
	mux.HandleFunc("GET /users/count", a.count)
	return http.ListenAndServe(":8080", mux)
}
