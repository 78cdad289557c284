package lrulib

import (
	"time"

	"github.com/hashicorp/golang-lru/v2/expirable"
)

// An expirable LRU's ttl is every entry's lifetime.

func caches() (*expirable.LRU[string, int], *expirable.LRU[string, int]) {
	long := expirable.NewLRU[string, int](100, nil, 72*time.Hour) // want `^the lifetime expirable.NewLRU gives every entry of 72h is above cache.max_ttl`
	short := expirable.NewLRU[string, int](100, nil, time.Hour)
	long.Add("a:1", 1)
	short.Add("b:1", 1)
	return long, short
}
