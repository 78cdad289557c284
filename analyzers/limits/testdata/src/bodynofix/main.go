// Command bodynofix reads request bodies with no limit where no fix is
// offered: the suggested statement would need a ResponseWriter the
// function does not have, or a request it does not take.
package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
)

type order struct{ ID int }

// decodeOrder has the request but no ResponseWriter: no fix.
func decodeOrder(r *http.Request) (order, error) {
	var o order
	err := json.NewDecoder(r.Body).Decode(&o) // want `json.NewDecoder reads the request body whole with no limit.*; and 1 more in the program`
	return o, err
}

func decodeOrderLimited(w http.ResponseWriter, r *http.Request) (order, error) {
	r.Body = http.MaxBytesReader(w, r.Body, 10<<20)
	var o order
	err := json.NewDecoder(r.Body).Decode(&o)
	return o, err
}

// derived reads a request it made, not its parameter: no fix.
func derived(w http.ResponseWriter, req *http.Request) {
	r := req.WithContext(context.WithoutCancel(req.Context()))
	data, _ := io.ReadAll(r.Body) // related to decodeOrder's read
	_, _ = w.Write(data)
}

func derivedLimited(w http.ResponseWriter, req *http.Request) {
	r := req.WithContext(context.WithoutCancel(req.Context()))
	r.Body = http.MaxBytesReader(w, r.Body, 10<<20)
	data, _ := io.ReadAll(r.Body)
	_, _ = w.Write(data)
}

func handle(w http.ResponseWriter, r *http.Request) {
	o, err := decodeOrder(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	_ = json.NewEncoder(w).Encode(o)
}

func main() {
	http.HandleFunc("/orders", handle)
	http.HandleFunc("/derived", derived)
	http.HandleFunc("/derived/limited", derivedLimited)
	_ = http.ListenAndServe(":8080", nil)
}
