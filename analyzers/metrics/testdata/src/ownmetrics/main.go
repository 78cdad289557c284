// want package:`metrics\(app_api_latency:histogram\{path,method\}\)`

// Command ownmetrics measures its requests under names of its own
// (casdoor's casdoor_api_latency{path,method}): under the embedded default
// plan its server is not reported for lacking the plan's names
// (ownmetricsjobs, whose only histogram times background jobs, is).
package main

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

var apiLatency = promauto.NewHistogramVec(prometheus.HistogramOpts{Name: "app_api_latency"}, []string{"path", "method"})

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		apiLatency.WithLabelValues(r.URL.Path, r.Method).Observe(time.Since(start).Seconds())
	})
	_ = http.ListenAndServe(":8080", mux)
}
