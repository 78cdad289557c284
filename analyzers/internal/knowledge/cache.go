package knowledge

import (
	"go/types"
	"strings"
)

// This file describes the calls that send a command to a key-value cache:
// go-redis (v9 and v8) and gomemcache.

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
