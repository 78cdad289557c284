// Package endpoints holds routes with their own objectives in the plan
// (GET /orders/{id}: p95 50ms), and a suppressed finding.
package endpoints

import (
	"database/sql"
	"net/http"
)

var db *sql.DB

func Routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orders/{id}", order)   // want `route "GET /orders/\{id\}" is estimated at ~100ms from its code, above its p95 objective of 50ms \(its endpoints entry\)`
	mux.HandleFunc("GET /orders/{id}/x", order) // the same cost, held to the SLO's 500ms
	mux.HandleFunc("GET /orders/{id}/y", simple)

	//perfvet:ignore budget the batch export runs at night, off the SLO
	mux.HandleFunc("GET /export", export)
	return mux
}

func order(w http.ResponseWriter, r *http.Request) {
	_ = db.QueryRowContext(r.Context(), "SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer WHERE o.id = $1", r.PathValue("id")).Scan(new(int), new(string))
}

func simple(w http.ResponseWriter, r *http.Request) {
	_ = db.QueryRowContext(r.Context(), "SELECT id FROM orders WHERE id = $1", r.PathValue("id")).Scan(new(int))
}

func export(w http.ResponseWriter, r *http.Request) {
	for i := 0; i < 1000; i++ {
		_ = db.QueryRowContext(r.Context(), "SELECT id FROM orders WHERE id = $1", i).Scan(new(int))
	}
}
