// Package opsutil holds a program's helpers for its operations server
// (sftpgo's metric.AddMetricsEndpoint and util.HTTPListenAndServe): the
// scrape endpoint added to a router it is handed, and a server it is
// handed started.
package opsutil

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

func AddMetricsEndpoint(path string, r chi.Router) {
	r.Handle(path, promhttp.Handler())
}

func ListenAndServe(srv *http.Server) error { // want ListenAndServe:`serves\(param 0\)`
	return srv.ListenAndServe()
}
