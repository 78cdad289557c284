// want package:`metrics\(app_job_duration_seconds:histogram\{status\}\)`

// Command ownmetricsjobs times background jobs only (miniflux's
// miniflux_background_feed_refresh_duration{status}): its requests are not
// measured at all, and its server is reported (ownmetrics, which measures
// them under its own names, is not).
package main

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

var jobDuration = promauto.NewHistogramVec(prometheus.HistogramOpts{Name: "app_job_duration_seconds"}, []string{"status"})

func main() {
	go func() {
		start := time.Now()
		jobDuration.WithLabelValues("ok").Observe(time.Since(start).Seconds())
	}()
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {})
	_ = http.ListenAndServe(":8080", mux) // want `the program served here does not define http_request_duration_seconds`
}
