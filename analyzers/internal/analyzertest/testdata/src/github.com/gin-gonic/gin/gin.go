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

func (c *Context) Deadline() (time.Time, bool)                  { return time.Time{}, false }
func (c *Context) Done() <-chan struct{}                        { return nil }
func (c *Context) Err() error                                   { return nil }
func (c *Context) Value(key any) any                            { return nil }
func (c *Context) Next()                                        {}
func (c *Context) FullPath() string                             { return "" }
func (c *Context) Query(key string) string                      { return "" }
func (c *Context) DefaultQuery(key, defaultValue string) string { return "" }
func (c *Context) GetQuery(key string) (string, bool)           { return "", false }
func (c *Context) Param(key string) string                      { return "" }
func (c *Context) PostForm(key string) string                   { return "" }
func (c *Context) ShouldBindQuery(obj any) error                { return nil }
func (c *Context) ShouldBind(obj any) error                     { return nil }
func (c *Context) ShouldBindJSON(obj any) error                 { return nil }
func (c *Context) JSON(code int, obj any)                       {}
func (c *Context) AbortWithStatus(code int)                     {}

type HandlerFunc func(*Context)

type IRoutes interface {
	Use(...HandlerFunc) IRoutes
	GET(string, ...HandlerFunc) IRoutes
	POST(string, ...HandlerFunc) IRoutes
}

type RouterGroup struct{}

func (g *RouterGroup) Use(middleware ...HandlerFunc) IRoutes                           { return g }
func (g *RouterGroup) Group(relativePath string, handlers ...HandlerFunc) *RouterGroup { return g }
func (g *RouterGroup) GET(relativePath string, handlers ...HandlerFunc) IRoutes        { return g }
func (g *RouterGroup) POST(relativePath string, handlers ...HandlerFunc) IRoutes       { return g }

type Engine struct {
	RouterGroup
	ContextWithFallback bool
}

func New() *Engine     { return &Engine{} }
func Default() *Engine { return &Engine{} }

func (e *Engine) Use(middleware ...HandlerFunc) IRoutes            { return e }
func (e *Engine) ServeHTTP(w http.ResponseWriter, r *http.Request) {}
func (e *Engine) Run(addr ...string) error                         { return nil }
func (e *Engine) RunTLS(addr, certFile, keyFile string) error      { return nil }
func (e *Engine) RunUnix(file string) error                        { return nil }
func (e *Engine) RunFd(fd int) error                               { return nil }
func (e *Engine) RunListener(l net.Listener) error                 { return nil }
