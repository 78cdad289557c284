package nplusone

import "github.com/bradfitz/gomemcache/memcache"

var mc = memcache.New("localhost:11211")

func memcacheOneByOne(keys []string) {
	for _, k := range keys {
		_, _ = mc.Get(k)                                       // want `^\(\*memcache.Client\).Get runs a memcache round trip once per element of keys; fetch them in one round trip with GetMulti$`
		_ = mc.Set(&memcache.Item{Key: k, Value: []byte("v")}) // want `^\(\*memcache.Client\).Set runs a memcache round trip once per element of keys; gomemcache has no batched write`
	}
}

func memcacheAtOnce(keys []string) (map[string]*memcache.Item, error) {
	return mc.GetMulti(keys)
}
