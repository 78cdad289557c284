// want package:`metrics\(http_errors:counter\{method,path,error_type\} http_errors_total:counter\{method,path,error_type\} http_request_duration_seconds:histogram\{method,path,status\} http_requests_total:counter\{method,path,status\}\)`

// Package crossdefs builds its metric names from constants of another
// package, and records into a metric another package defines.
package crossdefs

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"

	"crossdefs/names"
	"mw"
)

var durationNoP95 = promauto.NewHistogramVec(prometheus.HistogramOpts{
	Namespace: names.Namespace,
	Name:      names.RequestDuration,
	Buckets:   []float64{0.1, 0.25, 1}, // want `http_request_duration_seconds cannot show whether the latency objectives hold: its buckets have no boundary at 0.5 \(p95 500ms\)`
}, []string{"method", "path", "status"})

var duration = promauto.NewHistogramVec(prometheus.HistogramOpts{
	Namespace: names.Namespace,
	Name:      names.RequestDuration,
	Buckets:   []float64{0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10},
}, []string{"method", "path", "status"})

var requests = promauto.NewCounterVec(prometheus.CounterOpts{
	Namespace: names.Namespace,
	Name:      names.Requests,
}, []string{"method", "path", "status"})

var errorsNoSuffix = promauto.NewCounterVec(prometheus.CounterOpts{
	Name: names.Errors, // want `counter http_errors does not end in _total`
}, []string{"method", "path", "error_type"})

var errorsTotal = promauto.NewCounterVec(prometheus.CounterOpts{
	Name: names.Errors + "_total",
}, []string{"method", "path", "error_type"})

// Middleware records into mw.Duration, which package mw defines: its fact
// names the metric.
func Middleware(next http.Handler) http.Handler { // want Middleware:`records\(http_request_duration_seconds\)`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		next.ServeHTTP(w, r)
		mw.Duration.WithLabelValues(r.Method, r.Pattern, "200").Observe(time.Since(start).Seconds())
	})
}

// Logging records nothing: no fact.
func Logging(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
	})
}
