// Package lcw is a stub of github.com/go-pkgz/lcw/v2, whose module the
// Go module proxy here does not serve: the signatures of its loading
// caches, as in the real package.
package lcw

import "time"

// LoadingCache is the interface every cache implements.
type LoadingCache[V any] interface {
	Get(key string, fn func() (V, error)) (val V, err error)
	Peek(key string) (V, bool)
	Invalidate(fn func(key string) bool)
	Delete(key string)
	Purge()
	Close() error
}

// Option configures a cache.
type Option[V any] func(o *Workers[V]) error

// Workers holds the options.
type Workers[V any] struct{ ttl time.Duration }

// WorkerOptions builds options.
type WorkerOptions[T any] struct{}

// NewOpts returns the option builder.
func NewOpts[T any]() *WorkerOptions[T] { return &WorkerOptions[T]{} }

// TTL sets the lifetime of an ExpirableCache's entries.
func (o *WorkerOptions[V]) TTL(ttl time.Duration) Option[V] { return nil }

// MaxKeys bounds the number of keys.
func (o *WorkerOptions[V]) MaxKeys(n int) Option[V] { return nil }

// LruCache keeps entries until evicted by size.
type LruCache[V any] struct{}

// NewLruCache makes an LruCache.
func NewLruCache[V any](opts ...Option[V]) (*LruCache[V], error) { return &LruCache[V]{}, nil }

func (c *LruCache[V]) Get(key string, fn func() (V, error)) (data V, err error) { return fn() }
func (c *LruCache[V]) Peek(key string) (V, bool)                                { var v V; return v, false }
func (c *LruCache[V]) Invalidate(fn func(key string) bool)                      {}
func (c *LruCache[V]) Delete(key string)                                        {}
func (c *LruCache[V]) Purge()                                                   {}
func (c *LruCache[V]) Close() error                                             { return nil }

// ExpirableCache keeps entries for its TTL.
type ExpirableCache[V any] struct{}

// NewExpirableCache makes an ExpirableCache.
func NewExpirableCache[V any](opts ...Option[V]) (*ExpirableCache[V], error) {
	return &ExpirableCache[V]{}, nil
}

func (c *ExpirableCache[V]) Get(key string, fn func() (V, error)) (data V, err error) { return fn() }
func (c *ExpirableCache[V]) Peek(key string) (V, bool)                                { var v V; return v, false }
func (c *ExpirableCache[V]) Invalidate(fn func(key string) bool)                      {}
func (c *ExpirableCache[V]) Delete(key string)                                        {}
func (c *ExpirableCache[V]) Purge()                                                   {}
func (c *ExpirableCache[V]) Close() error                                             { return nil }
