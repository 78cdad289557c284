// Package echo is a stub of github.com/labstack/echo/v4.
package echo

import "net/http"

type Context interface {
	Request() *http.Request
	QueryParam(name string) string
	JSON(code int, i any) error
}

type HandlerFunc func(c Context) error

type Echo struct {
	Server    *http.Server
	TLSServer *http.Server
}

func New() *Echo { return &Echo{Server: new(http.Server), TLSServer: new(http.Server)} }

func (e *Echo) GET(path string, h HandlerFunc)                       {}
func (e *Echo) Start(address string) error                           { return nil }
func (e *Echo) StartTLS(address string, certFile, keyFile any) error { return nil }
func (e *Echo) StartAutoTLS(address string) error                    { return nil }
func (e *Echo) StartServer(s *http.Server) error                     { return nil }
