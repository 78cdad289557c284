package endpoints

import "github.com/gin-gonic/gin"

// Routes on gin groups are named with the groups' prefixes, as a client
// calls them and as the plan's endpoints: entries name them (GET
// /api/orders/{id}, GET /api/v1 and GET /api: p95 60ms). Without the
// prefixes, GET /orders/:id would take the entry of another route, and
// the group's root route would have no name at all.
func GinRoutes(r *gin.Engine) {
	api := r.Group("/api")
	api.GET("/orders/:id", ginOrder)   // want `route "GET /api/orders/:id" is estimated at ~100ms from its code, above its p95 objective of 60ms \(its endpoints entry\)`
	api.GET("/orders/:id/x", ginOrder) // no entry: held to the SLO's 500ms
	v1 := api.Group("/v1")
	v1.GET("", ginOrder)          // want `route "GET /api/v1" is estimated at ~100ms from its code, above its p95 objective of 60ms \(its endpoints entry\)`
	v1.GET("/simple", ginSimple)  // its entry's 60ms, and well inside it
	api.GET(ordersPath, ginOrder) // a path that is not a constant is not the group's root, GET /api (which has an entry): held to the SLO
}

var ordersPath = "/orders"

func ginOrder(c *gin.Context) {
	_ = db.QueryRowContext(c.Request.Context(), "SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer WHERE o.id = $1", c.Param("id")).Scan(new(int), new(string))
}

func ginSimple(c *gin.Context) {
	_ = db.QueryRowContext(c.Request.Context(), "SELECT id FROM orders WHERE id = $1", c.Param("id")).Scan(new(int))
}
