// Package store opens the program's pool, which nothing bounds.
package store

import "database/sql"

// Open opens the database.
func Open(dsn string) (*sql.DB, error) {
	return sql.Open("pgx", dsn) // want `sql.Open opens a database pool that the program never bounds`
}
