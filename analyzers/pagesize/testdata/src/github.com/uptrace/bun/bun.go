// Package bun is a stub of github.com/uptrace/bun: the signatures perfvet matches.
package bun

import "context"

type DB struct{}

func (db *DB) NewSelect() *SelectQuery { return &SelectQuery{} }

type SelectQuery struct{}

func (q *SelectQuery) Model(model any) *SelectQuery                 { return q }
func (q *SelectQuery) Where(query string, args ...any) *SelectQuery { return q }
func (q *SelectQuery) WherePK(cols ...string) *SelectQuery          { return q }
func (q *SelectQuery) Order(orders ...string) *SelectQuery          { return q }
func (q *SelectQuery) Limit(n int) *SelectQuery                     { return q }
func (q *SelectQuery) Offset(n int) *SelectQuery                    { return q }
func (q *SelectQuery) Scan(ctx context.Context, dest ...any) error  { return nil }
func (q *SelectQuery) Count(ctx context.Context) (int, error)       { return 0, nil }
