// want package:`metrics\(http_request_duration_seconds:histogram\{operation\} http_requests_total:counter\{code,operation\}\)`

// Command ownlabels defines the default plan's request metrics under their
// names but with labels and buckets of its own, none of the plan's
// (fider's {code, operation} and 0.2..5): under the embedded default plan
// that is the team's own breakdown and not reported; under a plan file
// that writes the metrics (TestOwnLabelsWrittenPlan), it is.
package main

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

var (
	requests = promauto.NewCounterVec(prometheus.CounterOpts{Name: "http_requests_total"}, []string{"code", "operation"})
	duration = promauto.NewHistogramVec(prometheus.HistogramOpts{Name: "http_request_duration_seconds", Buckets: []float64{0.2, 0.5, 1, 2, 5}}, []string{"operation"})
)

func main() {
	_ = requests
	_ = duration
	srv := &http.Server{Addr: ":8080", Handler: http.NotFoundHandler(), ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
