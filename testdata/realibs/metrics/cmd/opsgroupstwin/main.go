// Command opsgroupstwin serves the same groups, and an API in one of them:
// a server of users, reported.
package main

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"example.com/realibs/metrics/opsutil"
)

func main() {
	router := chi.NewRouter()
	router.Group(func(r chi.Router) {
		r.Get("/healthz", func(w http.ResponseWriter, r *http.Request) {
			_, _ = w.Write([]byte("ok"))
		})
	})
	router.Group(func(r chi.Router) {
		opsutil.AddMetricsEndpoint("/metrics", r)
		r.Get("/api/users", func(w http.ResponseWriter, r *http.Request) {
			_, _ = w.Write([]byte(r.URL.Query().Get("name")))
		})
	})
	srv := &http.Server{Addr: ":10000", Handler: router, ReadHeaderTimeout: 5e9}
	_ = opsutil.ListenAndServe(srv) // want `the program served here does not define http_request_duration_seconds`
}
