// Package freecache is a stub of github.com/coocood/freecache.
package freecache

type Cache struct{}

func NewCache(size int) *Cache { return &Cache{} }

func (c *Cache) Set(key, value []byte, expireSeconds int) error { return nil }
func (c *Cache) Get(key []byte) ([]byte, error)                 { return nil, nil }
func (c *Cache) Del(key []byte) bool                            { return false }
func (c *Cache) Touch(key []byte, expireSeconds int) error      { return nil }
func (c *Cache) Clear()                                         {}
