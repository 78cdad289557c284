// Package api calls the repository through its interface; the
// implementation it imports reaches LIMIT with the size it is given.
package api

import (
	"net/http"
	"strconv"

	_ "ifacerepo/pg" // the implementation, registered by the program
	"ifacerepo/repo"
)

type API struct{ Users repo.Users }

func (a *API) list(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	a.Users.List(r.Context(), limit) // want `page size from query parameter "limit" reaches LIMIT through \(\*pg.Users\).List \(pg/pg.go:12\) without an upper bound`
}

// The clamped twin.
func (a *API) listClamped(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	a.Users.List(r.Context(), min(limit, 100))
}

// The implementation clamps.
func (a *API) names(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	a.Users.Names(r.Context(), limit)
}
