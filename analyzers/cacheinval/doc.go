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
// give "product:*" or "user:*:sessions". Cache calls are matched by
// type, against the operations analyzers/internal/knowledge lists
// (redis.go, inprocess.go: the key, value and TTL of each, and whether it
// writes, deletes, expires, persists or flushes; a hash's HDel deletes
// its entry's data, as distribution's descriptor cache clears a deleted
// blob's fields): go-redis v9 and v8 (on
// clients, rings, cluster clients, UniversalClient, Cmdable and
// pipelines, in Pipelined closures, and scripts), rueidis's command
// builders (client.B().Set().Key(k).Value(v).Ex(d).Build()), gomemcache,
// and the in-process caches services keep per user or per entity:
// golang-lru v2 (which keeps an entry until it is evicted by size, and
// its expirable LRU), go-cache, gcache, ttlcache v3, ristretto v2,
// freecache, bigcache v3, go-pkgz/lcw v1 and v2 (Get(key, loader): a
// read-through in one call, whose loader's reads are the value's),
// sync.Map held in a package-level variable or a struct field, and Go
// maps used as caches (see below). Each function's cache
// operations, the tables it reads and the table changes it makes are
// summarised in a fact, with the key, TTL and value of a wrapper's
// operations left to its parameters and resolved at each call; so a
// helper that sets any key with any TTL is judged where it is called.
//
// # Families of in-process caches
//
// A Redis key lives in one key space, so a family is the shape of its
// keys. An in-process cache is a key space of its own, and its keys are
// often ids (an int64, a struct) with no shape: when a key has no shape,
// its family is the cache itself, named by what holds it (the
// *types.Var of the cache, carried in facts as a string): the
// package-level variable, the struct field ("svc.Service.users": every
// value of the type shares it), or the program's accessor function that
// returns it ("models.cacheSites()"). A key that is not a string is never
// left to the caller to shape: its family is the holder's at once. A
// delete, flush or write-through on the same cache invalidates such a
// family; a Redis delete does not. Keys with a shape ("user:*") keep
// their shape as family, whatever holds the cache.
//
// A Go map counts as a cache only where it is narrowly one: a
// package-level variable or a struct field (it outlives the call), keyed
// by a string or an integer, and written in a function that locks a
// sync.Mutex or sync.RWMutex, or that is called by one that does (a
// setLocked helper). A sync.Map counts when a package-level variable or a
// struct field holds it. delete, clear and setting the field to a new map
// (outside a composite literal) invalidate the map. Maps and sync.Maps
// take part in the stale rule and the key-value store rule; a write of a
// shaped key into one is not reported as never-expires by itself (such a
// map is a registry as often as a cache). A map or sync.Map whose values
// the program only compares when it reads them back (never returns or
// hands them on) is a set of what it has seen, not a copy of rows: it
// caches no table (3x-ui's warnedDupGuid, the guid last warned about per
// node, to log a clash once; 19 findings judged false at first sight).
// The packages that read it say so in their fact, for the packages that
// write it through them.
//
// Four rules:
//
//   - never-expires: a write with no expiry (TTL 0, go-cache's
//     NoExpiration, ttlcache's NoTTL, a memcache Item with Expiration 0
//     or none, ristretto's Set, HSet or MSet with no Expire, or a
//     Persist) to a key family with a shape that nothing deletes or
//     expires. Caches that evict by size (golang-lru, lcw's LruCache) are
//     not reported by this rule: a key no longer read leaves them (a
//     16-entry LRU of compiled templates is not a leak); the stale rule
//     still counts their read-through entries as never expiring. One
//     cause, one finding: a family written with no expiry from many
//     places is reported once, at its first write,
//     with the other writes as related positions (at most 10, "and N
//     more"), and a package that imports one that reported the family
//     does not report it again (the families reported travel in the
//     package's fact). A write through a wrapper is reported at the call
//     of the wrapper where the key and TTL become known.
//   - never-expires, key-value store: a function that writes the key and
//     the value its caller gives (a Put or Set of the program's own,
//     over Redis, memcache, an in-process cache or a map, whose value is
//     bytes, a string or any value), with no expiry and no TTL parameter,
//     while nothing visible deletes, expires or flushes that cache (for
//     Redis: no delete at all). The store is the cause: it is reported
//     once, at its write, with its callers in the package as related
//     positions, and its callers are not reported. A value made from the
//     key alone (m[id] = &chatState{id: id}), or a new literal that a
//     sync.Map's LoadOrStore keeps only for a key with none (get or
//     create; a store's write replaces the entry), is per-key live state,
//     the only copy there is, not a caller's value kept: not a key-value
//     store (dagu's Discord and Slack bots, 2 findings judged false);
//     nor is a store whose value is a number or a boolean: counts of its
//     own (gorush's stats in Redis, set and incremented), which an expiry
//     would lose (judged false when reported), and its callers' writes
//     are not judged either.
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
//     the plan's cache.invalidate says so, whatever the TTL. The value is
//     followed into an lcw loader's function literal too. Reported at the
//     call in the function that changes the rows, directly or through a
//     callee, with the fill (the cache write of the read-through) as a
//     related position when it is in the same package. One change, one
//     finding: the calls of a package that reach one change through a
//     callee are one finding, at the first call with the others as
//     related positions; and when the callee's package sees a family
//     caching the table (a model package that fills the cache and
//     changes the rows, as one-api's does), at the change itself, where
//     the delete belongs, with every call as a path ("5 paths reach
//     it"); the perfvet command and the LSP merge the findings of
//     several packages there (go vet, which does not know the callee's
//     file, reports at the first call). A plain INSERT adds rows and is
//     never stale-making; writing the new value to the family after the
//     change (write-through) counts as invalidating it.
//   - stale, with a TTL: an entry written with a TTL (or with the cache's
//     default lifetime) is stale for that long at most, which the plan
//     accepts ("every write expires or is invalidated") and bounds with
//     the ttl rule. But when another path that changes the same table
//     deletes, expires or rewrites the family (a guard: the code itself
//     shows the family must be dropped), a path that changes the table
//     and does not is stale whatever the TTL: reported at its change,
//     category stale, naming the sibling path, with the sibling's
//     invalidation and the fill as related positions. Guards travel in
//     the package's fact. A guard's operation must name the family: a
//     delete of a key perfvet cannot shape on Redis is no evidence. A
//     write is a guard only when it writes the changed row: not a fill
//     that comes before the change in the source (one-api's token check
//     caches the token, then marks it expired), not a call of a
//     read-through after it (which answers from the cache on a hit), and
//     not a value a read-through of the family returned written back (a
//     refresh of its TTL). Found on one-api, whose token and quota caches
//     were reported 23 times on such evidence, 2 of them worth a change.
//   - stale, a delete that drops nothing: a delete (a library's, or
//     through the program's own key-value wrapper) whose key shape no
//     write of the package makes, while the package writes a longer
//     family of the same prefix cut at a separator: a flush of
//     avatar_<user> where the fills write avatar_<user>_<size>, one key
//     per size. Reported at the delete, with the writes of the longer
//     family as related positions. A '*' of a shape stands for one part
//     of a key (an id, a number): avatar_* and avatar_*_* are different
//     keys. Found on vikunja's avatar cache (fix 79d0942 of
//     bench/realworld/fixes.tsv).
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
// deletes whatever key its caller gives (a key-value store's Del) counts,
// on Redis and memcache, for the families its callers give it, where
// they are seen: each call is resolved with the caller's key, in the
// caller's package, and that package's fact carries the family; a caller
// in a package that imports the writer is not seen, as for a direct
// delete. On an in-process cache such a helper still counts for the whole
// cache. A delete of the keys a Redis SCAN or KEYS returned (a delete by
// prefix: keys := Scan(ctx, cursor, prefix+"*", n); Del(ctx, keys...),
// directly, through a function that returns the scanned keys, one at a
// time over a range or a ScanIterator) counts for the families under the
// pattern, the caller's prefix resolved as for a key (DelPrefix("avatar_"
// + id + "_") drops avatar_*_*, not totp_used_*_*); a '*' of such a pattern
// matches any run of a key, separators included. A flush counts for every
// family. Found on vikunja's keyvalue store (fix 0f98c19 of
// bench/realworld/fixes.tsv: used TOTP codes written with no TTL and never
// deleted, hidden by keyvalue's Del and DelPrefix). A family
// the plan lists under cache.invalidate counts as invalidated: the stale
// rule checks those changes. A table change is judged in the first
// function, going up the call chain, whose package can see both the
// change and a family that caches the table (the service that calls the
// store's UPDATE and imports the cache package, in a typical layering);
// until then it travels up in facts.
//
// # Suggested fixes
//
// A family written with no expiry gets the plan's TTL for it (the TTL of
// its cache.keys rule, else cache.max_ttl) where its writes say "no
// expiry", in one fix for all its writes in the finding's file
// (perfvet -fix): a constant that means no expiry replaced in the
// parameter's unit (go-redis Set(ctx, k, v, 0) -> 24*time.Hour; go-cache
// cache.NoExpiration and ttlcache's NoTTL -> a duration; freecache's and
// memcache's seconds -> 86400; a wrapper's time.Duration TTL parameter
// given 0 -> a duration), and a memcache.Item or redis.SetArgs literal
// without Expiration or TTL given the field. The "time" import is added
// when needed. No fix for a TTL held in a variable, an Item built
// elsewhere, a wrapper whose TTL parameter is not a time.Duration (its
// unit is unknown at the call), rueidis builders, caches with no TTL in
// their API (LRUs, sync.Map, maps), a TTL that is not a whole number of
// seconds for a seconds API, or where time is shadowed.
//
// # Options
//
// The plan's cache.max_ttl, cache.keys and cache.invalidate. A zero
// max_ttl turns off the TTL rule. -cacheinval.maps also counts maps
// guarded by a mutex as caches (off by default: on real services such maps
// were mostly live state, such as a topic's subscribers or a queue of
// pending writes, and 43 of 43 findings of that rule were judged false).
//
// # Findings
//
// Categories: never-expires (both forms), ttl, stale (the three forms).
//
// # Limits
//
//   - In a package that imports no cache nor database library, only
//     one-line key builders (a single return statement) are read, from
//     the syntax; SSA is not built for such packages.
//   - A key perfvet cannot shape (built by a function with no fact, read
//     from a field) in Redis or memcache belongs to no family: a write of
//     it is not reported, and a delete of it counts as invalidating every
//     family. In an in-process cache held by a variable, a field or an
//     accessor, it belongs to the cache's family; in one held by a local
//     or a parameter, to no family, as in Redis.
//   - The family of an in-process cache is its holder, not the value:
//     two values of one type share the family of its field (two caches
//     built by one constructor are one family), and a cache passed as a
//     parameter has no holder there.
//   - A map is a cache only under a mutex that the writing function, or
//     a direct caller of it, locks; maps filled once at start-up, or
//     guarded by a channel or a single goroutine, are not looked at.
//   - Loaders given to a builder (gcache's LoaderFunc, ttlcache's
//     WithLoader) and lcw's scoped cache (Scache, keys built by NewKey)
//     are not followed; zgo.at/zcache and ristretto v1 are not covered.
//   - The key-value store rule needs the store's write and the absence
//     of deletes to be visible from the store's package: callers in other
//     packages are not listed, and a delete written by an importer is not
//     seen. A store that exports a delete of its callers' keys is not
//     reported as a whole: its families are judged at its callers.
//   - A delete by prefix is recognised from a SCAN or KEYS of go-redis (v9,
//     v8) only; a prefix delete of another library, or over keys kept in a
//     list of the program's own, is a delete of any key.
//   - A call through an interface the program declares (cache.Cache) is
//     followed into the first implementation, by name, that the package
//     or the packages of its module it imports declare (*cache.Redis):
//     its cache operations apply at the call as through the concrete
//     wrapper, so a write with no TTL through the interface is reported
//     where its key is known. An implementation wired in only by main is
//     resolved in the whole program (see below), for cache-like
//     interfaces only. A function that calls through such an interface is
//     not reported as leaving a table stale (it may invalidate through
//     it). Calls through function values are not followed.
//
// # Whole program
//
// When the package sees no implementation of a cache-like interface of
// the program (one of its methods takes a time.Duration, the TTL of a
// Set), the call is handed on in a package fact with what its arguments
// are there (the key's shape, a constant TTL); a package that calls such
// an interface is analysed even when it imports no cache library. The
// first package that imports both the caller and an implementation
// (typically main, which wires the implementation in) applies the
// implementation's operations there: its deletes and expiries count as
// invalidating their families, and a write with no expiry of a family
// that nothing in the program deletes or expires is reported at the
// caller's call, once per family (the other writes as related
// positions), naming the interface and the implementation: "cache key
// family cart:* is written with no expiry (through (cache.Cache).Set,
// implemented by (*rediscache.Redis).Set, at rediscache/redis.go:15) and
// nothing in the program deletes or expires it". An implementation that
// sets its own TTL, whatever the caller gives, is not reported. This
// holds in every driver that analyses the packages in one process: the
// perfvet command, perfvet lsp, golangci-lint (perfvet-gcl and the
// module plugin) and analysistest. Limits: a key shape or TTL the caller
// takes from its own parameter is not followed further up; the first
// implementation by package and type name with cache operations is
// applied; and an exported helper of the implementation's package that
// deletes the key it is given counts for the families its callers give it
// where they are seen (see above). Under go vet -vettool,
// each package is analysed in its own process and knows only its own
// files: such a write is not reported there; run the perfvet command (or
// golangci-lint) on the module for the whole-program answer.
//   - Invalidation is looked for in the function that changes the rows and
//     its callees, not in its callers: a layer above that deletes the key
//     after calling it is not seen (the finding is then at the lower
//     layer, if its package can see the cache).
//   - The order of the change and the invalidation is not checked
//     (deleting before the UPDATE leaves a race window, and counts).
//   - Families are compared as globs across libraries: a Redis delete of
//     product:* counts for a memcache write of product:*.
//   - A delete that drops nothing is judged against the writes of its own
//     package only: a write of the delete's exact key in another package
//     is not seen, and a key that is a pattern (a prefix delete written as
//     a Del of "user:" + id + "*") is not told from a key.
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
