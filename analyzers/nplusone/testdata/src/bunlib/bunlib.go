// Package bunlib loops over bun queries, and loads relations instead.
package bunlib

import (
	"context"

	"github.com/uptrace/bun"
)

type Story struct {
	ID       int64
	AuthorID int64
}

func oneByOne(ctx context.Context, db *bun.DB, authors []int64) {
	for _, a := range authors {
		var stories []Story
		_ = db.NewSelect().Model(&stories).Where("author_id = ?", a).Scan(ctx)      // want `^\(\*bun.SelectQuery\).Scan runs a query once per element of authors; load the relation with Relation on the outer query, or load them in one query before the loop \(Where\("id IN \(\?\)", bun.In\(ids\)\)\)$`
		n, _ := db.NewSelect().Model(&stories).Where("author_id = ?", a).Count(ctx) // want `^\(\*bun.SelectQuery\).Count runs a query once per element of authors`
		_ = n
		_, _ = db.NewInsert().Model(&Story{AuthorID: a}).Exec(ctx) // want `^\(\*bun.InsertQuery\).Exec runs a write once per element of authors; write them in one query: NewInsert\(\).Model\(&slice\)`
	}
}

func inOneQuery(ctx context.Context, db *bun.DB, authors []int64) []Story {
	var stories []Story
	_ = db.NewSelect().Model(&stories).Where("author_id IN (?)", bun.In(authors)).Scan(ctx)
	_, _ = db.NewInsert().Model(&stories).Exec(ctx)
	return stories
}
