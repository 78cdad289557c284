// Package mocks holds test doubles beside generated mocks (openfga's
// internal/mocks has a mock OIDC server): its servers serve tests and are
// not reported, unlike the same code in package servers.
package mocks

import "net/http"

func StartOIDC(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h}
	return srv.ListenAndServe()
}

func Start(h http.Handler) error {
	return http.ListenAndServe(":8080", h)
}
