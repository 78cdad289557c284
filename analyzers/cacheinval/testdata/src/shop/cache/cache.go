package cache // want package:`families\(invalidates product:\*; products→product:\*\)`

import (
	"context"
	"encoding/json"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

	"shop/store"
)

// A read-through cache of products, with a TTL, and its invalidation.

func productKey(id int64) string {
	return "product:" + strconv.FormatInt(id, 10)
}

type Catalog struct {
	rdb   *redis.Client
	store *store.Store
}

func (c *Catalog) Product(ctx context.Context, id int64) (store.Product, error) { // want Product:`cache\(reads products; write product:\* ttl=none from products\)`
	if data, err := c.rdb.Get(ctx, productKey(id)).Bytes(); err == nil {
		var p store.Product
		if json.Unmarshal(data, &p) == nil {
			return p, nil
		}
	}
	p, err := c.store.ProductByID(ctx, id)
	if err != nil {
		return p, err
	}
	data, _ := json.Marshal(p)
	c.rdb.Set(ctx, productKey(id), data, 0) // deleted by Forget
	return p, nil
}

func (c *Catalog) Forget(ctx context.Context, id int64) { // want Forget:`cache\(delete product:\*\)`
	c.rdb.Del(ctx, productKey(id))
}

// Put writes a product through: the entry gets the new value.
func (c *Catalog) Put(ctx context.Context, p store.Product) { // want Put:`cache\(write product:\* ttl=10m0s\)`
	data, _ := json.Marshal(p)
	c.rdb.Set(ctx, productKey(p.ID), data, 10*time.Minute)
}
