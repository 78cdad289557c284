// Command cmd serves api, and reads a body of its own: two unlimited reads
// in two packages are one cause (no limit where the program serves), one
// finding at the first read (api.go), this read its related position.
// Under go vet, which sees the other package's read only through its fact,
// the finding is at the server start, naming the first read.
package main

import (
	"io"
	"net/http"
	"time"

	"example.com/realibs/limits/splitfew/api"
)

func main() {
	mux := http.NewServeMux()
	api.Routes(mux)
	mux.HandleFunc("/echo", echo)
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}

func echo(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body) // related to api.go's read
	_, _ = w.Write(data)
}
