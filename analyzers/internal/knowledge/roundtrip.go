package knowledge

import (
	"go/types"
	"strings"
	"sync"
)

// This file is the model of a round trip: a call that sends a database
// query or a cache command to a server and waits for the answer. The
// tables that fill it are by domain: sql.go (database/sql, sqlx, pgx),
// orm.go (GORM, bun, ent, xorm, gorp, beego, pop) and redis.go (go-redis,
// gomemcache). Builders that only assemble a query (GORM's Where, bun's
// NewSelect, pgx's Batch.Queue) are not round trips: what matters to an
// analyzer is where the query leaves the process.
//
// Read by nplusone (what a loop must not call per element), budget (what
// an endpoint's latency is made of), pagesize (which reads return rows)
// and cacheinval (which tables a function reads and changes), through
// LookupRoundTrip; by timeouts (which packages do outbound work); and by
// all of these and limits, through IsDescribed (a library's own code is
// not the program's).

// A Lib is a family of database or cache client libraries, as findings
// name it and as fix advice is chosen for it. Each domain file declares
// its families.
type Lib string

// LibPlan is a function the plan declares under queries:.
const LibPlan Lib = "plan"

// IsCache reports whether the library is a key-value cache client.
func (l Lib) IsCache() bool { return l == LibRedis || l == LibMemcache }

// A Kind says whether a round trip reads or writes.
type Kind uint8

// Kinds of round trips.
const (
	Read Kind = 1 + iota
	Write
)

func (k Kind) String() string {
	switch k {
	case Read:
		return "read"
	case Write:
		return "write"
	}
	return "?"
}

// A RoundTrip describes a call that sends a query or a cache command to a
// server and waits for the answer.
type RoundTrip struct {
	Lib  Lib
	Kind Kind
	// SQL: the call takes the text of a SQL statement, its first string
	// parameter (SQLArg); the statement's verb then decides Kind.
	SQL bool
	// Batch: one call carries many statements, rows or keys (SendBatch,
	// CopyFrom, CreateInBatches, MGet, GetMulti). Batching calls are the
	// cure for per-element round trips; a loop over chunks that makes one
	// per chunk is fine.
	Batch bool
	// Tx: the call begins, commits or rolls back a transaction.
	Tx bool
}

// SQLArg returns the index among a call's arguments (the receiver not
// counted) of the SQL text of a round trip whose SQL is set: the first
// parameter of type string. It returns -1 if there is none.
func (rt RoundTrip) SQLArg(fn *types.Func) int {
	if !rt.SQL || fn == nil {
		return -1
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return -1
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if b, ok := sig.Params().At(i).Type().(*types.Basic); ok && b.Kind() == types.String {
			return i
		}
	}
	return -1
}

// LookupRoundTrip returns what a call of fn does, if it is a database query
// or a cache command. recv is the static type of the receiver expression
// at the call site, or nil if unknown: it tells a Redis command sent at
// once from one queued on a pipeline.
func LookupRoundTrip(fn *types.Func, recv types.Type) (RoundTrip, bool) {
	if fn == nil || fn.Pkg() == nil {
		return RoundTrip{}, false
	}
	fn = fn.Origin()
	if rt, ok := dbRoundTrips[FuncKey(fn)]; ok {
		return rt, true
	}
	return lookupCache(fn, recv)
}

// dbRoundTrips maps types.Func.FullName to the round trip the call makes.
var dbRoundTrips = buildTable(append(append(sqlRoundTrips, ormRoundTrips...), dynamoDBRoundTrips...)...)

// DatabasePackages are the packages whose calls run database queries.
var DatabasePackages = []string{SQL, SQLX, PGX5, PGX5Pool, PGX5Conn, PGX4, PGX4Pool, GORM, Bun, EntSQL}

// IsDatabasePackage reports whether path is a database client package.
func IsDatabasePackage(path string) bool { return contains(DatabasePackages, path) }

// IsOutboundPackage reports whether calls into path do network work on the
// caller's behalf that a context should bound: databases, Redis, HTTP
// clients and gRPC.
func IsOutboundPackage(path string) bool {
	return IsDatabasePackage(path) || IsRedisPackage(path) || path == NetHTTP || path == GRPC || strings.HasPrefix(path, GRPC+"/")
}

// describedModules are the module path prefixes of the libraries the
// tables describe, and of dataloaders, which batch by design. Analyzers
// take their entry points from the tables and neither compute nor use
// facts about their internals: a library's plumbing (a pool that pings, a
// migration helper that loops) is not the caller's code path.
var describedModules = []string{
	"database/sql",
	"github.com/jmoiron/sqlx",
	"github.com/jackc/pgx/",
	"github.com/jackc/pgconn",
	"gorm.io/",
	"github.com/uptrace/bun",
	"entgo.io/ent",
	"xorm.io/",
	"github.com/go-xorm/",
	"github.com/xorm-io/",
	"github.com/go-gorp/gorp",
	"github.com/beego/beego/",
	"github.com/redis/go-redis/",
	"github.com/go-redis/redis/",
	"github.com/bradfitz/gomemcache",
	"github.com/graph-gophers/dataloader",
	"github.com/vikstrous/dataloadgen",
	DynamoDB,
}

