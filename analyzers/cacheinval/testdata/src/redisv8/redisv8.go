package redisv8 // want package:`families\(reported v8:\*\)`

import (
	"context"
	"time"

	"github.com/go-redis/redis/v8"
)

// go-redis v8 has the v9 command set.

func save(ctx context.Context, rdb *redis.Client, id string) {
	rdb.Set(ctx, "v8:"+id, 1, 0) // want `^cache key family v8:\* is written with no expiry`
}

func saveTTL(ctx context.Context, rdb *redis.Client, id string) {
	rdb.Set(ctx, "v8ttl:"+id, 1, time.Minute)
}
