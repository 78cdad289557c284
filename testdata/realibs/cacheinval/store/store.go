// Package store is the database layer under catalog.
package store

import (
	"context"
	"database/sql"
)

// Product is a row of products.
type Product struct {
	ID    int64
	Price int64
}

// Store runs the queries.
type Store struct{ db *sql.DB }

// ProductByID reads one product.
func (s *Store) ProductByID(ctx context.Context, id int64) (Product, error) { // want ProductByID:`cache\(reads products\)`
	var p Product
	err := s.db.QueryRowContext(ctx, `SELECT id, price FROM products WHERE id = $1`, id).Scan(&p.ID, &p.Price)
	return p, err
}

// SetPrice changes a product's price.
func (s *Store) SetPrice(ctx context.Context, id, price int64) error { // want SetPrice:`cache\(mutates products\)`
	_, err := s.db.ExecContext(ctx, `UPDATE products SET price = $1 WHERE id = $2`, price, id)
	return err
}
