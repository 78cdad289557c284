package memcachelib // want package:`families\(invalidates touched:\*,user:\*; reported session:\*,zero:\*\)`

import (
	"github.com/bradfitz/gomemcache/memcache"
)

// gomemcache: the key and the expiry are fields of the Item.

func session(mc *memcache.Client, id string, v []byte) {
	mc.Set(&memcache.Item{Key: "session:" + id, Value: v}) // want `^cache key family session:\* is written with no expiry`
}

func sessionTTL(mc *memcache.Client, id string, v []byte) {
	mc.Set(&memcache.Item{Key: "sessionttl:" + id, Value: v, Expiration: 3600})
}

func zero(mc *memcache.Client, id string, v []byte) {
	mc.Add(&memcache.Item{Key: "zero:" + id, Value: v, Expiration: 0}) // want `^cache key family zero:\* is written with no expiry`
}

func long(mc *memcache.Client, id string, v []byte) {
	mc.Replace(&memcache.Item{Key: "long:" + id, Value: v, Expiration: 7 * 24 * 3600}) // want `^TTL 168h for cache key family long:\* is above cache.max_ttl \(24h\)`
}

// More than 30 days is a Unix time to memcache: not a TTL.
func absolute(mc *memcache.Client, id string, v []byte) {
	mc.Set(&memcache.Item{Key: "abs:" + id, Value: v, Expiration: 1900000000})
}

func user(mc *memcache.Client, id string, v []byte) {
	it := &memcache.Item{Key: "user:" + id, Value: v}
	mc.Set(it)
}

func dropUser(mc *memcache.Client, id string) {
	mc.Delete("user:" + id)
}

func touched(mc *memcache.Client, id string, v []byte) {
	mc.Set(&memcache.Item{Key: "touched:" + id, Value: v})
	mc.Touch("touched:"+id, 60)
}

// An Item from elsewhere: its expiry is not known.
func given(mc *memcache.Client, it *memcache.Item) {
	mc.Set(it)
}
