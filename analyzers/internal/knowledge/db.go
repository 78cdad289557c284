package knowledge

import (
	"go/types"
	"strings"
	"sync"
)

// This file describes the calls that run a database query: one network
// round trip (or more) per call. Builders that only assemble a query
// (GORM's Where, bun's NewSelect, pgx's Batch.Queue) are not in it: what
// matters to an analyzer is where the query leaves the process.

// A Lib is a family of database or cache client libraries, as findings
// name it and as fix advice is chosen for it.
type Lib string

// Library families.
const (
	LibSQL      Lib = "database/sql"
	LibSQLX     Lib = "sqlx"
	LibPGX      Lib = "pgx"
	LibGORM     Lib = "gorm"
	LibBun      Lib = "bun"
	LibEnt      Lib = "ent"
	LibXORM     Lib = "xorm"
	LibGorp     Lib = "gorp"
	LibBeego    Lib = "beego"
	LibPop      Lib = "pop"
	LibRedis    Lib = "redis"
	LibMemcache Lib = "memcache"
	// LibPlan is a function the plan declares under queries:.
	LibPlan Lib = "plan"
)

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

// FuncKey returns the name the tables use for a function: its
// types.Func.FullName, except that a method of a generic type names its
// receiver with the type parameters alone, "(gorm.io/gorm.ExecInterface[T]).First",
// however go/types would print their constraints.
func FuncKey(fn *types.Func) string {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return fn.FullName()
	}
	t := sig.Recv().Type()
	ptr := ""
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t, ptr = p.Elem(), "*"
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return fn.FullName()
	}
	named = named.Origin()
	name := named.Obj().Pkg().Path() + "." + named.Obj().Name()
	if tps := named.TypeParams(); tps.Len() > 0 {
		params := make([]string, tps.Len())
		for i := range params {
			params[i] = tps.At(i).Obj().Name()
		}
		name += "[" + strings.Join(params, ", ") + "]"
	}
	return "(" + ptr + name + ")." + fn.Name()
}

