package catalog // want package:`families\(invalidates product:\*; products→product:\*; guard products→product:\*\)`

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/redis/go-redis/v9"

	"example.com/realibs/cacheinval/store"
)

// Catalog caches products in Redis in front of store: a read-through
// cache.
//
// Catalog is a read-through cache of products.
type Catalog struct {
	rdb *redis.Client
	st  *store.Store
}

func productKey(id int64) string { return fmt.Sprintf("product:%d", id) }

// Product reads through the cache.
func (c *Catalog) Product(ctx context.Context, id int64) (store.Product, error) { // want Product:`cache\(reads products; write product:\* ttl=none from products\)`
	p, err := c.st.ProductByID(ctx, id)
	if err != nil {
		return p, err
	}
	data, _ := json.Marshal(p)
	c.rdb.Set(ctx, productKey(id), data, 0) // dropped by SetPriceAndDrop
	return p, nil
}

// SetPrice leaves the cached product stale.
func (c *Catalog) SetPrice(ctx context.Context, id, price int64) error {
	return c.st.SetPrice(ctx, id, price) // want `^UPDATE of products .* leaves product:\* stale`
}

// SetPriceAndDrop drops it.
func (c *Catalog) SetPriceAndDrop(ctx context.Context, id, price int64) error { // want SetPriceAndDrop:`cache\(delete product:\*\)`
	if err := c.st.SetPrice(ctx, id, price); err != nil {
		return err
	}
	return c.rdb.Del(ctx, productKey(id)).Err()
}
