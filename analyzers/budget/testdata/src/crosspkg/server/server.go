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
	// The loop ranges over what Store.Orders returns: a page of 100 where
	// svc sees only the interface, the LIMIT 50 of pgstore's query here.
	mux.HandleFunc("GET /orders", h.ListOrders) // want `route "GET /orders" is estimated at ~510ms`
	mux.HandleFunc("GET /orders/ids", h.Orders) // one query: ~10ms
	// The same loop over what a helper of svc returns: its fact names the
	// open call its rows come from.
	mux.HandleFunc("GET /orders/each", h.EachOrder) // want `route "GET /orders/each" is estimated at ~510ms`
	// Twin: pgstore's Items query has no LIMIT, so its page stays
	// max_page_size (100).
	mux.HandleFunc("GET /items", h.ListItems) // want `route "GET /items" is estimated at ~1.01s`
	// Twin: items per order per customer stay at the customers' page (100)
	// once Orders is resolved: 10ms + 100 × 10ms + 100 × 10ms.
	mux.HandleFunc("GET /customers/orders", h.CustomerOrders) // want `route "GET /customers/orders" is estimated at ~2.01s`
	return mux
}
