package timeouts

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

var (
	pool *pgxpool.Pool
	conn *pgx.Conn
)

// ---- pgx in request paths ----

func pgxHandler(w http.ResponseWriter, r *http.Request) {
	rows, err := pool.Query(context.Background(), "SELECT id FROM orders LIMIT 50") // want `\(\*pgxpool.Pool\).Query runs a database query with context.Background\(\) in a request path, so it keeps running after the client has gone; pass the request's context \(r.Context\(\)\)`
	if err == nil {
		rows.Close()
	}
	var n int64
	_ = pool.QueryRow(context.TODO(), "SELECT count(*) FROM orders").Scan(&n) // want `\(\*pgxpool.Pool\).QueryRow runs a database query with context.TODO\(\) in a request path`
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, _ = pool.Exec(ctx, "UPDATE orders SET seen = true") // want `\(\*pgxpool.Pool\).Exec runs a database query with ctx in a request path`
	_, _ = conn.Exec(context.TODO(), "SELECT 1")           // want `\(\*pgx.Conn\).Exec runs a database query with context.TODO\(\) in a request path`
	tx, err := pool.Begin(r.Context())
	if err != nil {
		return
	}
	_, _ = tx.Exec(context.Background(), "DELETE FROM carts WHERE user_id = $1", 1) // want `\(pgx.Tx\).Exec runs a database query with context.Background\(\) in a request path`
	_ = tx.Commit(context.Background())                                             // want `\(pgx.Tx\).Commit runs a database query with context.Background\(\) in a request path`
}

func pgxHandlerWithRequestContext(w http.ResponseWriter, r *http.Request) {
	rows, err := pool.Query(r.Context(), "SELECT id FROM orders LIMIT 50")
	if err == nil {
		rows.Close()
	}
	var n int64
	_ = pool.QueryRow(r.Context(), "SELECT count(*) FROM orders").Scan(&n)
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	_, _ = pool.Exec(ctx, "UPDATE orders SET seen = true")
	_, _ = conn.Exec(r.Context(), "SELECT 1")
	tx, err := pool.Begin(r.Context())
	if err != nil {
		return
	}
	_, _ = tx.Exec(r.Context(), "DELETE FROM carts WHERE user_id = $1", 1)
	_ = tx.Commit(r.Context())
}

func pgxGin(c *gin.Context) {
	rows, err := pool.Query(context.Background(), "SELECT id FROM orders WHERE user_id = $1", c.Param("id")) // want `\(\*pgxpool.Pool\).Query runs a database query with context.Background\(\) in a request path, .*; pass the request's context \(c.Request.Context\(\)\)`
	if err == nil {
		rows.Close()
	}
	rows, err = pool.Query(c.Request.Context(), "SELECT id FROM orders WHERE user_id = $1", c.Param("id"))
	if err == nil {
		rows.Close()
	}
}

func pgxJob() {
	// Not a request path.
	rows, err := pool.Query(context.Background(), "SELECT id FROM orders")
	if err == nil {
		rows.Close()
	}
}

// ---- the plan's query_timeout on pgx queries ----

func pgxSlowQuery(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 20*time.Second) // want `context deadline of 20s bounds a database query \(\(\*pgxpool.Pool\).Query\), longer than the plan's query_timeout \(10s\); a slow query holds a connection from the pool that long; lower it to at most 10s`
	defer cancel()
	rows, err := pool.Query(ctx, "SELECT id FROM orders LIMIT 50")
	if err == nil {
		rows.Close()
	}
}

func pgxQuickQuery(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 10*time.Second)
	defer cancel()
	rows, err := pool.Query(ctx, "SELECT id FROM orders LIMIT 50")
	if err == nil {
		rows.Close()
	}
}

// pgxSlowDeadline is a request handler: its deadline is held to the plan.
func pgxSlowDeadline(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithDeadline(r.Context(), time.Now().Add(15*time.Second)) // want `context deadline of 15s bounds a database query \(\(\*pgxpool.Pool\).Exec\), longer than the plan's query_timeout \(10s\)`
	defer cancel()
	_, _ = pool.Exec(ctx, "VACUUM orders")
}

func pgxQuickDeadline(ctx context.Context) error {
	ctx, cancel := context.WithDeadline(ctx, time.Now().Add(5*time.Second))
	defer cancel()
	_, err := pool.Exec(ctx, "VACUUM orders")
	return err
}

func pgxSlowQueryViaStore(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), 20*time.Second) // want `context deadline of 20s bounds a database query \(\(\*store.Repo\).OrderCount → \(\*pgxpool.Pool\).QueryRow\), longer than the plan's query_timeout \(10s\)`
	defer cancel()
	_, _ = repo.OrderCount(ctx, 1)
}

func pgxQuickQueryViaStore(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), 3*time.Second)
	defer cancel()
	_, _ = repo.OrderCount(ctx, 1)
}
