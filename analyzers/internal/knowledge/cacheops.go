package knowledge

import (
	"go/types"
)

// This file is the model of what a cache call does to keys, for the
// cacheinval analyzer: which argument is the key, which the value, which
// the TTL, and whether the call writes, deletes, expires or persists
// keys. The tables that fill it are by domain: redis.go (go-redis, whose
// commands are recognised by receiver type, and gomemcache) and
// inprocess.go (in-process caches, keyed by FuncKey).

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

func held(o CacheOp) CacheOp { o.Held = true; return o }

func loader(o CacheOp) CacheOp { o.Loader = true; return o }

// cacheOps are the non-Redis operations, by FuncKey.
var cacheOps = buildTable(memcacheOps, inProcessOps)

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

// Structr is gotosocial's generic struct cache.
const Structr = "codeberg.org/gruf/go-structr"

// missLoaders are the caches, beside CacheOps' loaders, that call a
// function argument only when they miss the key they are given and keep
// what it returns (go-structr's LoadOne and Load, under gotosocial's
// database caches), by types.Func.FullName: the argument's index.
var missLoaders = map[string]int{
	"(*" + Structr + ".Cache[T]).LoadOne": 2,
	"(*" + Structr + ".Cache[T]).Load":    2,
}

// MissLoader returns the index of the function argument that fn calls only
// on a miss of its cache (a read-through: lcw's Get(key, fn), structr's
// LoadOne(index, key, load)); the cache then holds what it loaded.
func MissLoader(fn *types.Func) (int, bool) {
	if fn == nil || fn.Pkg() == nil {
		return 0, false
	}
	if i, ok := missLoaders[fn.Origin().FullName()]; ok {
		return i, true
	}
	if op, ok := LookupCacheOp(fn); ok && op.Loader && op.Lib.InProcess() {
		return op.Value, true
	}
	return 0, false
}
