// want package:`metrics\(http_errors_total:counter\{method,path,error_type\} http_request_duration_seconds:histogram\{method,path,status\} http_requests_total:counter\{method,path,status\}\)`

// Command heldmetrics defines the plan's metrics and starts heldsrv's
// server: the program defines them, so neither start is reported.
package main

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"

	"heldsrv"
)

var (
	_ = promauto.NewHistogramVec(prometheus.HistogramOpts{Name: "http_request_duration_seconds"}, []string{"method", "path", "status"})
	_ = promauto.NewCounterVec(prometheus.CounterOpts{Name: "http_requests_total"}, []string{"method", "path", "status"})
	_ = promauto.NewCounterVec(prometheus.CounterOpts{Name: "http_errors_total"}, []string{"method", "path", "error_type"})
)

func main() {
	go heldsrv.StartDLNA(":1900")
	srv := &http.Server{Addr: ":8080", Handler: http.NotFoundHandler(), ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
