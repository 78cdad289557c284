package cacheinval

import "github.com/perfvet/perfvet/analyzers/internal/lint"

// Documentation is the analyzer's structured documentation, its entry in
// the registry (analyzers/suite.go): perfvet help cacheinval, the SARIF rules
// and the README's analyzer table are derived from it. doc.go is the full
// reference.
var Documentation = lint.Documentation{
	Title: "report cache entries that go stale",
	Text: `A read-through cache is easy to add and easy to get wrong: a product is
cached under product:{id}, one update path forgets to drop the key, and
readers see the old price until someone flushes Redis. The plan says that
every cache write expires or is invalidated, how long a TTL may be, and
which key families a change to a table must drop.`,
	Before: `c.rdb.Set(ctx, productKey(id), data, 0) // never expires
...
func (s *Service) UpdatePrice(ctx context.Context, id, cents int64) error {
	return s.store.UpdateProductPrice(ctx, id, cents) // UPDATE products
}`,
	After: `c.rdb.Set(ctx, productKey(id), data, 10*time.Minute)
...
if err := s.store.UpdateProductPrice(ctx, id, cents); err != nil {
	return err
}
return s.cache.Forget(ctx, id) // rdb.Del(ctx, productKey(id))`,
	Reports: "cache writes that never expire (TTL 0, `NoExpiration`, memcache `Expiration: 0`, ristretto `Set`, `HSet`/`MSet` without `Expire`, `Persist`) to a key family nothing deletes or expires; TTLs above `cache.max_ttl` or the family's `cache.keys` TTL (and cache-wide lifetimes of expirable LRU, bigcache, go-cache); functions that UPDATE/DELETE/upsert rows of a table (SQL text, GORM, bun) cached under a key family (a read-through that writes with no TTL, or the plan's `cache.invalidate`) without deleting, expiring or rewriting that family on their path. Key shapes (`product:*`, `user:*:sessions`) from literals, `+`, `Sprintf`, `strings.Join` and key builders, across packages through facts: go-redis v9/v8 (with pipelines and scripts), rueidis, gomemcache, and the in-process caches services keep per user or entity: golang-lru v2 (and expirable), go-cache, gcache, ttlcache v3, ristretto v2, freecache, bigcache v3, go-pkgz/lcw, `sync.Map` fields and mutex-guarded maps (keys without a shape belong to the cache's own family); a change to a table whose sibling paths drop a family is stale even when the family has a TTL; a delete of a key no write makes while the package fills a longer family of that prefix (a flush of `avatar_<user>` when the cache holds `avatar_<user>_<size>`) is stale; a family written with no expiry, and a program's own key-value store with no TTL parameter and no delete, reported once with the other writes listed; writes through the program's own cache interfaces (a method with a `time.Duration` TTL) resolved against every implementation in the program (perfvet, golangci-lint, `perfvet lsp`; not under `go vet`); categories `never-expires`, `ttl`, `stale`",
	Options: []string{"cache.max_ttl", "cache.keys", "cache.invalidate"},
	Categories: []lint.Category{
		{Name: CategoryNeverExpires, Text: "a write that never expires and is never invalidated"},
		{Name: CategoryTTL, Text: "a TTL above the plan's"},
		{Name: CategoryStale, Text: "a table change that leaves cached rows stale"},
	},
	Limits: `A key perfvet cannot shape (built by a function with no fact, read from a
field) belongs to no family in Redis or memcache. The family of an
in-process cache is its holder, not the value. A map is a cache only under
a mutex the writing function or a direct caller locks. Loaders given to
cache builders are not followed. Calls through the program's own
cache-like interfaces are resolved against the implementations in the
whole program (perfvet, golangci-lint, perfvet lsp); under go vet, which
sees one package at a time, only against those the caller's package
imports: run perfvet on the module for the whole-program answer.`,
}
