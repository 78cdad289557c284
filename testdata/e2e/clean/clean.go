// Package clean has nothing to report.
package clean

import (
	"net/http"
	"time"
)

// Client has a timeout.
var Client = &http.Client{Timeout: 5 * time.Second}

// Server has timeouts.
func Server(h http.Handler) *http.Server {
	return &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second, WriteTimeout: 10 * time.Second}
}
