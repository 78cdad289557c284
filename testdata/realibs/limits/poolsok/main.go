// Command poolsok is pools' twin: its pool is bounded, and its values are
// within the plan.
package main

import (
	"database/sql"
	"net/http"
	"time"
)

func main() {
	db, _ := sql.Open("pgx", "postgres://localhost/app")
	db.SetMaxOpenConns(25)
	db.SetMaxIdleConns(25)
	db.SetConnMaxLifetime(30 * time.Minute)
	db.SetConnMaxIdleTime(5 * time.Minute)
	db.SetMaxOpenConns(0)    // want `SetMaxOpenConns\(0\) leaves the pool's open connections unlimited; set at most 100 \(the plan's pool.max_open\)`
	db.SetConnMaxLifetime(0) // want `SetConnMaxLifetime\(0s\) keeps connections forever, across database failovers and DNS changes; set at most 1h0m0s`
	db.SetMaxOpenConns(250)  // want `SetMaxOpenConns\(250\) is above the plan's pool.max_open \(100\)`
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
