// want package:`metrics\(http.server.request.body.size:histogram http.server.request.duration:histogram http.server.response.body.size:histogram\)`

// Command otelplain is instrumented with OpenTelemetry under the default
// plan, which names Prometheus metrics and no aliases.
package main

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func main() {
	mux := http.NewServeMux()
	mux.Handle("/users", otelhttp.NewHandler(http.NotFoundHandler(), "users"))
	mux.Handle("/orders", http.NotFoundHandler()) // want `route "/orders" is not covered by the metrics middleware \(otelhttp.NewHandler\)`
	_ = http.ListenAndServe(":8080", mux)         // want `the program served here does not define http_request_duration_seconds \(histogram: method, path, status\), http_requests_total \(counter: method, path, status\) or http_errors_total \(counter: method, path, error_type\), which the plan requires`
}
