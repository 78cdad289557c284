// Command echopromcfgtwin is echopromcfg with no request metrics.
package main

import (
	"github.com/labstack/echo-contrib/echoprometheus"
	"github.com/labstack/echo/v4"
)

func main() {
	e := echo.New()
	e.GET("/users", func(c echo.Context) error { return nil })
	e.GET("/metrics", echoprometheus.NewHandler())
	_ = e.Start(":8080") // want `does not define http_request_duration_seconds`
}
