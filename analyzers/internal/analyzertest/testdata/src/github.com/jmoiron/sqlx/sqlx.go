// Package sqlx is a stub of github.com/jmoiron/sqlx v1.4.
package sqlx

import (
	"context"
	"database/sql"
)

type DB struct{ *sql.DB }
type Tx struct{ *sql.Tx }

func (db *DB) Get(dest any, query string, args ...any) error    { return nil }
func (db *DB) Select(dest any, query string, args ...any) error { return nil }
func (db *DB) GetContext(ctx context.Context, dest any, query string, args ...any) error {
	return nil
}
func (db *DB) SelectContext(ctx context.Context, dest any, query string, args ...any) error {
	return nil
}
func (db *DB) NamedExecContext(ctx context.Context, query string, arg any) (sql.Result, error) {
	return nil, nil
}
func (db *DB) Rebind(query string) string { return query }

type Queryer interface {
	Query(query string, args ...any) (*sql.Rows, error)
}

func Get(q Queryer, dest any, query string, args ...any) error    { return nil }
func Select(q Queryer, dest any, query string, args ...any) error { return nil }
func In(query string, args ...any) (string, []any, error)         { return query, args, nil }
