// Package monitor serves a monitor's status page from a server of its
// own (goalert's remotemonitor). It imports config, and never serves its
// handler: config's read is not this server's, and is decided by the
// program that registers it.
package monitor

import (
	"net/http"
	"time"

	"example.com/realibs/limits/twoservers/config"
)

// Run serves the status page.
func Run(cfg *config.Store) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/status", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write(cfg.Get())
	})
	srv := &http.Server{Addr: ":9090", Handler: mux, ReadHeaderTimeout: time.Second}
	return srv.ListenAndServe()
}
