// Package ginfallback sets ContextWithFallback: a *gin.Context then follows
// its request's cancellation and may be passed as a context.
package ginfallback

import (
	"database/sql"

	"github.com/gin-gonic/gin"
)

var db *sql.DB

func setup() *gin.Engine {
	r := gin.New()
	r.ContextWithFallback = true
	return r
}

func handler(c *gin.Context) {
	_, _ = db.QueryContext(c, "SELECT 1")
}
