// Package cacheinval defines an Analyzer that reports cache entries that
// go stale: writes that never expire and that nothing invalidates, TTLs
// longer than the plan allows, and changes to a cached table that leave
// its entries in the cache.
//
// # Analyzer cacheinval
//
// cacheinval: report cache entries that go stale
//
// A read-through cache is easy to add and easy to get wrong: a product is
// cached under product:{id}, one update path forgets to drop the key, and
// readers see the old price until someone flushes Redis. The plan says
// that every cache write expires or is invalidated, how long a TTL may be
// (cache.max_ttl, and per key family in cache.keys), and which key
// families a change to a table must drop (cache.invalidate).
//
// The analyzer recovers the shape of each cache key from the code that
// builds it, as a glob: literals, + concatenation, fmt.Sprintf,
// strings.Join, and key-builder functions (whose shape travels as a fact)
// give "product:*" or "user:*:sessions". Cache calls are matched by type:
// go-redis v9 and v8 (Set, SetNX, SetXX, SetEx, SetArgs, GetSet, MSet,
// MSetNX, HSet, HMSet, HSetNX, Expire and its variants, ExpireAt, GetEx,
// Persist, Del, Unlink, GetDel, FlushDB, FlushAll, and scripts; on
// clients, rings, cluster clients, UniversalClient, Cmdable and
// pipelines, and in Pipelined closures), gomemcache (Set, Add, Replace, CompareAndSwap with
// the Item's Expiration, Delete, Touch, DeleteAll, FlushAll), ristretto v2
// (Set, which never expires, SetWithTTL, Del, Clear), go-cache (Set, Add,
// Replace with NoExpiration or a TTL, SetDefault, Delete, Flush),
// golang-lru/v2/expirable (Add, Remove, Purge, and NewLRU's ttl), bigcache
// v3 (Set, Delete, Reset, and the LifeWindow of its Config), freecache
// (Set with expireSeconds, Del, Touch, Clear) and rueidis (the command
// chains client.B().Set().Key(k).Value(v).Ex(d).Build(), and Setex, Hset,
// Del, Unlink, Getdel, Expire, Persist, Flushdb, Flushall). Each function's cache
// operations, the tables it reads and the table changes it makes are
// summarised in a fact, with the key, TTL and value of a wrapper's
// operations left to its parameters and resolved at each call; so a
// helper that sets any key with any TTL is judged where it is called.
//
// Three rules:
//
//   - never-expires: a write with no expiry (TTL 0, go-cache's
//     NoExpiration, a memcache Item with Expiration 0 or none, ristretto's
//     Set, HSet or MSet with no Expire, or a Persist) to a key family that
//     nothing deletes or expires. Reported at the write, or at the call of
//     the wrapper where the key and TTL become known.
//   - ttl: a constant TTL above the one the plan gives the key family
//     (the first matching rule of cache.keys, else cache.max_ttl).
//     Reported at the TTL value. The lifetimes that expirable.NewLRU,
//     bigcache's Config.LifeWindow and DefaultConfig, and go-cache's New
//     give every entry are compared with cache.max_ttl.
//   - stale: a function that changes existing rows of a table (UPDATE,
//     DELETE, MERGE, REPLACE, TRUNCATE, an INSERT that updates on
//     conflict; GORM's Save, Update(s), UpdateColumn(s) and Delete; bun's
//     UpdateQuery and DeleteQuery) while a key family caches that table,
//     and that neither it nor its callees delete, expire or rewrite keys of
//     that family. A family caches a table when a function writes to it,
//     with no expiry, a value read from the table (a read-through: the
//     value is followed back through marshalling and scanning to the
//     query, or to a callee whose fact says it reads the table), or when
//     the plan's cache.invalidate says so, whatever the TTL. An entry
//     written with a TTL is stale for that long at most, which the plan
//     accepts ("every write expires or is invalidated") and bounds with
//     the ttl rule, so a read-through with a TTL is not a link. Reported at
//     the call in the function that changes the rows, directly or through
//     a callee. A plain INSERT adds rows and is never stale-making; writing
//     the new value to the family after the change (write-through) counts
//     as invalidating it.
//
// Example. The product is cached with no TTL, and the price update does
// not drop it:
//
//	func (c *Catalog) Product(ctx context.Context, id int64) (store.Product, error) {
//		p, err := c.store.ProductByID(ctx, id) // SELECT ... FROM products
//		data, _ := json.Marshal(p)
//		c.rdb.Set(ctx, productKey(id), data, 0) // never-expires
//		...
//	func (s *Service) UpdatePrice(ctx context.Context, id, cents int64) error {
//		return s.store.UpdateProductPrice(ctx, id, cents) // stale: UPDATE products
//	}
//
// Fixed:
//
//	c.rdb.Set(ctx, productKey(id), data, 10*time.Minute)
//	...
//	if err := s.store.UpdateProductPrice(ctx, id, cents); err != nil {
//		return err
//	}
//	return s.cache.Forget(ctx, id) // rdb.Del(ctx, productKey(id))
//
// # Where the module-wide questions are answered
//
// Drivers such as go vet analyse one package at a time and give it the
// facts of its dependencies only. So "is this family invalidated
// anywhere" is answered over the package that writes and every package it
// imports, directly or not: a delete in a package that imports the
// writer (a service layer that calls rdb.Del itself) is not seen, and
// the write is reported. A helper exported by a visible package that
// deletes whatever key its caller gives counts as invalidating every
// family, since its callers cannot all be seen; so does a flush. A family
// the plan lists under cache.invalidate counts as invalidated: the stale
// rule checks those changes. A table change is judged in the first
// function, going up the call chain, whose package can see both the
// change and a family that caches the table (the service that calls the
// store's UPDATE and imports the cache package, in a typical layering);
// until then it travels up in facts.
//
// # Options
//
// The plan's cache.max_ttl, cache.keys and cache.invalidate. A zero
// max_ttl turns off the TTL rule.
//
// # Findings
//
// Categories: never-expires, ttl, stale.
//
// # Limits
//
//   - In a package that imports no cache nor database library, only
//     one-line key builders (a single return statement) are read, from
//     the syntax; SSA is not built for such packages.
//   - A key perfvet cannot shape (built by a function with no fact, read
//     from a field, a non-string key of an in-process cache) belongs to no
//     family: a write of it is not reported, and a delete of it counts as
//     invalidating every family.
//   - A call through an interface the program declares (cache.Cache) is
//     followed into the first implementation, by name, that the package
//     or the packages of its module it imports declare (*cache.Redis):
//     its cache operations apply at the call as through the concrete
//     wrapper, so a write with no TTL through the interface is reported
//     where its key is known. An implementation wired in only by main (in
//     a package the caller does not import) is not seen, in any driver.
//     A function that calls through such an interface is not reported as
//     leaving a table stale (it may invalidate through it). Calls through
//     function values are not followed.
//   - Invalidation is looked for in the function that changes the rows and
//     its callees, not in its callers: a layer above that deletes the key
//     after calling it is not seen (the finding is then at the lower
//     layer, if its package can see the cache).
//   - The order of the change and the invalidation is not checked
//     (deleting before the UPDATE leaves a race window, and counts).
//   - Families are compared as globs across libraries: a Redis delete of
//     product:* counts for a memcache write of product:*.
//   - Lua scripts (Eval, EvalSha, FCall, Script.Run) count as
//     invalidating the keys they are given, or every key when those are
//     not a literal list.
//   - ent mutations, GORM's generics API
//     and Redis collection commands other than hashes (LPush, SAdd, ZAdd,
//     Incr: counters and queues, not cached rows) are not covered. TTLs
//     computed at run time, read from configuration, or given as an
//     absolute time are taken to expire in time.
//   - A model's table is its TableName() method's constant result, its bun
//     table: tag, or the ORM's default (the type's name in snake case,
//     pluralised); a TableName perfvet cannot read leaves the model's
//     changes unjudged.
package cacheinval
