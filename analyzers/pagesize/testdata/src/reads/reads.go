// Package reads has request paths that read whole tables, each next to // want package:`pagesize reported reads/reads.go:\d+ every row of tags \(no LIMIT\), repo/repo.go:14 every row of categories \(no LIMIT\)`
// its bounded twin. A read in a helper that several request paths reach
// is reported once, at the read (the cause).
package reads

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/uptrace/bun"
	"gorm.io/gorm"

	"repo"
)

type User struct{ ID int64 }

type API struct {
	db   *sql.DB
	gdb  *gorm.DB
	bdb  *bun.DB
	repo *repo.Repo
}

// ---- SQL text ----

func (a *API) categories(w http.ResponseWriter, r *http.Request) {
	a.db.QueryContext(r.Context(), `SELECT id, name FROM categories ORDER BY name`) // want `\(\*sql.DB\).QueryContext reads every row of categories \(no LIMIT\) in a request path; every request loads the whole result into memory, and it grows with the table; page it with LIMIT \(at most the plan's max_page_size \(100\)\)`
}

func (a *API) categoriesPage(w http.ResponseWriter, r *http.Request) {
	a.db.QueryContext(r.Context(), `SELECT id, name FROM categories ORDER BY name LIMIT 100`)
}

func (a *API) filtered(w http.ResponseWriter, r *http.Request) {
	a.db.Query(`SELECT id FROM orders WHERE status = 'pending'`) // want `reads every row of orders \(no LIMIT\)`
}

// A lookup by a value the caller chose may be unique (an email, a name):
// it is not taken for a whole-table read.
func (a *API) lookup(w http.ResponseWriter, r *http.Request) {
	a.db.Query(`SELECT id FROM users WHERE email = $1`, "a@b.c")
}

func (a *API) counted(w http.ResponseWriter, r *http.Request) {
	a.db.Query(`SELECT status, count(*) FROM orders GROUP BY status`)
}

func (a *API) byID(w http.ResponseWriter, r *http.Request) {
	a.db.Query(`SELECT id, name FROM users WHERE id = $1`, 1)
}

func (a *API) byIDs(w http.ResponseWriter, r *http.Request) {
	a.db.Query(`SELECT id, name FROM users WHERE id = ANY($1)`, []int64{1, 2})
}

func (a *API) childCollection(w http.ResponseWriter, r *http.Request) {
	a.db.Query(`SELECT product_id FROM order_items WHERE order_id = $1`, 1)
}

func (a *API) oneRow(w http.ResponseWriter, r *http.Request) {
	a.db.QueryRow(`SELECT id FROM users ORDER BY created_at DESC`)
}

func (a *API) noTable(w http.ResponseWriter, r *http.Request) {
	a.db.Query(`SELECT now()`)
}

// ---- helpers ----

func (a *API) viaHelper(w http.ResponseWriter, r *http.Request) {
	a.repo.Categories(r.Context()) // reported at repo/repo.go:14, see TestRootCause
}

func (a *API) viaHelperBounded(w http.ResponseWriter, r *http.Request) {
	a.repo.TopCategories(r.Context())
	a.repo.ItemsOfOrder(r.Context(), 1)
}

// warmCache runs at startup, not in a request path.
func (a *API) warmCache(ctx context.Context) {
	a.repo.Categories(ctx)
	a.db.QueryContext(ctx, `SELECT id, name FROM categories`)
}

// Work started with go outlives the request: it is not its path.
func (a *API) refresh(w http.ResponseWriter, r *http.Request) {
	go a.repo.Categories(context.Background())
	go func() {
		a.repo.Categories(context.Background())
	}()
}

// A function literal the handler runs is in its request path.
func (a *API) inLiteral(w http.ResponseWriter, r *http.Request) {
	load := func() {
		a.repo.Categories(r.Context()) // reported at repo/repo.go:14, see TestRootCause
	}
	load()
}

// ---- GORM ----

func (a *API) gormFind(c *gin.Context) {
	var users []User
	a.gdb.WithContext(c.Request.Context()).Order("id").Find(&users) // want `\(\*gorm.DB\).Find reads every row of User \(no Limit in the chain\)`
}

