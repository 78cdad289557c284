package redisrules // want package:`families\(invalidates day:\*,hashx:\*,inpipex:\*,job:\*,pinnedx:\*,settings:\*,task:\*,user:\*:sessions; reported args:\*,hash:\*,inpipe:\*,lock:\*,many:\*,pinned:\*,piped:\*,profile:\*,universal:\*,user:\*\)`

// The expiry and TTL rules on go-redis v9, each bad write next to its
// correct twin.

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

type Cache struct {
	rdb  *redis.Client
	name string
}

// ---- never-expires ----

func (c *Cache) saveProfile(ctx context.Context, id string, v []byte) {
	c.rdb.Set(ctx, "profile:"+id, v, 0) // want `^cache key family profile:\* is written with no expiry and nothing in this package or its dependencies deletes or expires it`
}

func (c *Cache) saveProfileTTL(ctx context.Context, id string, v []byte) {
	c.rdb.Set(ctx, "profilettl:"+id, v, time.Hour)
}

func (c *Cache) saveSettings(ctx context.Context, id string, v []byte) {
	c.rdb.Set(ctx, "settings:"+id, v, 0) // deleted by dropSettings: fine
}

func (c *Cache) dropSettings(ctx context.Context, id string) {
	c.rdb.Del(ctx, "settings:"+id)
}

func (c *Cache) saveArgs(ctx context.Context, id string, v []byte) {
	c.rdb.SetArgs(ctx, "args:"+id, v, redis.SetArgs{Mode: "NX"}) // want `^cache key family args:\* is written with no expiry`
}

func (c *Cache) saveArgsTTL(ctx context.Context, id string, v []byte) {
	c.rdb.SetArgs(ctx, "argsttl:"+id, v, redis.SetArgs{Mode: "NX", TTL: time.Minute})
}

func (c *Cache) saveHash(ctx context.Context, id string) {
	c.rdb.HSet(ctx, "hash:"+id, "a", 1) // want `^cache key family hash:\* is written with no expiry`
}

func (c *Cache) saveHashExpiring(ctx context.Context, id string) {
	c.rdb.HSet(ctx, "hashx:"+id, "a", 1)
	c.rdb.Expire(ctx, "hashx:"+id, time.Hour)
}

func (c *Cache) saveMany(ctx context.Context, a, b string) {
	c.rdb.MSet(ctx, "many:"+a, 1, "many:"+b, 2) // want `^cache key family many:\* is written with no expiry`
}

func (c *Cache) pin(ctx context.Context, id string) {
	c.rdb.Persist(ctx, "pinned:"+id) // want `^cache key family pinned:\* loses its expiry`
}

func (c *Cache) pinAndDrop(ctx context.Context, id string) {
	c.rdb.Persist(ctx, "pinnedx:"+id)
	c.rdb.Unlink(ctx, "pinnedx:"+id)
}

func (c *Cache) keepTTL(ctx context.Context, id string, v []byte) {
	c.rdb.Set(ctx, "keep:"+id, v, redis.KeepTTL) // keeps the key's expiry: not known to be none
}

func (c *Cache) configured(ctx context.Context, id string, v []byte, ttl time.Duration) {
	c.rdb.Set(ctx, "configured:"+id, v, ttl) // the TTL is the caller's: judged there
}

// A key perfvet cannot shape is no family.
func (c *Cache) opaque(ctx context.Context, key string, v []byte) {
	c.rdb.Set(ctx, key, v, 0)
}

// ---- pipelines ----

func (c *Cache) pipe(ctx context.Context, id string, v []byte) {
	pipe := c.rdb.Pipeline()
	pipe.Set(ctx, "piped:"+id, v, 0) // want `^cache key family piped:\* is written with no expiry`
	pipe.Exec(ctx)
}

func (c *Cache) pipeTTL(ctx context.Context, id string, v []byte) {
	pipe := c.rdb.Pipeline()
	pipe.Set(ctx, "pipedttl:"+id, v, time.Minute)
	pipe.Exec(ctx)
}

func (c *Cache) pipelined(ctx context.Context, id string, v []byte) {
	c.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		p.Set(ctx, "inpipe:"+id, v, 0) // want `^cache key family inpipe:\* is written with no expiry`
		return nil
	})
}

