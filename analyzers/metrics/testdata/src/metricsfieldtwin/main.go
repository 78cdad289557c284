// Command metricsfieldtwin embeds an *http.Server the same way, but its
// mux serves an API beside the scrape endpoint: a server of users,
// reported.
package main

import (
	"context"
	"net/http"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

type Server struct {
	*http.Server
}

func NewServer(addr string) *Server {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.Handler())
	mux.HandleFunc("/api/peers", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(r.URL.Query().Get("name")))
	})
	return &Server{Server: &http.Server{Addr: addr, Handler: mux}}
}

func (s *Server) Run(ctx context.Context) { // want Run:`serves\(param 0\)`
	go func() { _ = s.ListenAndServe() }()
	<-ctx.Done()
}

func main() {
	NewServer(":8080").Run(context.Background()) // want `the program served here does not define http_request_duration_seconds`
}
