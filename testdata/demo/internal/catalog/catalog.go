// Package catalog is the service layer for products and categories: the
// API talks to it, and it decides what comes from the cache and what from
// the database.
package catalog

import (
	"context"
	"errors"

	"example.com/shop/internal/cache"
	"example.com/shop/internal/store"
)

// ErrInvalidPrice is returned for a price that is not positive.
var ErrInvalidPrice = errors.New("price must be positive")

// Service reads the catalog through the cache and writes it to the store.
type Service struct {
	store *store.Store
	cache *cache.Catalog
}

// New returns a Service.
func New(st *store.Store, c *cache.Catalog) *Service {
	return &Service{store: st, cache: c}
}

// Product returns one product.
func (s *Service) Product(ctx context.Context, id int64) (store.Product, error) {
	return s.cache.Product(ctx, id)
}

// Products returns one page of products; the caller bounds limit.
func (s *Service) Products(ctx context.Context, limit int) ([]store.Product, error) {
	return s.store.ListProducts(ctx, limit)
}

// Categories returns every category.
func (s *Service) Categories(ctx context.Context) ([]store.Category, error) {
	return s.cache.Categories(ctx)
}

// UpdatePrice changes a product's price and returns the updated product.
func (s *Service) UpdatePrice(ctx context.Context, id, priceCents int64) (store.Product, error) {
	if priceCents <= 0 {
		return store.Product{}, ErrInvalidPrice
	}
	// Cache: updates the products table but leaves product:{id} in Redis;
	// that key has no TTL, so GET /products/{id} serves the old price until
	// Redis is flushed. Delete the key after the update.
	if err := s.store.UpdateProductPrice(ctx, id, priceCents); err != nil {
		return store.Product{}, err
	}
	return s.store.ProductByID(ctx, id)
}
