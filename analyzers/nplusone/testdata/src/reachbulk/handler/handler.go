// Package handler loops over the store's methods; main resolves them.
package handler

import (
	"context"

	"reachbulk/store"
)

type Service struct{ Store *store.Store }

// A loop that deletes once per element is a bulk write: every driver's
// Delete writes, so its reads are reported with it, under -writes.
func (s *Service) DeleteAll(ctx context.Context, ids []int64) {
	for _, id := range ids {
		_ = s.Store.DeleteItem(ctx, id)
	}
}

// The twin that only reads is reported.
func (s *Service) Owners(ctx context.Context, ids []int64) {
	for _, id := range ids {
		_, _ = s.Store.Owner(ctx, id) // want `Owner may run a query .* once per element of ids`
	}
}

// Mark writes in one driver and not in the other: no evidence of a bulk
// write, and its reads are reported.
func (s *Service) MarkAll(ctx context.Context, ids []int64) {
	for _, id := range ids {
		_ = s.Store.MarkItem(ctx, id) // want `MarkItem may run a query .* once per element of ids`
	}
}
