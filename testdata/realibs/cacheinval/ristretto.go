package cacheinval

import (
	"time"

	"github.com/dgraph-io/ristretto/v2"
	"github.com/hashicorp/golang-lru/v2/expirable"
)

func price(c *ristretto.Cache[string, []byte], sku string, v []byte) {
	c.Set("price:"+sku, v, 1) // want `^cache key family price:\* is written with no expiry`
}

func priceTTL(c *ristretto.Cache[string, []byte], sku string, v []byte) {
	c.SetWithTTL("pricettl:"+sku, v, 1, time.Minute)
}

func priceLong(c *ristretto.Cache[string, []byte], sku string, v []byte) {
	c.SetWithTTL("pricelong:"+sku, v, 1, 36*time.Hour) // want `^TTL 36h for cache key family pricelong:\*`
}

func priceDropped(c *ristretto.Cache[string, []byte], sku string, v []byte) {
	c.Set("pricedrop:"+sku, v, 1)
	c.Del("pricedrop:" + sku)
}

func lrus() (*expirable.LRU[string, int], *expirable.LRU[string, int]) {
	return expirable.NewLRU[string, int](10, nil, 72*time.Hour), // want `^the lifetime expirable.NewLRU gives every entry of 72h is above cache.max_ttl`
		expirable.NewLRU[string, int](10, nil, time.Hour)
}
