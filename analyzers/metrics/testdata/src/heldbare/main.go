// Command heldbare serves, and starts heldsrv's server too; it defines no
// metrics: one finding, at its own start.
package main

import (
	"net/http"
	"time"

	"heldsrv"
)

func main() {
	go heldsrv.StartDLNA(":1900")
	srv := &http.Server{Addr: ":8080", Handler: http.NotFoundHandler(), ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe() // want `the program served here does not define http_request_duration_seconds`
}
