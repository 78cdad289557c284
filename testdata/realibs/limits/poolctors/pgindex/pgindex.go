// Package pgindex opens the Postgres index's pool.
package pgindex

import "database/sql"

// New opens the index's pool.
func New(dsn string) (*sql.DB, error) {
	return sql.Open("pgx", dsn)
}
