// Command opsgroups is sftpgo's telemetry server: a chi router whose
// groups serve /healthz, the scrape endpoint (added by a helper of another
// package) and pprof behind a check, on a server that another package's
// helper starts. An operations server, not one of users: not reported.
package main

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

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
		r.Mount("/debug", middleware.Profiler())
	})
	srv := &http.Server{Addr: ":10000", Handler: router, ReadHeaderTimeout: 5e9}
	_ = opsutil.ListenAndServe(srv)
}
