package service // want package:`families\(invalidates product:\*; guard products→product:\*\)`

import (
	"context"

	"shop/cache"
	"shop/store"
)

// The service layer sees both the store's UPDATEs and the cache's
// read-through of products: this is where stale entries are judged.

type Service struct {
	store *store.Store
	cache *cache.Catalog
}

func (s *Service) UpdatePrice(ctx context.Context, id, price int64) error {
	return s.store.UpdatePrice(ctx, id, price) // want `^UPDATE of products \(\(\*store.Store\).UpdatePrice → \(\*sql.DB\).ExecContext, at store/store.go:\d+\) leaves product:\* stale: that family caches its rows \(product:\* at cache/cache.go:\d+ with no TTL\).*; and 1 more path to the same change \(related positions\)$`
}

// Discount reaches the same change: one finding with UpdatePrice's, whose
// store cannot see the cache, at the first call.
func (s *Service) Discount(ctx context.Context, id, price int64) error {
	return s.store.UpdatePrice(ctx, id, price*9/10)
}

func (s *Service) UpdatePriceAndForget(ctx context.Context, id, price int64) error { // want UpdatePriceAndForget:`cache\(delete product:\*\)`
	if err := s.store.UpdatePrice(ctx, id, price); err != nil {
		return err
	}
	s.cache.Forget(ctx, id)
	return nil
}

func (s *Service) UpdatePriceWriteThrough(ctx context.Context, id, price int64) error { // want UpdatePriceWriteThrough:`cache\(write product:\* ttl=10m0s\)`
	if err := s.store.UpdatePrice(ctx, id, price); err != nil {
		return err
	}
	s.cache.Put(ctx, store.Product{ID: id, Price: price})
	return nil
}

func (s *Service) Delete(ctx context.Context, id int64) error {
	return s.store.DeleteProduct(ctx, id) // want `^DELETE of products .* leaves product:\* stale`
}

func (s *Service) DeleteAndForget(ctx context.Context, id int64) error { // want DeleteAndForget:`cache\(delete product:\*\)`
	defer s.cache.Forget(ctx, id)
	return s.store.DeleteProduct(ctx, id)
}

// Inserting a product makes no entry stale.
func (s *Service) Add(ctx context.Context, price int64) error {
	return s.store.AddProduct(ctx, price)
}

// No family caches users: the change is left to the callers.
func (s *Service) Rename(ctx context.Context, id int64, name string) error { // want Rename:`cache\(mutates users\)`
	return s.store.RenameUser(ctx, id, name)
}

// An interface of the program may invalidate: not judged.
type Invalidator interface {
	Invalidate(ctx context.Context, id int64)
}

func (s *Service) UpdatePriceVia(ctx context.Context, inv Invalidator, id, price int64) error {
	if err := s.store.UpdatePrice(ctx, id, price); err != nil {
		return err
	}
	inv.Invalidate(ctx, id)
	return nil
}
