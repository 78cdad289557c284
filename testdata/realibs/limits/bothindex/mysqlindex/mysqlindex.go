// Package mysqlindex opens the MySQL index's pool.
package mysqlindex

import "database/sql"

// New opens the index's pool.
func New(dsn string) (*sql.DB, error) {
	return sql.Open("mysql", dsn) // want `^sql.Open opens a database pool that the program never bounds .*lifetime of at most 1h0m0s\)$`
}
