package pagesize

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"

	"example.com/realibs/pagesize/store"
)

const maxPageSize = 100

type API struct {
	st *store.Store
	xs *store.XormStore
}

// ---- xorm, squirrel, goqu ----

func (a *API) xormAll(w http.ResponseWriter, r *http.Request) {
	_, _ = a.xs.AllUsers()    // reported at the read, store/xorm.go:17
	_, _ = a.xs.ActiveUsers() // reported at the read, store/xorm.go:24
}

func (a *API) xormBounded(w http.ResponseWriter, r *http.Request) {
	_, _ = a.xs.TeamUsers(1)
	_, _ = a.xs.FirstUsers()
	_, _ = a.xs.PageUsers(maxPageSize)
}

func (a *API) xormPage(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	_, _ = a.xs.PageUsers(n) // want `page size from query parameter "n" reaches \(\*xorm.Session\).Limit through \(\*store.XormStore\).PageUsers`
	_ = store.UsersQuery(n)  // want `page size from query parameter "n" reaches LIMIT through store.UsersQuery`
	_ = store.GoquQuery(n)   // want `page size from query parameter "n" reaches \(\*goqu.SelectDataset\).Limit through store.GoquQuery`
}

func (a *API) xormPageClamped(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	_, _ = a.xs.PageUsers(min(n, maxPageSize))
	_ = store.UsersQuery(min(n, maxPageSize))
	_ = store.GoquQuery(min(n, maxPageSize))
}

// ---- net/http ----

func (a *API) users(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	_, _ = a.st.ListUsers(r.Context(), limit) // want `page size from query parameter "limit" reaches LIMIT through \(\*store.Store\).ListUsers \(store/store.go:26\) without an upper bound`
}

func (a *API) usersClamped(w http.ResponseWriter, r *http.Request) {
	limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil || limit <= 0 || limit > maxPageSize {
		limit = maxPageSize
	}
	_, _ = a.st.ListUsers(r.Context(), limit)
}

func (a *API) allUsers(w http.ResponseWriter, r *http.Request) {
	_, _ = a.st.AllUsers(r.Context()) // reported at the read, store/store.go:45
}

func (a *API) recentUsers(w http.ResponseWriter, r *http.Request) {
	_, _ = a.st.RecentUsers(r.Context())
	_, _ = a.st.TeamUsers(r.Context(), 1)
}

// ---- chi ----

func (a *API) chiUsers(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(chi.URLParam(r, "n"))
	_, _ = a.st.PageUsers(r.Context(), n) // want `page size from path parameter "n" reaches \(\*gorm.DB\).Limit through \(\*store.Store\).PageUsers`
}

func (a *API) chiUsersClamped(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(chi.URLParam(r, "n"))
	_, _ = a.st.PageUsers(r.Context(), min(n, maxPageSize))
}

// ---- gorilla/mux ----

func (a *API) muxUsers(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(mux.Vars(r)["n"])
	_, _ = a.st.ListUsers(r.Context(), n) // want `page size from path parameter "n" reaches LIMIT`
}

func (a *API) muxUsersClamped(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(mux.Vars(r)["n"])
	if n > maxPageSize {
		n = maxPageSize
	}
	_, _ = a.st.ListUsers(r.Context(), n)
}

// ---- gin ----

type listQuery struct {
	Limit int `form:"limit"`
}

func (a *API) ginUsers(c *gin.Context) {
	n, _ := strconv.Atoi(c.DefaultQuery("limit", "20"))
	_, _ = a.st.ListUsers(c.Request.Context(), n) // want `page size from query parameter "limit" reaches LIMIT`
}

func (a *API) ginBound(c *gin.Context) {
	var q listQuery
	if err := c.ShouldBindQuery(&q); err != nil {
		return
	}
	_, _ = a.st.PageUsers(c.Request.Context(), q.Limit) // want `page size from request field "Limit" reaches \(\*gorm.DB\).Limit`
}

func (a *API) ginBoundClamped(c *gin.Context) {
	var q listQuery
	if err := c.ShouldBindQuery(&q); err != nil || q.Limit > maxPageSize {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	_, _ = a.st.PageUsers(c.Request.Context(), q.Limit)
}

// ---- echo ----

func (a *API) echoUsers(c echo.Context) error {
	n, _ := strconv.Atoi(c.QueryParam("limit"))
	_, err := a.st.ListUsers(c.Request().Context(), n) // want `page size from query parameter "limit" reaches LIMIT`
	return err
}

func (a *API) echoUsersClamped(c echo.Context) error {
	n, _ := strconv.Atoi(c.QueryParam("limit"))
	_, err := a.st.ListUsers(c.Request().Context(), min(n, maxPageSize))
	return err
}

func (a *API) echoAll(c echo.Context) error {
	_, err := a.st.AllUsers(c.Request().Context()) // reported at the read, store/store.go:45
	return err
}

// ---- clamps above the plan ----

func (a *API) generous(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	if n > 5000 { // want `page size is clamped to 5000, above the plan's max_page_size \(100\)`
		n = 5000
	}
	_, _ = a.st.ListUsers(r.Context(), n)
}
