// Package handler sees the repository's interface, not its driver: main
// resolves its loops' calls, one finding per loop.
package handler

import (
	"context"
	"fmt"
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

// Lock is a lock with its owner's id.
type Lock struct{ ID, UserID int64 }

// LockOwners looks each owner up once, behind a memo keyed by the lock's
// owner (soft-serve's LFS locks): the owners repeat, not reported.
func (s *Service) LockOwners(ctx context.Context, locks []Lock) map[int64]int64 {
	owners := map[int64]int64{}
	for _, l := range locks {
		o, ok := owners[l.UserID]
		if !ok {
			o, _ = s.Repo.Owner(ctx, l.UserID)
			owners[l.UserID] = o
		}
		_ = o
	}
	return owners
}

// LockOwnersEach is its twin with no memo.
func (s *Service) LockOwnersEach(ctx context.Context, locks []Lock) []int64 {
	var out []int64
	for _, l := range locks {
		o, _ := s.Repo.Owner(ctx, l.UserID) // want `\(store.Repo\).Owner, implemented by \(\*pg.DB\).Owner, may run a query .* once per element of locks`
		out = append(out, o)
	}
	return out
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

// Cache is the program's in-process cache.
type Cache struct{ m map[string]int64 }

func (c *Cache) Get(key string) (int64, bool) { v, ok := c.m[key]; return v, ok }
func (c *Cache) Set(key string, v int64)      { c.m[key] = v }

type Settings struct {
	Repo  store.Repo
	cache *Cache
}

// setting reads through the cache, and the read it calls on a miss fills
// it (memos' GetInstanceSetting over store.Driver): a query only on a miss.
func (s *Settings) setting(ctx context.Context, key string, id int64) int64 {
	if v, ok := s.cache.Get(key); ok {
		return v
	}
	return s.load(ctx, key, id)
}

func (s *Settings) load(ctx context.Context, key string, id int64) int64 {
	v, _ := s.Repo.Owner(ctx, id)
	s.cache.Set(key, v)
	return v
}

// limitFor reads one fixed key through the cache: once per process,
// whatever loop it is called in.
func (s *Settings) limitFor(ctx context.Context, it Item) int64 {
	return s.setting(ctx, "limit", 1) + it.ID
}

// Item is a row of a list.
type Item struct{ ID int64 }

// ownerFor reads a key of its own per item: every element misses a cold
// cache.
func (s *Settings) ownerFor(ctx context.Context, it Item) int64 {
	return s.setting(ctx, fmt.Sprint("owner:", it.ID), it.ID)
}

// peek looks the cache up, but nothing on its miss path fills it.
func (s *Settings) peek(ctx context.Context, key string) int64 {
	if v, ok := s.cache.Get(key); ok {
		return v
	}
	v, _ := s.Repo.Owner(ctx, 1)
	return v
}

func (s *Settings) Limits(ctx context.Context, items []Item) (n int64) {
	for _, it := range items {
		n += s.limitFor(ctx, it)
	}
	for _, it := range items {
		n += s.ownerFor(ctx, it) // want `ownerFor may run a query .* once per element of items`
	}
	for _, it := range items {
		n += s.peek(ctx, "limit") + it.ID // want `peek may run a query .* once per element of items`
	}
	return n
}
