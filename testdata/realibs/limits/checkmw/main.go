// Command checkmw limits every body in a middleware that also hands the
// request to checks of its own (a CORS test, as mailpit's middleWareFunc
// does) before it calls the handler it wraps: it is a middleware, and
// every route it wraps is bounded. perroute is the twin whose helper
// hands the bounded request only to its own reader, and calls no next
// handler: that limits the reader, not every route.
package main

import (
	"encoding/json"
	"net/http"
	"strings"
)

func allowedOrigin(r *http.Request) bool {
	return !strings.Contains(r.Header.Get("Origin"), "evil")
}

func wrap(fn http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Own-Limit") == "" {
			r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
		}
		if !allowedOrigin(r) {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		fn(w, r)
	}
}

func create(w http.ResponseWriter, r *http.Request) {
	var in map[string]any
	_ = json.NewDecoder(r.Body).Decode(&in)
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/items", wrap(create))
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5e9}
	_ = srv.ListenAndServe()
}
