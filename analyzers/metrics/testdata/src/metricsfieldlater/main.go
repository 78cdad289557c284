// Command metricsfieldlater keeps its server in a field, as gophish's
// admin and phishing servers do: the literal has no Handler, and the
// routes are set through the field afterwards. A server of users,
// reported.
package main

import (
	"net/http"
)

type PhishingServer struct {
	server *http.Server
}

func NewPhishingServer(addr string) *PhishingServer {
	ps := &PhishingServer{server: &http.Server{Addr: addr}}
	mux := http.NewServeMux()
	mux.HandleFunc("/track", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(r.URL.Query().Get("rid")))
	})
	ps.server.Handler = mux
	return ps
}

func (ps *PhishingServer) Start() { // want Start:`serves\(param 0\)`
	_ = ps.server.ListenAndServe()
}

func main() {
	NewPhishingServer(":80").Start() // want `the program served here does not define http_request_duration_seconds`
}
