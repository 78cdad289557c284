// Command perroutemw wraps every route in a middleware that bounds the
// body unless a route manages its own, checks the request's origin in a
// function of its own, and calls the next handler (mailpit's
// middleWareFunc): the limit is every wrapped route's, not only the
// origin check's. perroute is the twin whose limiter hands the request to
// its reader only.
package main

import (
	"context"
	"encoding/json"
	"net/http"
	"time"
)

type ctxKey int

const bodyLimitKey ctxKey = iota

func allowedOrigin(r *http.Request) bool { return r.Header.Get("Origin") == "" }

func middleware(fn http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if _, ok := r.Context().Value(bodyLimitKey).(int64); !ok {
			r.Body = http.MaxBytesReader(w, r.Body, 5<<20)
		}
		if !allowedOrigin(r) {
			http.Error(w, "blocked", http.StatusForbidden)
			return
		}
		fn(w, r)
	}
}

type tags struct{ Tags []string }

func setTags(w http.ResponseWriter, r *http.Request) {
	var t tags
	_ = json.NewDecoder(r.Body).Decode(&t)
}

func send(w http.ResponseWriter, r *http.Request) {
	r = r.WithContext(context.WithValue(r.Context(), bodyLimitKey, int64(8<<20)))
	r.Body = http.MaxBytesReader(w, r.Body, 8<<20)
	var t tags
	_ = json.NewDecoder(r.Body).Decode(&t)
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/api/tags", middleware(setTags))
	mux.HandleFunc("/api/send", middleware(send))
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
