// want package:`metrics\(.*\)`

// Package bucketsplan runs under a plan whose objectives are not on
// client_golang's default buckets (p95 300ms, p99 2s, and GET /users p95
// 200ms), so that DefBuckets and the bucket helpers are evaluated against
// thresholds they may miss. Each histogram is next to its correct twin.
package bucketsplan

import (
	"github.com/prometheus/client_golang/prometheus"
	"go.opentelemetry.io/otel/metric"
)

var labels = []string{"method", "path", "status"}

// ---- prometheus.DefBuckets, given or implied ----

var defBuckets = prometheus.NewHistogramVec(prometheus.HistogramOpts{
	Name:    "http_request_duration_seconds",
	Buckets: prometheus.DefBuckets, // want `http_request_duration_seconds cannot show whether the latency objectives hold: its buckets have no boundary at 0.3 \(p95 300ms\), 2 \(p99 2s\) and 0.2 \(GET /users p95 200ms\); add them to its buckets`
}, labels)

var implied = prometheus.NewHistogramVec(prometheus.HistogramOpts{ // want `http_request_duration_seconds cannot show whether the latency objectives hold: it uses the default buckets, which have no boundary at 0.3 \(p95 300ms\), 2 \(p99 2s\) and 0.2 \(GET /users p95 200ms\); set Buckets to boundaries that include them`
	Name: "http_request_duration_seconds",
}, labels)

var explicit = prometheus.NewHistogramVec(prometheus.HistogramOpts{
	Name:    "http_request_duration_seconds",
	Buckets: []float64{0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 5},
}, labels)

// ---- LinearBuckets and ExponentialBuckets ----

var linearCoarse = prometheus.NewHistogramVec(prometheus.HistogramOpts{
	Name:    "http_request_duration_seconds",
	Buckets: prometheus.LinearBuckets(0.25, 0.25, 12), // want `no boundary at 0.1 \(p50 100ms\), 0.3 \(p95 300ms\) and 0.2 \(GET /users p95 200ms\)`
}, labels)

var linearFine = prometheus.NewHistogramVec(prometheus.HistogramOpts{
	Name:    "http_request_duration_seconds",
	Buckets: prometheus.LinearBuckets(0.1, 0.1, 20), // 0.1 to 2: 0.1+2*0.1 is 0.3 within rounding
}, labels)

var exponentialDoubling = prometheus.NewHistogramVec(prometheus.HistogramOpts{
	Name:    "http_request_duration_seconds",
	Buckets: prometheus.ExponentialBuckets(0.1, 2, 6), // want `no boundary at 0.3 \(p95 300ms\) and 2 \(p99 2s\)`
}, labels)

var exponentialTwin = prometheus.NewHistogramVec(prometheus.HistogramOpts{
	Name:    "http_request_duration_seconds",
	Buckets: append(prometheus.ExponentialBuckets(0.1, 2, 6), 0.3, 2), // not evaluated: no finding
}, labels)

// ---- milliseconds: the thresholds are compared in the metric's unit ----

var meter metric.Meter

func otelMillis() {
	_, _ = meter.Float64Histogram("http.server.request.duration",
		metric.WithUnit("ms"),
		metric.WithExplicitBucketBoundaries(0.1, 0.2, 0.3, 2), // want `http.server.request.duration cannot show whether the latency objectives hold: its buckets have no boundary at 100 \(p50 100ms\), 300 \(p95 300ms\), 2000 \(p99 2s\) and 200 \(GET /users p95 200ms\)`
	)
	_, _ = meter.Float64Histogram("http.server.request.duration",
		metric.WithUnit("ms"),
		metric.WithExplicitBucketBoundaries(50, 100, 200, 300, 1000, 2000),
	)
}
