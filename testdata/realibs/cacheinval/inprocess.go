package cacheinval

import (
	"context"
	"time"

	"github.com/allegro/bigcache/v3"
	"github.com/coocood/freecache"
	gocache "github.com/patrickmn/go-cache"
)

func goCacheForever(c *gocache.Cache, id string, v any) {
	c.Set("gc:"+id, v, gocache.NoExpiration) // want `^cache key family gc:\* is written with no expiry`
}

func goCacheDefault(c *gocache.Cache, id string, v any) {
	c.Set("gcdef:"+id, v, gocache.DefaultExpiration)
	c.Add("gcmin:"+id, v, time.Minute)
}

func goCacheLong(c *gocache.Cache, id string, v any) {
	c.Replace("gclong:"+id, v, 48*time.Hour) // want `^TTL 48h for cache key family gclong:\*`
}

func goCaches() (*gocache.Cache, *gocache.Cache) {
	return gocache.New(72*time.Hour, time.Hour), // want `^the lifetime cache.New gives every entry of 72h`
		gocache.New(time.Minute, time.Minute)
}

func bigCaches(ctx context.Context) {
	bigcache.New(ctx, bigcache.DefaultConfig(48*time.Hour)) // want `^the lifetime bigcache.DefaultConfig gives every entry of 48h`
	bigcache.New(ctx, bigcache.Config{Shards: 8, LifeWindow: 30 * time.Minute})
}

func bigSet(c *bigcache.BigCache, id string, v []byte) {
	c.Set("big:"+id, v)
	c.Delete("big:" + id)
}

func freeCacheForever(c *freecache.Cache, id string, v []byte) {
	c.Set([]byte("free:"+id), v, 0) // want `^cache key family free:\* is written with no expiry`
}

func freeCacheMinute(c *freecache.Cache, id string, v []byte) {
	c.Set([]byte("freemin:"+id), v, 60)
}
