// Package api holds handlers; the program that serves them (../cmd) sets
// no body limit, so their reads are reported there: one finding at this package's read,
// with the program's other read related.
package api

import (
	"encoding/json"
	"io"
	"net/http"
)

type order struct{ ID int }

func create(w http.ResponseWriter, r *http.Request) {
	var o order
	_ = json.NewDecoder(r.Body).Decode(&o) // want `json.NewDecoder reads the request body whole with no limit.*; and 1 more in the program \(related positions\)$`
}

func createLimited(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	var o order
	_ = json.NewDecoder(r.Body).Decode(&o)
}

// drain discards the body it does not use: nothing is held.
func drain(w http.ResponseWriter, r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
}

// Routes registers the handlers.
func Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /orders", create)
	mux.HandleFunc("POST /orders2", createLimited)
	mux.HandleFunc("POST /ping", drain)
}
