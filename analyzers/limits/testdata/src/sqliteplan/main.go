// Command sqliteplan sets a SQLite pool to one connection kept forever
// (autobrr's SQLite database: a file in the process, no failover or DNS
// change to outlive): not reported. The same setting on its PostgreSQL
// pool is.
package main

import (
	"database/sql"
	"net/http"
	"time"
)

type store struct{ Handler *sql.DB }

func openSQLite(s *store, dsn string) error {
	var err error
	if s.Handler, err = sql.Open("sqlite", dsn); err != nil {
		return err
	}
	s.Handler.SetMaxOpenConns(1)
	s.Handler.SetConnMaxLifetime(0)
	return nil
}

func openPostgres(s *store, dsn string) error {
	var err error
	if s.Handler, err = sql.Open("postgres", dsn); err != nil {
		return err
	}
	s.Handler.SetMaxOpenConns(10)
	s.Handler.SetConnMaxLifetime(0) // want `SetConnMaxLifetime\(0s\) keeps connections forever`
	return nil
}

func main() {
	s := &store{}
	_ = openSQLite(s, "file:app.db")
	_ = openPostgres(s, "postgres://db.example.com/app")
	srv := &http.Server{Addr: ":8000", ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
