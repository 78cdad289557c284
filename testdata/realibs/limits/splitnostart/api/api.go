// Package api holds handlers that read bodies with no limit; the program
// that serves them (../cmd, through ../runner) sets none, and its start is
// not seen: one finding for this package's four, at the first.
package api

import (
	"encoding/json"
	"io"
	"net/http"
)

type order struct{ ID int }

func create(w http.ResponseWriter, r *http.Request) {
	var o order
	_ = json.NewDecoder(r.Body).Decode(&o) // want `^json.NewDecoder reads the request body whole with no limit.*; and 3 more in this package \(related positions\)$`
}

func update(w http.ResponseWriter, r *http.Request) {
	var o order
	_ = json.NewDecoder(r.Body).Decode(&o)
}

func importAll(w http.ResponseWriter, r *http.Request) {
	_, _ = io.ReadAll(r.Body)
}

func patch(w http.ResponseWriter, r *http.Request) {
	var o order
	_ = json.NewDecoder(r.Body).Decode(&o)
}

// createLimited is the twin: its read is bounded, and not counted.
func createLimited(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	var o order
	_ = json.NewDecoder(r.Body).Decode(&o)
}

// Routes registers the handlers.
func Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /orders", create)
	mux.HandleFunc("PUT /orders", update)
	mux.HandleFunc("POST /import", importAll)
	mux.HandleFunc("PATCH /orders", patch)
	mux.HandleFunc("POST /orders2", createLimited)
}
