// want package:`metrics\(http_request_duration_seconds:histogram\{method,path,status\} http_requests_total:counter\{method,path,status\}\)`

// Package telemetry defines the request metrics and the middleware that
// records them; http_errors_total is missing, on purpose.
package telemetry

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

// RequestDuration is the request-duration histogram, with the plan's
// buckets.
var RequestDuration = promauto.NewHistogramVec(prometheus.HistogramOpts{ // want RequestDuration:`metric\(http_request_duration_seconds:histogram\{method,path,status\}\)`
	Name:    "http_request_duration_seconds",
	Help:    "Time to serve a request.",
	Buckets: []float64{0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10},
}, []string{"method", "path", "status"})

// Requests counts requests.
var Requests = promauto.NewCounterVec(prometheus.CounterOpts{ // want Requests:`metric\(http_requests_total:counter\{method,path,status\}\)`
	Namespace: "http",
	Name:      "requests_total",
	Help:      "Requests served.",
}, []string{"method", "path", "status"})

// Instrument records the duration and count of the requests next serves.
func Instrument(next http.Handler) http.Handler { // want Instrument:`records\(http_request_duration_seconds http_requests_total\)`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		next.ServeHTTP(w, r)
		status := strconv.Itoa(http.StatusOK)
		Requests.WithLabelValues(r.Method, r.Pattern, status).Inc()
		RequestDuration.With(prometheus.Labels{"method": r.Method, "path": r.Pattern, "status": status}).Observe(time.Since(start).Seconds())
	})
}

// Gin records the duration of gin requests.
func Gin() gin.HandlerFunc { // want Gin:`records\(http_request_duration_seconds\)`
	return func(c *gin.Context) {
		timer := prometheus.NewTimer(RequestDuration.WithLabelValues(c.Request.Method, c.FullPath(), "200"))
		defer timer.ObserveDuration()
		c.Next()
	}
}

// Echo records the duration of echo requests.
func Echo(next echo.HandlerFunc) echo.HandlerFunc { // want Echo:`records\(http_request_duration_seconds\)`
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		RequestDuration.WithLabelValues(c.Request().Method, c.Path(), "200").Observe(time.Since(start).Seconds())
		return err
	}
}
