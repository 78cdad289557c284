package cacheinval

import "github.com/bradfitz/gomemcache/memcache"

func mcSession(mc *memcache.Client, id string, v []byte) {
	mc.Set(&memcache.Item{Key: "mc:" + id, Value: v}) // want `^cache key family mc:\* is written with no expiry`
}

func mcSessionTTL(mc *memcache.Client, id string, v []byte) {
	mc.Set(&memcache.Item{Key: "mcttl:" + id, Value: v, Expiration: 600})
}

func mcLong(mc *memcache.Client, id string, v []byte) {
	mc.Add(&memcache.Item{Key: "mclong:" + id, Value: v, Expiration: 3 * 24 * 3600}) // want `^TTL 72h for cache key family mclong:\*`
}

func mcDropped(mc *memcache.Client, id string, v []byte) {
	mc.Set(&memcache.Item{Key: "mcdrop:" + id, Value: v})
	mc.Delete("mcdrop:" + id)
}
