// Package minmax holds the running minimum and maximum of Go 1.21's min
// and max in loops that query, with and without the phi that feeds min
// back into itself: a shape that once sent a tracer into unbounded
// recursion.
package minmax

import (
	"context"
	"database/sql"
)

// Smallest queries once per id inside the running minimum.
func Smallest(ctx context.Context, db *sql.DB, ids []int) int { // want Smallest:`roundtrips\(read: \(\*sql.DB\).QueryRowContext\)`
	mn := 0
	for _, id := range ids {
		var n int
		_ = db.QueryRowContext(ctx, "SELECT n FROM items WHERE id = $1", id).Scan(&n) // want `runs a query once per element of ids`
		if mn == 0 {
			mn = n
		} else if n > 0 {
			mn = min(mn, n)
		}
	}
	return mn
}

// SmallestBatched is its twin: one query, then the running minimum over
// its rows.
func SmallestBatched(ctx context.Context, db *sql.DB, ids []int) int { // want SmallestBatched:`roundtrips\(read: \(\*sql.DB\).QueryContext\)`
	rows, err := db.QueryContext(ctx, "SELECT n FROM items WHERE id = ANY($1)", ids)
	if err != nil {
		return 0
	}
	defer rows.Close()
	mn := 0
	for rows.Next() {
		var n int
		if rows.Scan(&n) != nil {
			return 0
		}
		if mn == 0 {
			mn = n
		} else if n > 0 {
			mn = min(mn, n)
		}
	}
	return mn
}

// Largest keeps a running maximum and queries once, after the loop.
func Largest(ctx context.Context, db *sql.DB, ids []int) int { // want Largest:`roundtrips\(read: \(\*sql.DB\).QueryRowContext\)`
	mx := 0
	for _, id := range ids {
		mx = max(mx, id)
	}
	var n int
	_ = db.QueryRowContext(ctx, "SELECT n FROM items WHERE id = $1", mx).Scan(&n)
	return n
}

// LargestEach queries with the running maximum on every iteration.
func LargestEach(ctx context.Context, db *sql.DB, ids []int) { // want LargestEach:`roundtrips\(write: \(\*sql.DB\).ExecContext\)`
	mx := 0
	for _, id := range ids {
		mx = max(mx, id)
		_, _ = db.ExecContext(ctx, "UPDATE items SET seen = true WHERE id <= $1", mx) // want `runs a write once per element of ids`
	}
}
