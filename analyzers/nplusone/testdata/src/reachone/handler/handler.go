// Package handler sees the repository's interface, not its driver: main
// resolves its loops' calls, one finding per loop.
package handler

import (
	"context"
	"time"

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

// A flusher serves on its own schedule: the goroutine its constructor
// starts loops on a timer (navidrome's buffered scrobbler, whose
// constructor a handler calls per plugin). What it queries through the
// interface is not run once per element of the loop that builds them.
type flusher struct {
	repo store.Repo
	id   int64
}

func newFlusher(ctx context.Context, repo store.Repo, id int64) *flusher {
	f := &flusher{repo: repo, id: id}
	go f.run(ctx)
	return f
}

func (f *flusher) run(ctx context.Context) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			_ = f.repo.Touch(ctx, f.id)
		}
	}
}

func (s *Service) Flushers(ctx context.Context, ids []int64) []*flusher {
	var out []*flusher
	for _, id := range ids {
		out = append(out, newFlusher(ctx, s.Repo, id))
	}
	return out
}

// The twin's goroutine touches once and ends: once per element of ids.
func touchLater(ctx context.Context, repo store.Repo, id int64) {
	go func() { _ = repo.Touch(ctx, id) }()
}

func (s *Service) TouchAll(ctx context.Context, ids []int64) {
	for _, id := range ids {
		touchLater(ctx, s.Repo, id) // want `handler.touchLater may run a write .* once per element of ids`
	}
}
