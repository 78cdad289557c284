// Package ginmany passes the *gin.Context as the context of three calls
// in two handlers (alist's OIDC login): one cause, the engine without
// ContextWithFallback, and one finding, at the first, with the others
// related. Package handlers has a single call, reported alone.
package ginmany

import (
	"database/sql"

	"github.com/gin-gonic/gin"
)

var db *sql.DB

func login(c *gin.Context) {
	_, _ = db.QueryContext(c, "SELECT 1") // want `\(\*sql.DB\).QueryContext runs a database query with a \*gin.Context as its context, .*; 2 more calls of this package run with a \*gin.Context as their context: set ContextWithFallback on the engine once`
	_, _ = db.ExecContext(c, "UPDATE users SET seen = now()")
}

func callback(c *gin.Context) {
	_ = db.QueryRowContext(c, "SELECT 1")
	_ = db.QueryRowContext(c.Request.Context(), "SELECT 1")
}
