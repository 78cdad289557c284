// want package:`metrics\(http_request_duration_seconds:histogram\{method,path,status\} http_requests_total:counter\{method,path,status\}\)`

// Package metrics defines the shop's metrics and the middleware that
// records them; http_errors_total is missing.
package metrics

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

var (
	requestsTotal = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "http_requests_total",
		Help: "HTTP requests served.",
	}, []string{"method", "path", "status"})

	requestDuration = promauto.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "http_request_duration_seconds",
		Buckets: []float64{0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10},
	}, []string{"method", "path", "status"})
)

// Handler serves the metrics.
func Handler() http.Handler {
	return promhttp.Handler()
}

// Instrument records the count and duration of the requests next serves.
func Instrument(next http.Handler) http.Handler { // want Instrument:`records\(http_request_duration_seconds http_requests_total\)`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		next.ServeHTTP(w, r)
		status := strconv.Itoa(http.StatusOK)
		requestsTotal.WithLabelValues(r.Method, r.Pattern, status).Inc()
		requestDuration.WithLabelValues(r.Method, r.Pattern, status).Observe(time.Since(start).Seconds())
	})
}
