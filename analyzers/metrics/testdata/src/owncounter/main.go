// want package:`metrics\(app_http_requests_total:counter\{http_code,http_method\}\)`

// Command owncounter counts its requests under a name of its own, by
// method and code (ntfy's ntfy_http_requests_total{http_code,ntfy_code,
// http_method}), and times none: under the default plan it is reported for
// the latency it does not measure, not for the plan's counter names. Its
// twin, ownmetricsjobs, counts no request and is reported for all three.
package main

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

var requests = promauto.NewCounterVec(prometheus.CounterOpts{Name: "app_http_requests_total"}, []string{"http_code", "http_method"})

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		requests.WithLabelValues("200", r.Method).Inc()
	})
	_ = http.ListenAndServe(":8080", mux) // want `the program served here counts its requests in app_http_requests_total \(main.go:17\) but measures no request latency: it does not define http_request_duration_seconds \(histogram: method, path, status\), which the plan requires`
}
