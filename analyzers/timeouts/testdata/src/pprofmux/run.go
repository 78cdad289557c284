// Package pprofmux serves the default mux, which only net/http/pprof's
// blank import fills, on a profiler port (transfer.sh's :6060), and its
// users on a server of their own.
package pprofmux

import (
	"net/http"
	_ "net/http/pprof"
)

func Run(h http.Handler, profile bool) error {
	if profile {
		go func() { _ = http.ListenAndServe(":6060", nil) }()
	}
	srv := &http.Server{Addr: ":8080", Handler: h} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
	return srv.ListenAndServe()
}
