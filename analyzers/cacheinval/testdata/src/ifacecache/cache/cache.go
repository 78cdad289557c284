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

func (r *Redis) Put(ctx context.Context, key string, v []byte) error {
	return r.rdb.Set(ctx, key, v, 0).Err()
}

func (r *Redis) PutTTL(ctx context.Context, key string, v []byte, ttl time.Duration) error {
	return r.rdb.Set(ctx, key, v, ttl).Err()
}
