// want package:`metrics\(http_request_duration_seconds:histogram\{method,path,status\} http_requests_total:counter\{method,path,status\}\)`

// Command shop links in telemetry, which lacks http_errors_total.
package main

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"example.com/realibs/metrics/telemetry"
)

func main() {
	mux := http.NewServeMux()
	mux.Handle("/users", telemetry.Instrument(http.NotFoundHandler()))
	go http.ListenAndServe(":8080", mux) // want `the program served here does not define http_errors_total \(counter: method, path, error_type\), which the plan requires`

	r := gin.New()
	r.Use(telemetry.Gin())
	go r.Run(":8081") // related to the finding at the first server start

	e := echo.New()
	e.Use(telemetry.Echo)
	go e.Start(":8082") // related to the finding at the first server start

	// The metrics server serves the scrape endpoint alone: not reported.
	srv := &http.Server{Addr: ":9090", Handler: promhttp.Handler(), ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
