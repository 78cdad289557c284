// want package:`metrics\(http_request_duration_seconds:histogram\{method,path,status\} http_request_duration_seconds:histogram\{method,path\} kit_calls:counter\{\} kit_calls_total:counter\{\}\)`

// Package kit defines metrics with go-kit.
package kit

import (
	"net/http"
	"time"

	"github.com/go-kit/kit/metrics"
	kitprom "github.com/go-kit/kit/metrics/prometheus"
	stdprometheus "github.com/prometheus/client_golang/prometheus"
)

var durationNoStatus = kitprom.NewHistogramFrom(stdprometheus.HistogramOpts{
	Name:    "http_request_duration_seconds",
	Buckets: []float64{0.1, 1}, // want `http_request_duration_seconds cannot show whether the latency objectives hold: its buckets have no boundary at 0.5 \(p95 500ms\)`
}, []string{"method", "path"}) // want `http_request_duration_seconds has no label status, which the plan requires`

// Duration is the twin.
var Duration metrics.Histogram = kitprom.NewHistogramFrom(stdprometheus.HistogramOpts{ // want Duration:`metric\(http_request_duration_seconds:histogram\{method,path,status\}\)`
	Name:    "http_request_duration_seconds",
	Buckets: stdprometheus.DefBuckets,
}, []string{"method", "path", "status"})

var calls = kitprom.NewCounterFrom(stdprometheus.CounterOpts{Name: "kit_calls"}, nil) // want `counter kit_calls does not end in _total`

var callsTotal = kitprom.NewCounterFrom(stdprometheus.CounterOpts{Name: "kit_calls_total"}, nil)

// Middleware records the request duration through go-kit.
func Middleware(next http.Handler) http.Handler { // want Middleware:`records\(http_request_duration_seconds\)`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func(begin time.Time) {
			Duration.With("method", r.Method, "path", r.Pattern, "status", "200").Observe(time.Since(begin).Seconds())
		}(time.Now())
		next.ServeHTTP(w, r)
	})
}
