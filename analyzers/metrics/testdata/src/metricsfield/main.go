// Command metricsfield runs wg-portal's metrics server: a struct that
// embeds the *http.Server it makes with a mux serving the scrape endpoint
// alone, started through the embedded field (m.ListenAndServe()). It is
// the exposition server, not a server of users: not reported.
package main

import (
	"context"
	"net/http"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

type MetricsServer struct {
	*http.Server
}

func NewMetricsServer(addr string) *MetricsServer {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.Handler())
	return &MetricsServer{Server: &http.Server{Addr: addr, Handler: mux}}
}

func (m *MetricsServer) Run(ctx context.Context) {
	go func() { _ = m.ListenAndServe() }()
	<-ctx.Done()
	_ = m.Shutdown(context.Background())
}

func main() {
	NewMetricsServer(":8787").Run(context.Background())
}
