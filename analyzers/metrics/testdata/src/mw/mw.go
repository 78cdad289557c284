// want package:`metrics\(http_request_duration_seconds:histogram\{method,path,status\}\)`

// Package mw is a metrics middleware for the router fixtures, in the
// shapes chi, gin, echo and gorilla/mux take.
package mw

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

// Duration is the request-duration histogram.
var Duration = promauto.NewHistogramVec(prometheus.HistogramOpts{ // want Duration:`metric\(http_request_duration_seconds:histogram\{method,path,status\}\)`
	Name:    "http_request_duration_seconds",
	Buckets: prometheus.DefBuckets,
}, []string{"method", "path", "status"})

// HTTP records the duration of the requests next serves.
func HTTP(next http.Handler) http.Handler { // want HTTP:`records\(http_request_duration_seconds\)`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		timer := prometheus.NewTimer(Duration.WithLabelValues(r.Method, r.Pattern, "200"))
		defer timer.ObserveDuration()
		next.ServeHTTP(w, r)
	})
}

// Gin records the duration of gin requests.
func Gin() gin.HandlerFunc { // want Gin:`records\(http_request_duration_seconds\)`
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		Duration.WithLabelValues(c.Request.Method, c.FullPath(), "200").Observe(time.Since(start).Seconds())
	}
}

// Echo records the duration of echo requests.
func Echo(next echo.HandlerFunc) echo.HandlerFunc { // want Echo:`records\(http_request_duration_seconds\)`
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		Duration.WithLabelValues(c.Request().Method, c.Path(), "200").Observe(time.Since(start).Seconds())
		return err
	}
}

// Logging records nothing.
func Logging(next http.Handler) http.Handler { return next }

// GinLogging records nothing.
func GinLogging() gin.HandlerFunc { return func(c *gin.Context) { c.Next() } }
