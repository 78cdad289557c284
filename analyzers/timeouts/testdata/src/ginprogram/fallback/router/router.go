// Package router makes an engine that sets ContextWithFallback: the
// *gin.Context of users and auth follows its request, nothing is reported.
package router

import (
	"github.com/gin-gonic/gin"

	"ginprogram/auth"
	"ginprogram/users"
)

func New() *gin.Engine {
	r := gin.New()
	r.ContextWithFallback = true
	r.Use(auth.Middleware)
	r.GET("/users", users.List)
	return r
}
