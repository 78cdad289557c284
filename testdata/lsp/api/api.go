// Package api serves users over HTTP.
package api

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"

	"example.com/lspfixture/store"
)

// API serves users.
type API struct {
	DB    *sql.DB
	Store *store.Store
}

// users lists the users' ids.
func (a *API) users(w http.ResponseWriter, r *http.Request) {
	rows, err := a.DB.Query("SELECT id FROM users")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			return
		}
		fmt.Fprintln(w, id)
	}
}

// user prints one user's name.
func (a *API) user(w http.ResponseWriter, r *http.Request) {
	name, err := a.Store.UserName(context.Background(), 1)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	fmt.Fprintln(w, name)
}

// names prints the name of every user of team 1, one query per id.
func (a *API) names(w http.ResponseWriter, r *http.Request) {
	ids, _ := a.Store.IDs(r.Context(), 1)
	for _, id := range ids {
		var name string
		if err := a.DB.QueryRowContext(r.Context(), "SELECT name FROM users WHERE id = $1", id).Scan(&name); err != nil {
			continue
		}
		fmt.Fprintln(w, name)
	}
}

// count prints the number of users.
func (a *API) count(w http.ResponseWriter, r *http.Request) {
	n, err := a.Store.Count()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	fmt.Fprintln(w, n)
}

// page prints one page of user ids, as many as ?limit asks for.
func (a *API) page(w http.ResponseWriter, r *http.Request) {
	rows, err := a.DB.QueryContext(r.Context(), "SELECT id FROM users ORDER BY id LIMIT $1", r.URL.Query().Get("limit"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer rows.Close()
}

// Routes registers the handlers.
func (a *API) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /users", a.users)
	mux.HandleFunc("GET /users/{id}", a.user)
	mux.HandleFunc("GET /names", a.names)
	mux.HandleFunc("GET /users/count", a.count)
	mux.HandleFunc("GET /page", a.page)
}
