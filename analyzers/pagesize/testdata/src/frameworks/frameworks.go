// Package frameworks reads page sizes through the routers' and
// frameworks' APIs and passes them to the ORMs' Limit.
package frameworks

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"

	"github.com/Masterminds/squirrel"
	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
	"github.com/uptrace/bun"
	"gorm.io/gorm"
)

type User struct{ ID int64 }

type API struct {
	gdb *gorm.DB
	bdb *bun.DB
}

// ---- chi and gorilla/mux ----

func (a *API) chiParam(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(chi.URLParam(r, "n"))
	var users []User
	a.gdb.Limit(n).Find(&users) // want `page size from path parameter "n" reaches \(\*gorm.DB\).Limit without an upper bound`
}

func (a *API) chiParamClamped(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(chi.URLParam(r, "n"))
	if n > 100 {
		n = 100
	}
	var users []User
	a.gdb.Limit(n).Find(&users)
}

func (a *API) muxVars(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(mux.Vars(r)["n"])
	var users []User
	a.bdb.NewSelect().Model(&users).Limit(n).Scan(r.Context()) // want `page size from path parameter "n" reaches \(\*bun.SelectQuery\).Limit`
}

func (a *API) muxVarsClamped(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(mux.Vars(r)["n"])
	var users []User
	a.bdb.NewSelect().Model(&users).Limit(min(n, 100)).Scan(r.Context())
}

func (a *API) squirrelLimit(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.ParseUint(r.URL.Query().Get("n"), 10, 64)
	squirrel.Select("id").From("users").Limit(n).ToSql() // want `page size from query parameter "n" reaches \(squirrel.SelectBuilder\).Limit`
}

func (a *API) squirrelLimitClamped(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.ParseUint(r.URL.Query().Get("n"), 10, 64)
	if n == 0 || n > 100 {
		n = 100
	}
	squirrel.Select("id").From("users").Limit(n).ToSql()
}

// ---- gin ----

func (a *API) ginQuery(c *gin.Context) {
	n, _ := strconv.Atoi(c.Query("limit"))
	var users []User
	a.gdb.Limit(n).Find(&users) // want `query parameter "limit" reaches \(\*gorm.DB\).Limit`
}

