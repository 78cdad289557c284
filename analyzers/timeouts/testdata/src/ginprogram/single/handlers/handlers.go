// Package handlers is the only package whose calls run with a
// *gin.Context: its group is reported where it is, with its fix, by the
// package that makes the engine.
package handlers

import (
	"database/sql"

	"github.com/gin-gonic/gin"
)

var DB *sql.DB

func List(c *gin.Context) {
	_, _ = DB.QueryContext(c, "SELECT id FROM items") // want `^\(\*sql.DB\).QueryContext runs a database query with a \*gin.Context as its context, which is never canceled unless the engine sets ContextWithFallback, so it keeps running after the client has gone; pass c.Request.Context\(\); 1 more calls of this package`
	_, _ = DB.QueryContext(c, "SELECT id FROM tags")
}
