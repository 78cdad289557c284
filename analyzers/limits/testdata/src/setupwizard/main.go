// Command setupwizard serves a first-run setup wizard whose handler shuts
// its server down once the administrator has saved the configuration
// (gokapi's setup; answer's installer exits instead): a one-off, not the
// service's server, so neither its bodies nor its metrics are held to the
// plan. Its twin, setupwizardtwin, is the same server whose handlers
// never end it.
package main

import (
	"context"
	"io"
	"net/http"
	"time"
)

var srv http.Server

func save(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	_, _ = w.Write(data)
	go func() {
		time.Sleep(time.Second)
		_ = srv.Shutdown(context.Background())
	}()
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/setup/save", save)
	srv = http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
