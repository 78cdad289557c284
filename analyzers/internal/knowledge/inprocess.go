package knowledge

// This file describes in-process caches: ristretto, go-cache, golang-lru
// (and its expirable LRU), bigcache, freecache, gcache, ttlcache, lcw,
// and sync.Map held as a cache. It says what their calls do to keys and
// which constructors and settings give every entry a lifetime; cacheinval
// reads it (through LookupCacheOp, CacheWindows and CacheWindowFields).

// Package paths.
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

// Library families; Go maps used as caches are LibMap.
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

// inProcessOps are the in-process caches' operations, by FuncKey.
var inProcessOps = withLCW(map[string]CacheOp{
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
