// want package:`metrics\(http_requests_total:counter\{code,method,handler\} request_duration_seconds:histogram\{code,method,handler\}\)`

// Command promhttplabels counts its requests in the default plan's
// http_requests_total, labelled the way promhttp's InstrumentHandler*
// label them (dex): code is the status, and handler, curried with the
// route, the path. Under the embedded default plan those are the plan's
// labels under their conventional names, and nothing is reported; under a
// plan file that writes the metrics (TestPromhttpLabels), the names must
// be the plan's.
package main

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

var (
	requests = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "http_requests_total"}, []string{"code", "method", "handler"})
	duration = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "request_duration_seconds", Buckets: []float64{.25, .5, 1, 2.5, 5, 10}}, []string{"code", "method", "handler"})
)

func instrument(route string, h http.Handler) http.Handler {
	return promhttp.InstrumentHandlerDuration(duration.MustCurryWith(prometheus.Labels{"handler": route}),
		promhttp.InstrumentHandlerCounter(requests.MustCurryWith(prometheus.Labels{"handler": route}), h))
}

func main() {
	prometheus.MustRegister(requests, duration)
	mux := http.NewServeMux()
	mux.Handle("/token", instrument("/token", http.NotFoundHandler()))
	mux.Handle("/metrics", promhttp.Handler())
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
