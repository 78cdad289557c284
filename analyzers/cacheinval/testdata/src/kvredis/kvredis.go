package kvredis

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

// The program's own key-value store over Redis: Put has no TTL parameter
// and nothing deletes what it writes. The cause is Put, reported once with
// its callers, not at each caller.

type KV struct{ rdb *redis.Client }

func (k *KV) Put(ctx context.Context, key string, v []byte) error { // want Put:`cache\(write param2 ttl=none value=param3\)`
	return k.rdb.Set(ctx, key, v, 0).Err() // want `^key-value store \(\*kvredis\.KV\)\.Put writes every key with no expiry and nothing in this package or its dependencies deletes, expires or flushes them \(3 callers here\): every entry outlives any change to its data until the cache is flushed or the process restarts; give it a TTL parameter \(the plan allows 24h\), or a delete that the write paths call$`
}

// PutFor is the same store done right: its callers give the TTL.
func (k *KV) PutFor(ctx context.Context, key string, v []byte, ttl time.Duration) error { // want PutFor:`cache\(write param2 ttl=param4 value=param3\)`
	return k.rdb.Set(ctx, key, v, ttl).Err()
}

func saveUser(ctx context.Context, k *KV, id string, v []byte) {
	k.Put(ctx, "user:"+id, v)
}

func saveCart(ctx context.Context, k *KV, id string, v []byte) {
	k.Put(ctx, "cart:"+id, v)
}

func saveWish(ctx context.Context, k *KV, id string, v []byte) {
	k.Put(ctx, "wish:"+id, v)
}

func saveVisit(ctx context.Context, k *KV, id string, v []byte) {
	k.PutFor(ctx, "visit:"+id, v, time.Hour)
}
