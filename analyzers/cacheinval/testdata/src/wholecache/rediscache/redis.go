// Package rediscache implements cache.Cache over Redis with the TTL it
// is given.
package rediscache

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

type Redis struct{ rdb *redis.Client }

func (r *Redis) Set(ctx context.Context, key string, v []byte, ttl time.Duration) error {
	return r.rdb.Set(ctx, key, v, ttl).Err()
}
