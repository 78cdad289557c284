package knowledge

import (
	"go/types"
)

// This file describes what cache calls do to keys, for the cacheinval
// analyzer: which argument is the key, which the value, which the TTL, and
// whether the call writes, deletes, expires or persists keys. The Redis
// commands are recognised by receiver type as in cache.go; the others are
// keyed by FuncKey.

// More cache client packages.
const (
	Ristretto2  = "github.com/dgraph-io/ristretto/v2"
	GoCache     = "github.com/patrickmn/go-cache"
	LRUExpiring = "github.com/hashicorp/golang-lru/v2/expirable"
	BigCache3   = "github.com/allegro/bigcache/v3"
	FreeCache   = "github.com/coocood/freecache"
	LRU2        = "github.com/hashicorp/golang-lru/v2"
	GCache      = "github.com/bluele/gcache"
	TTLCache3   = "github.com/jellydator/ttlcache/v3"
	LCW         = "github.com/go-pkgz/lcw"
	LCW2        = "github.com/go-pkgz/lcw/v2"
)

// More cache library families.
const (
	LibRistretto Lib = "ristretto"
	LibGoCache   Lib = "go-cache"
	LibLRU       Lib = "golang-lru"
	LibBigCache  Lib = "bigcache"
	LibFreeCache Lib = "freecache"
	LibGCache    Lib = "gcache"
	LibTTLCache  Lib = "ttlcache"
	LibLCW       Lib = "lcw"
	LibSyncMap   Lib = "sync.Map"
	LibMap       Lib = "map"
)

// InProcess reports whether a library keeps its entries in the process's
// memory: each cache value is its own key space, so cacheinval tells its
// families apart by the variable or field that holds the cache when the
// keys have no shape.
func (l Lib) InProcess() bool {
	switch l {
	case LibRistretto, LibGoCache, LibLRU, LibBigCache, LibFreeCache, LibGCache, LibTTLCache, LibLCW, LibSyncMap, LibMap:
		return true
	}
	return false
}

// Rueidis is the rueidis client; RueidisCmds its command builders, which
// client.B() returns.
const (
	Rueidis     = "github.com/redis/rueidis"
	RueidisCmds = "github.com/redis/rueidis/internal/cmds"
)

// CachePackages are the packages whose calls cacheinval reads.
var CachePackages = []string{Redis9, Redis8, Memcache, Ristretto2, GoCache, LRUExpiring, BigCache3, FreeCache, Rueidis, LRU2, GCache, TTLCache3, LCW, LCW2}

// A CacheOpKind says what a cache call does to its keys.
type CacheOpKind uint8

// Kinds of cache operations.
const (
	CacheWrite   CacheOpKind = 1 + iota // stores a value under a key
	CacheDelete                         // drops keys
	CacheExpire                         // gives a key an expiry
	CachePersist                        // removes a key's expiry
	CacheFlush                          // drops every key
	// CacheScript: a Lua script or function run on the keys it is given;
	// it may delete or expire them.
	CacheScript
)

func (k CacheOpKind) String() string {
	switch k {
	case CacheWrite:
		return "write"
	case CacheDelete:
		return "delete"
	case CacheExpire:
		return "expire"
	case CachePersist:
		return "persist"
	case CacheFlush:
		return "flush"
	case CacheScript:
		return "script"
	}
	return "?"
}

// A TTLMode says how a cache call's TTL reads.
type TTLMode uint8

// TTL modes.
const (
	// TTLNone: the call sets no expiry; a key it creates lives until
	// deleted (Redis HSet, MSet, GetSet; ristretto Set).
	TTLNone TTLMode = iota
	// TTLZeroNever: a time.Duration argument; zero means no expiry, a
	// negative value keeps the key's expiry or is rejected.
	TTLZeroNever
	// TTLSecondsZeroNever: an integer count of seconds; zero means no
	// expiry (memcache, freecache).
	TTLSecondsZeroNever
	// TTLNegativeNever: go-cache: -1 (NoExpiration) never expires, 0
	// (DefaultExpiration) uses the cache's default.
	TTLNegativeNever
	// TTLDefault: the cache's configured lifetime applies (bigcache's
	// LifeWindow, an expirable LRU's ttl, go-cache's SetDefault).
	TTLDefault
	// TTLAt: an absolute time (ExpireAt); it expires.
	TTLAt
	// TTLItem: memcache: the Expiration field of the *Item argument, in
	// seconds, zero meaning no expiry.
	TTLItem
	// TTLSetArgs: go-redis SetArgs: the TTL or ExpireAt field of the
	// argument; neither set means no expiry.
	TTLSetArgs
	// TTLMinusOneNever: ttlcache: -1 (NoTTL) never expires, 0 (DefaultTTL)
	// and -2 (PreviousOrDefaultTTL) use the cache's or the item's.
	TTLMinusOneNever
	// TTLAlways: the call always sets an expiry (gcache's SetWithExpire:
	// zero expires at once).
	TTLAlways
)

