// Package api holds handlers that read bodies with no limit; the program
// that serves them (../cmd, through ../runner) sets none, and its start is
// not seen: one finding for the program's five reads, at the first
// (../admin), these related.
package api

import (
	"encoding/json"
	"io"
	"net/http"
)

type order struct{ ID int }

func create(w http.ResponseWriter, r *http.Request) {
	var o order
	_ = json.NewDecoder(r.Body).Decode(&o) // related to admin.go's read, the program's first
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
