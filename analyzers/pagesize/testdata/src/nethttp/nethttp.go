// Package nethttp has net/http handlers whose page size comes from the
// request, each next to its correct twin.
package nethttp

import (
	"database/sql"
	"net/http"
	"strconv"
)

const maxPageSize = 100

type API struct{ db *sql.DB }

// ---- sources ----

func (a *API) queryGet(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	a.db.QueryContext(r.Context(), `SELECT id FROM users ORDER BY id LIMIT $1`, limit) // want `page size from query parameter "limit" reaches LIMIT without an upper bound, so one request can ask for every row; clamp it to the plan's max_page_size \(100\)`
}

func (a *API) queryGetClamped(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if limit > maxPageSize {
		limit = maxPageSize
	}
	a.db.QueryContext(r.Context(), `SELECT id FROM users ORDER BY id LIMIT $1`, limit)
}

func (a *API) formValue(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.ParseInt(r.FormValue("n"), 10, 64)
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT ?`, n) // want `page size from form value "n" reaches LIMIT without an upper bound`
}

func (a *API) formValueClamped(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.ParseInt(r.FormValue("n"), 10, 64)
	n = min(n, maxPageSize)
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT ?`, n)
}

func (a *API) postFormValue(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.PostFormValue("size"))
	a.db.Query(`SELECT id FROM users WHERE name = ? ORDER BY id LIMIT ?`, "x", n) // want `page size from form value "size" reaches LIMIT`
}

func (a *API) postFormValueRejected(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.PostFormValue("size"))
	if n <= 0 || n > maxPageSize {
		http.Error(w, "bad size", http.StatusBadRequest)
		return
	}
	a.db.Query(`SELECT id FROM users WHERE name = ? ORDER BY id LIMIT ?`, "x", n)
}

func (a *API) pathValue(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.PathValue("n"))
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT :n`, sql.Named("n", n)) // want `page size from path parameter "n" reaches LIMIT`
}

func (a *API) pathValueClamped(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.PathValue("n"))
	if n < 1 || n > maxPageSize {
		n = 20
	}
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT :n`, sql.Named("n", n))
}

func (a *API) form(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	n, _ := strconv.Atoi(r.Form.Get("n"))
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, n) // want `page size from form value "n" reaches LIMIT`
}

func (a *API) formSwitch(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	n, _ := strconv.Atoi(r.Form.Get("n"))
	switch {
	case n <= 0:
		n = 20
	case n > maxPageSize:
		n = maxPageSize
	}
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, n)
}

// ---- sinks ----

// The LIMIT placeholder is the second argument; the first is a key.
func (a *API) offsetNotLimit(w http.ResponseWriter, r *http.Request) {
	offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1 OFFSET $2`, 20, offset)
}

func (a *API) limitAfterOffset(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	a.db.Query(`SELECT id FROM users ORDER BY id OFFSET $1 LIMIT $2`, 0, limit) // want `query parameter "limit" reaches LIMIT`
}

func (a *API) makeSlice(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	ids := make([]int64, 0, n) // want `page size from query parameter "n" sizes make without an upper bound, so one request can allocate any amount of memory`
	_ = ids
}

func (a *API) makeSliceClamped(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	ids := make([]int64, 0, min(n, maxPageSize))
	_ = ids
}

// The id is not a page size: it does not reach a LIMIT.
func (a *API) keyNotSize(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.Atoi(r.PathValue("id"))
	a.db.QueryRow(`SELECT name FROM users WHERE id = $1`, id)
}

// ---- barriers ----

func (a *API) arithmetic(w http.ResponseWriter, r *http.Request) {
	page, _ := strconv.Atoi(r.URL.Query().Get("per_page"))
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, page+1) // want `query parameter "per_page" reaches LIMIT`
}

func (a *API) arithmeticClamped(w http.ResponseWriter, r *http.Request) {
	page, _ := strconv.Atoi(r.URL.Query().Get("per_page"))
	if page > maxPageSize {
		page = maxPageSize
	}
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, page+1)
}

// A clamp on one path only does not bound the other.
func (a *API) clampOnOnePath(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	if r.Method == http.MethodHead {
		n = min(n, maxPageSize)
	}
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, n) // want `query parameter "n" reaches LIMIT`
}

// A lower bound is not an upper bound.
func (a *API) lowerBoundOnly(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	if n < 1 {
		n = 1
	}
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, n) // want `query parameter "n" reaches LIMIT`
}

func (a *API) boundedByConfig(w http.ResponseWriter, r *http.Request, cfgMax int) {
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	if n > cfgMax {
		n = cfgMax
	}
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, n)
}

type limits struct{ max int }

func (a *API) minOfSetting(w http.ResponseWriter, r *http.Request, l *limits) {
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, min(n, l.max))
}

func (a *API) minOfRequest(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	m, _ := strconv.Atoi(r.URL.Query().Get("m"))
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, min(n, m)) // want `query parameter "n" reaches LIMIT`
}

func (a *API) modulo(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, n%maxPageSize)
}

// ---- clamps above the plan ----

func (a *API) clampAbovePlan(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	if n > 1000 { // want `page size is clamped to 1000, above the plan's max_page_size \(100\); one request can still read 1000 rows; lower the bound to 100`
		n = 1000
	}
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, n)
}

func (a *API) clampAtPlan(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	if n >= 101 {
		n = 100
	}
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, n)
}

func (a *API) minAbovePlan(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, min(n, 500)) // want `page size is clamped to 500, above the plan's max_page_size \(100\)`
}

// A buffer's bound is not a page size: the plan bounds rows.
func (a *API) bufferBound(w http.ResponseWriter, r *http.Request, length int) []byte {
	if length < 1<<18 {
		return make([]byte, length)
	}
	return nil
}

// A bound on a value that is not a page size is none of this analyzer's
// business.
func (a *API) boundOnOtherValue(w http.ResponseWriter, r *http.Request) {
	retries, _ := strconv.Atoi(r.URL.Query().Get("retries"))
	if retries > 1000 {
		retries = 1000
	}
	_ = retries
}
