package nplusone

import (
	"context"

	"github.com/uptrace/bun"
)

var bdb *bun.DB

type Story struct {
	ID       int64
	AuthorID int64
	Author   *Author `bun:"rel:belongs-to,join:author_id=id"`
}

func bunStories(ctx context.Context, authors []int64) {
	for _, a := range authors {
		var stories []Story
		_ = bdb.NewSelect().Model(&stories).Where("author_id = ?", a).Scan(ctx)                 // want `^\(\*bun.SelectQuery\).Scan runs a query once per element of authors; load the relation with Relation on the outer query, or load them in one query before the loop \(Where\("id IN \(\?\)", bun.In\(ids\)\)\)$`
		exists, _ := bdb.NewSelect().Model((*Story)(nil)).Where("author_id = ?", a).Exists(ctx) // want `^\(\*bun.SelectQuery\).Exists runs a query once per element of authors`
		_ = exists
		_, _ = bdb.NewInsert().Model(&Story{AuthorID: a}).Exec(ctx)                                   // want `^\(\*bun.InsertQuery\).Exec runs a write once per element of authors`
		_, _ = bdb.NewUpdate().Model(&Story{}).Set("seen = true").Where("author_id = ?", a).Exec(ctx) // want `^\(\*bun.UpdateQuery\).Exec runs a write once per element of authors`
	}
}

func bunStoriesAtOnce(ctx context.Context, authors []int64) error {
	var stories []Story
	if err := bdb.NewSelect().Model(&stories).Relation("Author").Where("author_id IN (?)", bun.In(authors)).Scan(ctx); err != nil {
		return err
	}
	_, err := bdb.NewInsert().Model(&stories).Exec(ctx)
	return err
}
