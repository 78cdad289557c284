package budget

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"
)

type Product struct {
	ID    uint
	Name  string
	Price int
}

type Review struct {
	ID        uint
	ProductID uint
	Stars     int
}

type GinAPI struct{ DB *gorm.DB }

func (a *GinAPI) Register(r *gin.Engine) {
	r.GET("/products", a.productsWithReviews)    // want `route "GET /products" is estimated at ~1.01s from its code`
	r.GET("/products/preloaded", a.preloaded)    // two queries: ~20ms
	r.POST("/products/:id/buy", a.buy)           // want `route "POST /products/:id/buy" spends an estimated ~220ms in the database`
	r.POST("/products/:id/price", a.updatePrice) // one update: ~10ms

	// A group's routes are named with its prefix.
	admin := r.Group("/admin")
	admin.GET("/products", a.productsWithReviews) // want `route "GET /admin/products" is estimated at ~1.01s from its code`
	admin.GET("", a.preloaded)                    // the group's root, GET /admin: ~20ms
	// Handle names the route with its method argument when it is a constant.
	admin.Handle(http.MethodGet, "/handled", a.productsWithReviews) // want `route "GET /admin/handled" is estimated at ~1.01s from its code`
	admin.Handle("PROPFIND", "/props", a.preloaded)                 // PROPFIND /admin/props: ~20ms
	a.mount(r.Group("/shop"))
}

// mount registers on a group it is handed, whose prefix it does not see:
// its root prints as "GET …".
func (a *GinAPI) mount(g *gin.RouterGroup) {
	g.GET("", a.productsWithReviews) // want `route "GET …" is estimated at ~1.01s from its code`
}

// productsWithReviews reads the products, then the reviews of each: one
// query per product of a page of up to max_page_size.
func (a *GinAPI) productsWithReviews(c *gin.Context) {
	var products []Product
	a.DB.WithContext(c.Request.Context()).Find(&products)
	for _, p := range products {
		var reviews []Review
		a.DB.WithContext(c.Request.Context()).Where("product_id = ?", p.ID).Find(&reviews)
	}
}

func (a *GinAPI) preloaded(c *gin.Context) {
	var products []Product
	a.DB.WithContext(c.Request.Context()).Find(&products)
	var reviews []Review
	a.DB.WithContext(c.Request.Context()).Where("product_id IN ?", ids(products)).Find(&reviews)
}

func ids(ps []Product) []uint {
	out := make([]uint, 0, len(ps))
	for _, p := range ps {
		out = append(out, p.ID)
	}
	return out
}

// buy runs a transaction (200ms) with two statements inside it.
func (a *GinAPI) buy(c *gin.Context) {
	_ = a.DB.WithContext(c.Request.Context()).Transaction(func(tx *gorm.DB) error {
		if err := tx.Model(&Product{}).Where("id = ?", c.Param("id")).Update("price", gorm.Expr("price - 1")).Error; err != nil {
			return err
		}
		return tx.Create(&Review{ProductID: 1, Stars: 5}).Error
	})
}

func (a *GinAPI) updatePrice(c *gin.Context) {
	a.DB.WithContext(c.Request.Context()).Model(&Product{}).Where("id = ?", c.Param("id")).Update("price", 10)
}
