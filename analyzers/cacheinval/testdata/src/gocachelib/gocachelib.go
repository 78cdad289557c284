package gocachelib // want package:`families\(reported forever:\*\)`

import (
	"time"

	"github.com/patrickmn/go-cache"
)

// go-cache: NoExpiration never expires; DefaultExpiration uses the
// cache's default.

func forever(c *cache.Cache, id string, v any) {
	c.Set("forever:"+id, v, cache.NoExpiration) // want `^cache key family forever:\* is written with no expiry`
}

func byDefault(c *cache.Cache, id string, v any) {
	c.Set("default:"+id, v, cache.DefaultExpiration)
	c.SetDefault("default2:"+id, v)
}

func minute(c *cache.Cache, id string, v any) {
	c.Add("minute:"+id, v, time.Minute)
}

func week(c *cache.Cache, id string, v any) {
	c.Set("week:"+id, v, 7*24*time.Hour) // want `^TTL 168h for cache key family week:\*`
}

func newCaches() (*cache.Cache, *cache.Cache, *cache.Cache) {
	return cache.New(48*time.Hour, time.Hour), // want `^the lifetime cache.New gives every entry of 48h is above cache.max_ttl \(24h\)`
		cache.New(5*time.Minute, time.Minute),
		cache.New(cache.NoExpiration, 0)
}
