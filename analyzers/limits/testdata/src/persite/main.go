// Command persite has three unlimited reads, one finding by default (at
// the first read, the others related); with -persite (golangci-lint's
// plugin, which filters by position) each is reported where it is, and a
// handler's two reads are two findings.
package main

import (
	"encoding/json"
	"io"
	"net/http"
)

type order struct{ ID int }

func readAll(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body) // want `^io.ReadAll reads the request body whole with no limit, so one request of any size is held in memory; wrap it first, r.Body = http.MaxBytesReader\(w, r.Body, 10485760\) \(the plan's max_body_size is 10MB\)$`
	_, _ = w.Write(data)
}

func decodeTwice(w http.ResponseWriter, r *http.Request) {
	var a, b order
	dec := json.NewDecoder(r.Body) // want `^json.NewDecoder reads the request body whole with no limit`
	_ = dec.Decode(&a)
	_, _ = io.ReadAll(r.Body) // want `^io.ReadAll reads the request body whole with no limit`
	_ = b
}

func main() {
	http.HandleFunc("/a", readAll)
	http.HandleFunc("/b", decodeTwice)
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: 5e9}
	_ = srv.ListenAndServe()
}
