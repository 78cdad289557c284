// Package rwsetup serves an installation wizard: its handler ends the
// process once the administrator has completed setup (answer's install
// server), so the server is a one-off and is not reported. The twin,
// package rwsetuptwin, is the same server whose handlers never exit.
package rwsetup

import (
	"net/http"
	"os"
	"time"

	"github.com/gin-gonic/gin"
)

func finish(c *gin.Context) {
	c.JSON(http.StatusOK, "installed")
	go func() {
		time.Sleep(time.Second)
		os.Exit(0)
	}()
}

func Run(port string) error {
	r := gin.New()
	r.GET("/install", finish)
	if port == "" {
		srv := &http.Server{Addr: ":80", Handler: r}
		return srv.ListenAndServe()
	}
	return r.Run(":" + port)
}
