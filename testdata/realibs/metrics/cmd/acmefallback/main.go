// Command acmefallback is acme's twin: its :80 server falls back to the
// application for every request that is not an ACME challenge, so it
// serves the application and is reported.
package main

import (
	"net/http"

	"golang.org/x/crypto/acme/autocert"
)

func main() {
	m := &autocert.Manager{Prompt: autocert.AcceptTOS, Cache: autocert.DirCache("certs")}
	_ = http.ListenAndServe(":80", m.HTTPHandler(http.NotFoundHandler())) // want `the program served here does not define http_request_duration_seconds`
}
