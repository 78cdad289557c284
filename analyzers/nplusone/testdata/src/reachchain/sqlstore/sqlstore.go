// Package sqlstore implements the data store over database/sql. Its
// accessor reads the server's version once per store (a lazy init): the
// chain's round trip per element is the repository's read, not this one.
package sqlstore

import (
	"context"
	"database/sql"

	"reachchain/store"
)

type SQLStore struct {
	DB      *sql.DB
	version string
}

func (s *SQLStore) Items(ctx context.Context) store.ItemRepo {
	if s.version == "" {
		_ = s.DB.QueryRowContext(ctx, "SELECT version()").Scan(&s.version)
	}
	return &itemRepo{db: s.DB}
}

type itemRepo struct{ db *sql.DB }

func (r *itemRepo) GetByName(name string) ([]store.Item, error) {
	rows, err := r.db.Query("SELECT name FROM items WHERE artist = $1", name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return scan(rows)
}

func (r *itemRepo) GetByNames(names []string) ([]store.Item, error) {
	rows, err := r.db.Query("SELECT name FROM items WHERE artist = ANY($1)", names)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return scan(rows)
}

func scan(rows *sql.Rows) ([]store.Item, error) {
	var out []store.Item
	for rows.Next() {
		var it store.Item
		if err := rows.Scan(&it.Name); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}
