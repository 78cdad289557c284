// Package broken does not type-check: the analyzer stays silent.
package broken

import (
	"database/sql"
	"net/http"
	"strconv"
)

type API struct{ db *sql.DB }

func (a *API) list(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	a.db.Query(`SELECT id FROM users LIMIT $1`, n, undefined)
	a.db.Query(`SELECT id FROM users`)
}
