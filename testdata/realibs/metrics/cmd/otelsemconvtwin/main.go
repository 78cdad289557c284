// want package:`metrics\(app.render.duration:histogram\)`

// Command otelsemconvtwin is otelsemconv with a histogram of another name:
// not a request-duration convention. Reported.
package main

import (
	"net/http"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)

var duration, _ = otel.Meter("app").Int64Histogram("app.render.duration", metric.WithUnit("ms"))

func handler(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	w.WriteHeader(http.StatusOK)
	duration.Record(r.Context(), time.Since(start).Milliseconds(), metric.WithAttributes(attribute.String("http.route", r.URL.Path)))
}

func main() {
	srv := &http.Server{Addr: ":8080", Handler: http.HandlerFunc(handler), ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe() // want `the program served here does not define http_request_duration_seconds`
}
