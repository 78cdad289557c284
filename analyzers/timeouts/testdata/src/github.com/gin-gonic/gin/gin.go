// Package gin is a stub of github.com/gin-gonic/gin: the signatures perfvet matches.
package gin

import (
	"net"
	"net/http"
	"time"
)

type Context struct {
	Request *http.Request
}

func (c *Context) Deadline() (time.Time, bool) { return time.Time{}, false }
func (c *Context) Done() <-chan struct{}       { return nil }
func (c *Context) Err() error                  { return nil }
func (c *Context) Value(key any) any           { return nil }
func (c *Context) Query(key string) string     { return "" }
func (c *Context) JSON(code int, obj any)      {}
func (c *Context) Param(key string) string     { return "" }

type HandlerFunc func(*Context)

type Engine struct {
	RouterGroup
	ContextWithFallback bool
}

type RouterGroup struct{}

func (g *RouterGroup) GET(path string, h ...HandlerFunc) {}

func Default() *Engine { return &Engine{} }
func New() *Engine     { return &Engine{} }

func (e *Engine) ServeHTTP(w http.ResponseWriter, r *http.Request) {}
func (e *Engine) Run(addr ...string) error                         { return nil }
func (e *Engine) RunTLS(addr, certFile, keyFile string) error      { return nil }
func (e *Engine) RunUnix(file string) error                        { return nil }
func (e *Engine) RunFd(fd int) error                               { return nil }
func (e *Engine) RunListener(l net.Listener) error                 { return nil }
