// want package:`metrics\(api_calls:counter\{\} api_calls_total:counter\{\} app.jobs:counter .* shop_requests_total:counter\{code,method,host,url\}\)`

package metrics

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

const subsystem = "api"

var durationNoP95 = promauto.NewHistogramVec(prometheus.HistogramOpts{
	Name:    "http_request_duration_seconds",
	Buckets: prometheus.ExponentialBuckets(0.025, 2, 8), // want `http_request_duration_seconds cannot show whether the latency objectives hold: its buckets have no boundary at 0.5 \(p95 500ms\) and 1 \(p99 1s\); add them to its buckets \(the plan.s buckets are 0.01 0.05 0.1 0.25 0.5 1 2.5 5 10\)`
}, []string{"method", "path", "status"})

var durationDefault = promauto.NewHistogramVec(prometheus.HistogramOpts{
	Name:    "http_request_duration_seconds",
	Buckets: prometheus.DefBuckets,
}, []string{"method", "path", "status"})

// code is the status under the default plan, as promhttp names it.
var requestsNoPath = prometheus.NewCounterVec(prometheus.CounterOpts{
	Name: "http_requests_total",
}, []string{"method", "code"}) // want `http_requests_total has no label path, which the plan requires`

var requestsTwin = prometheus.NewCounterVec(prometheus.CounterOpts{
	Name: "http_requests_total",
}, []string{"method", "path", "status"})

var errorsAsGauge = promauto.With(prometheus.NewRegistry()).NewGauge(prometheus.GaugeOpts{Name: "http_errors_total"}) // want `http_errors_total is defined as a gauge, but the plan requires a counter`

var errorsTwin = promauto.With(prometheus.NewRegistry()).NewCounterVec(prometheus.CounterOpts{Name: "http_errors_total"}, []string{"method", "path", "error_type"})

var calls = prometheus.NewCounter(prometheus.CounterOpts{Subsystem: subsystem, Name: "calls"}) // want `counter api_calls does not end in _total`

var callsTotal = prometheus.NewCounter(prometheus.CounterOpts{Subsystem: subsystem, Name: "calls_total"})

var latencyMillis = prometheus.NewSummary(prometheus.SummaryOpts{Name: "job_latency_milliseconds"}) // want `metric job_latency_milliseconds is in milliseconds`

var latencySeconds = prometheus.NewSummary(prometheus.SummaryOpts{Name: "job_latency_seconds"})

var descNoPath = prometheus.NewDesc("http_requests_total", "Requests.", []string{"method", "status"}, nil) // want `http_requests_total has no label path`

var descTwin = prometheus.NewDesc("http_requests_total", "Requests.", []string{"method", "path", "status"}, nil)

var apiLatency = promauto.NewHistogramVec(prometheus.HistogramOpts{Name: "shop_api_latency"}, []string{"path"}) // want `histogram shop_api_latency measures time but has no unit suffix`

// observeLatency observes milliseconds into client_golang's default
// buckets, which are in seconds (casdoor's controllers/base.go), and
// then seconds.
func observeLatency(path string, start time.Time) {
	latency := time.Since(start).Milliseconds()
	apiLatency.WithLabelValues(path).Observe(float64(latency)) // want `shop_api_latency observes milliseconds \(time.Duration.Milliseconds\), but its buckets are client_golang's default, in seconds \(0.005 to 10\)`
	apiLatency.WithLabelValues(path).Observe(time.Since(start).Seconds())
}
