// Package mem is a second driver: it deletes through the database, but
// keeps marks in memory after reading the row.
package mem

import (
	"context"
	"database/sql"
)

type DB struct {
	db    *sql.DB
	marks map[int64]bool
}

func New(db *sql.DB) *DB { return &DB{db: db, marks: map[int64]bool{}} }

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
	var n int
	if err := d.db.QueryRowContext(ctx, "SELECT count(*) FROM items WHERE id = $1", id).Scan(&n); err != nil {
		return err
	}
	d.marks[id] = n > 0
	return nil
}