func (a *API) ginDefaultQuery(c *gin.Context) {
	n, err := strconv.Atoi(c.DefaultQuery("limit", "20"))
	if err != nil || n > 100 {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	var users []User
	a.gdb.Limit(n).Find(&users)
}

func (a *API) ginDefaultQueryUnclamped(c *gin.Context) {
	n, _ := strconv.Atoi(c.DefaultQuery("limit", "20"))
	var users []User
	a.gdb.Limit(n).Find(&users) // want `query parameter "limit" reaches`
}

func (a *API) ginParam(c *gin.Context) {
	n, _ := strconv.Atoi(c.Param("n"))
	ids := make([]int64, n) // want `path parameter "n" sizes make`
	c.JSON(http.StatusOK, ids)
}

func (a *API) ginParamClamped(c *gin.Context) {
	n, _ := strconv.Atoi(c.Param("n"))
	ids := make([]int64, min(n, 100))
	c.JSON(http.StatusOK, ids)
}

type listQuery struct {
	Limit  int `form:"limit"`
	Cursor string
}

func (a *API) ginBindQuery(c *gin.Context) {
	var q listQuery
	if err := c.ShouldBindQuery(&q); err != nil {
		return
	}
	var users []User
	a.gdb.Limit(q.Limit).Find(&users) // want `page size from request field "Limit" reaches \(\*gorm.DB\).Limit`
}

func (a *API) ginBindQueryClamped(c *gin.Context) {
	var q listQuery
	if err := c.ShouldBindQuery(&q); err != nil {
		return
	}
	if q.Limit <= 0 || q.Limit > 100 {
		q.Limit = 100
	}
	var users []User
	a.gdb.Limit(q.Limit).Find(&users)
}

func (a *API) ginBind(c *gin.Context) {
	q := new(listQuery)
	if err := c.ShouldBind(q); err != nil {
		return
	}
	var users []User
	a.gdb.Limit(q.Limit).Find(&users) // want `request field "Limit" reaches`
}

func (a *API) ginBindRejected(c *gin.Context) {
	q := new(listQuery)
	if err := c.ShouldBind(q); err != nil || q.Limit > 100 {
		return
	}
	var users []User
	a.gdb.Limit(q.Limit).Find(&users)
}

type taggedQuery struct {
	Limit int `form:"limit" binding:"omitempty,min=1,max=100"`
}

// gin validates binding tags when it binds: max=100 bounds the field.
func (a *API) ginBindTagged(c *gin.Context) {
	var q taggedQuery
	if err := c.ShouldBindQuery(&q); err != nil {
		return
	}
	var users []User
	a.gdb.Limit(q.Limit).Find(&users)
}

func (q *listQuery) normalize() {
	if q.Limit <= 0 || q.Limit > 100 {
		q.Limit = 100
	}
}

// A method that gets the struct may bound its fields.
func (a *API) ginBindNormalized(c *gin.Context) {
	var q listQuery
	if err := c.ShouldBindQuery(&q); err != nil {
		return
	}
	q.normalize()
	var users []User
	a.gdb.Limit(q.Limit).Find(&users)
}

// A struct the handler fills itself is not request input.
func (a *API) ginOwnStruct(c *gin.Context) {
	q := listQuery{Limit: 20}
	var users []User
	a.gdb.Limit(q.Limit).Find(&users)
}

// ---- echo ----

func (a *API) echoQueryParam(c echo.Context) error {
	n, _ := strconv.Atoi(c.QueryParam("limit"))
	var users []User
	return a.gdb.Limit(n).Find(&users).Error // want `query parameter "limit" reaches \(\*gorm.DB\).Limit`
}

func (a *API) echoQueryParamClamped(c echo.Context) error {
	n, _ := strconv.Atoi(c.QueryParam("limit"))
	var users []User
	return a.gdb.Limit(min(n, 100)).Find(&users).Error
}

func (a *API) echoParam(c echo.Context) error {
	n, _ := strconv.Atoi(c.Param("n"))
	var users []User
	return a.bdb.NewSelect().Model(&users).Limit(n).Scan(c.Request().Context()) // want `path parameter "n" reaches \(\*bun.SelectQuery\).Limit`
}

func (a *API) echoQueryParams(c echo.Context) error {
	n, _ := strconv.Atoi(c.QueryParams().Get("limit"))
	var users []User
	return a.gdb.Limit(n).Find(&users).Error // want `query parameter "limit" reaches`
}

func (a *API) echoBind(c echo.Context) error {
	var q listQuery
	if err := c.Bind(&q); err != nil {
		return err
	}
	var users []User
	return a.gdb.Limit(q.Limit).Find(&users).Error // want `request field "Limit" reaches`
}

func (a *API) echoBindClamped(c echo.Context) error {
	var q listQuery
	if err := c.Bind(&q); err != nil {
		return err
	}
	q.Limit = min(q.Limit, 100)
	var users []User
	return a.gdb.Limit(q.Limit).Find(&users).Error
}

// ---- JSON bodies ----

func (a *API) jsonBody(w http.ResponseWriter, r *http.Request) {
	var req struct{ PageSize int }
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	var users []User
	a.gdb.Limit(req.PageSize).Find(&users) // want `request field "PageSize" reaches`
}

func (a *API) jsonBodyLimited(w http.ResponseWriter, r *http.Request) {
	var req struct{ PageSize int }
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&req); err != nil {
		return
	}
	var users []User
	a.gdb.Limit(req.PageSize).Find(&users) // want `request field "PageSize" reaches`
}

func (a *API) jsonBodyClamped(w http.ResponseWriter, r *http.Request) {
	var req struct{ PageSize int }
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&req); err != nil {
		return
	}
	if req.PageSize > 100 {
		req.PageSize = 100
	}
	var users []User
	a.gdb.Limit(req.PageSize).Find(&users)
}

func (a *API) jsonUnmarshal(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	var req struct{ PageSize int }
	_ = json.Unmarshal(data, &req)
	var users []User
	a.gdb.Limit(req.PageSize).Find(&users) // want `request field "PageSize" reaches`
}

// A JSON document that is not the request's body is not request input.
func (a *API) jsonConfig(w http.ResponseWriter, r *http.Request, cfg io.Reader) {
	var c struct{ PageSize int }
	_ = json.NewDecoder(cfg).Decode(&c)
	var users []User
	a.gdb.Limit(c.PageSize).Find(&users)
}
