// want package:`metrics\(shop_api_request_duration_seconds:histogram\{code,method,host,url\} shop_api_requests_total:counter\{code,method,host,url\}\)`

// Command echopromcfg measures its requests with echoprometheus configured
// by a literal (go-feature-flag's relay proxy): its histogram is
// shop_api_request_duration_seconds{code,method,host,url}, and under the
// embedded default plan the server is not reported for lacking the plan's
// names. echopromcfgtwin is the same server with no metrics.
package main

import (
	"github.com/labstack/echo-contrib/echoprometheus"
	"github.com/labstack/echo/v4"
)

const subsystem = "api"

func main() {
	e := echo.New()
	e.Use(echoprometheus.NewMiddlewareWithConfig(echoprometheus.MiddlewareConfig{Namespace: "shop", Subsystem: subsystem}))
	e.GET("/users", func(c echo.Context) error { return nil })
	e.GET("/metrics", echoprometheus.NewHandler())
	_ = e.Start(":8080")
}
