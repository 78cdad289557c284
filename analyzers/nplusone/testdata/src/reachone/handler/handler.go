// Package handler sees the repository's interface, not its driver: main
// resolves its loops' calls, one finding per loop.
package handler

import (
	"context"

	"reachone/store"
)

type Service struct{ Repo store.Repo }

// Two calls through the interface in one loop: one finding, at the first.
func (s *Service) Owners(ctx context.Context, ids []int64) []int64 {
	var out []int64
	for _, id := range ids {
		o, _ := s.Repo.Owner(ctx, id) // want `\(store.Repo\).Owner, implemented by \(\*pg.DB\).Owner, may run a query .* once per element of ids`
		_ = s.Repo.Touch(ctx, id)
		out = append(out, o)
	}
	return out
}

// The twin: one loop per call, one finding each.
func (s *Service) OwnersThenTouch(ctx context.Context, ids []int64) {
	for _, id := range ids {
		_, _ = s.Repo.Owner(ctx, id) // want `\(store.Repo\).Owner, implemented by \(\*pg.DB\).Owner, may run a query .* once per element of ids`
	}
	for _, id := range ids {
		_ = s.Repo.Touch(ctx, id) // want `\(store.Repo\).Touch, implemented by \(\*pg.DB\).Touch, may run a write .* once per element of ids`
	}
}
