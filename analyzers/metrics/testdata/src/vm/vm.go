// want package:`metrics\(http_errors_total:counter\{method,path,error_type\} http_errors_total:counter\{method\} http_request_duration_seconds:histogram\{method,path,status\} http_requests_total:counter\{method,path,status\} vm_calls:counter\{\}\)`

// Package vm defines metrics with VictoriaMetrics/metrics, whose names
// carry their labels.
package vm

import (
	"fmt"
	"net/http"
	"time"

	"github.com/VictoriaMetrics/metrics"
)

var errorsNoPath = metrics.NewCounter(`http_errors_total{method="GET"}`) // want `http_errors_total has no labels path, error_type, which the plan requires`

var errorsTotal = metrics.NewCounter(`http_errors_total{method="GET",path="/",error_type="timeout"}`)

var calls = metrics.NewCounter("vm_calls") // want `counter vm_calls does not end in _total`

var duration = metrics.NewPrometheusHistogramExt(`http_request_duration_seconds{method="GET",path="/",status="200"}`, []float64{0.1, 0.25, 1}) // want `http_request_duration_seconds cannot show whether the latency objectives hold: its buckets have no boundary at 0.5 \(p95 500ms\)`

var logScale = metrics.NewHistogram(`http_request_duration_seconds{method="GET",path="/",status="200"}`) // vmrange buckets: not checked

// Middleware counts requests with labels formatted into the name.
func Middleware(next http.Handler) http.Handler { // want Middleware:`records\(http_request_duration_seconds http_requests_total\)`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		next.ServeHTTP(w, r)
		metrics.GetOrCreateCounter(fmt.Sprintf(`http_requests_total{method=%q,path=%q,status="200"}`, r.Method, r.Pattern)).Inc()
		logScale.UpdateDuration(start)
	})
}

// Scrape serves the metrics.
func Scrape(w http.ResponseWriter, r *http.Request) {
	metrics.WritePrometheus(w, true)
}

// Routes registers routes.
func Routes(mux *http.ServeMux) { // want Routes:`records\(http_request_duration_seconds http_requests_total\)`
	mux.Handle("/users", Middleware(http.NotFoundHandler()))
	mux.HandleFunc("/vm-metrics", Scrape)         // serves the metrics: exempt
	mux.Handle("/orders", http.NotFoundHandler()) // want `route "/orders" is not covered by the metrics middleware \(vm.Middleware\)`
}
