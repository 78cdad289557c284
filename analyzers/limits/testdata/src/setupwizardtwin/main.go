// Command setupwizardtwin is setupwizard's twin: the same server, whose
// handler never ends it: the service's own server, whose body read is
// reported.
package main

import (
	"io"
	"net/http"
	"time"
)

var srv http.Server

func save(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body) // want `io.ReadAll reads the request body whole with no limit`
	_, _ = w.Write(data)
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/setup/save", save)
	srv = http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
