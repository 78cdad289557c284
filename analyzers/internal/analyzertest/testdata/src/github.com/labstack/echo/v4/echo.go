// Package echo is a stub of github.com/labstack/echo/v4: the signatures perfvet matches.
package echo

import (
	"net/http"
	"net/url"
)

type Context interface {
	Request() *http.Request
	Path() string
	QueryParam(name string) string
	QueryParams() url.Values
	Param(name string) string
	FormValue(name string) string
	Bind(i any) error
	JSON(code int, i any) error
}

type HandlerFunc func(c Context) error

type MiddlewareFunc func(next HandlerFunc) HandlerFunc

type Route struct{}

type Echo struct {
	Server    *http.Server
	TLSServer *http.Server
}

func New() *Echo { return &Echo{Server: new(http.Server), TLSServer: new(http.Server)} }

func (e *Echo) Use(middleware ...MiddlewareFunc)                            {}
func (e *Echo) Pre(middleware ...MiddlewareFunc)                            {}
func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route  { return nil }
func (e *Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }
func (e *Echo) Group(prefix string, m ...MiddlewareFunc) *Group             { return &Group{} }
func (e *Echo) Start(address string) error                                  { return nil }
func (e *Echo) StartTLS(address string, certFile, keyFile any) error        { return nil }
func (e *Echo) StartAutoTLS(address string) error                           { return nil }
func (e *Echo) StartServer(s *http.Server) error                            { return nil }
func (e *Echo) ServeHTTP(w http.ResponseWriter, r *http.Request)            {}

type Group struct{}

func (g *Group) Use(middleware ...MiddlewareFunc)                           {}
func (g *Group) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }

func WrapHandler(h http.Handler) HandlerFunc { return nil }
