// want package:`metrics\(go_sql_idle_connections:gauge\{\} .*\)`

// Package poolsvc is in a program that registers a pool collector
// (through package stats): its pools are not reported. openPool is the
// twin of the one in package clients; that it is not itself passed to the
// collector is not checked (a program-level rule).
package poolsvc

import (
	"database/sql"

	"poolsvc/stats"
)

func openPool() error {
	db, err := sql.Open("pgx", "postgres://")
	if err != nil {
		return err
	}
	db.SetMaxOpenConns(10)
	return db.Ping()
}

func openRegistered() (*sql.DB, error) {
	db, err := sql.Open("pgx", "postgres://reports")
	if err != nil {
		return nil, err
	}
	stats.Register(db, "reports")
	return db, nil
}
