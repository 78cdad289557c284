package main

import (
	"github.com/gin-gonic/gin"

	"ginprogram/single/handlers"
)

func main() {
	r := gin.Default()
	r.GET("/items", handlers.List)
	_ = r.Run(":8080") // want `serves with no read or write timeouts`
}
