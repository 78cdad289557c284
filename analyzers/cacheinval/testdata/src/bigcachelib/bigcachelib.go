package bigcachelib

import (
	"context"
	"time"

	"github.com/allegro/bigcache/v3"
)

// bigcache has one life window for every entry.

func caches(ctx context.Context) {
	bigcache.New(ctx, bigcache.DefaultConfig(30*24*time.Hour))                 // want `^the lifetime bigcache.DefaultConfig gives every entry of 720h`
	bigcache.New(ctx, bigcache.Config{Shards: 16, LifeWindow: 48 * time.Hour}) // want `^Config.LifeWindow of 48h is above cache.max_ttl`
	bigcache.New(ctx, bigcache.DefaultConfig(10*time.Minute))
	bigcache.New(ctx, bigcache.Config{Shards: 16, LifeWindow: time.Hour})
}

func set(c *bigcache.BigCache, id string, v []byte) {
	c.Set("entry:"+id, v) // the life window expires it
}
