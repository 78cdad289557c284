// want package:`metrics\(http.server.request.body.size:histogram http.server.request.duration:histogram http.server.response.body.size:histogram\)`

// Command otelplanned is otelplain under a plan file that names the
// Prometheus metrics and no aliases: the plan's names are the contract,
// and the program defines none of them.
package main

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func main() {
	mux := http.NewServeMux()
	mux.Handle("/users", otelhttp.NewHandler(http.NotFoundHandler(), "users"))
	_ = http.ListenAndServe(":8080", mux) // want `the program served here does not define http_request_duration_seconds \(histogram: method, path, status\), which the plan requires`
}
