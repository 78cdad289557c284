// want package:`metrics\(http.server.request.body.size:histogram http.server.request.duration:histogram http.server.response.body.size:histogram\)`

// Command otelsvc is instrumented with OpenTelemetry; its plan accepts
// http.server.request.duration as the request-duration histogram.
package main

import (
	"context"
	"net/http"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel/metric"
)

var meter metric.Meter

func durations() (metric.Float64Histogram, metric.Float64Histogram) {
	coarse, _ := meter.Float64Histogram("http.server.request.duration",
		metric.WithUnit("s"),
		metric.WithExplicitBucketBoundaries(0.05, 0.1, 0.25, 1, 2.5), // want `http.server.request.duration cannot show whether the latency objectives hold: its buckets have no boundary at 0.5 \(p95 500ms\); add it to its buckets`
	)
	fine, _ := meter.Float64Histogram("http.server.request.duration",
		metric.WithUnit("s"),
		metric.WithExplicitBucketBoundaries(0.05, 0.1, 0.25, 0.5, 1, 2.5),
	)
	return coarse, fine
}

func record(h metric.Float64Histogram, start time.Time) {
	h.Record(context.Background(), time.Since(start).Seconds())
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {})
	srv := &http.Server{Addr: ":8080", Handler: otelhttp.NewHandler(mux, "api"), ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
