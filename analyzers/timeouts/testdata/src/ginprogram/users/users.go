// Package users runs a query with the *gin.Context as its context; the
// engine is made in package router (pocket-id's controllers).
package users

import (
	"database/sql"

	"github.com/gin-gonic/gin"
)

var DB *sql.DB

func List(c *gin.Context) {
	_, _ = DB.QueryContext(c, "SELECT id FROM users")
}

func Get(c *gin.Context) {
	_ = DB.QueryRowContext(c, "SELECT id FROM users WHERE id = $1", c.Param("id"))
}
