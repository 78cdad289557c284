// Package rwsetupstop serves a first-run setup wizard whose handler shuts
// its server down once the administrator has saved the configuration
// (gokapi's setup): a one-off, not reported. Its twin is rwsetuptwin,
// whose handlers never end the server.
package rwsetupstop

import (
	"context"
	"net/http"
	"time"
)

var srv http.Server

func save(w http.ResponseWriter, r *http.Request) {
	_, _ = w.Write([]byte("saved"))
	go func() {
		time.Sleep(time.Second)
		_ = srv.Shutdown(context.Background())
	}()
}

func Run(port string) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/setup/save", save)
	srv = http.Server{Addr: ":" + port, Handler: mux}
	return srv.ListenAndServe()
}
