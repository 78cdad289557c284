package postgres

import (
	"context"
	"database/sql"

	"reach/store"
)

type DB struct{ db *sql.DB }

func New(db *sql.DB) *DB { return &DB{db: db} }

func (d *DB) ListMemos(ctx context.Context, id int64) ([]store.Memo, error) {
	rows, err := d.db.QueryContext(ctx, "SELECT id, creator FROM memo WHERE id = $1", id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.Memo
	for rows.Next() {
		var m store.Memo
		if err := rows.Scan(&m.ID, &m.Creator); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

func (d *DB) ListMemosByIDs(ctx context.Context, ids []int64) ([]store.Memo, error) {
	_, err := d.db.QueryContext(ctx, "SELECT id, creator FROM memo WHERE id = ANY($1)", ids)
	return nil, err
}

func (d *DB) Name() string { return "postgres" }

func (d *DB) GetMemo(ctx context.Context, id int64) (store.Memo, error) {
	var m store.Memo
	err := d.db.QueryRowContext(ctx, "SELECT id, creator FROM memo WHERE id = $1", id).Scan(&m.ID, &m.Creator)
	return m, err
}

func (d *DB) GetUser(ctx context.Context, id int64) (store.User, error) {
	var u store.User
	err := d.db.QueryRowContext(ctx, "SELECT id FROM users WHERE id = $1", id).Scan(&u.ID)
	return u, err
}

func (d *DB) SaveUser(ctx context.Context, u store.User) error {
	_, err := d.db.ExecContext(ctx, "UPDATE users SET id = $1", u.ID)
	return err
}
