package knowledge

import (
	"go/types"
	"strings"
)

// This file describes the key-value stores a service talks to over the
// network: go-redis (v9 and v8), rueidis and gomemcache. It says which
// calls are commands, read or write (nplusone, budget, cacheinval,
// through LookupRoundTrip), what a command does to its keys (cacheinval,
// through LookupCacheOp, and rueidis's builder chains), which commands
// list keys (cacheinval's deletes by prefix), and which options disable
// a client's timeouts (timeouts).

// Package paths. RueidisCmds holds rueidis's command builders, which
// client.B() returns.
const (
	Redis9      = "github.com/redis/go-redis/v9"
	Redis8      = "github.com/go-redis/redis/v8"
	Memcache    = "github.com/bradfitz/gomemcache/memcache"
	Rueidis     = "github.com/redis/rueidis"
	RueidisCmds = "github.com/redis/rueidis/internal/cmds"
)

// Library families.
const (
	LibRedis    Lib = "redis"
	LibMemcache Lib = "memcache"
	LibRueidis  Lib = "rueidis"
)

// RedisPackages are the Redis client packages.
var RedisPackages = []string{Redis9, Redis8}

// IsRedisPackage reports whether path is a Redis client package.
func IsRedisPackage(path string) bool { return contains(RedisPackages, path) }

// ---- round trips ----

// lookupCache returns the round trip of a go-redis or gomemcache call.
func lookupCache(fn *types.Func, recv types.Type) (RoundTrip, bool) {
	switch fn.Pkg().Path() {
	case Memcache:
		rt, ok := memcacheRoundTrips[fn.FullName()]
		return rt, ok
	case Redis9, Redis8:
		return lookupRedis(fn, recv)
	}
	return RoundTrip{}, false
}

// memcacheRoundTrips are gomemcache's commands. GetMulti fetches many
// keys in one round trip; gomemcache has no batched write.
var memcacheRoundTrips = buildTable(
	methods(LibMemcache, []string{"(*github.com/bradfitz/gomemcache/memcache.Client)"},
		read("Get", "Touch", "GetAndTouch"),
		write("Set", "Add", "Replace", "Append", "Prepend", "CompareAndSwap", "Delete", "DeleteAll", "Increment", "Decrement", "FlushAll"),
		batch(Read, "GetMulti")),
)

// lookupRedis recognises a go-redis command by type: a method of the
// command sets (cmdable, statefulCmdable, and the Cmdable interfaces that
// clients, rings, cluster clients and UniversalClient implement) that
// returns one of the package's *...Cmd results, or a pipeline's Exec. A
// command called on a pipeline (Pipeliner, *Pipeline, *AutoPipeliner) is
// queued, not sent: the round trip is the pipeline's Exec.
func lookupRedis(fn *types.Func, recv types.Type) (RoundTrip, bool) {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return RoundTrip{}, false
	}
	owner := typeNameIn(sig.Recv().Type(), fn.Pkg().Path())
	name := fn.Name()
	if name == "Exec" && (owner == "Pipeliner" || owner == "Pipeline") {
		return RoundTrip{Lib: LibRedis, Kind: Write, Batch: true}, true
	}
	if !isRedisCommandSet(owner) || isRedisPipeline(recv, fn.Pkg().Path()) {
		return RoundTrip{}, false
	}
	switch name {
	case "Pipeline", "TxPipeline":
		return RoundTrip{}, false
	case "Pipelined":
		return RoundTrip{Lib: LibRedis, Kind: Read, Batch: true}, true
	case "TxPipelined":
		return RoundTrip{Lib: LibRedis, Kind: Write, Batch: true, Tx: true}, true
	case "Watch":
		return RoundTrip{Lib: LibRedis, Kind: Write, Tx: true}, true
	}
	if !returnsRedisCmd(sig, fn.Pkg().Path()) && (name != "Process" || !returnsError(sig)) {
		return RoundTrip{}, false
	}
	rt := RoundTrip{Lib: LibRedis, Kind: Read, Batch: redisMultiKey[name]}
	if isRedisWrite(name) {
		rt.Kind = Write
	}
	return rt, true
}

// isRedisCommandSet accepts the types whose methods are Redis commands.
func isRedisCommandSet(owner string) bool {
	switch owner {
	case "cmdable", "statefulCmdable", "UniversalClient", "Client", "ClusterClient", "Ring", "Conn", "Tx", "SentinelClient":
		return true
	}
	return strings.HasSuffix(owner, "Cmdable")
}

// isRedisPipeline reports whether the receiver of a command queues it.
func isRedisPipeline(recv types.Type, pkg string) bool {
	if recv == nil {
		return false
	}
	switch typeNameIn(recv, pkg) {
	case "Pipeliner", "Pipeline", "AutoPipeliner":
		return true
	}
	return false
}

