// Command mockslack is development tooling shipped with the service (under
// devtools/, as goalert's mock Slack server): it serves the developer's
// local runs, and the same body read that setupwizardtwin reports is not
// reported here.
package main

import (
	"io"
	"net/http"
	"time"
)

func save(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	_, _ = w.Write(data)
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/api/chat.postMessage", save)
	srv := http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