// A CacheOp describes a cache call's effect on keys. Argument indexes do
// not count the receiver; -1 means none.
type CacheOp struct {
	Lib  Lib
	Kind CacheOpKind
	Key  int
	// Keys: the keys are the variadic arguments from Key on (Del, Unlink).
	Keys bool
	// Pairs: key, value pairs are the variadic arguments from Key on (MSet).
	Pairs bool
	// Item: Key names a *memcache.Item argument whose Key field is the key.
	Item  bool
	Value int
	TTL   int
	Mode  TTLMode
	// Loader: Value is a function the cache calls on a miss and whose
	// result it stores (lcw's Get(key, fn)): a read-through in one call.
	Loader bool
	// Held: the call only counts as a cache operation on a cache held in
	// a package-level variable or a struct field (sync.Map, whose other
	// uses are not caches).
	Held bool
}

func op(lib Lib, kind CacheOpKind, key, value, ttl int, mode TTLMode) CacheOp {
	return CacheOp{Lib: lib, Kind: kind, Key: key, Value: value, TTL: ttl, Mode: mode}
}

// cacheOps are the non-Redis operations, by FuncKey.
var cacheOps = withLCW(map[string]CacheOp{
	"(*github.com/bradfitz/gomemcache/memcache.Client).Set":            {Lib: LibMemcache, Kind: CacheWrite, Key: 0, Item: true, Value: 0, TTL: 0, Mode: TTLItem},
	"(*github.com/bradfitz/gomemcache/memcache.Client).Add":            {Lib: LibMemcache, Kind: CacheWrite, Key: 0, Item: true, Value: 0, TTL: 0, Mode: TTLItem},
	"(*github.com/bradfitz/gomemcache/memcache.Client).Replace":        {Lib: LibMemcache, Kind: CacheWrite, Key: 0, Item: true, Value: 0, TTL: 0, Mode: TTLItem},
	"(*github.com/bradfitz/gomemcache/memcache.Client).CompareAndSwap": {Lib: LibMemcache, Kind: CacheWrite, Key: 0, Item: true, Value: 0, TTL: 0, Mode: TTLItem},
	"(*github.com/bradfitz/gomemcache/memcache.Client).Delete":         op(LibMemcache, CacheDelete, 0, -1, -1, TTLNone),
	"(*github.com/bradfitz/gomemcache/memcache.Client).Touch":          op(LibMemcache, CacheExpire, 0, -1, 1, TTLSecondsZeroNever),
	"(*github.com/bradfitz/gomemcache/memcache.Client).GetAndTouch":    op(LibMemcache, CacheExpire, 0, -1, 1, TTLSecondsZeroNever),
	"(*github.com/bradfitz/gomemcache/memcache.Client).DeleteAll":      op(LibMemcache, CacheFlush, -1, -1, -1, TTLNone),
	"(*github.com/bradfitz/gomemcache/memcache.Client).FlushAll":       op(LibMemcache, CacheFlush, -1, -1, -1, TTLNone),

	"(*github.com/dgraph-io/ristretto/v2.Cache[K, V]).Set":        op(LibRistretto, CacheWrite, 0, 1, -1, TTLNone),
	"(*github.com/dgraph-io/ristretto/v2.Cache[K, V]).SetWithTTL": op(LibRistretto, CacheWrite, 0, 1, 3, TTLZeroNever),
	"(*github.com/dgraph-io/ristretto/v2.Cache[K, V]).Del":        op(LibRistretto, CacheDelete, 0, -1, -1, TTLNone),
	"(*github.com/dgraph-io/ristretto/v2.Cache[K, V]).Clear":      op(LibRistretto, CacheFlush, -1, -1, -1, TTLNone),

	// go-cache's methods are declared on the unexported *cache that Cache embeds.
	"(*github.com/patrickmn/go-cache.cache).Set":        op(LibGoCache, CacheWrite, 0, 1, 2, TTLNegativeNever),
	"(*github.com/patrickmn/go-cache.cache).Add":        op(LibGoCache, CacheWrite, 0, 1, 2, TTLNegativeNever),
	"(*github.com/patrickmn/go-cache.cache).Replace":    op(LibGoCache, CacheWrite, 0, 1, 2, TTLNegativeNever),
	"(*github.com/patrickmn/go-cache.cache).SetDefault": op(LibGoCache, CacheWrite, 0, 1, -1, TTLDefault),
	"(*github.com/patrickmn/go-cache.cache).Delete":     op(LibGoCache, CacheDelete, 0, -1, -1, TTLNone),
	"(*github.com/patrickmn/go-cache.cache).Flush":      op(LibGoCache, CacheFlush, -1, -1, -1, TTLNone),

	"(*github.com/hashicorp/golang-lru/v2/expirable.LRU[K, V]).Add":    op(LibLRU, CacheWrite, 0, 1, -1, TTLDefault),
	"(*github.com/hashicorp/golang-lru/v2/expirable.LRU[K, V]).Remove": op(LibLRU, CacheDelete, 0, -1, -1, TTLNone),
	"(*github.com/hashicorp/golang-lru/v2/expirable.LRU[K, V]).Purge":  op(LibLRU, CacheFlush, -1, -1, -1, TTLNone),

	"(*github.com/allegro/bigcache/v3.BigCache).Set":    op(LibBigCache, CacheWrite, 0, 1, -1, TTLDefault),
	"(*github.com/allegro/bigcache/v3.BigCache).Delete": op(LibBigCache, CacheDelete, 0, -1, -1, TTLNone),
	"(*github.com/allegro/bigcache/v3.BigCache).Reset":  op(LibBigCache, CacheFlush, -1, -1, -1, TTLNone),

	"(*github.com/coocood/freecache.Cache).Set":   op(LibFreeCache, CacheWrite, 0, 1, 2, TTLSecondsZeroNever),
	"(*github.com/coocood/freecache.Cache).Del":   op(LibFreeCache, CacheDelete, 0, -1, -1, TTLNone),
	"(*github.com/coocood/freecache.Cache).Touch": op(LibFreeCache, CacheExpire, 0, -1, 1, TTLSecondsZeroNever),
	"(*github.com/coocood/freecache.Cache).Clear": op(LibFreeCache, CacheFlush, -1, -1, -1, TTLNone),

	// golang-lru v2: entries leave by size only.
	"(*github.com/hashicorp/golang-lru/v2.Cache[K, V]).Add":            op(LibLRU, CacheWrite, 0, 1, -1, TTLNone),
	"(*github.com/hashicorp/golang-lru/v2.Cache[K, V]).ContainsOrAdd":  op(LibLRU, CacheWrite, 0, 1, -1, TTLNone),
	"(*github.com/hashicorp/golang-lru/v2.Cache[K, V]).PeekOrAdd":      op(LibLRU, CacheWrite, 0, 1, -1, TTLNone),
	"(*github.com/hashicorp/golang-lru/v2.Cache[K, V]).Remove":         op(LibLRU, CacheDelete, 0, -1, -1, TTLNone),
	"(*github.com/hashicorp/golang-lru/v2.Cache[K, V]).Purge":          op(LibLRU, CacheFlush, -1, -1, -1, TTLNone),
	"(*github.com/hashicorp/golang-lru/v2.TwoQueueCache[K, V]).Add":    op(LibLRU, CacheWrite, 0, 1, -1, TTLNone),
	"(*github.com/hashicorp/golang-lru/v2.TwoQueueCache[K, V]).Remove": op(LibLRU, CacheDelete, 0, -1, -1, TTLNone),
	"(*github.com/hashicorp/golang-lru/v2.TwoQueueCache[K, V]).Purge":  op(LibLRU, CacheFlush, -1, -1, -1, TTLNone),

	// gcache: Set takes the builder's Expiration, which may be none.
	"(github.com/bluele/gcache.Cache).Set":           op(LibGCache, CacheWrite, 0, 1, -1, TTLDefault),
	"(github.com/bluele/gcache.Cache).SetWithExpire": op(LibGCache, CacheWrite, 0, 1, 2, TTLAlways),
	"(github.com/bluele/gcache.Cache).Remove":        op(LibGCache, CacheDelete, 0, -1, -1, TTLNone),
	"(github.com/bluele/gcache.Cache).Purge":         op(LibGCache, CacheFlush, -1, -1, -1, TTLNone),

	// ttlcache v3.
	"(*github.com/jellydator/ttlcache/v3.Cache[K, V]).Set":          op(LibTTLCache, CacheWrite, 0, 1, 2, TTLMinusOneNever),
	"(*github.com/jellydator/ttlcache/v3.Cache[K, V]).GetOrSet":     op(LibTTLCache, CacheWrite, 0, 1, -1, TTLDefault),
	"(*github.com/jellydator/ttlcache/v3.Cache[K, V]).Delete":       op(LibTTLCache, CacheDelete, 0, -1, -1, TTLNone),
	"(*github.com/jellydator/ttlcache/v3.Cache[K, V]).GetAndDelete": op(LibTTLCache, CacheDelete, 0, -1, -1, TTLNone),
	"(*github.com/jellydator/ttlcache/v3.Cache[K, V]).DeleteAll":    op(LibTTLCache, CacheFlush, -1, -1, -1, TTLNone),

	// sync.Map, when a package-level variable or a struct field holds it.
	"(*sync.Map).Store":            held(op(LibSyncMap, CacheWrite, 0, 1, -1, TTLNone)),
	"(*sync.Map).LoadOrStore":      held(op(LibSyncMap, CacheWrite, 0, 1, -1, TTLNone)),
	"(*sync.Map).Swap":             held(op(LibSyncMap, CacheWrite, 0, 1, -1, TTLNone)),
	"(*sync.Map).CompareAndSwap":   held(op(LibSyncMap, CacheWrite, 0, 2, -1, TTLNone)),
	"(*sync.Map).Delete":           held(op(LibSyncMap, CacheDelete, 0, -1, -1, TTLNone)),
	"(*sync.Map).LoadAndDelete":    held(op(LibSyncMap, CacheDelete, 0, -1, -1, TTLNone)),
	"(*sync.Map).CompareAndDelete": held(op(LibSyncMap, CacheDelete, 0, -1, -1, TTLNone)),
	"(*sync.Map).Clear":            held(op(LibSyncMap, CacheFlush, -1, -1, -1, TTLNone)),
})

