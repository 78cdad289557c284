package wrappers // want package:`families\(invalidates wishd:\*; reported cart:\*,wish:\*\)`

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

// A wrapper takes key, value and TTL from its caller: the rules apply
// where they are known.

type Cache struct{ rdb *redis.Client }

func (c *Cache) put(ctx context.Context, key string, v []byte, ttl time.Duration) error {
	return c.rdb.Set(ctx, key, v, ttl).Err()
}

func (c *Cache) putForever(ctx context.Context, key string, v []byte) error {
	return c.rdb.Set(ctx, key, v, 0).Err()
}

func (c *Cache) drop(ctx context.Context, key string) error {
	return c.rdb.Del(ctx, key).Err()
}

func (c *Cache) saveCart(ctx context.Context, id string, v []byte) {
	c.put(ctx, "cart:"+id, v, 0) // want `^cache key family cart:\* is written with no expiry \(through \(\*wrappers.Cache\).put, at wrappers/wrappers.go:\d+\)`
}

func (c *Cache) saveCartTTL(ctx context.Context, id string, v []byte) {
	c.put(ctx, "cartttl:"+id, v, time.Hour)
}

func (c *Cache) saveCartLong(ctx context.Context, id string, v []byte) {
	c.put(ctx, "cartlong:"+id, v, 25*time.Hour) // want `^TTL 25h for cache key family cartlong:\*`
}

func (c *Cache) saveWish(ctx context.Context, id string, v []byte) {
	c.putForever(ctx, "wish:"+id, v) // want `^cache key family wish:\* is written with no expiry`
}

func (c *Cache) saveWishDropped(ctx context.Context, id string, v []byte) {
	c.putForever(ctx, "wishd:"+id, v)
}

func (c *Cache) dropWish(ctx context.Context, id string) {
	c.drop(ctx, "wishd:"+id)
}
