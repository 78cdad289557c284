// Package svc9 is the business logic of domain 9.
package svc9

import (
	"context"

	"example.com/gen/internal/model"
	"example.com/gen/internal/repo/repo9"
)

// Service serves domain 9.
type Service struct{ Repo *repo9.Repo }

// Get returns one item.
func (s *Service) Get(ctx context.Context, id int64) (model.Item, error) {
	return s.Repo.Cached(ctx, id)
}

// Many returns the items with the given ids.
func (s *Service) Many(ctx context.Context, ids []int64) ([]model.Item, error) {
	items := make([]model.Item, 0, len(ids))
	for _, id := range ids {
		it, err := s.Repo.ByID(ctx, id) // PLANT:nplusone
		if err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	return items, nil
}

// Page returns a page of items.
func (s *Service) Page(ctx context.Context, limit int) ([]model.Item, error) {
	return s.Repo.Page(ctx, limit)
}

// Rename renames an item.
func (s *Service) Rename(ctx context.Context, id int64, name string) error {
	return s.Repo.Rename(ctx, id, name)
}
