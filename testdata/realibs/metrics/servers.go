package metrics

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// This package defines every metric the plan requires (errorsTwin,
// requestsTwin, durationDefault in defs.go, besides the wrong ones):
// its servers are not reported. Package cmd/shop links in telemetry
// alone, which lacks http_errors_total.

func listenAndServe() error {
	return http.ListenAndServe(":8080", serveMux())
}

func serverLiteral() error {
	srv := &http.Server{Addr: ":8080", Handler: chiRouter(), ReadHeaderTimeout: time.Second}
	return srv.ListenAndServe()
}

func ginRun() error {
	var r *gin.Engine = ginEngine()
	return r.Run(":8081")
}

func echoStart() error {
	var e *echo.Echo = echoServer()
	return e.Start(":8082")
}

func metricsServer() error {
	srv := &http.Server{Addr: ":9090", Handler: promhttp.Handler(), ReadHeaderTimeout: time.Second}
	return srv.ListenAndServe()
}
