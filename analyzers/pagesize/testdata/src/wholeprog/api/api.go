// Package api calls the driver through store's interface; it imports no
// implementation: main does (the whole-program findings are main's,
// reported here).
package api

import (
	"net/http"
	"strconv"

	"wholeprog/store"
)

type API struct {
	Driver store.Driver
	Store  *store.Store
}

func (a *API) list(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	a.Driver.ListUsers(r.Context(), limit) // want `page size from query parameter "limit" reaches LIMIT through \(store.Driver\).ListUsers, implemented by \(\*pg.DB\).ListUsers \(pg/pg.go:14\) without an upper bound`
}

// The clamped twin.
func (a *API) listClamped(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	a.Driver.ListUsers(r.Context(), min(limit, 100))
}

// The implementation clamps.
func (a *API) names(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	a.Driver.Names(r.Context(), limit)
}

func (a *API) all(w http.ResponseWriter, r *http.Request) {
	a.Store.All(r.Context()) // want `\(\*store.Store\).All reads every row of users \(no LIMIT\) in a request path, through \(store.Driver\).AllUsers, implemented by \(\*pg.DB\).AllUsers → \(\*sql.DB\).QueryContext at pg/pg.go:25`
}

// The paged twin: the implementation has a LIMIT.
func (a *API) first(w http.ResponseWriter, r *http.Request) {
	a.Store.First(r.Context())
}

// Directly through the interface, the same read: one cause, one finding
// (this call is a related position of the finding in all).
func (a *API) allDirect(w http.ResponseWriter, r *http.Request) {
	a.Driver.AllUsers(r.Context())
}

// A read of its own, directly through the interface.
func (a *API) every(w http.ResponseWriter, r *http.Request) {
	a.Driver.Every(r.Context()) // want `\(store.Driver\).Every reads every row of teams \(no LIMIT\) in a request path, through its implementation \(\*pg.DB\).Every → \(\*sql.DB\).QueryContext at pg/pg.go:36`
}
