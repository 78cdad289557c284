// Package api loops over the store's methods: the facts cross the
// package boundary.
package api

import (
	"net/http"

	"store"
)

type API struct{ st *store.Store }

func (a *API) users(w http.ResponseWriter, r *http.Request, ids []int64) {
	for _, id := range ids {
		u, err := a.st.UserByID(r.Context(), id) // want `^\(\*store.Store\).UserByID runs a query \(\(\*sql.DB\).QueryRowContext in store/store.go:\d+\) once per element of ids; load them in one query before the loop \(WHERE id = ANY\(\$1\), or IN \(...\)\)$`
		if err != nil {
			return
		}
		_ = u
	}
	users, _ := a.st.UsersByIDs(r.Context(), ids)
	for _, u := range users {
		_ = store.Key(u.ID)
		_, _ = a.st.Profile(r.Context(), u.ID) // want `^\(\*store.Store\).Profile runs a query \(\(\*store.Store\).UserByID → \(\*sql.DB\).QueryRowContext in store/store.go:\d+\) once per element of users`
		_ = a.st.Touch(r.Context(), u.ID)      // want `^\(\*store.Store\).Touch runs a write \(\(\*sql.DB\).ExecContext in store/store.go:\d+\) once per element of users; write them in one statement`
	}
}
