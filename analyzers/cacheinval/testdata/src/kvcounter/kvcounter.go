package kvcounter

import (
	"context"

	"github.com/redis/go-redis/v9"
)

// The program's counters in Redis (gorush's stats storage): Set
// keeps numbers (Set, and the increments of the real store), the store of record for its counts, which no TTL may
// drop. Not a key-value store of its callers' data: Set is not reported.
// Its twin, Put, keeps the bytes its callers give, with no TTL and no
// delete: reported.

type Stats struct{ rdb *redis.Client }

func (s *Stats) Get(ctx context.Context, key string) (string, error) {
	return s.rdb.Get(ctx, key).Result()
}

func (s *Stats) Set(ctx context.Context, key string, n int64) { // want Set:`cache\(write param2 ttl=none value=param3\)`
	s.rdb.Set(ctx, key, n, 0)
}

func (s *Stats) Put(ctx context.Context, key string, v []byte) { // want Put:`cache\(write param2 ttl=none value=param3\)`
	s.rdb.Set(ctx, key, v, 0) // want `^key-value store \(\*kvcounter\.Stats\)\.Put writes every key with no expiry`
}

func reset(ctx context.Context, s *Stats) {
	s.Set(ctx, "total", 0)
	s.Set(ctx, "errors", 0)
}

func save(ctx context.Context, s *Stats, id string, v []byte) {
	s.Put(ctx, "report:"+id, v)
}
