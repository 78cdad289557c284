// Package server wires the handlers to their storage and registers the
// routes: it sees the implementations of svc.Store.
package server

import (
	"database/sql"
	"net/http"

	"crosspkg/pgstore"
	"crosspkg/svc"
)

func Routes(db *sql.DB) *http.ServeMux {
	h := &svc.Handler{Store: pgstore.New(db)}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orders", h.ListOrders) // want `route "GET /orders" is estimated at ~1.01s`
	mux.HandleFunc("GET /orders/ids", h.Orders) // one query: ~10ms
	return mux
}
