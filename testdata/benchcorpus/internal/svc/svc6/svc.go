// Package svc6 is the business logic of domain 6.
package svc6

import (
	"context"

	"example.com/gen/internal/model"
	"example.com/gen/internal/repo/repo6"
)

// Service serves domain 6.
type Service struct{ Repo *repo6.Repo }

// Get returns one item.
func (s *Service) Get(ctx context.Context, id int64) (model.Item, error) {
	return s.Repo.Cached(ctx, id)
}

// Many returns the items with the given ids.
func (s *Service) Many(ctx context.Context, ids []int64) ([]model.Item, error) {
	return s.Repo.ByIDs(ctx, ids)
}

// Page returns a page of items.
func (s *Service) Page(ctx context.Context, limit int) ([]model.Item, error) {
	return s.Repo.Page(ctx, limit)
}

// Rename renames an item.
func (s *Service) Rename(ctx context.Context, id int64, name string) error {
	return s.Repo.Rename(ctx, id, name)
}
