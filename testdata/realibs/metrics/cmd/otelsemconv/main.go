// want package:`metrics\(http.server.duration:histogram\)`

// Command otelsemconv measures each request's duration on the real OTel
// metric API under the semantic conventions' name, http.server.duration,
// with the route as an attribute of each recording (gotosocial's gin
// middleware): under the embedded default plan, its own design, not
// reported. otelsemconvtwin names its histogram otherwise.
package main

import (
	"net/http"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)

var duration, _ = otel.Meter("app").Int64Histogram("http.server.duration", metric.WithUnit("ms"))

func handler(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	w.WriteHeader(http.StatusOK)
	duration.Record(r.Context(), time.Since(start).Milliseconds(), metric.WithAttributes(attribute.String("http.route", r.URL.Path)))
}

func main() {
	srv := &http.Server{Addr: ":8080", Handler: http.HandlerFunc(handler), ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
