// Package memcachelib loops over gomemcache, and uses GetMulti instead.
package memcachelib

import "github.com/bradfitz/gomemcache/memcache"

func oneByOne(mc *memcache.Client, keys []string) {
	for _, k := range keys {
		_, _ = mc.Get(k) // want `^\(\*memcache.Client\).Get runs a memcache round trip once per element of keys; fetch them in one round trip with GetMulti$`
		_ = mc.Delete(k) // want `^\(\*memcache.Client\).Delete runs a memcache round trip once per element of keys; gomemcache has no batched write`
	}
}

func atOnce(mc *memcache.Client, keys []string) {
	_, _ = mc.GetMulti(keys)
}
