// Package planmax is checked with a plan whose max_page_size is 500.
package planmax

import (
	"database/sql"
	"net/http"
	"strconv"
)

type API struct{ db *sql.DB }

func (a *API) withinPlan(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	if n > 500 {
		n = 500
	}
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, n)
}

func (a *API) abovePlan(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	if n > 501 { // want `page size is clamped to 501, above the plan's max_page_size \(500\)`
		n = 501
	}
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, n)
}

func (a *API) unclamped(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, n) // want `clamp it to the plan's max_page_size \(500\)`
}
