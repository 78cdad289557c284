package ttlfixes // want package:`families\(reported args:\*,forever:\*,free:\*,item:\*,products:list:\*,profile:\*,session:\*,shadow:\*,var:\*,zero:\*\)`

import "github.com/patrickmn/go-cache"

// go-cache's NoExpiration becomes a duration; the file gains the time
// import.
func saveForever(c *cache.Cache, id string, v any) {
	c.Set("forever:"+id, v, cache.NoExpiration) // want `^cache key family forever:\* is written with no expiry`
}

func saveDefault(c *cache.Cache, id string, v any) {
	c.Set("default:"+id, v, cache.DefaultExpiration)
}
