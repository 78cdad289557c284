// Command ownwrapper is ownlimiter's twin: its middleware wraps the body
// in a reader that counts the bytes read, with no bound checked, so the
// handler's read is unlimited.
package main

import (
	"encoding/json"
	"io"
	"net/http"
	"time"
)

type countingReader struct {
	io.ReadCloser
	read int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.ReadCloser.Read(p)
	c.read += int64(n)
	return n, err
}

func count(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = &countingReader{ReadCloser: r.Body}
		next.ServeHTTP(w, r)
	})
}

func create(w http.ResponseWriter, r *http.Request) {
	var in map[string]any
	_ = json.NewDecoder(r.Body).Decode(&in) // want `json.NewDecoder reads the request body whole with no limit`
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/items", create)
	srv := &http.Server{Addr: ":8080", Handler: count(mux), ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
