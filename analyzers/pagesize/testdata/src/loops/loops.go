// Package loops has the running minimum and maximum of Go 1.21's min and
// max in loops, whose phis feed min and max back into themselves: the
// trace must end on them (it once overflowed the stack), and a clamp with
// min must still count as one.
package loops

import (
	"database/sql"
	"encoding/json"
	"net/http"
	"strconv"
)

const maxPageSize = 100

type API struct{ db *sql.DB }

// smallest is the idiom as real services write it; its result is traced
// (a helper's result may carry a page size), and carries nothing.
func smallest(items []int) int {
	mn := 0
	for _, value := range items {
		if mn == 0 {
			mn = value
		} else if value > 0 {
			mn = min(mn, value)
		}
	}
	return mn
}

func largest(items []int) int {
	mx := 0
	for _, value := range items {
		if value > 0 {
			mx = max(mx, value)
		}
	}
	return mx
}

// minOfParams returns a parameter through the phi: its callers' page
// sizes keep no bound through it.
func minOfParams(first int, rest []int) int {
	mn := first
	for _, value := range rest {
		mn = min(mn, value)
	}
	return mn
}

// clampAll bounds its parameter before the loop: a clamp function.
func clampAll(first int, caps []int) int {
	mn := min(first, maxPageSize)
	for _, c := range caps {
		mn = min(mn, c)
	}
	return mn
}

var keys = []string{"limit", "size"}

// ---- the running minimum of request values ----

func (a *API) runningMin(w http.ResponseWriter, r *http.Request) {
	mn := 0
	for _, key := range keys {
		value, _ := strconv.Atoi(r.FormValue(key))
		if mn == 0 {
			mn = value
		} else if value > 0 {
			mn = min(mn, value)
		}
	}
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, mn) // want `page size from form value reaches LIMIT without an upper bound`
}

func (a *API) runningMinClamped(w http.ResponseWriter, r *http.Request) {
	mn := 0
	for _, key := range keys {
		value, _ := strconv.Atoi(r.FormValue(key))
		if mn == 0 {
			mn = value
		} else if value > 0 {
			mn = min(mn, value)
		}
	}
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, min(mn, maxPageSize))
}

func (a *API) runningMax(w http.ResponseWriter, r *http.Request) {
	mx := 0
	for _, key := range keys {
		value, _ := strconv.Atoi(r.FormValue(key))
		mx = max(mx, value)
	}
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, mx) // want `page size from form value reaches LIMIT without an upper bound`
}

func (a *API) runningMaxClamped(w http.ResponseWriter, r *http.Request) {
	mx := 0
	for _, key := range keys {
		value, _ := strconv.Atoi(r.FormValue(key))
		mx = max(mx, value)
	}
	mx = min(mx, maxPageSize)
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, mx)
}

// ---- a clamp with min on the way into the loop ----

// The loop can only lower a clamped value: min(limit, 100) still bounds
// what reaches the query.
func (a *API) clampThenLoop(w http.ResponseWriter, r *http.Request, caps []int) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	n := min(limit, maxPageSize)
	for _, c := range caps {
		n = min(n, c)
	}
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, n)
}

// The loop may not run: the request's value reaches the query as sent.
func (a *API) loopWithoutClamp(w http.ResponseWriter, r *http.Request, caps []int) {
	n, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	for _, c := range caps {
		n = min(n, c)
	}
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, n) // want `page size from query parameter "limit" reaches LIMIT without an upper bound`
}

// A clamp in the loop above the plan is still a clamp, and still checked.
func (a *API) clampInLoopAbovePlan(w http.ResponseWriter, r *http.Request) {
	n := 0
	for _, key := range keys {
		value, _ := strconv.Atoi(r.FormValue(key))
		n = min(max(n, value), 1000) // want `page size is clamped to 1000, above the plan's max_page_size \(100\)`
	}
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, n)
}

func (a *API) clampInLoop(w http.ResponseWriter, r *http.Request) {
	n := 0
	for _, key := range keys {
		value, _ := strconv.Atoi(r.FormValue(key))
		n = min(max(n, value), maxPageSize)
	}
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, n)
}

// ---- without the phi ----

func (a *API) minOfTwo(w http.ResponseWriter, r *http.Request) {
	x, _ := strconv.Atoi(r.FormValue("a"))
	y, _ := strconv.Atoi(r.FormValue("b"))
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, min(x, y)) // want `page size from form value "a" reaches LIMIT without an upper bound`
}

func (a *API) minOfTwoClamped(w http.ResponseWriter, r *http.Request) {
	x, _ := strconv.Atoi(r.FormValue("a"))
	y, _ := strconv.Atoi(r.FormValue("b"))
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, min(x, y, maxPageSize))
}

func (a *API) maxOfTwo(w http.ResponseWriter, r *http.Request) {
	x, _ := strconv.Atoi(r.FormValue("a"))
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, max(x, 10)) // want `page size from form value "a" reaches LIMIT without an upper bound`
}

func (a *API) maxOfTwoClamped(w http.ResponseWriter, r *http.Request) {
	x, _ := strconv.Atoi(r.FormValue("a"))
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, min(max(x, 10), maxPageSize))
}

// ---- through helpers with the idiom ----

func (a *API) viaMinOfParams(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.FormValue("n"))
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, minOfParams(n, nil)) // want `page size from form value "n" reaches LIMIT without an upper bound`
}

func (a *API) viaMinOfParamsClamped(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.FormValue("n"))
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, clampAll(n, nil))
}

func (a *API) smallestOfItems(w http.ResponseWriter, r *http.Request, items []int) {
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, smallest(items))
	_ = make([]int, largest(items))
}

// ---- a field of a struct decoded from the request ----

type listRequest struct {
	Limit int `json:"limit"`
}

// The stored value reads the field it replaces: the trace of the store
// meets the field again and must end there.
func (a *API) fieldSelfUpdate(w http.ResponseWriter, r *http.Request) {
	var req listRequest
	json.NewDecoder(r.Body).Decode(&req)
	for range 3 {
		req.Limit = max(req.Limit, 1)
	}
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, req.Limit) // want `page size from request field "Limit" reaches LIMIT without an upper bound`
}

func (a *API) fieldSelfUpdateClamped(w http.ResponseWriter, r *http.Request) {
	var req listRequest
	json.NewDecoder(r.Body).Decode(&req)
	for range 3 {
		req.Limit = min(max(req.Limit, 1), maxPageSize)
	}
	req.Limit = min(req.Limit, maxPageSize)
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, req.Limit)
}

// Two local structs copied into each other in a loop: prev holds the
// request's value after one round.
func (a *API) structSwap(w http.ResponseWriter, r *http.Request) {
	var req, prev listRequest
	json.NewDecoder(r.Body).Decode(&req)
	for range 3 {
		p, q := &prev, &req
		*p = *q
		*q = *p
	}
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, prev.Limit) // want `page size from request field "Limit" reaches LIMIT without an upper bound`
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, min(prev.Limit, maxPageSize))
}
