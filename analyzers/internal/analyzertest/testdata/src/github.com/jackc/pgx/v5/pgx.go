// Package pgx is a stub of github.com/jackc/pgx/v5.
package pgx

import (
	"context"

	"github.com/jackc/pgx/v5/pgconn"
)

type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Close()
	Err() error
}

type Row interface{ Scan(dest ...any) error }

type Conn struct{}

func (c *Conn) Query(ctx context.Context, sql string, args ...any) (Rows, error) { return nil, nil }
func (c *Conn) QueryRow(ctx context.Context, sql string, args ...any) Row        { return nil }
func (c *Conn) Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error) {
	return pgconn.CommandTag{}, nil
}
func (c *Conn) SendBatch(ctx context.Context, b *Batch) BatchResults { return nil }

type Tx interface {
	Query(ctx context.Context, sql string, args ...any) (Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) Row
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Commit(ctx context.Context) error
}

type Batch struct{}

func (b *Batch) Queue(query string, arguments ...any) {}

type BatchResults interface {
	QueryRow() Row
	Close() error
}

type Identifier []string

func ForEachRow(rows Rows, scans []any, fn func() error) (pgconn.CommandTag, error) {
	for rows.Next() {
		_ = fn()
	}
	return pgconn.CommandTag{}, nil
}
