package timeouts

import (
	"context"
	"database/sql"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/labstack/echo/v4"

	"example.com/realibs/timeouts/store"
)

var (
	db   *sql.DB
	repo *store.Repo
)

type key struct{}

// ---- net/http handlers: context-less database/sql and HTTP calls ----

func contextless(w http.ResponseWriter, r *http.Request) {
	rows, err := db.Query("SELECT id, name FROM users LIMIT 50") // want `\(\*sql.DB\).Query in a request path has no context, so the database query keeps running after the client has gone; use QueryContext with the request's context \(r.Context\(\)\)`
	if err == nil {
		_ = rows.Close()
	}
	_ = db.QueryRow("SELECT 1")                                      // want `\(\*sql.DB\).QueryRow in a request path has no context, .*; use QueryRowContext with the request's context \(r.Context\(\)\)`
	_, _ = db.Exec("UPDATE users SET seen = now() WHERE id = $1", 1) // want `\(\*sql.DB\).Exec in a request path has no context, .*; use ExecContext`
	_ = db.Ping()                                                    // want `\(\*sql.DB\).Ping in a request path has no context, .*; use PingContext`
	_, _ = db.Prepare("SELECT 1")                                    // want `\(\*sql.DB\).Prepare in a request path has no context, .*; use PrepareContext`
	tx, _ := db.Begin()                                              // want `\(\*sql.DB\).Begin in a request path has no context, .*; use BeginTx`
	_, _ = tx.Exec("DELETE FROM sessions WHERE user_id = $1", 1)     // want `\(\*sql.Tx\).Exec in a request path has no context, .*; use ExecContext`
	_ = tx.QueryRow("SELECT 1")                                      // want `\(\*sql.Tx\).QueryRow in a request path has no context`
	_ = tx.Commit()
	_, _ = http.NewRequest(http.MethodGet, "https://example.com/avatar", nil) // want `http.NewRequest in a request path has no context, so the HTTP request keeps running after the client has gone; use NewRequestWithContext with the request's context \(r.Context\(\)\)`
	_, _ = feedClient.Get("https://example.com/avatar")                       // want `\(\*http.Client\).Get in a request path has no context, so the HTTP request keeps running after the client has gone; use Do with http.NewRequestWithContext with the request's context \(r.Context\(\)\)`
	_, _ = feedClient.Post("https://example.com/avatar", "image/png", nil)    // want `\(\*http.Client\).Post in a request path has no context`
	// A client with a 5-second Timeout ends the request within the plan's
	// query_timeout (notifuse's favicon fetch through safehttpclient.New).
	_, _ = boundedClient.Get("https://example.com/avatar")
	w.WriteHeader(http.StatusNoContent)
}

func contextful(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	rows, err := db.QueryContext(ctx, "SELECT id, name FROM users LIMIT 50")
	if err == nil {
		_ = rows.Close()
	}
	_ = db.QueryRowContext(r.Context(), "SELECT 1")
	_, _ = db.ExecContext(ctx, "UPDATE users SET seen = now() WHERE id = $1", 1)
	_ = db.PingContext(ctx)
	_, _ = db.PrepareContext(ctx, "SELECT 1")
	tx, _ := db.BeginTx(ctx, nil)
	_, _ = tx.ExecContext(ctx, "DELETE FROM sessions WHERE user_id = $1", 1)
	_ = tx.QueryRowContext(ctx, "SELECT 1")
	_ = tx.Commit()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "https://example.com/avatar", nil)
	_, _ = boundedClient.Do(req)
	w.WriteHeader(http.StatusNoContent)
}

// ---- net/http handlers: context.Background and context.TODO ----

func detachedContexts(w http.ResponseWriter, r *http.Request) {
	_, _ = db.QueryContext(context.Background(), "SELECT 1") // want `\(\*sql.DB\).QueryContext runs a database query with context.Background\(\) in a request path, so it keeps running after the client has gone; pass the request's context \(r.Context\(\)\)`
	_ = db.QueryRowContext(context.TODO(), "SELECT 1")       // want `\(\*sql.DB\).QueryRowContext runs a database query with context.TODO\(\) in a request path`
	bg := context.Background()
	_, _ = db.ExecContext(bg, "UPDATE users SET seen = now()") // want `\(\*sql.DB\).ExecContext runs a database query with bg in a request path`
	withValue := context.WithValue(context.Background(), key{}, "v")
	_, _ = db.ExecContext(withValue, "UPDATE users SET seen = now()") // want `runs a database query with withValue in a request path`
	withCancel, cancel := context.WithCancel(context.TODO())
	defer cancel()
	_ = db.PingContext(withCancel)                                                                             // want `\(\*sql.DB\).PingContext runs a database query with withCancel in a request path`
	_, _ = http.NewRequestWithContext(context.Background(), http.MethodGet, "https://example.com/avatar", nil) // want `http.NewRequestWithContext runs an HTTP request with context.Background\(\) in a request path`
}

