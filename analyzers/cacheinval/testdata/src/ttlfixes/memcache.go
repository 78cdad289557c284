package ttlfixes

import (
	"github.com/bradfitz/gomemcache/memcache"
	"github.com/coocood/freecache"
)

// memcache counts seconds: 24h is 86400.
func saveItem(mc *memcache.Client, id string, v []byte) {
	mc.Set(&memcache.Item{Key: "item:" + id, Value: v}) // want `^cache key family item:\* is written with no expiry`
}

func saveItemTTL(mc *memcache.Client, id string, v []byte) {
	mc.Set(&memcache.Item{Key: "itemttl:" + id, Value: v, Expiration: 3600})
}

func saveZero(mc *memcache.Client, id string, v []byte) {
	mc.Add(&memcache.Item{Key: "zero:" + id, Value: v, Expiration: 0}) // want `^cache key family zero:\* is written with no expiry`
}

// freecache counts seconds too.
func saveFree(fc *freecache.Cache, id string, v []byte) {
	fc.Set([]byte("free:"+id), v, 0) // want `^cache key family free:\* is written with no expiry`
}

func saveFreeTTL(fc *freecache.Cache, id string, v []byte) {
	fc.Set([]byte("freettl:"+id), v, 60)
}