func held(o CacheOp) CacheOp { o.Held = true; return o }

func loader(o CacheOp) CacheOp { o.Loader = true; return o }

// lcwOps are go-pkgz/lcw's loading caches (v1 and v2): Get(key, fn)
// stores what fn loads on a miss. An LruCache keeps it until evicted by
// size, an ExpirableCache for its TTL; through the LoadingCache
// interface, the lifetime is the implementation's.
func withLCW(out map[string]CacheOp) map[string]CacheOp {
	for _, pkg := range []string{LCW, LCW2} {
		tp := ""
		if pkg == LCW2 {
			tp = "[V]"
		}
		for typ, mode := range map[string]TTLMode{"(*" + pkg + ".LruCache" + tp + ")": TTLNone, "(*" + pkg + ".ExpirableCache" + tp + ")": TTLDefault, "(" + pkg + ".LoadingCache" + tp + ")": TTLDefault} {
			out[typ+".Get"] = loader(op(LibLCW, CacheWrite, 0, 1, -1, mode))
			out[typ+".Delete"] = op(LibLCW, CacheDelete, 0, -1, -1, TTLNone)
			out[typ+".Invalidate"] = op(LibLCW, CacheDelete, -1, -1, -1, TTLNone)
			out[typ+".Purge"] = op(LibLCW, CacheFlush, -1, -1, -1, TTLNone)
		}
	}
	return out
}

