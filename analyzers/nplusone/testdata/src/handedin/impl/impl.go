// Package impl implements lister.Formatter; only main imports it.
package impl

import (
	"context"

	"handedin/store"
)

type Fmt struct{}

// Format is handed a page through lister.Formatter: reported.
func (Fmt) Format(ctx context.Context, users []store.User) {
	for _, u := range users {
		_ = store.DB.QueryRowContext(ctx, "SELECT title FROM titles WHERE user_id = $1", u.ID).Scan(new(string)) // want `once per element of users`
	}
}

// FormatTags is handed request ids through the same interface: not
// reported.
func (Fmt) FormatTags(ctx context.Context, ids []int64) {
	for _, id := range ids {
		_ = store.DB.QueryRowContext(ctx, "SELECT title FROM tags WHERE id = $1", id).Scan(new(string))
	}
}
