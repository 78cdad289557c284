// want package:`metrics\(http.client.request.duration:histogram\)`

// Command otelsemconvctortwin is otelsemconvctor measuring only the
// requests it sends (httpconv.NewClientRequestDuration): no measure of the
// requests it serves. Reported.
package main

import (
	"net/http"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/semconv/v1.39.0/httpconv"
)

var duration, _ = httpconv.NewClientRequestDuration(otel.Meter("app"))

var client = &http.Client{Timeout: 5 * time.Second}

func handler(w http.ResponseWriter, r *http.Request) {
	req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, "http://upstream/", nil)
	if err != nil {
		return
	}
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return
	}
	_ = resp.Body.Close()
	duration.Record(r.Context(), time.Since(start).Seconds(), httpconv.RequestMethodGet, "upstream", 80)
	w.WriteHeader(http.StatusOK)
}

func main() {
	srv := &http.Server{Addr: ":8080", Handler: http.HandlerFunc(handler), ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe() // want `the program served here does not define http_request_duration_seconds`
}
