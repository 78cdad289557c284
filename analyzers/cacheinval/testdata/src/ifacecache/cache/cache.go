// Package cache declares the cache the services use, and its Redis
// implementation.
package cache

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

type Cache interface {
	Put(ctx context.Context, key string, v []byte) error
	PutTTL(ctx context.Context, key string, v []byte, ttl time.Duration) error
}

type Redis struct{ rdb *redis.Client }

func (r *Redis) Put(ctx context.Context, key string, v []byte) error { // want Put:`cache\(write param2 ttl=none value=param3\)`
	return r.rdb.Set(ctx, key, v, 0).Err() // want `^key-value store \(\*cache.Redis\).Put writes every key with no expiry`
}

func (r *Redis) PutTTL(ctx context.Context, key string, v []byte, ttl time.Duration) error { // want PutTTL:`cache\(write param2 ttl=param4 value=param3\)`
	return r.rdb.Set(ctx, key, v, ttl).Err()
}
