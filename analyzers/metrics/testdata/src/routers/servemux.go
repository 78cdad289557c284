package routers

import (
	"net/http"

	"mw"
)

// Go 1.22 ServeMux patterns: method, host, wildcards and {$}.
func serveMuxPatterns() *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("GET /users/{id}", mw.HTTP(http.HandlerFunc(h)))
	mux.HandleFunc("POST /users/{id}/orders", h) // want `route "POST /users/\{id\}/orders" is not covered by the metrics middleware \(mw.HTTP\)`
	mux.Handle("POST /users/{id}/carts", mw.HTTP(http.HandlerFunc(h)))
	mux.HandleFunc("GET /{$}", h)                    // want `route "GET /\{\$\}" is not covered by the metrics middleware \(mw.HTTP\)`
	mux.HandleFunc("GET api.example.com/healthz", h) // a health check on a host: exempt
	mux.HandleFunc("GET /debug/vars", h)             // under /debug/: exempt
	mux.HandleFunc("GET /files/{path...}", h)        // want `route "GET /files/\{path\.\.\.\}" is not covered by the metrics middleware \(mw.HTTP\)`
	return mux
}
