// Package echoprometheus is a stub of github.com/labstack/echo-contrib/echoprometheus.
package echoprometheus

import "github.com/labstack/echo/v4"

// MiddlewareConfig configures the middleware; its metrics are named
// Namespace_Subsystem_requests_total and so on, Subsystem "echo" when
// empty.
type MiddlewareConfig struct {
	Skipper   func(c echo.Context) bool
	Namespace string
	Subsystem string
}

func NewMiddleware(subsystem string) echo.MiddlewareFunc                  { return nil }
func NewMiddlewareWithConfig(config MiddlewareConfig) echo.MiddlewareFunc { return nil }
func NewHandler() echo.HandlerFunc                                        { return nil }
