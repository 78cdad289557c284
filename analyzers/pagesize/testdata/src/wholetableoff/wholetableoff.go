// Package wholetableoff reads whole tables in request paths, as
// wherefilters's tiers does; under -wholetable=false they are not reported,
// while an unclamped page size still is.
package wholetableoff

import (
	"database/sql"
	"net/http"
	"strconv"
)

type API struct{ db *sql.DB }

func (a *API) tiers(w http.ResponseWriter, r *http.Request) {
	a.db.Query(`SELECT id, code FROM tier`)
}

func (a *API) page(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	a.db.Query(`SELECT id FROM users ORDER BY id LIMIT $1`, limit) // want `page size from query parameter "limit" reaches LIMIT without an upper bound`
}
