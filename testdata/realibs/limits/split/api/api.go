// Package api holds handlers; the program that serves them (../cmd) sets
// no body limit, so their reads are reported there, at the reads.
package api

import (
	"encoding/json"
	"net/http"
)

type order struct{ ID int }

func create(w http.ResponseWriter, r *http.Request) {
	var o order
	_ = json.NewDecoder(r.Body).Decode(&o) // want `json.NewDecoder reads the request body whole with no limit`
}

func createLimited(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	var o order
	_ = json.NewDecoder(r.Body).Decode(&o)
}

// Routes registers the handlers.
func Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /orders", create)
	mux.HandleFunc("POST /orders2", createLimited)
}
