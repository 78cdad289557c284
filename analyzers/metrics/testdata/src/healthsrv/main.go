// Command healthsrv is woodpecker's agent: a health-check server literal
// with no Handler serves http.DefaultServeMux, whose routes are all
// exempt (/healthz, /varz, /version), and is not reported; the agent's
// API server, a mux with a route of its own, is.
package main

import (
	"net/http"
	"time"
)

func heartbeat(w http.ResponseWriter, r *http.Request) {}

func api(w http.ResponseWriter, r *http.Request) {}

func init() {
	http.HandleFunc("/varz", heartbeat)
	http.HandleFunc("/healthz", heartbeat)
	http.HandleFunc("/version", heartbeat)
}

func main() {
	go func() {
		health := &http.Server{Addr: ":3000", ReadHeaderTimeout: time.Second}
		_ = health.ListenAndServe()
	}()
	mux := http.NewServeMux()
	mux.HandleFunc("/api", api)
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe() // want `the program served here does not define http_request_duration_seconds`
}
