// Command ownlimiter bounds every route with a limiter of its own
// (pocketbase's BodyLimit middleware and applyBodyLimit): it rejects a
// request whose ContentLength is above the bound and replaces the body by
// a reader that wraps it. Its handlers' reads are bounded: not reported.
// Its twin, ownwrapper, wraps the body only to count it.
package main

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"time"
)

type limitedReader struct {
	io.ReadCloser
	limit, read int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	n, err := l.ReadCloser.Read(p)
	l.read += int64(n)
	if l.read > l.limit {
		return n, errors.New("request body too large")
	}
	return n, err
}

func applyBodyLimit(r *http.Request, limit int64) error {
	if r.ContentLength > limit {
		return errors.New("request body too large")
	}
	r.Body = &limitedReader{ReadCloser: r.Body, limit: limit}
	return nil
}

func bodyLimit(limit int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := applyBodyLimit(r, limit); err != nil {
			http.Error(w, err.Error(), http.StatusRequestEntityTooLarge)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func create(w http.ResponseWriter, r *http.Request) {
	var in map[string]any
	_ = json.NewDecoder(r.Body).Decode(&in)
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/items", create)
	srv := &http.Server{Addr: ":8080", Handler: bodyLimit(10<<20, mux), ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
