// Package handler sees the store's interfaces, not their implementations:
// main wires them. Its findings are reported by the package that sees
// both (reach/cmd/server).
package handler

import (
	"context"

	"example.com/reach/store"
)

type Service struct {
	Store  *store.Store
	Driver store.Driver
	DB     store.DB
}

// Through a wrapper whose method calls the interface.
func (s *Service) Memos(ctx context.Context, ids []int64) []*store.Memo {
	var out []*store.Memo
	for _, id := range ids {
		m, _ := s.Store.GetMemo(ctx, id)
		out = append(out, m)
	}
	return out
}

// The batched twin: one call for all the ids.
func (s *Service) MemosBatched(ctx context.Context, ids []int64) ([]store.Memo, error) {
	return s.Store.Memos(ctx, ids)
}

// Directly through the interface: one finding naming every implementation.
func (s *Service) Creators(ctx context.Context, ids []int64) []int64 {
	var out []int64
	for _, id := range ids {
		ms, _ := s.Driver.ListMemos(ctx, id)
		for _, m := range ms {
			out = append(out, m.Creator)
		}
	}
	return out
}

// No implementation of Name runs a query.
func (s *Service) Names(ids []int64) []string {
	var out []string
	for range ids {
		out = append(out, s.Driver.Name(), s.Store.DriverName())
	}
	return out
}

// An interface made of embedded interfaces.
func (s *Service) Users(ctx context.Context, memos []store.Memo) []store.User {
	var out []store.User
	for _, m := range memos {
		u, _ := s.DB.GetUser(ctx, m.Creator)
		out = append(out, u)
	}
	return out
}

// A write through the embedded interface, per element: reported only with
// -nplusone.writes (writes are off by default).
func (s *Service) SaveAll(ctx context.Context, users []store.User) {
	for _, u := range users {
		_ = s.DB.SaveUser(ctx, u)
	}
}

// A constant number of iterations is no N+1.
func (s *Service) Three(ctx context.Context) {
	for i := 0; i < 3; i++ {
		_, _ = s.DB.GetMemo(ctx, int64(i))
	}
}

// Suppressed where the finding would be.
func (s *Service) Suppressed(ctx context.Context, ids []int64) {
	for _, id := range ids {
		//perfvet:ignore nplusone the ids are at most three, checked by the caller
		_, _ = s.DB.GetMemo(ctx, id)
	}
}
