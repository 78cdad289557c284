// Package ttlfixes has cache writes with no expiry that the suggested fix
// gives the plan's TTL for their key family, and the writes it may not
// fix, each next to its twin with a TTL.
package ttlfixes

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

type Cache struct{ rdb *redis.Client }

// cache.max_ttl (24h): 0 becomes 24 * time.Hour.
func (c *Cache) saveProfile(ctx context.Context, id string, v []byte) {
	c.rdb.Set(ctx, "profile:"+id, v, 0) // want `^cache key family profile:\* is written with no expiry`
}

func (c *Cache) saveProfileTTL(ctx context.Context, id string, v []byte) {
	c.rdb.Set(ctx, "profilettl:"+id, v, time.Hour)
}

// The family's other write in this file gets the same TTL in the same fix.
func (c *Cache) saveProfileAgain(ctx context.Context, id string, v []byte) {
	c.rdb.Set(ctx, "profile:"+id, v, 0)
}

// The plan's *:list:* rule: 5m.
func (c *Cache) saveList(ctx context.Context, page string, v []byte) {
	c.rdb.Set(ctx, "products:list:"+page, v, 0) // want `^cache key family products:list:\* is written with no expiry`
}

func (c *Cache) saveListTTL(ctx context.Context, page string, v []byte) {
	c.rdb.Set(ctx, "orders:list:"+page, v, 5*time.Minute)
}

// SetArgs without TTL: the field is added.
func (c *Cache) saveArgs(ctx context.Context, id string, v []byte) {
	c.rdb.SetArgs(ctx, "args:"+id, v, redis.SetArgs{Mode: "NX"}) // want `^cache key family args:\* is written with no expiry`
}

func (c *Cache) saveArgsTTL(ctx context.Context, id string, v []byte) {
	c.rdb.SetArgs(ctx, "argsttl:"+id, v, redis.SetArgs{Mode: "NX", TTL: time.Minute})
}

// A TTL held in a variable: the author's value, not a literal to replace;
// no fix.
func (c *Cache) saveVar(ctx context.Context, id string, v []byte) {
	ttl := time.Duration(0)
	c.rdb.Set(ctx, "var:"+id, v, ttl) // want `^cache key family var:\* is written with no expiry`
}

func (c *Cache) saveVarTTL(ctx context.Context, id string, v []byte) {
	ttl := time.Minute
	c.rdb.Set(ctx, "varttl:"+id, v, ttl)
}

// Through a wrapper whose TTL parameter is a time.Duration: the caller's
// 0 becomes the plan's TTL.
func (c *Cache) put(ctx context.Context, key string, v []byte, ttl time.Duration) {
	c.rdb.Set(ctx, key, v, ttl)
}

func (c *Cache) saveSession(ctx context.Context, id string, v []byte) {
	c.put(ctx, "session:"+id, v, 0) // want `^cache key family session:\* is written with no expiry`
}

func (c *Cache) saveSessionTTL(ctx context.Context, id string, v []byte) {
	c.put(ctx, "sessionttl:"+id, v, time.Hour)
}
