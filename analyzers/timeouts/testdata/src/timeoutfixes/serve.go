package timeoutfixes

import (
	"net"
	"net/http"
)

// The package functions serve from a Server with no timeouts: the fix
// serves from one with the plan's.
func listen(h http.Handler) error {
	return http.ListenAndServe(":8080", h) // want `http.ListenAndServe serves with no read or write timeouts`
}

func listenBounded(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h, ReadHeaderTimeout: 5e9}
	return srv.ListenAndServe()
}

func serve(l net.Listener, mux *http.ServeMux) error {
	return http.Serve(l, mux) // want `http.Serve serves with no`
}

// listenTLSComputed: the rewrite would evaluate the handler before the
// certificate paths, and newHandler() is a call; no fix.
func listenTLSComputed(cert string) error {
	return http.ListenAndServeTLS(":8443", cert, "key.pem", newHandler()) // want `http.ListenAndServeTLS serves with no`
}

func newHandler() http.Handler { return http.NewServeMux() }
