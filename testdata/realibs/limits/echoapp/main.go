// Command echoapp binds request bodies with echo and no body limit.
package main

import (
	"github.com/labstack/echo/v4"
)

type order struct{ ID int }

func create(c echo.Context) error {
	var o order
	return c.Bind(&o) // want `\(echo.Context\).Bind reads the whole request body with no limit, so one request of any size is held in memory; add e.Use\(middleware.BodyLimit\("10M"\)\) \(the plan's max_body_size is 10MB\)`
}

func main() {
	e := echo.New()
	e.POST("/orders", create)
	_ = e.Start(":8080")
}
