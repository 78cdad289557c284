// Package cache is a read-through Redis cache in front of the catalog
// queries of internal/store.
package cache

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

	"example.com/shop/internal/store"
)

// categoriesTTL bounds how long an edit to the categories table takes to
// reach the storefront.
const categoriesTTL = 10 * time.Minute

const categoriesKey = "categories"

func productKey(id int64) string {
	return "product:" + strconv.FormatInt(id, 10)
}

// Catalog serves products and categories from Redis, loading them from the
// store on a miss. A Redis failure degrades to reading the database.
type Catalog struct {
	rdb   *redis.Client
	store *store.Store
}

// New returns a Catalog cache over rdb that loads misses from st.
func New(rdb *redis.Client, st *store.Store) *Catalog {
	return &Catalog{rdb: rdb, store: st}
}

// Product returns one product, from Redis when it is there.
func (c *Catalog) Product(ctx context.Context, id int64) (store.Product, error) {
	key := productKey(id)
	if data, err := c.rdb.Get(ctx, key).Bytes(); err == nil {
		var p store.Product
		if err := json.Unmarshal(data, &p); err == nil {
			return p, nil
		}
	} else if !errors.Is(err, redis.Nil) {
		slog.WarnContext(ctx, "product cache read failed", "key", key, "err", err)
	}

	p, err := c.store.ProductByID(ctx, id)
	if err != nil {
		return store.Product{}, err
	}
	data, err := json.Marshal(p)
	if err != nil {
		return store.Product{}, err
	}
	// Cache: written with no expiry (0) and never deleted, so a price change
	// is never seen by readers; give it a TTL like Categories below and
	// delete the key when the product changes.
	if err := c.rdb.Set(ctx, key, data, 0).Err(); err != nil {
		slog.WarnContext(ctx, "product cache write failed", "key", key, "err", err)
	}
	return p, nil
}

// Categories returns every category, from Redis when it is there.
func (c *Catalog) Categories(ctx context.Context) ([]store.Category, error) {
	if data, err := c.rdb.Get(ctx, categoriesKey).Bytes(); err == nil {
		var cats []store.Category
		if err := json.Unmarshal(data, &cats); err == nil {
			return cats, nil
		}
	} else if !errors.Is(err, redis.Nil) {
		slog.WarnContext(ctx, "categories cache read failed", "err", err)
	}

	cats, err := c.store.ListCategories(ctx)
	if err != nil {
		return nil, err
	}
	data, err := json.Marshal(cats)
	if err != nil {
		return nil, err
	}
	// Expires after categoriesTTL, so a stale entry lives 10 minutes at most.
	if err := c.rdb.Set(ctx, categoriesKey, data, categoriesTTL).Err(); err != nil {
		slog.WarnContext(ctx, "categories cache write failed", "err", err)
	}
	return cats, nil
}
