// Package runner starts the server of a handler it is given; it does not
// see the handlers' packages.
package runner

import (
	"net/http"
	"time"
)

// Run serves h.
func Run(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h, ReadHeaderTimeout: time.Second}
	return srv.ListenAndServe()
}
