// Command echolimited is echoapp's twin: echo's BodyLimit middleware
// bounds every route.
package main

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

type order struct{ ID int }

func create(c echo.Context) error {
	var o order
	return c.Bind(&o)
}

func main() {
	e := echo.New()
	e.Use(middleware.BodyLimit("2M"))
	e.Use(middleware.BodyLimit("64M")) // want `body limit of 64MB is above the plan's max_body_size \(10MB\)`
	e.POST("/orders", create)
	_ = e.Start(":8080")
}
