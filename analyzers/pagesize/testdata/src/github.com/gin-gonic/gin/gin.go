// Package gin is a stub of github.com/gin-gonic/gin: the signatures perfvet matches.
package gin

import "net/http"

type Context struct {
	Request *http.Request
}

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
