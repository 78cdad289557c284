// Command perroute limits the body of its upload route only, in a helper
// that wraps the body and hands the request to the function that reads
// it (gokapi's processNewChunk): the other routes' reads are unlimited
// and reported. perroutehelper is the twin whose helper only wraps the
// body, as a middleware's step does: a global limit.
package main

import (
	"encoding/json"
	"net/http"

	"example.com/realibs/limits/perroute/chunks"
)

type order struct{ ID int }

func decode(w http.ResponseWriter, r *http.Request) {
	var o order
	_ = json.NewDecoder(r.Body).Decode(&o) // want `^json.NewDecoder reads the request body whole with no limit`
}

func upload(w http.ResponseWriter, r *http.Request) {
	limitUpload(w, r)
}

// chunk bounds the chunk's body and hands the request to another
// package's reader: its read is bounded too.
func chunk(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	_ = chunks.Save(r)
}

// limitUpload bounds the upload and hands the request on to save.
func limitUpload(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	save(r)
}

func save(r *http.Request) {
	_ = r.ParseMultipartForm(1 << 20)
}

func main() {
	http.HandleFunc("/orders", decode)
	http.HandleFunc("/upload", upload)
	http.HandleFunc("/chunk", chunk)
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: 5e9}
	_ = srv.ListenAndServe()
}
