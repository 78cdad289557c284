package handlers

import (
	"context"
	"database/sql"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/jmoiron/sqlx"
	"github.com/labstack/echo/v4"
	"github.com/redis/go-redis/v9"
)

var (
	db  *sql.DB
	xdb *sqlx.DB
	rdb *redis.Client
	rc  redis.Cmdable
)

func contextless(w http.ResponseWriter, r *http.Request) {
	rows, _ := db.Query("SELECT id FROM users LIMIT 10") // want `\(\*sql.DB\).Query in a request path has no context, so the database query keeps running after the client has gone; use QueryContext with the request's context \(r.Context\(\)\)`
	_ = rows
	_ = db.QueryRow("SELECT 1")     // want `\(\*sql.DB\).QueryRow in a request path has no context`
	_, _ = db.Exec("DELETE FROM x") // want `\(\*sql.DB\).Exec in a request path has no context`
	_ = db.Ping()                   // want `\(\*sql.DB\).Ping in a request path has no context`
	_, _ = db.Begin()               // want `\(\*sql.DB\).Begin in a request path has no context`
	var ids []int
	_ = xdb.Select(&ids, "SELECT id FROM users LIMIT 10")             // want `\(\*sqlx.DB\).Select in a request path has no context`
	_, _ = http.NewRequest(http.MethodGet, "http://example.com", nil) // want `http.NewRequest in a request path has no context`
}

func contextful(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	rows, _ := db.QueryContext(ctx, "SELECT id FROM users LIMIT 10")
	_ = rows
	_ = db.QueryRowContext(r.Context(), "SELECT 1")
	_, _ = db.ExecContext(ctx, "DELETE FROM x")
	_ = db.PingContext(ctx)
	_, _ = db.BeginTx(ctx, nil)
	var ids []int
	_ = xdb.SelectContext(ctx, &ids, "SELECT id FROM users LIMIT 10")
	_, _ = http.NewRequestWithContext(ctx, http.MethodGet, "http://example.com", nil)
}

var addSubject *sql.Stmt

// A prepared statement bound to a transaction begun with the request's
// context runs with the context its Exec is given: Stmt itself is no
// query with no context. The twin runs it with none.
func bindStatement(w http.ResponseWriter, r *http.Request) {
	tx, err := db.BeginTx(r.Context(), nil)
	if err != nil {
		return
	}
	defer tx.Rollback()
	_, _ = tx.Stmt(addSubject).ExecContext(r.Context(), "user", 1)
	_, _ = tx.Stmt(addSubject).Exec("user", 2) // want `\(\*sql.Stmt\).Exec in a request path has no context`
	_ = tx.Commit()
}

func notAHandler() {
	// Not a request path: a job or a main function may query without a
	// request context.
	_, _ = db.Query("SELECT id FROM users LIMIT 10")
	_, _ = db.QueryContext(context.Background(), "SELECT 1")
}

func background(w http.ResponseWriter, r *http.Request) {
	_, _ = db.QueryContext(context.Background(), "SELECT 1") // want `\(\*sql.DB\).QueryContext runs a database query with context.Background\(\) in a request path`
	_ = rdb.Get(context.TODO(), "k")                         // want `\(\*redis.Client\).Get runs a Redis command with context.TODO\(\) in a request path`
	_ = rc.Get(context.Background(), "k")                    // want `\(redis.StringCmdable\).Get runs a Redis command with context.Background\(\)`
	ctx := context.WithValue(context.Background(), "k", 1)
	_, _ = db.ExecContext(ctx, "UPDATE x SET y = 1")                                                   // want `runs a database query with ctx in a request path`
	_, _ = http.NewRequestWithContext(context.Background(), http.MethodGet, "http://example.com", nil) // want `http.NewRequestWithContext runs an HTTP request with context.Background\(\)`
}

func backgroundWithDeadline(w http.ResponseWriter, r *http.Request) {
	// Detached from the request but bounded: allowed.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_, _ = db.ExecContext(ctx, "INSERT INTO audit VALUES (1)")
}

func detachedGoroutine(w http.ResponseWriter, r *http.Request) {
	// Deliberately detached work started with go is not reported.
	go func() {
		_, _ = db.ExecContext(context.Background(), "INSERT INTO audit VALUES (1)")
	}()
	go db.Exec("INSERT INTO audit VALUES (2)")
}

func closureInHandler(w http.ResponseWriter, r *http.Request) {
	each := func(f func()) { f() }
	each(func() {
		_, _ = db.Query("SELECT 1") // want `\(\*sql.DB\).Query in a request path has no context`
	})
}

func conditional(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if r.URL.Query().Get("async") != "" {
		ctx = context.Background()
	}
	// Not Background on every path: not reported.
	_, _ = db.QueryContext(ctx, "SELECT 1")
}

func ginHandler(c *gin.Context) {
	_, _ = db.Query("SELECT 1")                              // want `\(\*sql.DB\).Query in a request path has no context, .*c.Request.Context\(\)`
	_, _ = db.QueryContext(context.Background(), "SELECT 1") // want `runs a database query with context.Background\(\)`
	_, _ = db.QueryContext(c.Request.Context(), "SELECT 1")
	_, _ = db.QueryContext(c, "SELECT 1") // want `\(\*sql.DB\).QueryContext runs a database query with a \*gin.Context as its context, which is never canceled unless the engine sets ContextWithFallback`
}

func echoHandler(c echo.Context) error {
	_, _ = db.Query("SELECT 1") // want `has no context, .*c.Request\(\).Context\(\)`
	_, err := db.QueryContext(c.Request().Context(), "SELECT 1")
	return err
}

type api struct{}

func (api) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_ = db.QueryRow("SELECT 1") // want `\(\*sql.DB\).QueryRow in a request path has no context`
	_ = db.QueryRowContext(r.Context(), "SELECT 1")
}

func register(mux *http.ServeMux) {
	mux.HandleFunc("/x", func(w http.ResponseWriter, req *http.Request) {
		_, _ = db.Query("SELECT 1") // want `has no context, .*; use QueryContext with the request's context \(req.Context\(\)\)`
		_, _ = db.QueryContext(req.Context(), "SELECT 1")
	})
}

// A middleware that hands the next handler its request with a background
// context (vouch's TimeLog) detaches every route it wraps; its twin keeps
// the request's context, with a value added.
func timeLog(next http.Handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(context.Background())) // want `\(\*http.Request\).WithContext replaces the request's context with context.Background\(\), so the handlers and calls it is handed to keep running after the client has gone; keep the request's context \(derive from r.Context\(\)\)`
	}
}

func withValue(next http.Handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), "k", 1)))
	}
}
