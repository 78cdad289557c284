package knowledge

import (
	"go/types"
	"strings"
)

// This file describes database/sql, sqlx and pgx: the calls that run a
// query (read by nplusone, budget, pagesize and cacheinval through
// LookupRoundTrip), the result sets a loop walks and the calls that batch
// (nplusone, budget), the context-free variants of queries (timeouts,
// through ContextFree), connection pools, their drivers and SQLite
// (limits), and the calls that return every row a SQL text selects
// (pagesize, budget).

// Package paths.
const (
	SQL      = "database/sql"
	SQLX     = "github.com/jmoiron/sqlx"
	PGX5     = "github.com/jackc/pgx/v5"
	PGX5Pool = "github.com/jackc/pgx/v5/pgxpool"
	PGX5Conn = "github.com/jackc/pgx/v5/pgconn"
	PGX4     = "github.com/jackc/pgx/v4"
	PGX4Pool = "github.com/jackc/pgx/v4/pgxpool"
)

// Library families.
const (
	LibSQL  Lib = "database/sql"
	LibSQLX Lib = "sqlx"
	LibPGX  Lib = "pgx"
)

// sqlRoundTrips are the round trips of database/sql, sqlx and pgx.
var sqlRoundTrips = []group{
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
}

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

// contextFreeSQL are the context-less variants of database/sql's and
// sqlx's calls (ContextFree). (*sql.Tx).Stmt is not among them: it binds
// a prepared statement to the transaction, begun with its own context,
// and the statement runs with whichever context its Exec or Query is
// given (goalert's tx.Stmt(h.addSubject).ExecContext(ctx, ...), judged
// false); an Exec or Query with none is reported itself.
var contextFreeSQL = map[string]string{
	"(*database/sql.DB).Query":      "QueryContext",
	"(*database/sql.DB).QueryRow":   "QueryRowContext",
	"(*database/sql.DB).Exec":       "ExecContext",
	"(*database/sql.DB).Ping":       "PingContext",
	"(*database/sql.DB).Prepare":    "PrepareContext",
	"(*database/sql.DB).Begin":      "BeginTx",
	"(*database/sql.Tx).Query":      "QueryContext",
	"(*database/sql.Tx).QueryRow":   "QueryRowContext",
	"(*database/sql.Tx).Exec":       "ExecContext",
	"(*database/sql.Tx).Prepare":    "PrepareContext",
	"(*database/sql.Stmt).Query":    "QueryContext",
	"(*database/sql.Stmt).QueryRow": "QueryRowContext",
	"(*database/sql.Stmt).Exec":     "ExecContext",

	"(*github.com/jmoiron/sqlx.DB).Get":          "GetContext",
	"(*github.com/jmoiron/sqlx.DB).Select":       "SelectContext",
	"(*github.com/jmoiron/sqlx.DB).Queryx":       "QueryxContext",
	"(*github.com/jmoiron/sqlx.DB).QueryRowx":    "QueryRowxContext",
	"(*github.com/jmoiron/sqlx.DB).NamedExec":    "NamedExecContext",
	"(*github.com/jmoiron/sqlx.DB).NamedQuery":   "NamedQueryContext",
	"(*github.com/jmoiron/sqlx.DB).MustExec":     "MustExecContext",
	"(*github.com/jmoiron/sqlx.DB).Preparex":     "PreparexContext",
	"(*github.com/jmoiron/sqlx.DB).PrepareNamed": "PrepareNamedContext",
	"(*github.com/jmoiron/sqlx.DB).Beginx":       "BeginTxx",
	"(*github.com/jmoiron/sqlx.DB).MustBegin":    "MustBeginTx",
	"(*github.com/jmoiron/sqlx.Tx).Get":          "GetContext",
	"(*github.com/jmoiron/sqlx.Tx).Select":       "SelectContext",
	"(*github.com/jmoiron/sqlx.Tx).Queryx":       "QueryxContext",
	"(*github.com/jmoiron/sqlx.Tx).QueryRowx":    "QueryRowxContext",
	"(*github.com/jmoiron/sqlx.Tx).NamedExec":    "NamedExecContext",
	"(*github.com/jmoiron/sqlx.Tx).MustExec":     "MustExecContext",
	"(*github.com/jmoiron/sqlx.Tx).Preparex":     "PreparexContext",
	"(*github.com/jmoiron/sqlx.Tx).PrepareNamed": "PrepareNamedContext",

	// sqlx's package-level helpers take a Queryer or Execer; their Context
	// variants take the context first and a QueryerContext.
	"github.com/jmoiron/sqlx.Get":        "GetContext",
	"github.com/jmoiron/sqlx.Select":     "SelectContext",
	"github.com/jmoiron/sqlx.MustExec":   "MustExecContext",
	"github.com/jmoiron/sqlx.NamedExec":  "NamedExecContext",
	"github.com/jmoiron/sqlx.NamedQuery": "NamedQueryContext",
	"github.com/jmoiron/sqlx.Preparex":   "PreparexContext",
}

