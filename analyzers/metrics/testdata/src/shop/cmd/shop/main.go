// want package:`metrics\(http_request_duration_seconds:histogram\{method,path,status\} http_requests_total:counter\{method,path,status\}\)`

// Command shop serves the shop.
package main

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"

	"shop/api"
)

func main() {
	go func() {
		// The metrics server serves the scrape endpoint alone: not reported.
		_ = http.ListenAndServe(":9090", promhttp.Handler())
	}()
	go func() {
		// http.DefaultServeMux, with the scrape endpoint alone.
		http.Handle("/metrics", promhttp.Handler())
		_ = http.ListenAndServe(":9092", nil)
	}()
	go func() {
		mux := http.NewServeMux()
		mux.Handle("/metrics", promhttp.Handler())
		srv := &http.Server{Addr: ":9091", Handler: mux, ReadHeaderTimeout: time.Second}
		_ = srv.ListenAndServe()
	}()
	_ = http.ListenAndServe(":8080", api.NewRouter()) // want `the program served here does not define http_errors_total \(counter: method, path, error_type\), which the plan requires, so its latency and error objectives cannot be checked in production; define the metrics as the plan lists them and record them in the HTTP middleware`
}
