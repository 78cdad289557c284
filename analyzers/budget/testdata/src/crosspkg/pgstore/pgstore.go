package pgstore // want package:`impls\(Store\)`

// The package implements svc.Store with database/sql.

import (
	"context"
	"database/sql"
)

type Store struct{ db *sql.DB }

func New(db *sql.DB) *Store { return &Store{db: db} }

func (s *Store) Orders(ctx context.Context) ([]int, error) { // want Orders:`cost\(orders select=10ms\) rows\(50 LIMIT\)`
	var out []int
	rows, err := s.db.QueryContext(ctx, "SELECT id FROM orders ORDER BY id LIMIT 50")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int
		_ = rows.Scan(&id)
		out = append(out, id)
	}
	return out, nil
}

func (s *Store) Items(ctx context.Context, order int) ([]string, error) { // want Items:`cost\(items select=10ms\) rows\(100 max_page_size\)`
	var out []string
	rows, err := s.db.QueryContext(ctx, "SELECT name FROM items WHERE order_id = $1", order)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var n string
		_ = rows.Scan(&n)
		out = append(out, n)
	}
	return out, nil
}