func (c *Cache) pipelinedExpire(ctx context.Context, id string, v []byte) {
	c.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		p.Set(ctx, "inpipex:"+id, v, 0)
		p.Expire(ctx, "inpipex:"+id, time.Minute)
		return nil
	})
}

// ---- ttl ----

func (c *Cache) longTTL(ctx context.Context, id string, v []byte) {
	c.rdb.Set(ctx, "long:"+id, v, 48*time.Hour) // want `^TTL 48h for cache key family long:\* is above cache.max_ttl \(24h\)`
}

func (c *Cache) dayTTL(ctx context.Context, id string, v []byte) {
	c.rdb.Set(ctx, "day:"+id, v, 24*time.Hour)
}

func (c *Cache) computed(ctx context.Context, id string, v []byte) {
	c.rdb.SetEx(ctx, "computed:"+id, v, 2*time.Hour) // want `^TTL 2h for cache key family computed:\* is above the 1h the plan gives computed:\*`
}

func (c *Cache) computedShort(ctx context.Context, id string, v []byte) {
	c.rdb.SetEx(ctx, "computed:short:"+id, v, 30*time.Minute)
}

func (c *Cache) list(ctx context.Context, page string, v []byte) {
	c.rdb.SetNX(ctx, "products:list:"+page, v, 10*time.Minute) // want `^TTL 10m for cache key family products:list:\* is above the 5m the plan gives \*:list:\*`
}

func (c *Cache) listShort(ctx context.Context, page string, v []byte) {
	c.rdb.SetNX(ctx, "users:list:"+page, v, time.Minute)
}

func (c *Cache) expireLong(ctx context.Context, id string) {
	c.rdb.Expire(ctx, "day:"+id, 72*time.Hour) // want `^TTL 72h for cache key family day:\* is above cache.max_ttl`
}

func (c *Cache) argsLong(ctx context.Context, id string, v []byte) {
	c.rdb.SetArgs(ctx, "argslong:"+id, v, redis.SetArgs{TTL: 30 * 24 * time.Hour}) // want `^TTL 720h for cache key family argslong:\*`
}

// ---- through an interface of the library ----

func universal(ctx context.Context, rdb redis.UniversalClient, id string, v []byte) {
	rdb.Set(ctx, "universal:"+id, v, 0) // want `^cache key family universal:\* is written with no expiry`
}

func universalTTL(ctx context.Context, rdb redis.UniversalClient, id string, v []byte) {
	rdb.Set(ctx, "universalttl:"+id, v, time.Minute)
}

// ---- scripts and families ----

var release = redis.NewScript(`redis.call("DEL", KEYS[1])`)

// A script run on a key may delete it: counts as invalidating.
func (c *Cache) saveTask(ctx context.Context, id string, v []byte) {
	c.rdb.HSet(ctx, "task:"+id, "v", v)
	c.rdb.Eval(ctx, `redis.call("DEL", KEYS[1])`, []string{"task:" + id})
}

func (c *Cache) saveJob(ctx context.Context, id string, v []byte) {
	c.rdb.Set(ctx, "job:"+id, v, 0)
	release.Run(ctx, c.rdb, []string{"job:" + id})
}

// A read-only script deletes nothing.
func (c *Cache) saveLock(ctx context.Context, id string, v []byte) {
	c.rdb.Set(ctx, "lock:"+id, v, 0) // want `^cache key family lock:\* is written with no expiry`
	release.RunRO(ctx, c.rdb, []string{"lock:" + id})
}

// user:*:sessions is another family than user:*: dropping sessions does
// not invalidate users.
func (c *Cache) saveUser(ctx context.Context, id string, v []byte) {
	c.rdb.Set(ctx, "user:"+id, v, 0) // want `^cache key family user:\* is written with no expiry`
	c.rdb.Del(ctx, "user:"+id+":sessions")
}

// A TTL is checked even when the key has no shape.
func (c *Cache) opaqueLong(ctx context.Context, v []byte) {
	c.rdb.Set(ctx, c.name, v, 25*time.Hour) // want `^TTL 25h for a cache key is above cache.max_ttl`
}
