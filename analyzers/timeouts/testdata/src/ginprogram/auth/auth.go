// Package auth's middleware runs a query with the *gin.Context as its
// context (pocket-id's JWT middleware): the same cause as users'.
package auth

import (
	"database/sql"

	"github.com/gin-gonic/gin"
)

var DB *sql.DB

func Middleware(c *gin.Context) {
	_ = DB.QueryRowContext(c, "SELECT 1 FROM sessions WHERE token = $1", c.Query("token"))
	c.Next()
}
