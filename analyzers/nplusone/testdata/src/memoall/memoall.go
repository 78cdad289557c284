// Package memoall is checked with -memo: lookups behind a memo keyed by
// a field of the element are reported too, once per distinct key.
package memoall

import (
	"context"
	"database/sql"
)

var db *sql.DB

type post struct{ ID, AuthorID int64 }

func authorNames(ctx context.Context, posts []post) map[int64]string {
	names := make(map[int64]string)
	for _, p := range posts {
		if _, ok := names[p.AuthorID]; ok {
			continue
		}
		var n string
		_ = db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", p.AuthorID).Scan(&n) // want `on a cold memo once per distinct p.AuthorID, not once per element of posts; load them`
		names[p.AuthorID] = n
	}
	return names
}
