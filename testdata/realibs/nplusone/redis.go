package nplusone

import (
	"context"
	"time"

	redis8 "github.com/go-redis/redis/v8"
	"github.com/redis/go-redis/v9"
)

var (
	rdb  *redis.Client
	ring *redis.Ring
	uc   redis.UniversalClient
	rdb8 *redis8.Client
)

func redisOneByOne(ctx context.Context, keys []string) {
	for _, k := range keys {
		_, _ = rdb.Get(ctx, k).Result()           // want `^\(\*redis.Client\).Get runs a Redis round trip once per element of keys; fetch them in one round trip with MGet or a pipeline \(Pipelined\)$`
		_ = uc.HGetAll(ctx, k)                    // want `^\(redis.UniversalClient\).HGetAll runs a Redis round trip once per element of keys`
		_ = ring.Set(ctx, k, "v", time.Minute)    // want `^\(\*redis.Ring\).Set runs a Redis round trip once per element of keys; send them in one round trip with a pipeline \(Pipelined\) or MSet$`
		_ = rdb.Expire(ctx, k, time.Minute).Err() // want `^\(\*redis.Client\).Expire runs a Redis round trip once per element of keys; send them`
		_, _ = rdb8.Get(ctx, k).Result()          // want `^\(\*redis.Client\).Get runs a Redis round trip once per element of keys`
	}
}

func redisPipelined(ctx context.Context, keys []string) error {
	_, err := rdb.Pipelined(ctx, func(pipe redis.Pipeliner) error {
		for _, k := range keys {
			pipe.Get(ctx, k)
			pipe.Expire(ctx, k, time.Minute)
		}
		return nil
	})
	if err != nil {
		return err
	}
	pipe := rdb.TxPipeline()
	for _, k := range keys {
		pipe.Set(ctx, k, "v", time.Minute)
	}
	if _, err := pipe.Exec(ctx); err != nil {
		return err
	}
	return rdb.MGet(ctx, keys...).Err()
}

func redisPerChunk(ctx context.Context, chunks [][]string) {
	for _, c := range chunks {
		_ = rdb.MGet(ctx, c...)
	}
}

// A scan over the key space: one SCAN per page, and an iterator over keys.
func redisScan(ctx context.Context) {
	iter := rdb.Scan(ctx, 0, "user:*", 100).Iterator()
	for iter.Next(ctx) {
		_ = rdb.Del(ctx, iter.Val()) // want `^\(\*redis.Client\).Del runs a Redis round trip once per key of iter`
	}
}
