// Command globalmw limits every body in a middleware: the reads of its
// handlers are bounded.
package main

import (
	"io"
	"net/http"
)

func limit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
		next.ServeHTTP(w, r)
	})
}

func readAll(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	_, _ = w.Write(data)
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/a", readAll)
	srv := &http.Server{Addr: ":8080", Handler: limit(mux), ReadHeaderTimeout: 5e9}
	_ = srv.ListenAndServe()
}
