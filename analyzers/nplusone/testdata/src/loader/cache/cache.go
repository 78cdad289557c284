// Package cache wraps structr's cache by index name, as gotosocial's
// internal/cache does: its LoadOne hands the caller's loader to structr,
// which calls it only on a miss.
package cache

import structr "codeberg.org/gruf/go-structr"

type StructCache[T any] struct {
	structr.Cache[T]
	index map[string]*structr.Index
}

func (c *StructCache[T]) LoadOne(index string, load func() (T, error), key ...any) (T, error) { // want LoadOne:`roundtrips\(calls \[1\]; on a miss \[1\]\)`
	return c.Cache.LoadOne(c.index[index], structr.MakeKey(key...), load)
}

// LoadIDs hands structr a loader of its own, which calls the caller's
// load with the IDs the cache misses.
func (c *StructCache[T]) LoadIDs(index string, ids []string, load func([]string) ([]T, error)) ([]T, error) { // want LoadIDs:`roundtrips\(calls \[2\]; on a miss \[2\]\)`
	keys := make([]structr.Key, len(ids))
	for i, id := range ids {
		keys[i] = structr.MakeKey(id)
	}
	return c.Cache.Load(c.index[index], keys, func(uncached []structr.Key) ([]T, error) {
		missing := make([]string, len(uncached))
		for i := range uncached {
			missing[i] = uncached[i].Values()[0].(string)
		}
		return load(missing)
	})
}

// Run calls load every time: no cache.
func (c *StructCache[T]) Run(load func() (T, error)) (T, error) { // want Run:`roundtrips\(calls \[0\]\)`
	return load()
}
