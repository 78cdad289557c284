package store

import (
	"context"
	"database/sql"
)

type Product struct {
	ID    int64
	Price int64
}

type Store struct{ db *sql.DB }

func (s *Store) ProductByID(ctx context.Context, id int64) (Product, error) { // want ProductByID:`cache\(reads products\)`
	var p Product
	err := s.db.QueryRowContext(ctx, `SELECT id, price FROM products WHERE id = $1`, id).Scan(&p.ID, &p.Price)
	return p, err
}

func (s *Store) UpdatePrice(ctx context.Context, id, price int64) error { // want UpdatePrice:`cache\(mutates products\)`
	_, err := s.db.ExecContext(ctx, `UPDATE products SET price = $1 WHERE id = $2`, price, id)
	return err
}

func (s *Store) DeleteProduct(ctx context.Context, id int64) error { // want DeleteProduct:`cache\(mutates products\)`
	_, err := s.db.ExecContext(ctx, `DELETE FROM products WHERE id = $1`, id)
	return err
}

// An INSERT adds a row: nothing cached can be stale.
func (s *Store) AddProduct(ctx context.Context, price int64) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO products (price) VALUES ($1)`, price)
	return err
}

func (s *Store) RenameUser(ctx context.Context, id int64, name string) error { // want RenameUser:`cache\(mutates users\)`
	_, err := s.db.ExecContext(ctx, `UPDATE users SET name = $1 WHERE id = $2`, name, id)
	return err
}