// redisOps are go-redis (v9 and v8) commands by name; the receiver's type
// decides whether a method is a command (isRedisCommandSet, or a
// pipeline, whose queued commands run at Exec). Commands not listed here
// (Incr, LPush, SAdd, ZAdd...) are not followed: counters and queues are
// not caches of rows.
var redisOps = map[string]CacheOp{
	"Set":           op(LibRedis, CacheWrite, 1, 2, 3, TTLZeroNever),
	"SetNX":         op(LibRedis, CacheWrite, 1, 2, 3, TTLZeroNever),
	"SetXX":         op(LibRedis, CacheWrite, 1, 2, 3, TTLZeroNever),
	"SetEx":         op(LibRedis, CacheWrite, 1, 2, 3, TTLZeroNever),
	"SetArgs":       op(LibRedis, CacheWrite, 1, 2, 3, TTLSetArgs),
	"GetSet":        op(LibRedis, CacheWrite, 1, 2, -1, TTLNone),
	"HSet":          op(LibRedis, CacheWrite, 1, 2, -1, TTLNone),
	"HMSet":         op(LibRedis, CacheWrite, 1, 2, -1, TTLNone),
	"HSetNX":        op(LibRedis, CacheWrite, 1, 3, -1, TTLNone),
	"MSet":          {Lib: LibRedis, Kind: CacheWrite, Key: 1, Pairs: true, Value: 1, TTL: -1, Mode: TTLNone},
	"MSetNX":        {Lib: LibRedis, Kind: CacheWrite, Key: 1, Pairs: true, Value: 1, TTL: -1, Mode: TTLNone},
	"Expire":        op(LibRedis, CacheExpire, 1, -1, 2, TTLZeroNever),
	"ExpireNX":      op(LibRedis, CacheExpire, 1, -1, 2, TTLZeroNever),
	"ExpireXX":      op(LibRedis, CacheExpire, 1, -1, 2, TTLZeroNever),
	"ExpireGT":      op(LibRedis, CacheExpire, 1, -1, 2, TTLZeroNever),
	"ExpireLT":      op(LibRedis, CacheExpire, 1, -1, 2, TTLZeroNever),
	"PExpire":       op(LibRedis, CacheExpire, 1, -1, 2, TTLZeroNever),
	"ExpireAt":      op(LibRedis, CacheExpire, 1, -1, -1, TTLAt),
	"PExpireAt":     op(LibRedis, CacheExpire, 1, -1, -1, TTLAt),
	"GetEx":         op(LibRedis, CacheExpire, 1, -1, 2, TTLZeroNever),
	"Persist":       op(LibRedis, CachePersist, 1, -1, -1, TTLNone),
	"Del":           {Lib: LibRedis, Kind: CacheDelete, Key: 1, Keys: true, Value: -1, TTL: -1},
	"Unlink":        {Lib: LibRedis, Kind: CacheDelete, Key: 1, Keys: true, Value: -1, TTL: -1},
	"GetDel":        op(LibRedis, CacheDelete, 1, -1, -1, TTLNone),
	"FlushDB":       op(LibRedis, CacheFlush, -1, -1, -1, TTLNone),
	"FlushDBAsync":  op(LibRedis, CacheFlush, -1, -1, -1, TTLNone),
	"FlushAll":      op(LibRedis, CacheFlush, -1, -1, -1, TTLNone),
	"FlushAllAsync": op(LibRedis, CacheFlush, -1, -1, -1, TTLNone),
	"Eval":          {Lib: LibRedis, Kind: CacheScript, Key: 2, Keys: true, Value: -1, TTL: -1},
	"EvalSha":       {Lib: LibRedis, Kind: CacheScript, Key: 2, Keys: true, Value: -1, TTL: -1},
	"FCall":         {Lib: LibRedis, Kind: CacheScript, Key: 2, Keys: true, Value: -1, TTL: -1},
}

