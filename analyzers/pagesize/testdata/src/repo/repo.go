// Package repo reads lists for its callers; whether a read is a problem
// depends on whether a request path calls it.
package repo

import (
	"context"
	"database/sql"
)

type Repo struct{ db *sql.DB }

// AllCategories reads the whole table.
func (r *Repo) AllCategories(ctx context.Context) error { // want AllCategories:`pagesize\(reads every row of categories \(no LIMIT\)\)`
	_, err := r.db.QueryContext(ctx, `SELECT id, name FROM categories ORDER BY name`)
	return err
}

// Categories reads through AllCategories.
func (r *Repo) Categories(ctx context.Context) error { // want Categories:`pagesize\(reads every row of categories \(no LIMIT\)\)`
	return r.AllCategories(ctx)
}

// TopCategories reads one page.
func (r *Repo) TopCategories(ctx context.Context) error {
	_, err := r.db.QueryContext(ctx, `SELECT id, name FROM categories ORDER BY name LIMIT 20`)
	return err
}

// ItemsOfOrder reads a child collection by its parent's key.
func (r *Repo) ItemsOfOrder(ctx context.Context, orderID int64) error {
	_, err := r.db.QueryContext(ctx, `SELECT product_id, quantity FROM order_items WHERE order_id = $1`, orderID)
	return err
}
