// Command cmd is twoservers' twin: it serves the configuration store
// with no body limit, so config's read is reported (the // want is in
// twoservers/config).
package main

import (
	"net/http"
	"time"

	"example.com/realibs/limits/twoservers/config"
	"example.com/realibs/limits/twoservers/monitor"
)

func main() {
	store := &config.Store{}
	go func() { _ = monitor.Run(store) }()
	mux := http.NewServeMux()
	mux.HandleFunc("PUT /api/config", store.ServeConfig)
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
