// Command poolvar opens its one pool, the package variable db, with the
// driver its configuration chooses, each in a function of its own
// (opengist's setupPostgres and setupMySQL): one pool to bound, one
// finding, which names the other open. Its twin, cache, is a second pool
// of its own, reported on its own.
package main

import (
	"database/sql"
	"net/http"
	"os"
	"time"
)

var db, cache *sql.DB

func setupPostgres(dsn string) error {
	var err error
	db, err = sql.Open("pgx", dsn) // want `sql.Open opens a database pool that the program never bounds .*; db is opened for the other drivers too \(poolvar/main.go:25:12\): one pool to bound$`
	return err
}

func setupMySQL(dsn string) error {
	var err error
	db, err = sql.Open("mysql", dsn)
	return err
}

func setupCache(dsn string) error {
	var err error
	cache, err = sql.Open("pgx", dsn) // want `sql.Open opens a database pool that the program never bounds .*it \(the plan's pool allows .*\)$`
	return err
}

func main() {
	var err error
	if os.Getenv("DB") == "mysql" {
		err = setupMySQL(os.Getenv("DSN"))
	} else {
		err = setupPostgres(os.Getenv("DSN"))
	}
	if err != nil || setupCache(os.Getenv("CACHE_DSN")) != nil {
		return
	}
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
