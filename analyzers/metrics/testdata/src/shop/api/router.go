// want package:`metrics\(http_request_duration_seconds:histogram\{method,path,status\} http_requests_total:counter\{method,path,status\}\)`

// Package api registers the shop's routes.
package api

import (
	"net/http"

	"shop/metrics"
)

func list(w http.ResponseWriter, r *http.Request)  {}
func admin(w http.ResponseWriter, r *http.Request) {}

// NewRouter registers the routes, each wrapped in the metrics middleware.
func NewRouter() *http.ServeMux { // want NewRouter:`records\(http_request_duration_seconds http_requests_total\)`
	mux := http.NewServeMux()
	mux.Handle("GET /products", metrics.Instrument(http.HandlerFunc(list)))
	mux.Handle("GET /products/{id}", metrics.Instrument(http.HandlerFunc(list)))

	mux.HandleFunc("GET /admin/orders/{id}", admin) // want `route "GET /admin/orders/\{id\}" is not covered by the metrics middleware \(metrics.Instrument\) that covers the other routes of its router, so its requests are missing from the request rates and latencies the plan's SLOs are read from; wrap its handler or register it where the middleware applies`
	mux.Handle("GET /admin/users/{id}", metrics.Instrument(http.HandlerFunc(admin)))
	mux.Handle("GET /static/", http.StripPrefix("/static", metrics.Instrument(http.FileServer(http.Dir("static")))))
	mux.Handle("GET /files/", http.StripPrefix("/files", http.FileServer(http.Dir("files")))) // want `route "GET /files/" is not covered by the metrics middleware \(metrics.Instrument\)`

	mux.Handle("GET /metrics", metrics.Handler()) // the scrape endpoint
	mux.HandleFunc("GET /healthz", list)          // a health check
	return mux
}

// Unwrapped registers routes that no middleware covers: nothing here is
// instrumented, so the routes are not reported one by one (the server
// start says what the program lacks).
func Unwrapped() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /a", list)
	mux.HandleFunc("GET /b", list)
	return mux
}

// Wrapped wraps the whole mux.
func Wrapped() http.Handler { // want Wrapped:`records\(http_request_duration_seconds http_requests_total\)`
	mux := http.NewServeMux()
	mux.HandleFunc("GET /a", list)
	mux.Handle("GET /b", metrics.Instrument(http.HandlerFunc(list)))
	return metrics.Instrument(mux)
}

// DefaultMux registers on http.DefaultServeMux.
func DefaultMux() { // want DefaultMux:`records\(http_request_duration_seconds http_requests_total\)`
	http.Handle("/orders", metrics.Instrument(http.HandlerFunc(list)))
	http.HandleFunc("/refunds", list) // want `route "/refunds" is not covered by the metrics middleware \(metrics.Instrument\)`
}
