// Command acme serves its application on :443 and, on :80, autocert's
// HTTP handler with no fallback: ACME challenges and redirects to HTTPS,
// no request of the application, so only the application's server is
// reported for the missing metrics (fider's and writefreely's port-80
// servers). acmefallback is the twin whose :80 handler falls back to the
// application.
package main

import (
	"net/http"

	"golang.org/x/crypto/acme/autocert"
)

func main() {
	m := &autocert.Manager{Prompt: autocert.AcceptTOS, Cache: autocert.DirCache("certs")}
	go http.ListenAndServe(":80", m.HTTPHandler(nil))
	srv := &http.Server{Addr: ":443", Handler: http.NotFoundHandler(), TLSConfig: m.TLSConfig()}
	_ = srv.ListenAndServeTLS("", "") // want `the program served here does not define http_request_duration_seconds`
}