// redisScriptOps are the methods of *redis.Script that run it on keys;
// the read-only variants (EvalRO, RunRO) are left out.
var redisScriptOps = map[string]CacheOp{
	"Eval":    {Lib: LibRedis, Kind: CacheScript, Key: 2, Keys: true, Value: -1, TTL: -1},
	"EvalSha": {Lib: LibRedis, Kind: CacheScript, Key: 2, Keys: true, Value: -1, TTL: -1},
	"Run":     {Lib: LibRedis, Kind: CacheScript, Key: 2, Keys: true, Value: -1, TTL: -1},
}

// LookupCacheOp returns what a call of fn does to cache keys, if fn is a
// cache command the tables know.
func LookupCacheOp(fn *types.Func) (CacheOp, bool) {
	if fn == nil || fn.Pkg() == nil {
		return CacheOp{}, false
	}
	fn = fn.Origin()
	switch fn.Pkg().Path() {
	case Redis9, Redis8:
		sig, ok := fn.Type().(*types.Signature)
		if !ok || sig.Recv() == nil {
			return CacheOp{}, false
		}
		owner := typeNameIn(sig.Recv().Type(), fn.Pkg().Path())
		if owner == "Script" {
			o, ok := redisScriptOps[fn.Name()]
			return o, ok
		}
		if !isRedisCommandSet(owner) && owner != "Pipeliner" && owner != "Pipeline" {
			return CacheOp{}, false
		}
		o, ok := redisOps[fn.Name()]
		return o, ok
	}
	o, ok := cacheOps[FuncKey(fn)]
	return o, ok
}

