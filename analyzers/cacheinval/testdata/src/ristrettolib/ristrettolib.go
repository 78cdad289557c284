package ristrettolib // want package:`families\(invalidates rate:\*; reported price:\*,pricezero:\*\)`

import (
	"time"

	"github.com/dgraph-io/ristretto/v2"
)

// ristretto: Set never expires; SetWithTTL does.

func price(c *ristretto.Cache[string, []byte], sku string, v []byte) {
	c.Set("price:"+sku, v, 1) // want `^cache key family price:\* is written with no expiry`
}

func priceTTL(c *ristretto.Cache[string, []byte], sku string, v []byte) {
	c.SetWithTTL("pricettl:"+sku, v, 1, time.Minute)
}

func priceZero(c *ristretto.Cache[string, []byte], sku string, v []byte) {
	c.SetWithTTL("pricezero:"+sku, v, 1, 0) // want `^cache key family pricezero:\* is written with no expiry`
}

func priceLong(c *ristretto.Cache[string, []byte], sku string, v []byte) {
	c.SetWithTTL("pricelong:"+sku, v, 1, 36*time.Hour) // want `^TTL 36h for cache key family pricelong:\* is above cache.max_ttl`
}

func rate(c *ristretto.Cache[string, []byte], sku string, v []byte) {
	c.Set("rate:"+sku, v, 1)
}

func dropRate(c *ristretto.Cache[string, []byte], sku string) {
	c.Del("rate:" + sku)
}

// Integer keys have no family.
func byID(c *ristretto.Cache[int64, []byte], id int64, v []byte) {
	c.Set(id, v, 1)
}
