package memoall

import (
	"context"

	structr "codeberg.org/gruf/go-structr"
)

// With -memo, a read in a cache's loader is reported too.
type postCache struct {
	cache structr.Cache[*post]
	byID  *structr.Index
}

func (c *postCache) load(ctx context.Context, posts []post) {
	for _, p := range posts {
		_, _ = c.cache.LoadOne(c.byID, structr.MakeKey(p.ID), func() (*post, error) {
			var out post
			return &out, db.QueryRowContext(ctx, "SELECT id FROM posts WHERE id = $1", p.ID).Scan(&out.ID) // want `runs a query once per element of posts`
		})
	}
}
