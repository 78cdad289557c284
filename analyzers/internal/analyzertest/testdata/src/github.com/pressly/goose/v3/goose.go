// Package goose is a stub of github.com/pressly/goose/v3 v3.30: Go
// migrations.
package goose

import (
	"context"
	"database/sql"
)

type GoMigrationContext func(ctx context.Context, tx *sql.Tx) error

func AddMigrationContext(up, down GoMigrationContext) {}

type GoFunc struct {
	RunTx func(ctx context.Context, tx *sql.Tx) error
	RunDB func(ctx context.Context, db *sql.DB) error
}
