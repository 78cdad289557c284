package pg

import (
	"context"
	"database/sql"
)

type DB struct{ db *sql.DB }

func New(db *sql.DB) *DB { return &DB{db: db} }

func (d *DB) Get(ctx context.Context, id int64) (int64, error) {
	var owner int64
	err := d.db.QueryRowContext(ctx, "SELECT owner FROM items WHERE id = $1", id).Scan(&owner)
	return owner, err
}

func (d *DB) Delete(ctx context.Context, id int64) error {
	_, err := d.db.ExecContext(ctx, "DELETE FROM items WHERE id = $1", id)
	return err
}

func (d *DB) Mark(ctx context.Context, id int64) error {
	_, err := d.db.ExecContext(ctx, "UPDATE items SET marked = true WHERE id = $1", id)
	return err
}
