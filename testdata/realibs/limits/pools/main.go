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
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
