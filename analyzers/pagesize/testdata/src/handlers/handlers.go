// Package handlers calls the store's helpers from HTTP handlers: the
// findings sit at the handlers' calls.
package handlers

import (
	"net/http"
	"strconv"

	"store"
)

type API struct{ st *store.Store }

func (a *API) list(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	a.st.ListUsers(r.Context(), limit) // want `page size from query parameter "limit" reaches LIMIT through \(\*store.Store\).ListUsers \(store/store.go:16\) without an upper bound`
}

func (a *API) listClampedHere(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	a.st.ListUsers(r.Context(), store.Clamp(limit))
}

func (a *API) listClampedThere(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	a.st.ListUsersClamped(r.Context(), limit)
}

func (a *API) parsed(w http.ResponseWriter, r *http.Request) {
	a.st.ListUsers(r.Context(), store.ParseLimit(r)) // want `page size from query parameter "limit" reaches LIMIT through`
}

func (a *API) parsedClamped(w http.ResponseWriter, r *http.Request) {
	a.st.ListUsers(r.Context(), store.ParseLimitClamped(r))
}

func (a *API) passedThrough(w http.ResponseWriter, r *http.Request) {
	a.st.ListUsers(r.Context(), store.Atoi(r.FormValue("n"))) // want `page size from form value "n" reaches LIMIT through`
}

func (a *API) passedThroughClamped(w http.ResponseWriter, r *http.Request) {
	n := store.Atoi(r.FormValue("n"))
	if n > 50 {
		n = 50
	}
	a.st.ListUsers(r.Context(), n)
}

func (a *API) structField(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	a.st.ListOrders(r.Context(), store.Page{Limit: limit}) // want `page size from query parameter "limit" reaches LIMIT through \(\*store.Store\).ListOrders`
}

func (a *API) structFieldClamped(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	p := store.Page{Limit: limit}
	p.Limit = min(p.Limit, 100)
	a.st.ListOrders(r.Context(), p)
}

func (a *API) structFieldNormalized(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	p := store.Page{Limit: limit}
	p.Normalize()
	a.st.ListOrders(r.Context(), p)
}

// A local helper carries the parameter on to the store.
func (a *API) fetch(r *http.Request, n int) error {
	return a.st.ListUsers(r.Context(), n)
}

func (a *API) viaLocalHelper(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	a.fetch(r, n) // want `page size from query parameter "n" reaches LIMIT through \(\*handlers.API\).fetch → \(\*store.Store\).ListUsers`
}

func (a *API) viaLocalHelperClamped(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	a.fetch(r, min(n, 100))
}
