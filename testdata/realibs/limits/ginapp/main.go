// Command ginapp binds request bodies with gin, with and without a limit.
package main

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type order struct{ ID int }

func create(c *gin.Context) {
	var o order
	if err := c.ShouldBindJSON(&o); err != nil { // want `\(\*gin.Context\).ShouldBindJSON reads the whole request body with no limit, so one request of any size is held in memory; limit it in a middleware, c.Request.Body = http.MaxBytesReader\(c.Writer, c.Request.Body, 10485760\).*; and 1 more in the program`
		return
	}
	raw, _ := c.GetRawData() // related to the bind above
	_ = raw
}

func createLimited(c *gin.Context) {
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, 1<<20)
	var o order
	_ = c.ShouldBindJSON(&o)
}

func upload(c *gin.Context) {
	_, _ = c.FormFile("file") // want `\(\*gin.Context\).FormFile parses an upload with no limit`
}

func main() {
	r := gin.New()
	r.MaxMultipartMemory = 8 << 20 // memory, not a limit on the body
	r.POST("/orders", create)
	r.POST("/orders2", createLimited)
	r.POST("/upload", upload)
	_ = r.Run(":8080")
}
