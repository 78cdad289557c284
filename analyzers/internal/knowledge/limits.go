package knowledge

import "strings"

// Request bodies, uploads and connection pools: what the limits analyzer
// knows. Keys are types.Func.FullName strings.

// Packages of the limits tables.
const (
	Chi5Middleware  = Chi5 + "/middleware"
	Echo4Middleware = Echo4 + "/middleware"
)

// BodyReaders read all of the reader they are given (argument Arg): a
// request body passed to them with no limit is read whole, however large.
var BodyReaders = map[string]int{
	"io.ReadAll":               0,
	"io/ioutil.ReadAll":        0,
	"encoding/json.NewDecoder": 0,
	"encoding/xml.NewDecoder":  0,
	"io.Copy":                  1,
	"io.CopyBuffer":            1,
}

// UploadReads parse a multipart request: the files go to disk beyond the
// memory argument, with no bound on their total.
var UploadReads = map[string]bool{
	"(*net/http.Request).ParseMultipartForm": true,
	"(*net/http.Request).FormFile":           true,
	"(*net/http.Request).MultipartReader":    true,
	"(*" + Gin + ".Context).FormFile":        true,
	"(*" + Gin + ".Context).MultipartForm":   true,
	"(" + Echo4 + ".Context).FormFile":       true,
	"(" + Echo4 + ".Context).MultipartForm":  true,
}

// FrameworkBodyReads read the request body of the framework context they
// are called on, whole.
var FrameworkBodyReads = map[string]bool{
	"(*" + Gin + ".Context).ShouldBindJSON":     true,
	"(*" + Gin + ".Context).BindJSON":           true,
	"(*" + Gin + ".Context).ShouldBind":         true,
	"(*" + Gin + ".Context).Bind":               true,
	"(*" + Gin + ".Context).ShouldBindXML":      true,
	"(*" + Gin + ".Context).BindXML":            true,
	"(*" + Gin + ".Context).ShouldBindYAML":     true,
	"(*" + Gin + ".Context).BindYAML":           true,
	"(*" + Gin + ".Context).ShouldBindTOML":     true,
	"(*" + Gin + ".Context).GetRawData":         true,
	"(*" + Gin + ".Context).ShouldBindBodyWith": true,
	"(" + Echo4 + ".Context).Bind":              true,
}

// A BodyLimiter bounds a request body, with the size at argument Size
// (-1: none given, the library's default) or in a string such as "2M"
// (echo).
type BodyLimiter struct {
	Size   int
	String bool // the size is a string such as "2M"
	Global bool // a handler or middleware: it limits every route it wraps
}

// BodyLimiters are the calls that limit a request body.
var BodyLimiters = map[string]BodyLimiter{
	"net/http.MaxBytesReader":                {Size: 2},
	"net/http.MaxBytesHandler":               {Size: 1, Global: true},
	"io.LimitReader":                         {Size: 1},
	Chi5Middleware + ".RequestSize":          {Size: 0, Global: true},
	Echo4Middleware + ".BodyLimit":           {Size: 0, String: true, Global: true},
	Echo4Middleware + ".BodyLimitWithConfig": {Size: -1, Global: true},
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

// SQLiteDialectors are the packages of GORM's SQLite dialectors.
var SQLiteDialectors = map[string]bool{
	"gorm.io/driver/sqlite":      true,
	"github.com/glebarez/sqlite": true,
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

// BeegoContexts are beego's request context types (v2 and v1). beego's
// router bounds the body of every request it serves that is not a GET or
// HEAD before any filter or controller runs: an upload at MaxUploadSize
// (1GB by default), any other body at MaxMemory (64MB by default; with
// CopyRequestBody, a larger Content-Length is refused with 413 and the
// copy is read through a LimitedReader), wrapping it in
// http.MaxBytesReader. A read of ctx.Request.Body in a beego program is
// therefore bounded at beego's configured size.
var BeegoContexts = []string{
	"github.com/beego/beego/v2/server/web/context",
	"github.com/astaxie/beego/context",
}

// BeegoConfigs are the packages whose BConfig holds MaxMemory and
// MaxUploadSize, and BeegoRuns the calls that serve a beego application.
var BeegoConfigs = []string{
	"github.com/beego/beego/v2/server/web",
	"github.com/astaxie/beego",
}

// BeegoRuns are beego's functions that start its server with the
// configured body bounds (BConfig.MaxMemory, MaxUploadSize).
var BeegoRuns = map[string]bool{
	"github.com/beego/beego/v2/server/web.Run": true,
	"github.com/astaxie/beego.Run":             true,
}

// Beego's default body bounds (server/web/config.go, v2.3).
const (
	BeegoMaxMemory     = 1 << 26
	BeegoMaxUploadSize = 1 << 30
)
