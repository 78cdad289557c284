// Package structr is a stub of codeberg.org/gruf/go-structr: a generic
// struct cache indexed by fields, whose loads call the loader only for
// the keys it does not hold.
package structr

// Key is a lookup key of an index.
type Key struct{ values []any }

// Values returns the key's parts.
func (k Key) Values() []any { return k.values }

// MakeKey makes a key of its parts.
func MakeKey(parts ...any) Key { return Key{values: parts} }

// Index is an index of a cache, by the fields it names.
type Index struct{ name string }

// CacheConfig configures a cache.
type CacheConfig[T any] struct {
	Indices []IndexConfig
	MaxSize int
}

// IndexConfig names an index's fields.
type IndexConfig struct{ Fields string }

// Cache is a cache of T values.
type Cache[T any] struct {
	items map[string]T
}

// Init initializes the cache.
func (c *Cache[T]) Init(config CacheConfig[T]) { c.items = map[string]T{} }

// Index returns the index over fields.
func (c *Cache[T]) Index(fields string) *Index { return &Index{name: fields} }

// GetOne returns the value the index holds at key.
func (c *Cache[T]) GetOne(index *Index, key Key) (T, bool) {
	v, ok := c.items[index.name]
	return v, ok
}

// LoadOne returns the value at key, calling load on a miss and keeping
// its result.
func (c *Cache[T]) LoadOne(index *Index, key Key, load func() (T, error)) (T, error) {
	if v, ok := c.items[index.name]; ok {
		return v, nil
	}
	v, err := load()
	if err == nil {
		c.items[index.name] = v
	}
	return v, err
}

// Load returns the values at keys, calling load once with the keys it
// misses.
func (c *Cache[T]) Load(index *Index, keys []Key, load func([]Key) ([]T, error)) ([]T, error) {
	return load(keys)
}
