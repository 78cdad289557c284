// Package tagstore implements store.Tags; no package that imports api
// imports it.
package tagstore

import (
	"context"
	"database/sql"
)

type Tags struct{ db *sql.DB }

func (t *Tags) Tags(ctx context.Context) ([]string, error) {
	var csv string
	err := t.db.QueryRowContext(ctx, "SELECT string_agg(name, ',') FROM tags").Scan(&csv)
	return []string{csv}, err
}

func (t *Tags) Tag(ctx context.Context, name string) (int, error) {
	var n int
	err := t.db.QueryRowContext(ctx, "SELECT id FROM tags WHERE name = $1", name).Scan(&n)
	return n, err
}
