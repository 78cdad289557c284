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
)

// More cache library families.
const (
	LibRistretto Lib = "ristretto"
	LibGoCache   Lib = "go-cache"
	LibLRU       Lib = "golang-lru"
	LibBigCache  Lib = "bigcache"
	LibFreeCache Lib = "freecache"
)

// Rueidis is the rueidis client; RueidisCmds its command builders, which
// client.B() returns.
const (
	Rueidis     = "github.com/redis/rueidis"
	RueidisCmds = "github.com/redis/rueidis/internal/cmds"
)

// CachePackages are the packages whose calls cacheinval reads.
var CachePackages = []string{Redis9, Redis8, Memcache, Ristretto2, GoCache, LRUExpiring, BigCache3, FreeCache, Rueidis}

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
}

func op(lib Lib, kind CacheOpKind, key, value, ttl int, mode TTLMode) CacheOp {
	return CacheOp{Lib: lib, Kind: kind, Key: key, Value: value, TTL: ttl, Mode: mode}
}

// cacheOps are the non-Redis operations, by FuncKey.
var cacheOps = map[string]CacheOp{
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
