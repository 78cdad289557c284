// want package:`metrics\(http_errors_total:counter\{method,path,error_type\} http_request_duration_seconds:histogram\{method,path,status\} http_requests_total:counter\{method,path,status,route\}\)`

// Command fullsvc defines every metric the plan requires (with an extra
// label, which is fine) and serves with net/http, gin and echo.
package main

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

var (
	_ = promauto.NewHistogramVec(prometheus.HistogramOpts{Name: "http_request_duration_seconds"}, []string{"method", "path", "status"})
	_ = promauto.NewCounterVec(prometheus.CounterOpts{Name: "http_requests_total"}, []string{"method", "path", "status", "route"})
	_ = promauto.NewCounterVec(prometheus.CounterOpts{Name: "http_errors_total"}, []string{"method", "path", "error_type"})
)

func main() {
	srv := &http.Server{Addr: ":8080", Handler: http.NotFoundHandler(), ReadHeaderTimeout: time.Second}
	go srv.ListenAndServe()
	go gin.New().Run(":8081")
	_ = echo.New().Start(":8082")
}
