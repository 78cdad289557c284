// Command few has two unlimited reads: one cause (no limit where it
// serves), reported once at the first read, with the second related and
// one fix that limits both.
package main

import (
	"encoding/json"
	"io"
	"net/http"
)

type order struct{ ID int }

func readAll(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body) // want `^io.ReadAll reads the request body whole with no limit, so one request of any size is held in memory; wrap it first, r.Body = http.MaxBytesReader\(w, r.Body, 10485760\) \(the plan's max_body_size is 10MB\); and 1 more in the program \(related positions\)$`
	_, _ = w.Write(data)
}

func decode(w http.ResponseWriter, r *http.Request) {
	var o order
	_ = json.NewDecoder(r.Body).Decode(&o) // related to the read above
}

func decodeLimited(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	var o order
	_ = json.NewDecoder(r.Body).Decode(&o)
}

func main() {
	http.HandleFunc("/a", readAll)
	http.HandleFunc("/b", decode)
	http.HandleFunc("/c", decodeLimited)
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: 5e9}
	_ = srv.ListenAndServe()
}
