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

// A memo handed down to the helper that checks it, keyed by the users a
// notification names: with -memo, reported once per distinct user.
type user struct {
	ID   int64
	Name string
}

type notification struct{ Doer, Assignee *user }

func refreshUser(ctx context.Context, u *user, cache map[int64]*user) {
	fresh, cached := cache[u.ID]
	if !cached {
		fresh = &user{ID: u.ID}
		_ = db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", u.ID).Scan(&fresh.Name)
		cache[u.ID] = fresh
	}
	*u = *fresh
}

func refreshNotification(ctx context.Context, n *notification, cache map[int64]*user) {
	for _, u := range []*user{n.Doer, n.Assignee} {
		refreshUser(ctx, u, cache)
	}
}

func refreshNotifications(ctx context.Context, ns []*notification) {
	cache := make(map[int64]*user)
	for _, n := range ns {
		refreshNotification(ctx, n, cache) // want `refreshNotification runs a query .* on a cold memo once per distinct u.ID, not once per element of ns; load them`
	}
}
