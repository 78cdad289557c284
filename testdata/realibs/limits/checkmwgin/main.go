// Command checkmwgin limits every body in a gin middleware that asks a
// check of its own about the request, then runs the chain with c.Next():
// a middleware, so the handlers' binds are bounded. ginapp's
// createLimited is the twin shape of a handler that limits its own body
// and hands the request to no next handler: it bounds that route only,
// and ginapp's other binds are reported.
package main

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type order struct{ ID int }

func allowed(c *gin.Context) bool { return c.GetHeader("X-Blocked") == "" }

func limit(c *gin.Context) {
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, 1<<20)
	if !allowed(c) {
		c.AbortWithStatus(http.StatusForbidden)
		return
	}
	c.Next()
}

func create(c *gin.Context) {
	var o order
	_ = c.ShouldBindJSON(&o)
}

func main() {
	r := gin.New()
	r.Use(limit)
	r.POST("/orders", create)
	_ = r.Run(":8080")
}