// dbRoundTrips maps types.Func.FullName to the round trip the call makes.
var dbRoundTrips = buildTable(
	// database/sql. Rows.Next and Scan stream a result already asked for.
	methods(LibSQL, []string{"(*database/sql.DB)", "(*database/sql.Tx)"},
		sqlRead("Query", "QueryContext", "QueryRow", "QueryRowContext", "Prepare", "PrepareContext"),
		sqlWrite("Exec", "ExecContext")),
	methods(LibSQL, []string{"(*database/sql.Conn)"},
		sqlRead("QueryContext", "QueryRowContext", "PrepareContext"),
		sqlWrite("ExecContext"),
		tx("BeginTx")),
	methods(LibSQL, []string{"(*database/sql.DB)"}, tx("Begin", "BeginTx")),
	methods(LibSQL, []string{"(*database/sql.Tx)", "(database/sql/driver.Tx)"}, tx("Commit", "Rollback")),
	methods(LibSQL, []string{"(*database/sql.Stmt)"},
		read("Query", "QueryContext", "QueryRow", "QueryRowContext"),
		write("Exec", "ExecContext")),

	// sqlx: its DB, Tx and Conn embed database/sql's, whose methods keep
	// their database/sql names.
	methods(LibSQLX, []string{"(*github.com/jmoiron/sqlx.DB)", "(*github.com/jmoiron/sqlx.Tx)"},
		sqlRead("Get", "GetContext", "Select", "SelectContext", "Queryx", "QueryxContext", "QueryRowx", "QueryRowxContext",
			"NamedQuery", "Preparex", "PreparexContext", "PrepareNamed", "PrepareNamedContext"),
		sqlWrite("NamedExec", "NamedExecContext", "MustExec", "MustExecContext")),
	methods(LibSQLX, []string{"(*github.com/jmoiron/sqlx.DB)"}, sqlRead("NamedQueryContext")),
	methods(LibSQLX, []string{"(*github.com/jmoiron/sqlx.DB)"}, tx("Beginx", "BeginTxx", "MustBegin", "MustBeginTx")),
	methods(LibSQLX, []string{"(*github.com/jmoiron/sqlx.Conn)"},
		sqlRead("GetContext", "SelectContext", "QueryxContext", "QueryRowxContext", "PreparexContext"),
		tx("BeginTxx")),
	methods(LibSQLX, []string{"(*github.com/jmoiron/sqlx.Stmt)"},
		read("Get", "GetContext", "Select", "SelectContext", "Queryx", "QueryxContext", "QueryRowx", "QueryRowxContext"),
		write("MustExec", "MustExecContext")),
	methods(LibSQLX, []string{"(*github.com/jmoiron/sqlx.NamedStmt)"},
		read("Query", "QueryContext", "QueryRow", "QueryRowContext", "Queryx", "QueryxContext", "QueryRowx", "QueryRowxContext",
			"Get", "GetContext", "Select", "SelectContext"),
		write("Exec", "ExecContext", "MustExec", "MustExecContext")),
	functions(LibSQLX, "github.com/jmoiron/sqlx",
		sqlRead("Get", "GetContext", "Select", "SelectContext", "NamedQuery", "NamedQueryContext", "Preparex", "PreparexContext"),
		sqlWrite("NamedExec", "NamedExecContext", "MustExec", "MustExecContext")),

	// pgx v5 and v4: Conn, pool, pooled connection and transactions.
	methods(LibPGX, []string{
		"(*github.com/jackc/pgx/v5.Conn)", "(*github.com/jackc/pgx/v5/pgxpool.Pool)", "(*github.com/jackc/pgx/v5/pgxpool.Conn)",
		"(*github.com/jackc/pgx/v5/pgxpool.Tx)", "(github.com/jackc/pgx/v5.Tx)",
		"(*github.com/jackc/pgx/v4.Conn)", "(*github.com/jackc/pgx/v4/pgxpool.Pool)", "(*github.com/jackc/pgx/v4/pgxpool.Conn)",
		"(github.com/jackc/pgx/v4.Tx)",
	},
		sqlRead("Query", "QueryRow"),
		sqlWrite("Exec"),
		batch(Write, "CopyFrom"), batch(Read, "SendBatch"),
		tx("Begin")),
	methods(LibPGX, []string{"(*github.com/jackc/pgx/v5.Conn)", "(*github.com/jackc/pgx/v5/pgxpool.Tx)", "(github.com/jackc/pgx/v5.Tx)",
		"(*github.com/jackc/pgx/v4.Conn)", "(github.com/jackc/pgx/v4.Tx)"},
		sqlRead("Prepare")),
	methods(LibPGX, []string{"(*github.com/jackc/pgx/v5.Conn)", "(*github.com/jackc/pgx/v5/pgxpool.Pool)", "(*github.com/jackc/pgx/v5/pgxpool.Conn)",
		"(*github.com/jackc/pgx/v4.Conn)", "(*github.com/jackc/pgx/v4/pgxpool.Pool)", "(*github.com/jackc/pgx/v4/pgxpool.Conn)"},
		tx("BeginTx")),
	methods(LibPGX, []string{"(*github.com/jackc/pgx/v4.Conn)", "(*github.com/jackc/pgx/v4/pgxpool.Pool)", "(*github.com/jackc/pgx/v4/pgxpool.Conn)", "(github.com/jackc/pgx/v4.Tx)"},
		sqlRead("QueryFunc"), tx("BeginFunc")),
	methods(LibPGX, []string{"(*github.com/jackc/pgx/v4.Conn)", "(*github.com/jackc/pgx/v4/pgxpool.Pool)", "(*github.com/jackc/pgx/v4/pgxpool.Conn)"},
		tx("BeginTxFunc")),
	methods(LibPGX, []string{"(*github.com/jackc/pgx/v5/pgxpool.Tx)", "(github.com/jackc/pgx/v5.Tx)", "(github.com/jackc/pgx/v4.Tx)"},
		tx("Commit", "Rollback")),
	functions(LibPGX, "github.com/jackc/pgx/v5", tx("BeginFunc", "BeginTxFunc")),

	// pop (Ory's fork and gobuffalo's): Create and its siblings write one
	// row, through an INSERT ... RETURNING that sqlx's NamedQueryContext
	// runs; they are writes, not reads.
	methods(LibPop, []string{"(*github.com/ory/pop/v6.Connection)", "(*github.com/gobuffalo/pop/v6.Connection)"},
		write("Create", "ValidateAndCreate", "Update", "ValidateAndUpdate", "Save", "ValidateAndSave", "UpdateColumns", "Destroy")),

	// GORM v2: the finishers. Chain methods (Where, Preload, Joins, Limit,
	// Raw, Model, Session, WithContext...) only build the statement.
	methods(LibGORM, []string{"(*gorm.io/gorm.DB)"},
		read("First", "Take", "Last", "Find", "Scan", "Count", "Pluck", "Row", "Rows", "FirstOrInit"),
		write("Create", "Save", "Update", "Updates", "UpdateColumn", "UpdateColumns", "Delete", "FirstOrCreate"),
		sqlWrite("Exec"),
		batch(Read, "FindInBatches"), batch(Write, "CreateInBatches"),
		tx("Transaction", "Begin", "Commit", "Rollback", "SavePoint", "RollbackTo")),
	methods(LibGORM, []string{"(*gorm.io/gorm.Association)"},
		read("Find", "Count"),
		write("Append", "Replace", "Delete", "Clear")),
	// GORM's generics API (gorm.G[T](db)...), v1.30 and later.
	methods(LibGORM, []string{"(gorm.io/gorm.ExecInterface[T])"},
		read("Scan", "First", "Last", "Take", "Find", "Row", "Rows"),
		batch(Read, "FindInBatches")),
	methods(LibGORM, []string{"(gorm.io/gorm.CreateInterface[T])", "(gorm.io/gorm.ChainInterface[T])"},
		read("Count"),
		write("Delete", "Update", "Updates")),
	methods(LibGORM, []string{"(gorm.io/gorm.CreateInterface[T])"},
		write("Create"), batch(Write, "CreateInBatches")),
	methods(LibGORM, []string{"(gorm.io/gorm.Interface[T])"}, sqlWrite("Exec")),
	methods(LibGORM, []string{"(gorm.io/gorm.SetUpdateOnlyInterface[T])", "(gorm.io/gorm.SetCreateOrUpdateInterface[T])"},
		write("Update")),
	methods(LibGORM, []string{"(gorm.io/gorm.SetCreateOrUpdateInterface[T])"}, write("Create")),

	// bun: the query types' executors, and the DB, Conn and Tx methods
	// that take SQL text. NewSelect and friends only build.
	methods(LibBun, []string{"(*github.com/uptrace/bun.SelectQuery)"},
		read("Scan", "Count", "Exists", "ScanAndCount", "Rows"), write("Exec")),
	methods(LibBun, []string{
		"(*github.com/uptrace/bun.InsertQuery)", "(*github.com/uptrace/bun.UpdateQuery)",
		"(*github.com/uptrace/bun.DeleteQuery)", "(*github.com/uptrace/bun.MergeQuery)",
	}, write("Scan", "Exec")),
	methods(LibBun, []string{
		"(*github.com/uptrace/bun.CreateTableQuery)", "(*github.com/uptrace/bun.DropTableQuery)",
		"(*github.com/uptrace/bun.TruncateTableQuery)", "(*github.com/uptrace/bun.CreateIndexQuery)",
		"(*github.com/uptrace/bun.DropIndexQuery)", "(*github.com/uptrace/bun.AddColumnQuery)",
		"(*github.com/uptrace/bun.DropColumnQuery)",
	}, write("Exec")),
	methods(LibBun, []string{"(*github.com/uptrace/bun.RawQuery)"}, read("Scan"), write("Exec")),
	methods(LibBun, []string{"(*github.com/uptrace/bun.DB)", "(github.com/uptrace/bun.Conn)", "(github.com/uptrace/bun.Tx)", "(github.com/uptrace/bun.IConn)"},
		sqlRead("QueryContext", "QueryRowContext"), sqlWrite("ExecContext")),
	methods(LibBun, []string{"(*github.com/uptrace/bun.DB)", "(github.com/uptrace/bun.Tx)"},
		sqlRead("Query", "QueryRow"), sqlWrite("Exec")),
	methods(LibBun, []string{"(*github.com/uptrace/bun.DB)"}, sqlRead("Prepare", "PrepareContext")),
	methods(LibBun, []string{"(*github.com/uptrace/bun.DB)", "(github.com/uptrace/bun.Conn)", "(github.com/uptrace/bun.Tx)", "(github.com/uptrace/bun.IDB)"},
		tx("BeginTx", "RunInTx")),
	methods(LibBun, []string{"(*github.com/uptrace/bun.DB)", "(github.com/uptrace/bun.Tx)"}, tx("Begin")),
	methods(LibBun, []string{"(github.com/uptrace/bun.Tx)"}, tx("Commit", "Rollback")),

	// ent: generated code is analysed like any other code; its queries end
	// in the runtime's Querier (every query finisher goes through
	// withInterceptors), its mutations in Mutator or in sqlgraph, and raw
	// work in the dialect's drivers.
	methods(LibEnt, []string{"(entgo.io/ent.Querier)"}, read("Query")),
	methods(LibEnt, []string{"(entgo.io/ent.Mutator)"}, write("Mutate")),
	// Driver and Tx embed ExecQuerier, and dialect.Tx embeds
	// database/sql/driver's Tx (whose Commit is listed with database/sql).
	methods(LibEnt, []string{"(entgo.io/ent/dialect.ExecQuerier)", "(entgo.io/ent/dialect/sql.Conn)"},
		sqlRead("Query"), sqlWrite("Exec")),
	methods(LibEnt, []string{"(entgo.io/ent/dialect.Driver)", "(*entgo.io/ent/dialect/sql.Driver)"}, tx("Tx")),
	methods(LibEnt, []string{"(*entgo.io/ent/dialect/sql.Driver)"}, tx("BeginTx")),
	functions(LibEnt, "entgo.io/ent/dialect/sql/sqlgraph",
		read("QueryNodes", "CountNodes", "QueryEdges"),
		write("CreateNode", "UpdateNode", "UpdateNodes", "DeleteNodes"),
		batch(Write, "BatchCreate")),

	// xorm (xorm.io/xorm, the older github.com/go-xorm/xorm, and the
	// github.com/xorm-io/xorm fork casdoor uses).
	methods(LibXORM, []string{"(*xorm.io/xorm.Engine)", "(*xorm.io/xorm.Session)", "(*github.com/go-xorm/xorm.Engine)", "(*github.com/go-xorm/xorm.Session)",
		"(*github.com/xorm-io/xorm.Engine)", "(*github.com/xorm-io/xorm.Session)"},
		read("Get", "Find", "FindAndCount", "Count", "Exist", "Iterate", "Rows", "Sum", "Sums", "SumInt", "SumsInt"),
		sqlRead("Query", "QueryString", "QueryInterface", "QuerySliceString"),
		write("Insert", "InsertOne", "Update", "Delete"),
		sqlWrite("Exec"),
		batch(Write, "InsertMulti")),
	methods(LibXORM, []string{"(*xorm.io/xorm.Session)", "(*github.com/go-xorm/xorm.Session)", "(*github.com/xorm-io/xorm.Session)"}, tx("Begin", "Commit", "Rollback")),

	// gorp v3.
	methods(LibGorp, []string{"(*github.com/go-gorp/gorp/v3.DbMap)", "(*github.com/go-gorp/gorp/v3.Transaction)", "(github.com/go-gorp/gorp/v3.SqlExecutor)"},
		read("Get"),
		sqlRead("Select", "SelectOne", "SelectInt", "SelectNullInt", "SelectFloat", "SelectNullFloat", "SelectStr", "SelectNullStr", "Query", "QueryRow"),
		write("Insert", "Update", "Delete"),
		sqlWrite("Exec")),
	methods(LibGorp, []string{"(*github.com/go-gorp/gorp/v3.DbMap)"}, tx("Begin")),
	methods(LibGorp, []string{"(*github.com/go-gorp/gorp/v3.Transaction)"}, tx("Commit", "Rollback")),
	functions(LibGorp, "github.com/go-gorp/gorp/v3",
		sqlRead("SelectOne", "SelectInt", "SelectNullInt", "SelectFloat", "SelectNullFloat", "SelectStr", "SelectNullStr")),

	// beego's ORM v2: Ormer's query and write methods, and the executors of
	// QueryTable and Raw.
	methods(LibBeego, []string{"(github.com/beego/beego/v2/client/orm.DQL)"},
		read("Read", "ReadWithCtx", "ReadForUpdate", "ReadForUpdateWithCtx", "LoadRelated", "LoadRelatedWithCtx"),
		write("ReadOrCreate", "ReadOrCreateWithCtx")),
	methods(LibBeego, []string{"(github.com/beego/beego/v2/client/orm.DML)"},
		write("Insert", "InsertWithCtx", "InsertOrUpdate", "InsertOrUpdateWithCtx", "Update", "UpdateWithCtx", "Delete", "DeleteWithCtx"),
		batch(Write, "InsertMulti", "InsertMultiWithCtx")),
	methods(LibBeego, []string{"(github.com/beego/beego/v2/client/orm.QuerySeter)"},
		read("All", "AllWithCtx", "One", "OneWithCtx", "Count", "CountWithCtx", "Exist", "ExistWithCtx",
			"Values", "ValuesWithCtx", "ValuesList", "ValuesListWithCtx", "ValuesFlat", "ValuesFlatWithCtx"),
		write("Update", "UpdateWithCtx", "Delete", "DeleteWithCtx")),
	methods(LibBeego, []string{"(github.com/beego/beego/v2/client/orm.RawSeter)"},
		read("QueryRow", "QueryRows", "Values", "ValuesList", "ValuesFlat"),
		write("Exec")),
)

