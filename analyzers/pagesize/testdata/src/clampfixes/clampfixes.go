// Package clampfixes has handlers whose page size the suggested fix
// clamps to the plan's max_page_size, and the shapes where it may not.
package clampfixes

import (
	"database/sql"
	"net/http"
	"strconv"
)

const maxPageSize = 100

type API struct{ db *sql.DB }

// fixed: the clamp goes right after the read.
func (a *API) list(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	a.db.QueryContext(r.Context(), `SELECT id FROM users ORDER BY id LIMIT $1`, limit) // want `page size from query parameter "limit" reaches LIMIT without an upper bound`
}

func (a *API) listClamped(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if limit > maxPageSize {
		limit = maxPageSize
	}
	a.db.QueryContext(r.Context(), `SELECT id FROM users ORDER BY id LIMIT $1`, limit)
}

// fixed, once for both queries: an int64, with an error check after the
// read.
func (a *API) twice(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.ParseInt(r.FormValue("n"), 10, 64)
	if err != nil {
		http.Error(w, "bad n", http.StatusBadRequest)
		return
	}
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT ?`, n)  // want `page size from form value "n" reaches LIMIT`
	a.db.Query(`SELECT id FROM groups ORDER BY id LIMIT ?`, n) // want `page size from form value "n" reaches LIMIT`
}

func (a *API) twiceClamped(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.ParseInt(r.FormValue("n"), 10, 64)
	if err != nil {
		http.Error(w, "bad n", http.StatusBadRequest)
		return
	}
	n = min(n, maxPageSize)
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT ?`, n)
	a.db.Query(`SELECT id FROM groups ORDER BY id LIMIT ?`, n)
}

// notAssignable: the page size is no variable; no fix.
func (a *API) notAssignable(w http.ResponseWriter, r *http.Request) {
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT ?`, atoi(r.FormValue("n"))) // want `page size from form value "n" reaches LIMIT`
}

func (a *API) notAssignableClamped(w http.ResponseWriter, r *http.Request) {
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT ?`, min(atoi(r.FormValue("n")), maxPageSize))
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// ifInit: the variable lives in the if's scope; no statement after its
// definition can clamp it; no fix.
func (a *API) ifInit(w http.ResponseWriter, r *http.Request) {
	if n, err := strconv.Atoi(r.FormValue("n")); err == nil {
		a.db.Query(`SELECT id FROM users ORDER BY id LIMIT ?`, n) // want `page size from form value "n" reaches LIMIT`
	}
}

func (a *API) ifInitClamped(w http.ResponseWriter, r *http.Request) {
	if n, err := strconv.Atoi(r.FormValue("n")); err == nil && n <= maxPageSize {
		a.db.Query(`SELECT id FROM users ORDER BY id LIMIT ?`, n)
	}
}

// reassigned: the function assigns n again; where a clamp belongs is a
// choice; no fix.
func (a *API) reassigned(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.FormValue("n"))
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT ?`, n) // want `page size from form value "n" reaches LIMIT`
	n = 10
	a.db.Query(`SELECT id FROM groups ORDER BY id LIMIT ?`, n)
}

// defaulted: the page size is a default or the request's value (a phi):
// the clamp goes right before the query.
func (a *API) defaulted(w http.ResponseWriter, r *http.Request) {
	n := 20
	if s := r.FormValue("n"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT ?`, n) // want `page size from form value "n" reaches LIMIT`
}

// onError: the default replaces a value that does not parse (a phi); the
// clamp goes before the statement that calls the helper.
func (a *API) onError(w http.ResponseWriter, r *http.Request) {
	limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil {
		limit = 20
	}
	if err := a.listUsers(limit); err != nil { // want `page size from query parameter "limit" reaches LIMIT through \(\*clampfixes.API\).listUsers`
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func (a *API) listUsers(n int) error {
	_, err := a.db.Query(`SELECT id FROM users ORDER BY id LIMIT ?`, n)
	return err
}

// twoVariables: a phi, and two local integers in the call: which one is
// the page size is not known from the syntax; no fix.
func (a *API) twoVariables(w http.ResponseWriter, r *http.Request) {
	n, offset := 20, 0
	if s := r.FormValue("n"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT ? OFFSET ?`, n, offset) // want `page size from form value "n" reaches LIMIT`
}

func (a *API) defaultedClamped(w http.ResponseWriter, r *http.Request) {
	n := 20
	if s := r.FormValue("n"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	n = min(n, maxPageSize)
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT ?`, n)
}
