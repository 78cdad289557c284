// Package broken does not type-check: the rules that need no flow
// analysis still run.
package broken

import (
	"context"
	"database/sql"

	"store"
)

func names(ctx context.Context, db *sql.DB, st *store.Store, ids []int64) {
	for _, id := range ids {
		_ = db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id) // want `^\(\*sql.DB\).QueryRowContext runs a query once per element of ids`
		_, _ = st.UserByID(ctx, id)                                             // want `^\(\*store.Store\).UserByID runs a query \(\(\*sql.DB\).QueryRowContext in store/store.go:\d+\) once per element of ids`
	}
	undefined()
}
