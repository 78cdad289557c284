// want package:`metrics\(http.server.request.body.size:histogram http.server.request.duration:histogram http.server.response.body.size:histogram\)`

// Command otelplain is instrumented with OpenTelemetry under the default
// plan, which names Prometheus metrics and no aliases: otelhttp's
// request-duration histogram measures its requests under a name of its
// own, which the default plan does not ask it to change (flipt); the
// plan's names are the contract only in a plan file (otelplanned).
package main

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func main() {
	mux := http.NewServeMux()
	mux.Handle("/users", otelhttp.NewHandler(http.NotFoundHandler(), "users"))
	mux.Handle("/orders", http.NotFoundHandler()) // want `route "/orders" is not covered by the metrics middleware \(otelhttp.NewHandler\)`
	_ = http.ListenAndServe(":8080", mux)
}
