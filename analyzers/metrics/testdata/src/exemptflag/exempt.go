// want package:`metrics\(http_request_duration_seconds:histogram\{method,path,status\}\)`

// Package exemptflag runs with -metrics.exempt=/internal/*, which replaces
// the default exemptions.
package exemptflag

import (
	"net/http"

	"mw"
)

func h(w http.ResponseWriter, r *http.Request) {}

// Routes registers the routes.
func Routes(mux *http.ServeMux) { // want Routes:`records\(http_request_duration_seconds\)`
	mux.Handle("GET /users", mw.HTTP(http.HandlerFunc(h)))
	mux.HandleFunc("GET /internal/stats", h) // exempt by the flag
	mux.HandleFunc("GET /healthz", h)        // want `route "GET /healthz" is not covered by the metrics middleware \(mw.HTTP\)`
}
