// want package:`metrics\(http_errors_total:counter\{method,path,error_type\} http_request_duration_seconds:histogram\{method,status\} http_requests_total:gauge\{\}\)`

// Command bare defines http_requests_total as a gauge, without path, and
// serves with net/http, gin and echo.
package main

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

var (
	_ = promauto.NewHistogramVec(prometheus.HistogramOpts{Name: "http_request_duration_seconds"}, []string{"method", "status"}) // want `http_request_duration_seconds has no label path`
	_ = promauto.NewGauge(prometheus.GaugeOpts{Name: "http_requests_total"})                                                    // want `http_requests_total is defined as a gauge, but the plan requires a counter`
	_ = promauto.NewCounterVec(prometheus.CounterOpts{Name: "http_errors_total"}, []string{"method", "path", "error_type"})
)

func main() {
	srv := &http.Server{Addr: ":8080", Handler: http.NotFoundHandler(), ReadHeaderTimeout: time.Second}
	go srv.ListenAndServe()       // want `the program served here defines http_request_duration_seconds without label path \(bare.go:19\); defines http_requests_total as a gauge, not a counter \(bare.go:20\), which the plan requires`
	go gin.New().Run(":8081")     // related to the finding above
	_ = echo.New().Start(":8082") // related to the finding above
	metricsOnly := &http.Server{Addr: ":9090", Handler: promhttp.Handler(), ReadHeaderTimeout: time.Second}
	_ = metricsOnly.ListenAndServe() // serves the scrape endpoint alone
}