// ResultSetNext are the methods that advance a database result set: a
// loop on them runs once per row, and the result set holds its connection
// until it is closed.
var ResultSetNext = map[string]bool{
	"(*database/sql.Rows).Next":                              true,
	"(github.com/jackc/pgx/v5.Rows).Next":                    true,
	"(github.com/jackc/pgx/v4.Rows).Next":                    true,
	"(*github.com/jackc/pgx/v5/pgconn.ResultReader).NextRow": true,
	"(entgo.io/ent/dialect/sql.ColumnScanner).Next":          true,
	"(*xorm.io/xorm.Rows).Next":                              true,
}

// Batchers are the calls that queue work for one round trip later: pgx's
// Batch.Queue, sqlx.In (which expands a slice into one IN list). They are
// never round trips themselves.
//
// A bulk inserter that flushes its buffer when it fills (zdb's
// BulkInsert.Values) runs a query once per batch, not per call: calling
// it per element is the batching.
var Batchers = map[string]bool{
	"(*github.com/jackc/pgx/v5.Batch).Queue": true,
	"(*github.com/jackc/pgx/v4.Batch).Queue": true,
	"github.com/jmoiron/sqlx.In":             true,
	"(*zgo.at/zdb.BulkInsert).Values":        true,
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
	"github.com/beego/beego/v2/client/orm", Redis9, Redis8, Memcache,
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

func buildTable(groups ...group) map[string]RoundTrip {
	t := make(map[string]RoundTrip)
	for _, g := range groups {
		for k, v := range g {
			t[k] = v
		}
	}
	return t
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

// A TypeRef names a library type.
type TypeRef struct{ Pkg, Name string }

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
}

// MatchFuncPattern reports whether a function's full name
// (types.Func.FullName: "(*example.com/legacy.Client).FetchAll") matches
// a pattern of the plan's queries: list, written the same way with '*' as
// a wildcard in names ("(*example.com/legacy.Client).Fetch*"). The star of
// a pointer receiver is literal, and a pattern matches a method whether it
// has a pointer or a value receiver.
func MatchFuncPattern(pattern, fullName string) bool {
	pattern, fullName = stripPointerRecv(pattern), stripPointerRecv(fullName)
	return globMatch(pattern, fullName)
}

func stripPointerRecv(s string) string {
	if rest, ok := strings.CutPrefix(s, "(*"); ok {
		return "(" + rest
	}
	return s
}

// globMatch matches s against a pattern where '*' matches any run of
// characters.
func globMatch(pattern, s string) bool {
	parts := strings.Split(pattern, "*")
	if len(parts) == 1 {
		return pattern == s
	}
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	for _, part := range parts[1 : len(parts)-1] {
		i := strings.Index(s, part)
		if i < 0 {
			return false
		}
		s = s[i+len(part):]
	}
	return strings.HasSuffix(s, parts[len(parts)-1])
}

// PatternPackage returns the package path a plan's query pattern names,
// or "" if a wildcard hides it.
func PatternPackage(pattern string) string {
	s := strings.TrimPrefix(stripPointerRecv(pattern), "(")
	if i := strings.Index(s, ")"); i >= 0 {
		s = s[:i]
	}
	i := strings.LastIndex(s, ".")
	if i < 0 || strings.Contains(s[:i], "*") {
		return ""
	}
	return s[:i]
}
