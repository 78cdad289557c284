package sqlite

import (
	"context"
	"database/sql"

	"reach/store"
)

type DB struct{ db *sql.DB }

func New(db *sql.DB) *DB { return &DB{db: db} }

func (d *DB) ListMemos(ctx context.Context, id int64) ([]store.Memo, error) {
	_, err := d.db.QueryContext(ctx, "SELECT id, creator FROM memo WHERE id = ?", id)
	return nil, err
}

func (d *DB) ListMemosByIDs(ctx context.Context, ids []int64) ([]store.Memo, error) {
	_, err := d.db.QueryContext(ctx, "SELECT id, creator FROM memo WHERE id IN (?)", ids)
	return nil, err
}

func (d *DB) Name() string { return "sqlite" }
