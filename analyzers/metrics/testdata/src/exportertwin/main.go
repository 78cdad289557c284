// Command exportertwin serves the scrape endpoint beside a handler that
// reads its request: a server of users, reported.
package main

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

func main() {
	http.Handle("/metrics", promhttp.Handler())
	http.HandleFunc("/search", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(r.URL.Query().Get("q")))
	})
	_ = http.ListenAndServe(":9000", nil) // want `the program served here does not define http_request_duration_seconds`
}
