package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Product is an item in the catalog. Prices are in cents.
type Product struct {
	ID         int64  `json:"id"`
	Name       string `json:"name"`
	PriceCents int64  `json:"price_cents"`
	CategoryID int64  `json:"category_id"`
}

// Category groups products in the storefront navigation.
type Category struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Slug string `json:"slug"`
}

// ProductByID returns one product.
func (s *Store) ProductByID(ctx context.Context, id int64) (Product, error) {
	var p Product
	err := s.db.QueryRowContext(ctx,
		`SELECT id, name, price_cents, category_id FROM products WHERE id = $1`, id,
	).Scan(&p.ID, &p.Name, &p.PriceCents, &p.CategoryID)
	if errors.Is(err, sql.ErrNoRows) {
		return Product{}, ErrNotFound
	}
	if err != nil {
		return Product{}, fmt.Errorf("product %d: %w", id, err)
	}
	return p, nil
}

// ListProducts returns up to limit products ordered by id.
func (s *Store) ListProducts(ctx context.Context, limit int) ([]Product, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, name, price_cents, category_id FROM products ORDER BY id LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("list products: %w", err)
	}
	defer rows.Close()

	var products []Product
	for rows.Next() {
		var p Product
		if err := rows.Scan(&p.ID, &p.Name, &p.PriceCents, &p.CategoryID); err != nil {
			return nil, fmt.Errorf("scan product: %w", err)
		}
		products = append(products, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list products: %w", err)
	}
	return products, nil
}

// UpdateProductPrice sets a product's price.
func (s *Store) UpdateProductPrice(ctx context.Context, id, priceCents int64) error {
	// Cache: products rows are cached under product:{id} (internal/cache);
	// this UPDATE leaves that entry stale. See catalog.Service.UpdatePrice.
	res, err := s.db.ExecContext(ctx,
		`UPDATE products SET price_cents = $1, updated_at = now() WHERE id = $2`, priceCents, id)
	if err != nil {
		return fmt.Errorf("update price of product %d: %w", id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("update price of product %d: %w", id, err)
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}

// ListCategories returns every category, by name.
func (s *Store) ListCategories(ctx context.Context) ([]Category, error) {
	// Page size: no LIMIT, so every request that misses the cache reads the
	// whole categories table; bound it or page it like ListProducts.
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, slug FROM categories ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list categories: %w", err)
	}
	defer rows.Close()

	var cats []Category
	for rows.Next() {
		var c Category
		if err := rows.Scan(&c.ID, &c.Name, &c.Slug); err != nil {
			return nil, fmt.Errorf("scan category: %w", err)
		}
		cats = append(cats, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list categories: %w", err)
	}
	return cats, nil
}
