// Package minmax holds the running minimum and maximum of Go 1.21's min
// and max around the values timeouts follows (contexts, durations), with
// and without the phi that feeds min back into itself: a shape that once
// sent a tracer into unbounded recursion.
package minmax

import (
	"context"
	"database/sql"
	"net/http"
	"time"
)

var db *sql.DB

// Shortest is the running minimum of the crash report, over durations.
func Shortest(ds []time.Duration) time.Duration {
	var mn time.Duration
	for _, value := range ds {
		if mn == 0 {
			mn = value
		} else if value > 0 {
			mn = min(mn, value)
		}
	}
	return mn
}

// Bounded derives its deadline from the request through a running
// minimum: bounded, so silent.
func Bounded(w http.ResponseWriter, r *http.Request) {
	d := Shortest([]time.Duration{2 * time.Second, time.Second})
	mx := time.Duration(0)
	for _, value := range []time.Duration{d, time.Second} {
		if mx == 0 {
			mx = value
		} else if value > 0 {
			mx = max(mx, value)
		}
	}
	ctx, cancel := context.WithTimeout(r.Context(), min(d, mx, 5*time.Second))
	defer cancel()
	_ = db.QueryRowContext(ctx, "SELECT 1")
}

// Unbounded runs the same loop and queries inside it with
// context.Background(): the phi around it changes nothing.
func Unbounded(w http.ResponseWriter, r *http.Request) {
	mn := time.Duration(0)
	for _, value := range []time.Duration{time.Second, 2 * time.Second} {
		if mn == 0 {
			mn = value
		} else if value > 0 {
			mn = min(mn, value)
			_ = db.QueryRowContext(context.Background(), "SELECT 1") // want `\(\*sql.DB\).QueryRowContext runs a database query with context.Background\(\) in a request path`
		}
	}
	ctx, cancel := context.WithTimeout(r.Context(), max(mn, time.Hour)) // a running bound, not a constant: not compared with the plan
	defer cancel()
	c2, cancel2 := context.WithTimeout(ctx, max(time.Minute, 2*time.Minute)) // want `context deadline of 2m0s bounds a database query \(\(\*sql.DB\).QueryRowContext\), longer than the plan's query_timeout \(10s\)`
	defer cancel2()
	_ = db.QueryRowContext(c2, "SELECT 1")
}
