// Package testfiles registers a route in its code and another in a test
// file: the test's route is reported only with -budget.tests.
package testfiles

import (
	"context"
	"database/sql"
	"net/http"
)

var db *sql.DB

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /one", one) // one query: ~10ms
}

func one(w http.ResponseWriter, r *http.Request) {
	_, _ = db.QueryContext(r.Context(), "SELECT id FROM items WHERE id = $1", 1)
}

// refresh runs 20 queries: ~200ms in the database.
func refresh(ctx context.Context) {
	for i := 0; i < 20; i++ {
		_, _ = db.ExecContext(ctx, "UPDATE items SET seen = now() WHERE id = $1", i)
	}
}