func (a *API) gormFindLimited(c *gin.Context) {
	var users []User
	a.gdb.WithContext(c.Request.Context()).Order("id").Limit(100).Find(&users)
}

func (a *API) gormWhereStatus(c *gin.Context) {
	var users []User
	a.gdb.Where("status = 'active'").Find(&users) // want `\(\*gorm.DB\).Find reads every row`
}

func (a *API) gormWhereLookup(c *gin.Context) {
	var users []User
	a.gdb.Where("name = ?", c.Query("name")).Find(&users)
}

func (a *API) gormWhereKey(c *gin.Context) {
	var users []User
	a.gdb.Where("team_id = ?", 7).Find(&users)
	a.gdb.Where(&User{ID: 1}).Find(&users)
	a.gdb.Find(&users, []int64{1, 2})
}

func (a *API) gormOne(c *gin.Context) {
	var u User
	a.gdb.Find(&u)
}

func paginate(db *gorm.DB) *gorm.DB { return db.Limit(20) }

func (a *API) gormScopes(c *gin.Context) {
	var users []User
	a.gdb.Scopes(paginate).Find(&users)
}

func (a *API) gormRaw(c *gin.Context) {
	var users []User
	a.gdb.Raw("SELECT * FROM users ORDER BY id").Scan(&users) // want `\(\*gorm.DB\).Scan reads every row of users \(no LIMIT\)`
}

func (a *API) gormRawLimited(c *gin.Context) {
	var users []User
	a.gdb.Raw("SELECT * FROM users ORDER BY id LIMIT 50").Scan(&users)
}

// ---- bun ----

func (a *API) bunScan(w http.ResponseWriter, r *http.Request) {
	var users []User
	a.bdb.NewSelect().Model(&users).Order("id").Scan(r.Context()) // want `\(\*bun.SelectQuery\).Scan reads every row of User \(no Limit in the chain\)`
}

func (a *API) bunScanLimited(w http.ResponseWriter, r *http.Request) {
	var users []User
	a.bdb.NewSelect().Model(&users).Order("id").Limit(50).Scan(r.Context())
}

func (a *API) bunScanKeyed(w http.ResponseWriter, r *http.Request) {
	var users []User
	a.bdb.NewSelect().Model(&users).Where("org_id = ?", 1).Scan(r.Context())
	var u User
	a.bdb.NewSelect().Model(&u).WherePK().Scan(r.Context())
}

// ---- one cause, one finding ----

// allTags is called by two request paths: the read is the cause.
func (a *API) allTags(ctx context.Context) {
	a.db.QueryContext(ctx, `SELECT id, name FROM tags ORDER BY name`) // want `\(\*sql.DB\).QueryContext reads every row of tags \(no LIMIT\) at reads/reads.go:\d+, and request paths reach it`
}

func (a *API) tagsPage(w http.ResponseWriter, r *http.Request) {
	a.allTags(r.Context())
}

func (a *API) tagsMenu(w http.ResponseWriter, r *http.Request) {
	a.allTags(r.Context())
}

// allLabels has one caller, and no other package can call it: the
// finding stays at the request path's call.
func (a *API) allLabels(ctx context.Context) {
	a.db.QueryContext(ctx, `SELECT id, name FROM labels ORDER BY name`)
}

func (a *API) labelsPage(w http.ResponseWriter, r *http.Request) {
	a.allLabels(r.Context()) // want `\(\*reads.API\).allLabels reads every row of labels \(no LIMIT\) in a request path, through \(\*sql.DB\).QueryContext`
}

// pagedTags is the bounded twin.
func (a *API) pagedTags(ctx context.Context) {
	a.db.QueryContext(ctx, `SELECT id, name FROM tags ORDER BY name LIMIT 50`)
}

func (a *API) tagsPaged(w http.ResponseWriter, r *http.Request) {
	a.pagedTags(r.Context())
}

func (a *API) tagsPagedMenu(w http.ResponseWriter, r *http.Request) {
	a.pagedTags(r.Context())
}
