// Command perroutehelper is perroute's twin: its helper only wraps the
// body, as a middleware's step (every route's request goes through it
// before its handler), so it counts as a global limit and nothing is
// reported.
package main

import (
	"encoding/json"
	"net/http"
)

type order struct{ ID int }

func decode(w http.ResponseWriter, r *http.Request) {
	var o order
	_ = json.NewDecoder(r.Body).Decode(&o)
}

func limitBody(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
}

func middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		limitBody(w, r)
		next.ServeHTTP(w, r)
	})
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/orders", decode)
	srv := &http.Server{Addr: ":8080", Handler: middleware(mux), ReadHeaderTimeout: 5e9}
	_ = srv.ListenAndServe()
}
