// Command pools opens pools it never bounds, and sets values above the
// plan.
package main

import (
	"context"
	"database/sql"
	"net/http"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
	"github.com/redis/go-redis/v9"
)

func main() {
	db, _ := sql.Open("pgx", "postgres://localhost/app")                                        // want `sql.Open opens a database pool that the program never bounds \(no SetMaxOpenConns and no SetConnMaxLifetime on any pool\)`
	xdb := sqlx.MustConnect("postgres", "postgres://localhost/app")                             // want `sqlx.MustConnect opens a database pool that the program never bounds`
	db.SetMaxIdleConns(500)                                                                     // want `SetMaxIdleConns\(500\) is above the plan's pool.max_idle \(100\)`
	db.SetConnMaxIdleTime(2 * time.Hour)                                                        // want `SetConnMaxIdleTime\(2h0m0s\) is above the plan's pool.conn_max_idle_time \(30m0s\)`
	pool, _ := pgxpool.New(context.Background(), "postgres://localhost/app?pool_max_conns=500") // want `pool_max_conns=500 is above the plan's pool.max_open \(100\)`
	cfg, _ := pgxpool.ParseConfig("postgres://localhost/app")
	cfg.MaxConns = 400 // want `pgxpool.Config MaxConns of 400 is above the plan's pool.max_open \(100\)`
	cfg.MaxConns = 20
	rdb := redis.NewClient(&redis.Options{Addr: "localhost:6379", PoolSize: 1000}) // want `redis.Options PoolSize of 1000 is above the plan's pool.max_open \(100\)`
	small := redis.NewClient(&redis.Options{Addr: "localhost:6379", PoolSize: 50})
	_, _, _, _, _ = xdb, pool, cfg, rdb, small
	_ = createSchema("postgres://localhost/app")
	_ = serveWith("postgres://localhost/app")
	_ = migrateWith("postgres://localhost/app")
	lite, _ := sql.Open("sqlite3", "file:app.db")          // a SQLite file: no server to load, not reported
	custom, _ := sql.Open("sqlite3_custom", "file:app.db") // a SQLite driver registered by the program
	_ = custom
	_ = lite
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}

// createSchema opens a connection for one statement at start-up and closes
// it on return (casdoor's CREATE DATABASE): not the service's pool.
func createSchema(dsn string) error {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec("CREATE SCHEMA IF NOT EXISTS app")
	return err
}

// serveWith is createSchema's twin: it defers Close too, but hands the pool
// to the code that serves, for the life of the program.
func serveWith(dsn string) error {
	db, err := sql.Open("pgx", dsn) // want `sql.Open opens a database pool that the program never bounds`
	if err != nil {
		return err
	}
	defer db.Close()
	return serve(db)
}

func serve(db *sql.DB) error {
	srv := &http.Server{Addr: ":8081", Handler: handler(db), ReadHeaderTimeout: time.Second}
	return srv.ListenAndServe()
}

func handler(db *sql.DB) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _ = db.PingContext(r.Context()) })
}

// migrateWith defers Close and hands the pool to a migration that serves
// nothing (homebox's reset-password command, through a deferred
// closure): a one-off, whatever it was handed to.
func migrateWith(dsn string) error {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return err
	}
	defer func() { _ = db.Close() }()
	return migrate(db)
}

func migrate(db *sql.DB) error {
	_, err := db.Exec("CREATE TABLE IF NOT EXISTS t (id int)")
	return err
}

// createDatabase opens a connection for one statement and drops it
// without closing it (semaphore's createDb): a one-off too.
func createDatabase(dsn string) error {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return err
	}
	_, err = db.Exec("CREATE DATABASE app")
	return err
}

// shared is opened into a package variable in an init, as fider's dbx
// does: every function's pool.
var shared *sql.DB

func init() {
	shared, _ = sql.Open("pgx", "postgres://db.example.com/app") // want `sql.Open opens a database pool that the program never bounds`
	shared.SetMaxIdleConns(2)
}

// serveInGoroutine is createDatabase's twin: a function literal that
// outlives the call uses the pool.
func serveInGoroutine(dsn string) {
	db, _ := sql.Open("pgx", dsn) // want `sql.Open opens a database pool that the program never bounds`
	go func() {
		for {
			_ = db.Ping()
		}
	}()
}