// PoolOpens open a database/sql connection pool (the *sql.DB behind sqlx
// and GORM too).
var PoolOpens = map[string]bool{
	"database/sql.Open":      true,
	"database/sql.OpenDB":    true,
	SQLX + ".Open":           true,
	SQLX + ".Connect":        true,
	SQLX + ".ConnectContext": true,
	SQLX + ".MustOpen":       true,
	SQLX + ".MustConnect":    true,
	GORM + ".Open":           true,
}

// PoolDriverArg is the argument of a PoolOpens call that names the
// database/sql driver (sql.Open("sqlite3", dsn)), or, for GORM's Open, the
// dialector (gorm.Open(sqlite.Open(dsn))).
var PoolDriverArg = map[string]int{
	"database/sql.Open":      0,
	SQLX + ".Open":           0,
	SQLX + ".Connect":        0,
	SQLX + ".ConnectContext": 1,
	SQLX + ".MustOpen":       0,
	SQLX + ".MustConnect":    0,
	GORM + ".Open":           0,
}

// PoolSetters configure a *sql.DB, mapped to the plan's pool key they are
// compared with.
var PoolSetters = map[string]string{
	"(*database/sql.DB).SetMaxOpenConns":    "max_open",
	"(*database/sql.DB).SetMaxIdleConns":    "max_idle",
	"(*database/sql.DB).SetConnMaxLifetime": "conn_max_lifetime",
	"(*database/sql.DB).SetConnMaxIdleTime": "conn_max_idle_time",
}

// PGXPoolOpens open a pgx pool from a connection string (argument DSN) or a
// *pgxpool.Config (-1).
var PGXPoolOpens = map[string]int{
	PGX5Pool + ".New":           1,
	PGX5Pool + ".NewWithConfig": -1,
	PGX4Pool + ".Connect":       1,
	PGX4Pool + ".ConnectConfig": -1,
}

// SQLiteDrivers are the database/sql driver names of SQLite drivers
// (mattn/go-sqlite3 registers "sqlite3", modernc.org/sqlite "sqlite",
// ncruces/go-sqlite3 "sqlite3", tursodatabase/libsql "libsql"): an
// in-process database file, which a pool does not load like a server.
var SQLiteDrivers = map[string]bool{
	"sqlite3": true, "sqlite": true, "libsql": true,
}

// IsSQLiteDriver reports whether a database/sql driver name is a SQLite
// driver's: one of SQLiteDrivers, or a name a program registers for a
// SQLite driver of its own configuration, which by convention contains
// "sqlite" (navidrome's "sqlite3_custom").
func IsSQLiteDriver(name string) bool {
	return SQLiteDrivers[name] || strings.Contains(strings.ToLower(name), "sqlite")
}

// SQLiteDriverPackages are the packages of database/sql drivers for
// SQLite: a driver value of one of their types registered under a name
// (sql.Register(name, &sqlite3.SQLiteDriver{...})) makes the name a
// SQLite driver's, whatever it spells (navidrome's Driver variable).
var SQLiteDriverPackages = map[string]bool{
	"github.com/mattn/go-sqlite3":   true,
	"modernc.org/sqlite":            true,
	"github.com/glebarez/go-sqlite": true,
}

