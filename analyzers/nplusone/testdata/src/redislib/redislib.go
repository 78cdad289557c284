// Package redislib loops over go-redis commands (v9 and v8), and pipelines
// or MGets instead.
package redislib

import (
	"context"
	"time"

	redis8 "github.com/go-redis/redis/v8"
	"github.com/redis/go-redis/v9"
)

func oneByOne(ctx context.Context, rdb *redis.Client, uc redis.UniversalClient, keys []string) {
	for _, k := range keys {
		_, _ = rdb.Get(ctx, k).Result()            // want `^\(\*redis.Client\).Get runs a Redis round trip once per element of keys; fetch them in one round trip with MGet or a pipeline \(Pipelined\)$`
		_ = uc.Set(ctx, k, "v", time.Minute).Err() // want `^\(redis.UniversalClient\).Set runs a Redis round trip once per element of keys; send them in one round trip with a pipeline \(Pipelined\) or MSet$`
	}
}

func oneByOneV8(ctx context.Context, rdb *redis8.Client, keys []string) {
	for _, k := range keys {
		_, _ = rdb.Get(ctx, k).Result() // want `^\(\*redis.Client\).Get runs a Redis round trip once per element of keys`
	}
}

func pipelined(ctx context.Context, rdb *redis.Client, keys []string) error {
	_, err := rdb.Pipelined(ctx, func(pipe redis.Pipeliner) error {
		for _, k := range keys {
			pipe.Get(ctx, k)
		}
		return nil
	})
	if err != nil {
		return err
	}
	pipe := rdb.Pipeline()
	for _, k := range keys {
		pipe.Set(ctx, k, "v", time.Minute)
	}
	_, err = pipe.Exec(ctx)
	_ = rdb.MGet(ctx, keys...)
	return err
}

// A cache interface of the program's own over *redis.Client: the call
// may reach Redis.
type cache interface {
	Get(ctx context.Context, key string) *redis.StringCmd
}

func throughInterface(ctx context.Context, c cache, keys []string) {
	for _, k := range keys {
		_ = c.Get(ctx, k) // want `^\(redislib.cache\).Get may run a Redis round trip \(\(\*redis.Client\).Get\) once per element of keys`
	}
}

var _ cache = (*redis.Client)(nil)

// MGet per chunk of keys is batching.
func chunked(ctx context.Context, rdb *redis.Client, chunks [][]string) {
	for _, c := range chunks {
		_ = rdb.MGet(ctx, c...)
	}
}
