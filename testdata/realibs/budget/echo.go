package budget

import (
	"database/sql"
	"errors"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/redis/go-redis/v9"
)

type EchoAPI struct {
	DB    *sql.DB
	Cache *redis.Client
}

func (a *EchoAPI) Register(e *echo.Echo) {
	e.GET("/stats", a.statsCacheAside)  // want `route "GET /stats" spends an estimated ~151.1ms in the database`
	e.GET("/stats/cheap", a.statsCheap) // a cache read, and on a tenth of the requests one query: ~2ms
	e.GET("/session", a.sessionOnly)    // only cache hits: ~2ms

	v2 := e.Group("/v2")
	v2.GET("/stats", a.statsCacheAside) // want `route "GET /v2/stats" spends an estimated ~151.1ms in the database`
	// Add names the route with its method argument when it is a constant.
	v2.Add(http.MethodPost, "/stats", a.statsCacheAside) // want `route "POST /v2/stats" spends an estimated ~151.1ms in the database`
}

// statsCacheAside reads the cache; on a miss (a tenth of the requests) it
// runs fifteen aggregate queries: 1ms + 0.1 × (15 × 100ms + 1ms).
func (a *EchoAPI) statsCacheAside(c echo.Context) error {
	ctx := c.Request().Context()
	v, err := a.Cache.Get(ctx, "stats").Result()
	if err == nil {
		return c.String(http.StatusOK, v)
	}
	for i := 0; i < 15; i++ {
		_ = a.DB.QueryRowContext(ctx, "SELECT count(*) FROM events WHERE kind = $1", i).Scan(new(int))
	}
	a.Cache.Set(ctx, "stats", v, time.Minute)
	return c.String(http.StatusOK, v)
}

func (a *EchoAPI) statsCheap(c echo.Context) error {
	ctx := c.Request().Context()
	v, err := a.Cache.Get(ctx, "stats").Result()
	if errors.Is(err, redis.Nil) {
		_ = a.DB.QueryRowContext(ctx, "SELECT total FROM stats WHERE id = 1").Scan(&v)
		a.Cache.Set(ctx, "stats", v, time.Minute)
	}
	return c.String(http.StatusOK, v)
}

func (a *EchoAPI) sessionOnly(c echo.Context) error {
	ctx := c.Request().Context()
	user, err := a.Cache.Get(ctx, "session:"+c.Param("id")).Result()
	if err != nil {
		return echo.ErrUnauthorized
	}
	prefs, err := a.Cache.Get(ctx, "prefs:"+user).Result()
	if err != nil {
		return echo.ErrUnauthorized
	}
	return c.String(http.StatusOK, prefs)
}
