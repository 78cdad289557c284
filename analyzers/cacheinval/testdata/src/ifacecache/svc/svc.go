// Package svc writes through the cache.Cache interface: the rules apply
// as through the concrete wrapper.
package svc

import (
	"context"
	"time"

	"ifacecache/cache"
)

type Service struct{ C cache.Cache }

func (s *Service) SaveCart(ctx context.Context, id string, v []byte) { // want SaveCart:`cache\(write cart:\* ttl=none value=param3\)`
	// The interface resolves to (*cache.Redis).Put (the fact above says
	// cart:* is written with no TTL); the finding is the key-value store's,
	// reported once at its write in package cache, not at each caller.
	_ = s.C.Put(ctx, "cart:"+id, v)
}

// The twin with an expiry.
func (s *Service) SaveCartTTL(ctx context.Context, id string, v []byte) { // want SaveCartTTL:`cache\(write cartttl:\* ttl=1h0m0s value=param3\)`
	_ = s.C.PutTTL(ctx, "cartttl:"+id, v, time.Hour)
}

func (s *Service) SaveCartLong(ctx context.Context, id string, v []byte) { // want SaveCartLong:`cache\(write cartlong:\* ttl=25h0m0s value=param3\)`
	_ = s.C.PutTTL(ctx, "cartlong:"+id, v, 25*time.Hour) // want `^TTL 25h for cache key family cartlong:\*`
}
