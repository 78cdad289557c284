package routers

import (
	"github.com/gin-gonic/gin"
	"go.opentelemetry.io/contrib/instrumentation/github.com/gin-gonic/gin/otelgin"

	"mw"
)

func gh(c *gin.Context) {}

func ginUse() *gin.Engine {
	r := gin.New()
	r.GET("/early", gh) // want `route "GET /early" is not covered by the metrics middleware \(mw.Gin\)`
	r.Use(mw.Gin())
	r.GET("/users", gh)
	return r
}

func ginGroups() *gin.Engine {
	r := gin.New()
	api := r.Group("/api", mw.Gin())
	api.GET("/users", gh)
	r.GET("/admin", gh) // want `route "GET /admin" is not covered by the metrics middleware \(mw.Gin\)`
	r.GET("/reports", mw.GinLogging(), mw.Gin(), gh)
	r.GET("/ping", gh) // exempt
	return r
}

func ginOTel() *gin.Engine {
	r := gin.New()
	r.Use(otelgin.Middleware("shop"))
	r.GET("/users", gh)
	return r
}

func ginGroupUse() *gin.Engine {
	r := gin.New()
	api := r.Group("/api")
	api.Use(mw.Gin())
	api.GET("/users", gh)
	admin := r.Group("/admin")
	admin.GET("/stats", gh) // want `route "GET /admin/stats" is not covered by the metrics middleware \(mw.Gin\)`
	admin.Use(mw.Gin())
	admin.GET("/reports", gh) // registered after the group's Use: covered
	return r
}