// ServerDriverPackages are the packages of database/sql drivers for
// databases served over the network (PostgreSQL, MySQL, SQL Server,
// ClickHouse, Oracle): a program that imports one may open a pool on a
// server whatever its driver names say.
var ServerDriverPackages = map[string]bool{
	"github.com/lib/pq":                                true,
	"github.com/jackc/pgx/v5/stdlib":                   true,
	"github.com/jackc/pgx/v4/stdlib":                   true,
	"github.com/go-sql-driver/mysql":                   true,
	"github.com/microsoft/go-mssqldb":                  true,
	"github.com/denisenkom/go-mssqldb":                 true,
	"github.com/ClickHouse/clickhouse-go":              true,
	"github.com/ClickHouse/clickhouse-go/v2":           true,
	"github.com/sijms/go-ora/v2":                       true,
	"github.com/godror/godror":                         true,
	"github.com/tursodatabase/libsql-client-go/libsql": true,
}

// ImportsOnlySQLiteDrivers reports whether a package imports, directly or
// through its imports, a SQLite driver package and no server database's
// driver: the only database/sql drivers it can open are SQLite's, whose
// database is a file in the process. (A driver the program registers
// itself is not seen here.)
func ImportsOnlySQLiteDrivers(pkg *types.Package) bool {
	sqlite, server := false, false
	seen := make(map[*types.Package]bool)
	var walk func(p *types.Package)
	walk = func(p *types.Package) {
		if seen[p] || server {
			return
		}
		seen[p] = true
		switch {
		case SQLiteDriverPackages[p.Path()]:
			sqlite = true
		case ServerDriverPackages[p.Path()]:
			server = true
		}
		for _, imp := range p.Imports() {
			walk(imp)
		}
	}
	walk(pkg)
	return sqlite && !server
}

// SQLiteDialectors are the packages of GORM's SQLite dialectors.
var SQLiteDialectors = map[string]bool{
	"gorm.io/driver/sqlite":      true,
	"github.com/glebarez/sqlite": true,
	"github.com/libtnb/sqlite":   true, // pure Go (pocket-id)
}

// MultiRowQueries are the calls that run a SQL text and return every row
// it selects (not QueryRow, not sqlx's Get), by full name. A SQL text
// with no LIMIT there reads as many rows as the table holds.
var MultiRowQueries = func() map[string]bool {
	m := make(map[string]bool)
	add := func(recvs []string, names ...string) {
		for _, r := range recvs {
			for _, n := range names {
				m[r+"."+n] = true
			}
		}
	}
	add([]string{"(*database/sql.DB)", "(*database/sql.Tx)"}, "Query", "QueryContext")
	add([]string{"(*database/sql.Conn)"}, "QueryContext")
	add([]string{"(*github.com/jmoiron/sqlx.DB)", "(*github.com/jmoiron/sqlx.Tx)"}, "Select", "SelectContext", "Queryx", "QueryxContext", "NamedQuery")
	add([]string{"(*github.com/jmoiron/sqlx.DB)"}, "NamedQueryContext")
	add([]string{"(*github.com/jmoiron/sqlx.Conn)"}, "SelectContext", "QueryxContext")
	add([]string{"github.com/jmoiron/sqlx"}, "Select", "SelectContext", "NamedQuery", "NamedQueryContext")
	add([]string{
		"(*github.com/jackc/pgx/v5.Conn)", "(*github.com/jackc/pgx/v5/pgxpool.Pool)", "(*github.com/jackc/pgx/v5/pgxpool.Conn)",
		"(*github.com/jackc/pgx/v5/pgxpool.Tx)", "(github.com/jackc/pgx/v5.Tx)",
		"(*github.com/jackc/pgx/v4.Conn)", "(*github.com/jackc/pgx/v4/pgxpool.Pool)", "(*github.com/jackc/pgx/v4/pgxpool.Conn)",
		"(github.com/jackc/pgx/v4.Tx)",
	}, "Query")
	add([]string{"(*github.com/uptrace/bun.DB)", "(github.com/uptrace/bun.Conn)", "(github.com/uptrace/bun.Tx)", "(github.com/uptrace/bun.IConn)"}, "QueryContext")
	add([]string{"(*github.com/uptrace/bun.DB)", "(github.com/uptrace/bun.Tx)"}, "Query")
	add([]string{"(*github.com/go-gorp/gorp/v3.DbMap)", "(*github.com/go-gorp/gorp/v3.Transaction)", "(github.com/go-gorp/gorp/v3.SqlExecutor)"}, "Select", "Query")
	return m
}()
