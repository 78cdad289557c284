// Package mysqlindex opens the MySQL index's pool.
package mysqlindex

import "database/sql"

// New opens the index's pool.
func New(dsn string) (*sql.DB, error) {
	return sql.Open("mysql", dsn) // want `sql.Open opens a database pool that the program never bounds .*; the other cases of the switch open the other drivers' pools \(pgindex/pgindex.go:8:9\)`
}
