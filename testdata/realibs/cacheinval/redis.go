package cacheinval

import (
	"context"
	"time"

	redis8 "github.com/go-redis/redis/v8"
	"github.com/redis/go-redis/v9"
)

func profile(ctx context.Context, rdb *redis.Client, id string, v []byte) {
	rdb.Set(ctx, "profile:"+id, v, 0) // want `^cache key family profile:\* is written with no expiry`
}

func profileTTL(ctx context.Context, rdb *redis.Client, id string, v []byte) {
	rdb.Set(ctx, "profilettl:"+id, v, time.Hour)
}

func session(ctx context.Context, rdb redis.UniversalClient, id string, v []byte) {
	rdb.SetArgs(ctx, "session:"+id, v, redis.SetArgs{Mode: "NX"}) // want `^cache key family session:\* is written with no expiry`
}

func sessionTTL(ctx context.Context, rdb redis.UniversalClient, id string, v []byte) {
	rdb.SetArgs(ctx, "sessionttl:"+id, v, redis.SetArgs{Mode: "NX", TTL: time.Minute})
}

func hash(ctx context.Context, rdb *redis.ClusterClient, id string) {
	rdb.HSet(ctx, "hash:"+id, "a", 1) // want `^cache key family hash:\* is written with no expiry`
}

func hashExpiring(ctx context.Context, rdb *redis.ClusterClient, id string) {
	rdb.HSet(ctx, "hashx:"+id, "a", 1)
	rdb.Expire(ctx, "hashx:"+id, time.Hour)
}

// A hash whose fields a delete path removes (distribution's blob
// descriptor cache, cleared when the blob is deleted) is dropped there.
func hashDescriptor(ctx context.Context, rdb *redis.Client, id string) {
	rdb.HSet(ctx, "desc:"+id, "digest", id, "size", 1)
}

func clearDescriptor(ctx context.Context, rdb *redis.Client, id string) {
	rdb.HDel(ctx, "desc:"+id, "digest", "size")
}

func long(ctx context.Context, rdb *redis.Client, id string, v []byte) {
	rdb.SetEx(ctx, "long:"+id, v, 48*time.Hour) // want `^TTL 48h for cache key family long:\* is above cache.max_ttl \(24h\)`
}

func piped(ctx context.Context, rdb *redis.Client, id string, v []byte) {
	rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		p.Set(ctx, "piped:"+id, v, 0) // want `^cache key family piped:\* is written with no expiry`
		p.SetNX(ctx, "pipedx:"+id, v, 0)
		return nil
	})
}

func unpipe(ctx context.Context, rdb *redis.Client, id string) {
	pipe := rdb.TxPipeline()
	pipe.Unlink(ctx, "pipedx:"+id)
	pipe.Exec(ctx)
}

func pinned(ctx context.Context, rdb *redis.Client, id string) {
	rdb.Persist(ctx, "pinned:"+id) // want `^cache key family pinned:\* loses its expiry`
	rdb.Persist(ctx, "hashx:"+id)
}

func v8(ctx context.Context, rdb *redis8.Client, id string, v []byte) {
	rdb.Set(ctx, "v8:"+id, v, 0) // want `^cache key family v8:\* is written with no expiry`
	rdb.Set(ctx, "v8ttl:"+id, v, time.Minute)
}
