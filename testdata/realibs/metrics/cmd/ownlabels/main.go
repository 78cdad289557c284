// want package:`metrics\(http_request_duration_seconds:histogram\{operation\} http_requests_total:counter\{code,operation\}\)`

// Command ownlabels defines the default plan's request metrics on the
// real client_golang under their names, broken down by labels of its own
// and none of the plan's (fider's {code, operation}, buckets 0.2..5):
// under the embedded default plan, its own design, not reported. The
// written-plan twin is analyzers/metrics' TestOwnLabels; shop is the twin
// that follows the plan's labels in part and is reported.
package main

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

var (
	requests = promauto.NewCounterVec(prometheus.CounterOpts{Name: "http_requests_total", Help: "Requests."}, []string{"code", "operation"})
	duration = promauto.NewHistogramVec(prometheus.HistogramOpts{Name: "http_request_duration_seconds", Help: "Latency.", Buckets: []float64{0.2, 0.5, 1, 2, 5}}, []string{"operation"})
)

func handler(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	w.WriteHeader(http.StatusOK)
	requests.WithLabelValues("200", "index").Inc()
	duration.WithLabelValues("index").Observe(time.Since(start).Seconds())
}

func main() {
	srv := &http.Server{Addr: ":8080", Handler: http.HandlerFunc(handler), ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
