// want package:`metrics\(broken_calls:counter\{\} broken_calls_total:counter\{\}\)`

// Package broken does not type-check: only the rules that need no flow
// analysis run.
package broken

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

var calls = prometheus.NewCounter(prometheus.CounterOpts{Name: "broken_calls"}) // want `counter broken_calls does not end in _total`

var callsTotal = prometheus.NewCounter(prometheus.CounterOpts{Name: "broken_calls_total"})

func f() int { return undefined }

func page(w http.ResponseWriter, r *http.Request) {}

func serve() error {
	mux := http.NewServeMux()
	mux.HandleFunc("/", page)
	return http.ListenAndServe(":8080", mux) // want `the program served here does not define http_request_duration_seconds`
}

func serveMetrics() error {
	return http.ListenAndServe(":9090", promhttp.Handler())
}
