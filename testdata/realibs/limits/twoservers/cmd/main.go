// Command cmd serves the configuration store behind a middleware that
// limits every body, and runs the monitor: nothing is reported.
// twoserversbare is the twin that sets no limit: config's read is
// reported, once, by the program that serves it.
package main

import (
	"net/http"
	"time"

	"example.com/realibs/limits/twoservers/config"
	"example.com/realibs/limits/twoservers/monitor"
)

func limit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
		next.ServeHTTP(w, r)
	})
}

func main() {
	store := &config.Store{}
	go func() { _ = monitor.Run(store) }()
	mux := http.NewServeMux()
	mux.HandleFunc("PUT /api/config", store.ServeConfig)
	srv := &http.Server{Addr: ":8080", Handler: limit(mux), ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
