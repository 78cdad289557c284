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

// The field is set by a tuple assignment from strconv.Atoi and clamped
// after the error check (dendrite's federation backfill: req.Limit, err =
// strconv.Atoi(limit); if req.Limit > 100 { req.Limit = 100 }), and the
// struct is handed on by pointer.
func (a *API) structFieldTupleClamped(w http.ResponseWriter, r *http.Request) {
	var err error
	p := store.Page{Offset: 0}
	if p.Limit, err = strconv.Atoi(r.URL.Query().Get("limit")); err != nil {
		return
	}
	if p.Limit > 100 {
		p.Limit = 100
	}
	a.st.ListOrdersPtr(r.Context(), &p)
}

func (a *API) structFieldTuple(w http.ResponseWriter, r *http.Request) {
	var err error
	p := store.Page{Offset: 0}
	if p.Limit, err = strconv.Atoi(r.URL.Query().Get("limit")); err != nil {
		return
	}
	a.st.ListOrdersPtr(r.Context(), &p) // want `page size from query parameter "limit" reaches LIMIT through \(\*store.Store\).ListOrdersPtr`
}
