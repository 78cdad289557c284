// Package iterators ranges over function iterators.
package iterators

import (
	"context"
	"database/sql"
	"iter"
	"maps"
	"slices"
)

var db *sql.DB

type user struct{ ID int64 }

// All yields the users one by one.
func All(users []user) iter.Seq[user] {
	return func(yield func(user) bool) {
		for _, u := range users {
			if !yield(u) {
				return
			}
		}
	}
}

func touchAll(ctx context.Context, users []user, byID map[int64]user) {
	for u := range All(users) {
		_, _ = db.ExecContext(ctx, "UPDATE users SET seen = true WHERE id = $1", u.ID) // want `^\(\*sql.DB\).ExecContext runs a write once per element of All\(users\)`
	}
	for id := range maps.Keys(byID) {
		_ = db.QueryRowContext(ctx, "SELECT 1 FROM users WHERE id = $1", id) // want `once per element of maps.Keys\(byID\)`
	}
}

func constantIterators(ctx context.Context, ids []int64) {
	for t := range slices.Values([]string{"users", "orders"}) {
		_, _ = db.ExecContext(ctx, "ANALYZE "+t)
	}
	for chunk := range slices.Chunk(ids, 100) {
		_, _ = db.ExecContext(ctx, "DELETE FROM users WHERE id = ANY($1)", chunk)
	}
}

// An iterator whose body queries per element: the loop inside it is the
// one reported.
func Owners(ids []int64) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, id := range ids {
			var s string
			_ = db.QueryRow("SELECT name FROM owners WHERE id = $1", id).Scan(&s) // want `once per element of ids`
			if !yield(s) {
				return
			}
		}
	}
}
