// want package:`metrics\(http.server.duration:histogram\)`

// Command otelbare records its request durations under the old
// semantic-convention name, which its plan does not list as an alias of
// http_request_duration_seconds (otelsvc is its twin).
package main

import (
	"context"
	"net/http"
	"time"

	"go.opentelemetry.io/otel/metric"
)

var meter metric.Meter

func main() {
	hist, _ := meter.Float64Histogram("http.server.duration", metric.WithUnit("s"))
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		hist.Record(context.Background(), time.Since(start).Seconds())
	})
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe() // want `the program served here does not define http_request_duration_seconds \(histogram: method, path, status\), which the plan requires`
}
