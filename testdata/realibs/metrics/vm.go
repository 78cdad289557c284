package metrics

import (
	"fmt"
	"net/http"
	"time"

	vm "github.com/VictoriaMetrics/metrics"
)

var vmErrorsNoPath = vm.NewCounter(`http_errors_total{method="GET"}`) // want `http_errors_total has no labels path, error_type, which the plan requires`

var vmErrors = vm.NewCounter(`http_errors_total{method="GET",path="/",error_type="timeout"}`)

var vmDuration = vm.NewPrometheusHistogramExt(`http_request_duration_seconds{method="GET",path="/",status="200"}`, []float64{0.1, 0.25, 1}) // want `http_request_duration_seconds cannot show whether the latency objectives hold: its buckets have no boundary at 0.5 \(p95 500ms\)`

var vmDurationTwin = vm.NewPrometheusHistogramExt(`http_request_duration_seconds{method="GET",path="/",status="200"}`, []float64{0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10})

func vmMiddleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		next.ServeHTTP(w, r)
		vm.GetOrCreateCounter(fmt.Sprintf(`http_requests_total{method=%q,path=%q,status="200"}`, r.Method, r.Pattern)).Inc()
		vmDurationTwin.UpdateDuration(start)
	})
}

func vmRoutes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("/users", vmMiddleware(http.NotFoundHandler()))
	mux.HandleFunc("/vm-metrics", func(w http.ResponseWriter, r *http.Request) { vm.WritePrometheus(w, true) })
	mux.Handle("/orders", http.NotFoundHandler()) // want `route "/orders" is not covered by the metrics middleware \(metrics.vmMiddleware\)`
	return mux
}
