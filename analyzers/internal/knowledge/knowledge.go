// Package knowledge holds what perfvet knows about the libraries it
// checks: which functions query a database, talk to Redis, serve or call
// HTTP, and how. Tables are keyed by fully qualified names as go/types
// prints them (types.Func.FullName), one entry per library major version,
// so that matching is by type, never by identifier alone.
package knowledge

import "strings"

// Library package paths.
const (
	NetHTTP   = "net/http"
	Net       = "net"
	TLS       = "crypto/tls"
	Context   = "context"
	SQL       = "database/sql"
	SQLX      = "github.com/jmoiron/sqlx"
	PGX5      = "github.com/jackc/pgx/v5"
	PGX5Pool  = "github.com/jackc/pgx/v5/pgxpool"
	PGX5Conn  = "github.com/jackc/pgx/v5/pgconn"
	PGX4      = "github.com/jackc/pgx/v4"
	PGX4Pool  = "github.com/jackc/pgx/v4/pgxpool"
	GORM      = "gorm.io/gorm"
	Bun       = "github.com/uptrace/bun"
	EntSQL    = "entgo.io/ent/dialect/sql"
	Redis9    = "github.com/redis/go-redis/v9"
	Redis8    = "github.com/go-redis/redis/v8"
	Memcache  = "github.com/bradfitz/gomemcache/memcache"
	Gin       = "github.com/gin-gonic/gin"
	Echo4     = "github.com/labstack/echo/v4"
	Chi5      = "github.com/go-chi/chi/v5"
	GorillaMx = "github.com/gorilla/mux"
	GRPC      = "google.golang.org/grpc"
)

// DatabasePackages are the packages whose calls run database queries.
var DatabasePackages = []string{SQL, SQLX, PGX5, PGX5Pool, PGX5Conn, PGX4, PGX4Pool, GORM, Bun, EntSQL}

// RedisPackages are the Redis client packages.
var RedisPackages = []string{Redis9, Redis8}

// IsDatabasePackage reports whether path is a database client package.
func IsDatabasePackage(path string) bool { return contains(DatabasePackages, path) }

// IsRedisPackage reports whether path is a Redis client package.
func IsRedisPackage(path string) bool { return contains(RedisPackages, path) }

// IsOutboundPackage reports whether calls into path do network work on the
// caller's behalf that a context should bound: databases, Redis, HTTP
// clients and gRPC.
func IsOutboundPackage(path string) bool {
	return IsDatabasePackage(path) || IsRedisPackage(path) || path == NetHTTP || path == GRPC || strings.HasPrefix(path, GRPC+"/")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