// IsDescribed reports whether a package belongs to a database, cache or
// dataloader library that the knowledge tables describe.
func IsDescribed(pkgPath string) bool {
	// Asked for every call the analyzers follow: the scan of the
	// modules' prefixes is done once per package path.
	if v, ok := described.Load(pkgPath); ok {
		return v.(bool)
	}
	v := isDescribed(pkgPath)
	described.Store(pkgPath, v)
	return v
}

// described memoises IsDescribed by package path.
var described sync.Map

func isDescribed(pkgPath string) bool {
	for _, m := range describedModules {
		if prefix, ok := strings.CutSuffix(m, "/"); ok {
			if pkgPath == prefix || strings.HasPrefix(pkgPath, m) {
				return true
			}
		} else if pkgPath == m || strings.HasPrefix(pkgPath, m+"/") {
			return true
		}
	}
	return false
}

// RoundTripPackages are the packages whose calls may be round trips: a
// package that imports none of them, directly or not, cannot make one.
var RoundTripPackages = []string{
	SQL, SQLX, PGX5, PGX5Pool, PGX5Conn, PGX4, PGX4Pool, GORM, Bun, "entgo.io/ent", "entgo.io/ent/dialect", EntSQL,
	"entgo.io/ent/dialect/sql/sqlgraph", "xorm.io/xorm", "github.com/go-xorm/xorm", "github.com/xorm-io/xorm", "github.com/go-gorp/gorp/v3",
	"github.com/beego/beego/v2/client/orm", Redis9, Redis8, Memcache, DynamoDB,
}

// Implementations are the library types whose methods are round trips
// and that a program's own interfaces often abstract (sqlc's DBTX over
// *sql.DB and pgx, a Querier over *sqlx.DB, a cache interface over
// *redis.Client): a call through such an interface may reach them.
var Implementations = []TypeRef{
	{SQL, "DB"}, {SQL, "Tx"}, {SQL, "Conn"}, {SQL, "Stmt"},
	{SQLX, "DB"}, {SQLX, "Tx"}, {SQLX, "Conn"},
	{PGX5, "Conn"}, {PGX5, "Tx"}, {PGX5Pool, "Pool"}, {PGX5Pool, "Conn"}, {PGX5Pool, "Tx"},
	{PGX4, "Conn"}, {PGX4, "Tx"}, {PGX4Pool, "Pool"}, {PGX4Pool, "Conn"},
	{GORM, "DB"}, {Bun, "DB"}, {Bun, "Tx"}, {Bun, "Conn"},
	{"entgo.io/ent/dialect", "Driver"}, {EntSQL, "Driver"}, {EntSQL, "Tx"},
	{"xorm.io/xorm", "Engine"}, {"xorm.io/xorm", "Session"},
	{"github.com/go-gorp/gorp/v3", "DbMap"}, {"github.com/go-gorp/gorp/v3", "Transaction"},
	{Redis9, "Client"}, {Redis9, "ClusterClient"}, {Redis9, "Ring"}, {Redis9, "UniversalClient"},
	{Redis8, "Client"}, {Redis8, "ClusterClient"}, {Redis8, "Ring"}, {Redis8, "UniversalClient"},
	{Memcache, "Client"},
	{DynamoDB, "Client"},
}

// RoundTripNames returns the names the tables list, for tests that check
// them against the real libraries.
func RoundTripNames() []string {
	names := make([]string, 0, len(dbRoundTrips)+len(memcacheRoundTrips))
	for k := range dbRoundTrips {
		names = append(names, k)
	}
	for k := range memcacheRoundTrips {
		names = append(names, k)
	}
	return names
}

// ---- table construction ----

type entry struct {
	names []string
	rt    RoundTrip
}

func read(names ...string) entry     { return entry{names, RoundTrip{Kind: Read}} }
func write(names ...string) entry    { return entry{names, RoundTrip{Kind: Write}} }
func sqlRead(names ...string) entry  { return entry{names, RoundTrip{Kind: Read, SQL: true}} }
func sqlWrite(names ...string) entry { return entry{names, RoundTrip{Kind: Write, SQL: true}} }
func tx(names ...string) entry       { return entry{names, RoundTrip{Kind: Write, Tx: true}} }
func batch(k Kind, names ...string) entry {
	return entry{names, RoundTrip{Kind: k, Batch: true}}
}

type group map[string]RoundTrip

// methods lists methods of the receivers ("(*pkg.T)" or "(pkg.I)").
func methods(lib Lib, recvs []string, entries ...entry) group {
	g := make(group)
	for _, r := range recvs {
		for _, e := range entries {
			for _, n := range e.names {
				rt := e.rt
				rt.Lib = lib
				g[r+"."+n] = rt
			}
		}
	}
	return g
}

// functions lists package-level functions of pkg.
func functions(lib Lib, pkg string, entries ...entry) group {
	g := make(group)
	for _, e := range entries {
		for _, n := range e.names {
			rt := e.rt
			rt.Lib = lib
			g[pkg+"."+n] = rt
		}
	}
	return g
}

// buildTable merges tables into one; a later table's entry wins.
func buildTable[M ~map[string]V, V any](tables ...M) map[string]V {
	t := make(map[string]V)
	for _, g := range tables {
		for k, v := range g {
			t[k] = v
		}
	}
	return t
}
