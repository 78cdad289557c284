package minmax // want package:`families\(reported each:\*\)`

// This package holds the running minimum and maximum of Go 1.21's min
// and max around the values cacheinval follows (TTLs, keys), with and
// without the phi that feeds min back into itself: a shape that once sent
// a tracer into unbounded recursion.

import (
	"context"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

type cache struct{ rdb *redis.Client }

// shortest is the running minimum of the crash report, over TTLs.
func shortest(ttls []time.Duration) time.Duration {
	var mn time.Duration
	for _, value := range ttls {
		if mn == 0 {
			mn = value
		} else if value > 0 {
			mn = min(mn, value)
		}
	}
	return mn
}

// putShort expires its entries after the shortest of two TTLs: silent.
func (c *cache) putShort(ctx context.Context, id, v string) {
	c.rdb.Set(ctx, "short:"+id, v, shortest([]time.Duration{time.Minute, time.Hour}))
}

// putCapped caps a caller's TTL with min: silent.
func (c *cache) putCapped(ctx context.Context, id, v string, ttl time.Duration) {
	c.rdb.Set(ctx, "capped:"+id, v, min(ttl, time.Hour))
}

// putLong keeps the longest of two TTLs, above the plan's max_ttl.
func (c *cache) putLong(ctx context.Context, id, v string) {
	c.rdb.Set(ctx, "long:"+id, v, max(time.Hour, 48*time.Hour)) // want `^TTL 48h for cache key family long:\* is above cache.max_ttl \(24h\)`
}

// putEach writes in the running-maximum loop with no expiry.
func (c *cache) putEach(ctx context.Context, ids []int, v string) {
	mx := 0
	for _, id := range ids {
		if mx == 0 {
			mx = id
		} else if id > 0 {
			mx = max(mx, id)
		}
		c.rdb.Set(ctx, "each:"+strconv.Itoa(mx), v, 0) // want `^cache key family each:\* is written with no expiry`
	}
}

// putEachExpiring is its twin, with a TTL.
func (c *cache) putEachExpiring(ctx context.Context, ids []int, v string) {
	mx := 0
	for _, id := range ids {
		mx = max(mx, id)
		c.rdb.Set(ctx, "eachx:"+strconv.Itoa(mx), v, time.Minute)
	}
}