func requestContexts(w http.ResponseWriter, r *http.Request) {
	_, _ = db.QueryContext(r.Context(), "SELECT 1")
	_ = db.QueryRowContext(r.Context(), "SELECT 1")
	ctx := r.Context()
	_, _ = db.ExecContext(ctx, "UPDATE users SET seen = now()")
	withValue := context.WithValue(r.Context(), key{}, "v")
	_, _ = db.ExecContext(withValue, "UPDATE users SET seen = now()")
	withCancel, cancel := context.WithCancel(r.Context())
	defer cancel()
	_ = db.PingContext(withCancel)
	_, _ = http.NewRequestWithContext(r.Context(), http.MethodGet, "https://example.com/avatar", nil)
	// Detached from the request, but bounded: allowed.
	bounded, cancel2 := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel2()
	_, _ = db.ExecContext(bounded, "INSERT INTO audit (msg) VALUES ('seen')")
}

func detachedOnSomePaths(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if r.URL.Query().Get("async") != "" {
		ctx = context.Background()
	}
	// Background on one path only: not reported.
	_, _ = db.QueryContext(ctx, "SELECT 1")
}

func detachedGoroutine(w http.ResponseWriter, r *http.Request) {
	// Work started with go is deliberately detached.
	go func() {
		_, _ = db.ExecContext(context.Background(), "INSERT INTO audit (msg) VALUES ('async')")
	}()
	go db.Exec("INSERT INTO audit (msg) VALUES ('async')")
	w.WriteHeader(http.StatusAccepted)
}

func closureInHandler(w http.ResponseWriter, r *http.Request) {
	each := func(f func()) { f() }
	each(func() {
		_, _ = db.Query("SELECT 1") // want `\(\*sql.DB\).Query in a request path has no context`
	})
	each(func() {
		_, _ = db.QueryContext(r.Context(), "SELECT 1")
	})
}

func job() {
	// Not a request path: a job may query without a request context.
	_, _ = db.Query("SELECT 1")
	_, _ = db.QueryContext(context.Background(), "SELECT 1")
	_, _ = repo.Count()
	_, _ = repo.UserName(context.Background(), 1)
}

func register(mux *http.ServeMux) {
	mux.HandleFunc("GET /users", func(w http.ResponseWriter, req *http.Request) {
		_, _ = db.Query("SELECT id FROM users LIMIT 50") // want `\(\*sql.DB\).Query in a request path has no context, .*; use QueryContext with the request's context \(req.Context\(\)\)`
		_, _ = db.QueryContext(req.Context(), "SELECT id FROM users LIMIT 50")
	})
}

// ---- chi handlers (net/http signature) calling the store ----

func chiRoutes() http.Handler {
	router := chi.NewRouter()
	router.Get("/users/{id}", chiUser)
	router.Get("/users/{id}/name", func(w http.ResponseWriter, r *http.Request) {
		id, _ := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
		_, _ = repo.UserName(context.Background(), id) // want `\(\*store.Repo\).UserName runs a database query \(\(\*sql.DB\).QueryRowContext\) with context.Background\(\) in a request path, so it keeps running after the client has gone; pass the request's context \(r.Context\(\)\)`
		_, _ = repo.UserName(r.Context(), id)
	})
	router.Post("/users/{id}/orders", chiOrders)
	return router
}

func chiUser(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	_, _ = repo.CachedName(context.TODO(), id) // want `\(\*store.Repo\).CachedName runs a Redis command \(\(redis.StringCmdable\).Get\) with context.TODO\(\) in a request path`
	_, _ = repo.CachedName(r.Context(), id)
	_, _ = repo.Count()    // reported at the cause, (*store.Repo).Count
	_, _ = repo.CountVia() // reaches Count, the cause
	_, _ = repo.CountContext(r.Context())
	_ = repo.Audit(r.Context(), "user viewed")
	_ = store.Key(id)
}

func chiOrders(w http.ResponseWriter, r *http.Request) {
	_, _ = repo.Orders() // reported at the cause, (*store.Repo).Orders
	id, _ := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	_, _ = repo.OrderCount(r.Context(), id)
}

// ---- gin handlers (*gin.Context) ----

