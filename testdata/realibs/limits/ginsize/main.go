// Command ginsize bounds every body with gin-contrib/size's
// RequestSizeLimiter on its engine (chartmuseum's router): the binds and
// the upload of its handlers are bounded. ginapp is the twin with no
// limit.
package main

import (
	size "github.com/gin-contrib/size"
	"github.com/gin-gonic/gin"
)

type chart struct{ Name string }

func create(c *gin.Context) {
	var ch chart
	_ = c.ShouldBindJSON(&ch)
}

func upload(c *gin.Context) {
	_, _ = c.FormFile("chart")
}

func main() {
	r := gin.New()
	r.Use(size.RequestSizeLimiter(8 << 20))
	r.POST("/api/charts", create)
	r.POST("/api/charts/upload", upload)
	_ = r.Run(":8080")
}
