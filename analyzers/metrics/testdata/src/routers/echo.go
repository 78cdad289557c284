package routers

import (
	"github.com/labstack/echo-contrib/echoprometheus"
	"github.com/labstack/echo/v4"

	"mw"
)

func eh(c echo.Context) error { return nil }

func echoUse() *echo.Echo {
	e := echo.New()
	e.GET("/before", eh) // echo applies e.Use to every route
	e.Use(mw.Echo)
	e.GET("/users", eh)
	return e
}

func echoGroups() *echo.Echo {
	e := echo.New()
	g := e.Group("/api", mw.Echo)
	g.GET("/users", eh)
	e.GET("/admin", eh) // want `route "GET /admin" is not covered by the metrics middleware \(mw.Echo\)`
	e.GET("/reports", eh, mw.Echo)
	e.GET("/metrics", echoprometheus.NewHandler())
	return e
}

func echoPrometheus() *echo.Echo {
	e := echo.New()
	e.Use(echoprometheus.NewMiddleware("shop"))
	e.GET("/users", eh)
	return e
}

func echoGroupUse() *echo.Echo {
	e := echo.New()
	api := e.Group("/api")
	api.Use(mw.Echo)
	api.GET("/users", eh)
	admin := e.Group("/admin")
	admin.GET("/stats", eh) // want `route "GET /admin/stats" is not covered by the metrics middleware \(mw.Echo\)`
	reports := e.Group("/reports")
	reports.GET("/daily", eh) // want `route "GET /reports/daily" is not covered by the metrics middleware \(mw.Echo\)`
	reports.Use(mw.Echo)      // a group's middleware applies to the routes added after it
	reports.GET("/weekly", eh)
	return e
}