func ginUser(c *gin.Context) {
	id, _ := strconv.ParseInt(c.Param("id"), 10, 64)
	_, _ = db.Query("SELECT name FROM users WHERE id = $1", id) // want `\(\*sql.DB\).Query in a request path has no context, so the database query keeps running after the client has gone; use QueryContext with the request's context \(c.Request.Context\(\)\)`
	_, _ = db.QueryContext(c.Request.Context(), "SELECT name FROM users WHERE id = $1", id)
	_, _ = db.QueryContext(context.Background(), "SELECT 1") // want `\(\*sql.DB\).QueryContext runs a database query with context.Background\(\) in a request path, so it keeps running after the client has gone; pass the request's context \(c.Request.Context\(\)\)`
	_, _ = repo.UserName(context.TODO(), id)                 // want `\(\*store.Repo\).UserName runs a database query \(\(\*sql.DB\).QueryRowContext\) with context.TODO\(\) in a request path`
	_, _ = repo.UserName(c.Request.Context(), id)
	_, _ = repo.CountVia() // reaches Count, the cause
	_, _ = repo.CountContext(c.Request.Context())
	c.JSON(http.StatusOK, gin.H{"id": id})
}

func ginPassesItself(c *gin.Context) {
	// gin's Done, Deadline and Err follow c.Request.Context() only when
	// the engine's ContextWithFallback is set; otherwise Done is nil and
	// this query outlives the request like context.Background().
	_, _ = db.QueryContext(c, "SELECT 1") // want `runs a database query with a \*gin.Context as its context`
}

// ---- echo handlers (echo.Context) ----

func echoUser(c echo.Context) error {
	id, _ := strconv.ParseInt(c.Param("id"), 10, 64)
	_ = db.QueryRow("SELECT name FROM users WHERE id = $1", id) // want `\(\*sql.DB\).QueryRow in a request path has no context, .*; use QueryRowContext with the request's context \(c.Request\(\).Context\(\)\)`
	_ = db.QueryRowContext(c.Request().Context(), "SELECT name FROM users WHERE id = $1", id)
	_ = repo.Warm(id, "x") // reported at the cause, (*store.Repo).Warm
	_ = repo.WarmContext(c.Request().Context(), id, "x")
	_, _ = repo.OrderCount(context.Background(), id) // want `\(\*store.Repo\).OrderCount runs a database query \(\(\*pgxpool.Pool\).QueryRow\) with context.Background\(\) in a request path, .*; pass the request's context \(c.Request\(\).Context\(\)\)`
	_, _ = repo.OrderCount(c.Request().Context(), id)
	return c.NoContent(http.StatusOK)
}

// ---- the plan's query_timeout, through a helper in another package ----

func slowQueryViaStore(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 20*time.Second) // want `context deadline of 20s bounds a database query \(\(\*store.Repo\).UserName → \(\*sql.DB\).QueryRowContext\), longer than the plan's query_timeout \(10s\); a slow query holds a connection from the pool that long; lower it to at most 10s`
	defer cancel()
	_, _ = repo.UserName(ctx, 1)
}

func quickQueryViaStore(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	_, _ = repo.UserName(ctx, 1)
}

func slowQueryViaStoreChain(c echo.Context) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), 20*time.Second) // want `context deadline of 20s bounds a database query \(\(\*store.Repo\).CachedName → \(\*store.Repo\).UserName → \(\*sql.DB\).QueryRowContext\)`
	defer cancel()
	_, err := repo.CachedName(ctx, 1)
	return err
}

func quickQueryViaStoreChain(c echo.Context) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), 10*time.Second)
	defer cancel()
	_, err := repo.CachedName(ctx, 1)
	return err
}

// A request made with the context of the request being served (r.Context(),
// gin's c.Request.Context(), echo's c.Request().Context()) ends when its
// client leaves: sent through http.DefaultClient it is bounded as one
// under the caller's context is (hatchet's Prometheus federation proxy).
// The twins send the same request with no context.
func proxyServed(w http.ResponseWriter, r *http.Request) {
	req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, "https://upstream.example/metrics", nil)
	if err != nil {
		return
	}
	if resp, err := http.DefaultClient.Do(req); err == nil {
		_ = resp.Body.Close()
	}
}

func proxyGinServed(c *gin.Context) {
	req, err := http.NewRequestWithContext(c.Request.Context(), http.MethodGet, "https://upstream.example/metrics", nil)
	if err != nil {
		return
	}
	if resp, err := http.DefaultClient.Do(req); err == nil {
		_ = resp.Body.Close()
	}
}

func proxyEchoServed(c echo.Context) error {
	req, err := http.NewRequestWithContext(c.Request().Context(), http.MethodGet, "https://upstream.example/metrics", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func proxyEchoUnbound(c echo.Context) error {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, "https://upstream.example/metrics", nil) // want `context.Background\(\)`
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `http.DefaultClient.Do has no timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The same with the echo.Context captured by a deferred literal, which
// spills the parameter to a cell (hatchet's Slack OAuth callback).
func proxyEchoServedCaptured(c echo.Context) error {
	defer func() { c.Set("proxied", true) }()
	req, err := http.NewRequestWithContext(c.Request().Context(), http.MethodGet, "https://upstream.example/metrics", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
