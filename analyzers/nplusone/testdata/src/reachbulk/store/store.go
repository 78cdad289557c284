// Package store declares the drivers' interface and the program's store
// over it (memos' store.Store over store.Driver): its methods read and
// write through the interface, whose implementations only main sees.
package store

import "context"

type Driver interface {
	Get(ctx context.Context, id int64) (int64, error)
	Delete(ctx context.Context, id int64) error
	Mark(ctx context.Context, id int64) error
}

type Store struct{ Driver Driver }

// DeleteItem reads the row, then deletes it (memos' DeleteAttachment).
func (s *Store) DeleteItem(ctx context.Context, id int64) error {
	if _, err := s.Driver.Get(ctx, id); err != nil {
		return err
	}
	return s.Driver.Delete(ctx, id)
}

// Owner only reads.
func (s *Store) Owner(ctx context.Context, id int64) (int64, error) { return s.Driver.Get(ctx, id) }

// MarkItem reads the row, then marks it: one driver writes, the other
// only reads (a cache of marks in memory).
func (s *Store) MarkItem(ctx context.Context, id int64) error {
	if _, err := s.Driver.Get(ctx, id); err != nil {
		return err
	}
	return s.Driver.Mark(ctx, id)
}
