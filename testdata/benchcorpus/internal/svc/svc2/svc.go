// Package svc2 is the business logic of domain 2.
package svc2

import (
	"context"

	"example.com/gen/internal/model"
	"example.com/gen/internal/repo/repo2"
)

// Service serves domain 2.
type Service struct{ Repo *repo2.Repo }

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
