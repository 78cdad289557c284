// Package router makes the engine without ContextWithFallback: the calls
// of users and auth that run with a *gin.Context are one finding, here.
package router

import (
	"github.com/gin-gonic/gin"

	"ginprogram/auth"
	"ginprogram/users"
)

func New() *gin.Engine {
	r := gin.New() // want `the gin engine made here does not set ContextWithFallback, so 3 calls in 2 packages that run with a \*gin.Context as their context \(\(\*sql.DB\).QueryRowContext, and others\) are never canceled`
	r.Use(auth.Middleware)
	r.GET("/users", users.List)
	r.GET("/users/:id", users.Get)
	return r
}
