// Package rwsetuptwin is rwsetup's twin: the same server, whose handlers
// never end the process: the service's own server, reported.
package rwsetuptwin

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func finish(c *gin.Context) {
	c.JSON(http.StatusOK, "installed")
}

func Run(port string) error {
	r := gin.New()
	r.GET("/install", finish)
	if port == "" {
		srv := &http.Server{Addr: ":80", Handler: r} // want `http.Server has no ReadHeaderTimeout`
		return srv.ListenAndServe()
	}
	return r.Run(":" + port) // want `\(\*gin.Engine\).Run serves with no read or write timeouts`
}
