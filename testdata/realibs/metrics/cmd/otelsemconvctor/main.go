// want package:`metrics\(http.server.request.duration:histogram\)`

// Command otelsemconvctor measures each request's duration through the
// semantic conventions' instrument constructor, httpconv.
// NewServerRequestDuration, which names the histogram
// http.server.request.duration (gotenberg's telemetry middleware): under
// the embedded default plan, its own design, not reported.
// otelsemconvctortwin measures only its outgoing requests.
package main

import (
	"net/http"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/semconv/v1.39.0/httpconv"
)

var duration, _ = httpconv.NewServerRequestDuration(otel.Meter("app"))

func handler(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	w.WriteHeader(http.StatusOK)
	duration.Record(r.Context(), time.Since(start).Seconds(), httpconv.RequestMethodAttr(r.Method), "http")
}

func main() {
	srv := &http.Server{Addr: ":8080", Handler: http.HandlerFunc(handler), ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