// returnsRedisCmd reports whether a method returns exactly one result, a
// pointer to one of the package's command types (*StringCmd, *IntCmd...).
func returnsRedisCmd(sig *types.Signature, pkg string) bool {
	if sig.Results().Len() != 1 {
		return false
	}
	t := sig.Results().At(0).Type()
	if _, ok := types.Unalias(t).(*types.Pointer); !ok {
		return false
	}
	return strings.HasSuffix(typeNameIn(t, pkg), "Cmd")
}

func returnsError(sig *types.Signature) bool {
	if sig.Results().Len() != 1 {
		return false
	}
	named, ok := types.Unalias(sig.Results().At(0).Type()).(*types.Named)
	return ok && named.Obj().Pkg() == nil && named.Obj().Name() == "error"
}

// typeNameIn returns the name of a named type (or pointer to one) declared
// in package pkg, or "".
func typeNameIn(t types.Type, pkg string) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj() == nil || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != pkg {
		return ""
	}
	return n.Obj().Name()
}

// redisMultiKey are the commands that read or write many keys in one
// round trip.
var redisMultiKey = map[string]bool{
	"MGet": true, "MSet": true, "MSetNX": true, "Del": true, "Unlink": true, "Exists": true, "Touch": true,
}

// isRedisWrite reports whether a go-redis command changes data: a write,
// a delete or an expiry. Commands it does not list read.
func isRedisWrite(name string) bool {
	if strings.HasSuffix(name, "Time") || strings.HasSuffix(name, "TTL") {
		return false // ExpireTime, HPExpireTime, HTTL read an expiry
	}
	if redisWrites[name] {
		return true
	}
	for _, p := range redisWritePrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

var redisWrites = map[string]bool{
	"Del": true, "Unlink": true, "Persist": true, "Append": true, "Rename": true, "RenameNX": true,
	"Copy": true, "Move": true, "Restore": true, "RestoreReplace": true, "Publish": true, "SPublish": true,
	"GetSet": true, "GetDel": true, "GetEx": true, "LPop": true, "RPop": true, "LRem": true, "LTrim": true,
	"LInsert": true, "LInsertBefore": true, "LInsertAfter": true, "LMove": true, "BLMove": true, "RPopLPush": true,
	"BLPop": true, "BRPop": true, "BRPopLPush": true, "SPop": true, "SPopN": true, "SRem": true, "SMove": true,
	"SAdd": true, "ZAdd": true, "ZRem": true, "ZPopMax": true, "ZPopMin": true, "BZPopMax": true, "BZPopMin": true,
	"PFAdd": true, "PFMerge": true, "BitOpAnd": true, "BitOpOr": true, "BitOpXor": true, "BitOpNot": true,
	"FlushDB": true, "FlushDBAsync": true, "FlushAll": true, "FlushAllAsync": true,
	"Eval": true, "EvalSha": true, "FCall": true, "XAck": true, "XDel": true, "XClaim": true, "XAutoClaim": true,
}

// redisWritePrefixes name families of write commands: Set, SetEx, SetNX,
// HSet, HIncrBy, Expire, PExpireAt, LPush, ZIncrBy, XAdd...
var redisWritePrefixes = []string{
	"Set", "MSet", "HSet", "HMSet", "HDel", "HIncr", "HExpire", "HPExpire", "HPersist", "HGetDel", "HGetEx",
	"Incr", "Decr", "Expire", "PExpire", "LPush", "RPush", "LSet", "ZIncr", "ZRemRange", "ZInter", "ZUnion", "ZDiffStore",
	"SInterStore", "SUnionStore", "SDiffStore", "XAdd", "XTrim", "XGroup", "GeoAdd", "JSONSet", "JSONDel",
}

// ---- what commands do to keys ----

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
	"HDel":          op(LibRedis, CacheDelete, 1, -1, -1, TTLNone), // the hash's fields: the entry's data
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

// memcacheOps are gomemcache's operations, by FuncKey.
var memcacheOps = map[string]CacheOp{
	"(*github.com/bradfitz/gomemcache/memcache.Client).Set":            {Lib: LibMemcache, Kind: CacheWrite, Key: 0, Item: true, Value: 0, TTL: 0, Mode: TTLItem},
	"(*github.com/bradfitz/gomemcache/memcache.Client).Add":            {Lib: LibMemcache, Kind: CacheWrite, Key: 0, Item: true, Value: 0, TTL: 0, Mode: TTLItem},
	"(*github.com/bradfitz/gomemcache/memcache.Client).Replace":        {Lib: LibMemcache, Kind: CacheWrite, Key: 0, Item: true, Value: 0, TTL: 0, Mode: TTLItem},
	"(*github.com/bradfitz/gomemcache/memcache.Client).CompareAndSwap": {Lib: LibMemcache, Kind: CacheWrite, Key: 0, Item: true, Value: 0, TTL: 0, Mode: TTLItem},
	"(*github.com/bradfitz/gomemcache/memcache.Client).Delete":         op(LibMemcache, CacheDelete, 0, -1, -1, TTLNone),
	"(*github.com/bradfitz/gomemcache/memcache.Client).Touch":          op(LibMemcache, CacheExpire, 0, -1, 1, TTLSecondsZeroNever),
	"(*github.com/bradfitz/gomemcache/memcache.Client).GetAndTouch":    op(LibMemcache, CacheExpire, 0, -1, 1, TTLSecondsZeroNever),
	"(*github.com/bradfitz/gomemcache/memcache.Client).DeleteAll":      op(LibMemcache, CacheFlush, -1, -1, -1, TTLNone),
	"(*github.com/bradfitz/gomemcache/memcache.Client).FlushAll":       op(LibMemcache, CacheFlush, -1, -1, -1, TTLNone),
}

// RedisScanMatchArg is the argument (receiver not counted) of the
// go-redis commands that list keys, SCAN and KEYS, that holds the MATCH
// pattern of the keys they return.
var RedisScanMatchArg = map[string]int{
	"Scan": 2, // Scan(ctx, cursor, match, count)
	"Keys": 1, // Keys(ctx, pattern)
}

// RedisKeyResults are the result types of SCAN and KEYS (ScanCmd,
// StringSliceCmd), and RedisKeyResultMethods their methods that return
// the keys: Result and Val (keys, cursor[, err]).
var (
	RedisKeyResults       = map[string]bool{"ScanCmd": true, "StringSliceCmd": true}
	RedisKeyResultMethods = map[string]bool{"Result": true, "Val": true}
)

// IsRedisKeySpace reports whether a go-redis type runs commands on the
// key space (a client, its command set, a pipeline): its SCAN and KEYS
// list keys.
func IsRedisKeySpace(owner string) bool {
	switch owner {
	case "cmdable", "UniversalClient", "Client", "ClusterClient", "Ring", "Conn", "Tx", "Pipeliner", "Pipeline":
		return true
	}
	return strings.HasSuffix(owner, "Cmdable") // Cmdable, and v9's GenericCmdable that declares Keys and Scan
}

// ---- rueidis ----

// rueidis builds a command with a chain of typed calls that starts at a
// method of cmds.Builder naming the command and ends in Build():
// client.B().Set().Key(k).Value(v).Ex(time.Minute).Build().

// RueidisBuilder is the type of RueidisCmds whose methods start a
// command's chain, and RueidisBuild the chain method that ends it.
const (
	RueidisBuilder = "Builder"
	RueidisBuild   = "Build"
)

// RueidisCommands are the commands of rueidis's builder that cacheinval
// follows, by the Builder method that starts their chain.
var RueidisCommands = map[string]CacheOpKind{
	"Set": CacheWrite, "Setex": CacheWrite, "Hset": CacheWrite,
	"Del": CacheDelete, "Unlink": CacheDelete, "Getdel": CacheDelete,
	"Expire": CacheExpire, "Persist": CachePersist,
	"Flushdb": CacheFlush, "Flushall": CacheFlush,
}

// RueidisKeyArgs and RueidisValueArgs are the chain methods that give a
// command its keys (Key, variadic for Del and Unlink) and its value, with
// the argument's index (the receiver not counted): Hset's
// FieldValue(field, value) gives the value of a hash field.
var (
	RueidisKeyArgs   = map[string]int{"Key": 0}
	RueidisValueArgs = map[string]int{"Value": 0, "FieldValue": 1}
)

// A RueidisTTL says how a chain method of rueidis sets an expiry: the
// unit of its argument (a time.Duration is 1), or that it sets an
// absolute time or keeps the key's expiry (Unit 0).
type RueidisTTL struct{ Unit int64 }

// RueidisTTLs are the chain methods that set a command's expiry.
var RueidisTTLs = map[string]RueidisTTL{
	"Ex": {1}, "Px": {1}, "ExSeconds": {1e9}, "PxMilliseconds": {1e6}, "Seconds": {1e9},
	"Exat": {}, "Pxat": {}, "ExatTimestamp": {}, "PxatMillisecondsTimestamp": {}, "Keepttl": {},
}

// ---- client options ----

// RedisOptions are go-redis option types whose ReadTimeout and
// WriteTimeout a negative value disables (-1: block forever, -2: never set
// a deadline).
var RedisOptions = map[string]bool{
	"github.com/redis/go-redis/v9.Options":          true,
	"github.com/redis/go-redis/v9.ClusterOptions":   true,
	"github.com/redis/go-redis/v9.UniversalOptions": true,
	"github.com/redis/go-redis/v9.RingOptions":      true,
	"github.com/redis/go-redis/v9.FailoverOptions":  true,
	"github.com/go-redis/redis/v8.Options":          true,
	"github.com/go-redis/redis/v8.ClusterOptions":   true,
	"github.com/go-redis/redis/v8.UniversalOptions": true,
	"github.com/go-redis/redis/v8.RingOptions":      true,
	"github.com/go-redis/redis/v8.FailoverOptions":  true,
}