// CacheOpNames returns the non-Redis names the tables list, for tests
// that check them against the real libraries.
func CacheOpNames() []string {
	names := make([]string, 0, len(cacheOps))
	for k := range cacheOps {
		names = append(names, k)
	}
	return names
}

// A CacheWindow is a call or a configuration field that sets the
// lifetime of every entry of an in-process cache.
type CacheWindow struct {
	Lib Lib
	Arg int // the argument holding the lifetime, a time.Duration; a negative one never expires
}

// CacheWindows are the constructors that set a cache-wide lifetime, by
// FuncKey.
var CacheWindows = map[string]CacheWindow{
	"github.com/hashicorp/golang-lru/v2/expirable.NewLRU": {Lib: LibLRU, Arg: 2},
	"github.com/allegro/bigcache/v3.DefaultConfig":        {Lib: LibBigCache, Arg: 0},
	"github.com/patrickmn/go-cache.New":                   {Lib: LibGoCache, Arg: 0},
	"github.com/jellydator/ttlcache/v3.WithTTL":           {Lib: LibTTLCache, Arg: 0},
	"(*github.com/bluele/gcache.CacheBuilder).Expiration": {Lib: LibGCache, Arg: 0},
	"(*github.com/go-pkgz/lcw/v2.WorkerOptions[T]).TTL":   {Lib: LibLCW, Arg: 0},
	"github.com/go-pkgz/lcw.TTL":                          {Lib: LibLCW, Arg: 0},
}

// CacheWindowFields are configuration struct fields that set a
// cache-wide lifetime: type, then field.
var CacheWindowFields = map[TypeRef]string{
	{BigCache3, "Config"}: "LifeWindow",
}

// rueidis builds a command with a chain of typed calls that starts at a
// method of cmds.Builder naming the command and ends in Build():
// client.B().Set().Key(k).Value(v).Ex(time.Minute).Build().

// RueidisCommands are the commands of rueidis's builder that cacheinval
// follows, by the Builder method that starts their chain.
var RueidisCommands = map[string]CacheOpKind{
	"Set": CacheWrite, "Setex": CacheWrite, "Hset": CacheWrite,
	"Del": CacheDelete, "Unlink": CacheDelete, "Getdel": CacheDelete,
	"Expire": CacheExpire, "Persist": CachePersist,
	"Flushdb": CacheFlush, "Flushall": CacheFlush,
}

// A RueidisTTL says how a chain method of rueidis sets an expiry: the
// unit of its argument (a time.Duration is 1), or that it sets an
// absolute time or keeps the key's expiry (Unit 0).
type RueidisTTL struct{ Unit int64 }

// RueidisTTLs are the chain methods that set a command's expiry.
var RueidisTTLs = map[string]RueidisTTL{
	"Ex": {1}, "Px": {1}, "ExSeconds": {1e9}, "PxMilliseconds": {1e6}, "Seconds": {1e9},
	"Exat": {}, "Pxat": {}, "ExatTimestamp": {}, "PxatMillisecondsTimestamp": {}, "Keepttl": {},
}
