package defs // want package:`metrics\(api_calls:counter\{\} api_calls_total:counter\{\} db_query_duration_seconds:histogram\{\} db_query_ms:histogram\{\} http_errors_total:counter\{method,path,error_type\} http_errors_total:gauge\{\} http_request_duration_seconds:histogram\{method,path,status\} http_request_duration_seconds:histogram\{\} http_requests_total:counter\{method,code\} http_requests_total:counter\{method,path,status\} http_requests_total:\{method\} job_duration:summary\{\} job_duration_seconds:summary\{\} queue_depth:gauge\{\} queue_depth_total:gauge\{\}\)`

// Package defs defines metrics, some against the plan and the naming
// conventions, each next to its correct twin.

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

const namespace = "http"

var planBuckets = []float64{0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// ---- buckets ----

// RequestDurationNoP95 has no 0.5 boundary.
var RequestDurationNoP95 = promauto.NewHistogramVec(prometheus.HistogramOpts{ // want RequestDurationNoP95:`metric\(http_request_duration_seconds:histogram\{method,path,status\}\)`
	Name:    "http_request_duration_seconds",
	Buckets: []float64{0.01, 0.05, 0.1, 0.25, 1, 2.5, 5, 10}, // want `http_request_duration_seconds cannot show whether the latency objectives hold: its buckets have no boundary at 0.5 \(p95 500ms\); add it to its buckets \(the plan's buckets are 0.01 0.05 0.1 0.25 0.5 1 2.5 5 10\)`
}, []string{"method", "path", "status"})

// RequestDuration is its twin, with the plan's buckets.
var RequestDuration = promauto.NewHistogramVec(prometheus.HistogramOpts{ // want RequestDuration:`metric\(http_request_duration_seconds`
	Name:    "http_request_duration_seconds",
	Buckets: planBuckets,
}, []string{"method", "path", "status"})

var exponential = prometheus.NewHistogramVec(prometheus.HistogramOpts{
	Name:    "http_request_duration_seconds",
	Buckets: prometheus.ExponentialBuckets(0.01, 2, 10), // want `http_request_duration_seconds cannot show whether the latency objectives hold: its buckets have no boundary at 0.1 \(p50 100ms\), 0.5 \(p95 500ms\) and 1 \(p99 1s\); add them to its buckets`
}, labels)

var defaultBuckets = prometheus.NewHistogramVec(prometheus.HistogramOpts{
	Name: "http_request_duration_seconds", // DefBuckets have 0.1, 0.5 and 1, and the plan's buckets
}, labels)

var linear = prometheus.NewHistogramVec(prometheus.HistogramOpts{
	Name:    "http_request_duration_seconds",
	Buckets: prometheus.LinearBuckets(0.1, 0.1, 10), // want `http_request_duration_seconds lacks the plan's bucket boundaries 0.01, 0.05, 0.25, 2.5, 5 and 10, so dashboards and alerts built on the plan's buckets read nothing there; add them to its buckets`
}, labels)

var linearTwin = prometheus.NewHistogramVec(prometheus.HistogramOpts{
	Name:    "http_request_duration_seconds",
	Buckets: append([]float64{0.01, 0.05, 0.25}, prometheus.LinearBuckets(0.5, 0.5, 20)...), // not evaluated: no finding
}, labels)

var labels = []string{"method", "path", "status"}

// A histogram without labels cannot be broken down by route.
var unlabelled = prometheus.NewHistogram(prometheus.HistogramOpts{ // want `http_request_duration_seconds has no labels method, path, status, which the plan requires`
	Name: "http_request_duration_seconds",
})

// ---- labels and types ----

var requestsNoPath = promauto.NewCounterVec(prometheus.CounterOpts{
	Namespace: namespace,
	Name:      "requests_total",
}, []string{"method", "code"}) // want `http_requests_total has no label path, which the plan requires \(method, path, status\), so it cannot be broken down that way on dashboards and alerts; add it to its label names and set it where it is recorded`

var requests = promauto.With(nil).NewCounterVec(prometheus.CounterOpts{
	Namespace: namespace,
	Name:      "requests_total",
}, []string{"method", "path", "status"})

var errorsGauge = promauto.NewGauge(prometheus.GaugeOpts{Name: "http_errors_total"}) // want `http_errors_total is defined as a gauge, but the plan requires a counter; rates and error ratios are computed from counters; define it as a counter`

var errorsCounter = promauto.NewCounterVec(prometheus.CounterOpts{Name: "http_errors_total"}, []string{"method", "path", "error_type"})

var desc = prometheus.NewDesc("http_requests_total", "Requests.", []string{"method"}, nil) // want `http_requests_total has no labels path, status`

// ---- naming ----

var apiCalls = prometheus.NewCounter(prometheus.CounterOpts{Name: "api_calls"}) // want `counter api_calls does not end in _total, the suffix Prometheus tooling expects of counters \(rate\(\) queries and promlint rely on it\); name it api_calls_total`

var apiCallsTotal = prometheus.NewCounter(prometheus.CounterOpts{Name: "api_calls_total"})

var queueDepthTotal = prometheus.NewGauge(prometheus.GaugeOpts{Name: "queue_depth_total"}) // want `gauge queue_depth_total ends in _total, which Prometheus reserves for counters, so queries will treat it as one; drop the suffix`

var queueDepth = prometheus.NewGauge(prometheus.GaugeOpts{Name: "queue_depth"})

var queryMillis = prometheus.NewHistogram(prometheus.HistogramOpts{Name: "db_query_ms"}) // want `metric db_query_ms is in milliseconds; Prometheus metrics use base units so that they compare and aggregate \(and the plan's thresholds are in seconds\); record seconds and name it db_query_seconds`

var querySeconds = prometheus.NewHistogram(prometheus.HistogramOpts{Name: "db_query_duration_seconds"})

var jobDuration = promauto.NewSummaryVec(prometheus.SummaryOpts{Name: "job_duration"}, nil) // want `summary job_duration measures time but has no unit suffix, so readers cannot tell seconds from milliseconds; record seconds and name it job_duration_seconds`

var jobDurationSeconds = promauto.NewSummaryVec(prometheus.SummaryOpts{Name: "job_duration_seconds"}, nil)

var unresolved = prometheus.NewCounter(prometheus.CounterOpts{Name: name()}) // not constant: not checked

func name() string { return "x" }
