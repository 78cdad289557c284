// Package parentkeys is checked with -parentkeys: reads of a child
// collection by its parent's key are reported too.
package parentkeys

import (
	"database/sql"
	"net/http"
)

type API struct{ db *sql.DB }

func (a *API) items(w http.ResponseWriter, r *http.Request) {
	a.db.Query(`SELECT product_id FROM order_items WHERE order_id = $1`, 1) // want `reads every row of order_items with the same order_id \(no LIMIT\) in a request path`
}

func (a *API) itemsPage(w http.ResponseWriter, r *http.Request) {
	a.db.Query(`SELECT product_id FROM order_items WHERE order_id = $1 LIMIT 100`, 1)
}

// A unique key is still fine.
func (a *API) item(w http.ResponseWriter, r *http.Request) {
	a.db.Query(`SELECT product_id FROM order_items WHERE id = $1`, 1)
}
