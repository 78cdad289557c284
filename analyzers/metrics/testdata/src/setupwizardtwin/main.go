// Command setupwizardtwin is setupwizard's twin: the same server, whose
// handler never ends it: the service's own server, reported for the
// metrics it does not define.
package main

import (
	"io"
	"net/http"
	"time"
)

var srv http.Server

func save(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	_, _ = w.Write(data)
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/setup/save", save)
	srv = http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe() // want `the program served here does not define http_request_duration_seconds`
}
