// Package gin is a stub of github.com/gin-gonic/gin.
package gin

import "net/http"

type Context struct {
	Request *http.Request
}

func (c *Context) Next()                  {}
func (c *Context) FullPath() string       { return "" }
func (c *Context) JSON(code int, obj any) {}

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
}

func New() *Engine     { return &Engine{} }
func Default() *Engine { return &Engine{} }

func (e *Engine) Use(middleware ...HandlerFunc) IRoutes            { return e }
func (e *Engine) ServeHTTP(w http.ResponseWriter, r *http.Request) {}
func (e *Engine) Run(addr ...string) error                         { return nil }
