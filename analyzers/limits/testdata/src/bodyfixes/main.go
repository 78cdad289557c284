// Command bodyfixes reads request bodies with no limit in handlers whose
// request and ResponseWriter are parameters: the suggested fix limits the
// body at the handler's first statement, once for all its reads.
package main

import (
	"encoding/json"
	"io"
	"net/http"
)

type order struct{ ID int }

func create(w http.ResponseWriter, r *http.Request) {
	var o order
	if err := json.NewDecoder(r.Body).Decode(&o); err != nil { // want `json.NewDecoder reads the request body whole with no limit.*; and 1 more in the program`
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	data, _ := io.ReadAll(r.Body) // related to the decode above: one fix for both
	_, _ = w.Write(data)
}

func createLimited(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 10<<20)
	var o order
	if err := json.NewDecoder(r.Body).Decode(&o); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	data, _ := io.ReadAll(r.Body)
	_, _ = w.Write(data)
}

// An upload gets the plan's max_upload_size (100MB).
func upload(rw http.ResponseWriter, req *http.Request) {
	_ = req.ParseMultipartForm(32 << 20) // want `\(\*http.Request\).ParseMultipartForm parses an upload with no limit on its size.*; and 1 more in bodyfixes.upload \(related positions\)$`
	_, _, _ = req.FormFile("file")       // the same upload: related, one fix for both (opengist)
}

func uploadLimited(rw http.ResponseWriter, req *http.Request) {
	req.Body = http.MaxBytesReader(rw, req.Body, 100<<20)
	_ = req.ParseMultipartForm(32 << 20)
}

func main() {
	http.HandleFunc("/orders", create)
	http.HandleFunc("/orders/limited", createLimited)
	http.HandleFunc("/upload", upload)
	http.HandleFunc("/upload/limited", uploadLimited)
	_ = http.ListenAndServe(":8080", nil)
}
