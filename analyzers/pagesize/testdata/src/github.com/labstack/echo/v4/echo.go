// Package echo is a stub of github.com/labstack/echo/v4: the signatures perfvet matches.
package echo

import (
	"net/http"
	"net/url"
)

type Context interface {
	Request() *http.Request
	QueryParam(name string) string
	QueryParams() url.Values
	Param(name string) string
	FormValue(name string) string
	Bind(i any) error
	JSON(code int, i any) error
}
