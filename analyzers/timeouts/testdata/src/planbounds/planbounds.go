package planbounds

import (
	"context"
	"database/sql"
	"net/http"
	"time"
)

const long = 2 * time.Minute

var slow = &http.Client{Timeout: long} // want `http.Client Timeout of 2m0s is longer than the plan's request_timeout \(30s\)`

var ok = &http.Client{Timeout: 30 * time.Second}

func server(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       time.Minute,      // want `http.Server ReadTimeout of 1m0s is longer than the plan's request_timeout`
		WriteTimeout:      10 * time.Minute, // want `http.Server WriteTimeout of 10m0s is longer`
		IdleTimeout:       5 * time.Minute,  // keep-alive idle time is not a request bound
	}
}

func setLater(c *http.Client, s *http.Server) {
	c.Timeout = 45 * time.Second      // want `http.Client Timeout of 45s is longer than the plan's request_timeout`
	s.WriteTimeout = 31 * time.Second // want `http.Server WriteTimeout of 31s is longer`
	c.Timeout = 29 * time.Second
}

var (
	db *sql.DB
	d  time.Duration
)

// contexts is a request handler: the plan's bounds apply to its deadlines.
func contexts(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	c1, cancel1 := context.WithTimeout(ctx, time.Hour) // want `context deadline of 1h0m0s is longer than the plan's request_timeout \(30s\)`
	defer cancel1()
	_ = c1
	c2, cancel2 := context.WithDeadline(ctx, time.Now().Add(90*time.Second)) // want `context deadline of 1m30s is longer than the plan's request_timeout`
	defer cancel2()
	_ = c2
	c3, cancel3 := context.WithTimeout(ctx, 15*time.Second) // want `context deadline of 15s bounds a database query \(\(\*sql.DB\).QueryContext\), longer than the plan's query_timeout \(10s\)`
	defer cancel3()
	_, _ = db.QueryContext(c3, "SELECT 1")
	c4, cancel4 := context.WithTimeout(ctx, 15*time.Second) // not a query: within request_timeout
	defer cancel4()
	_ = c4
	c5, cancel5 := context.WithTimeout(ctx, 5*time.Second)
	defer cancel5()
	_, _ = db.QueryContext(c5, "SELECT 1")
	c6, cancel6 := context.WithTimeout(ctx, d) // not a constant
	defer cancel6()
	_, _ = db.QueryContext(c6, "SELECT 1")
	c7, cancel7 := context.WithTimeout(ctx, 12*time.Second) // want `context deadline of 12s bounds a database query`
	defer cancel7()
	c8 := context.WithValue(c7, "k", "v")
	_ = db.QueryRowContext(c8, "SELECT 1")
}

// nightly is a background job in a package that serves requests: its
// deadline is its own, not a request's.
func nightly() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	_, _ = db.QueryContext(ctx, "VACUUM")
}
