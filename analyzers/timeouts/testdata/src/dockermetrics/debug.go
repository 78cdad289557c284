// Package dockermetrics serves a debug listener on the default mux, on
// which it registers only Docker's go-metrics scrape handler
// (distribution's configureDebugServer): an operators' server, not
// reported. Its twin registers a handler of the program's users there.
package dockermetrics

import (
	"net/http"

	"github.com/docker/go-metrics"
)

func ConfigureDebugServer(addr string) {
	http.Handle("/metrics", metrics.Handler())
	go func() { _ = http.ListenAndServe(addr, nil) }()
}
