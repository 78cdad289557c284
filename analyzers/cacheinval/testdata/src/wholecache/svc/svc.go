// Package svc writes through the cache interfaces; it imports no
// implementation (main does), so main reports its writes, here.
package svc

import (
	"context"
	"time"

	"wholecache/cache"
)

type Service struct {
	C cache.Cache
	S cache.Store
}

func (s *Service) SaveCart(ctx context.Context, id string, v []byte) {
	_ = s.C.Set(ctx, "cart:"+id, v, 0) // want `^cache key family cart:\* is written with no expiry \(through \(cache.Cache\).Set, implemented by \(\*rediscache.Redis\).Set, at rediscache/redis.go:15\) and nothing in the program deletes or expires it`
}

// The same family again: one cause, one finding (a related position).
func (s *Service) SaveCartAgain(ctx context.Context, id string, v []byte) {
	_ = s.C.Set(ctx, "cart:"+id, v, 0)
}

// The twin with an expiry.
func (s *Service) SaveCartTTL(ctx context.Context, id string, v []byte) {
	_ = s.C.Set(ctx, "cartttl:"+id, v, time.Hour)
}

// The implementation sets a TTL of its own.
func (s *Service) SaveOrder(ctx context.Context, id string, v []byte) {
	_ = s.S.Save(ctx, "order:"+id, v, 0)
}
