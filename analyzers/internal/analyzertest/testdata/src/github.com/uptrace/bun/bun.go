// Package bun is a stub of github.com/uptrace/bun v1.3.
package bun

import (
	"context"
	"database/sql"
)

type BaseModel struct{}

type DB struct{ *sql.DB }

func (db *DB) NewSelect() *SelectQuery { return &SelectQuery{} }
func (db *DB) NewUpdate() *UpdateQuery { return &UpdateQuery{} }
func (db *DB) NewInsert() *InsertQuery { return &InsertQuery{} }

type SelectQuery struct{}

func (q *SelectQuery) Model(model any) *SelectQuery                               { return q }
func (q *SelectQuery) Where(query string, args ...any) *SelectQuery               { return q }
func (q *SelectQuery) WherePK(cols ...string) *SelectQuery                        { return q }
func (q *SelectQuery) Relation(name string, apply ...any) *SelectQuery            { return q }
func (q *SelectQuery) Order(orders ...string) *SelectQuery                        { return q }
func (q *SelectQuery) Limit(n int) *SelectQuery                                   { return q }
func (q *SelectQuery) Offset(n int) *SelectQuery                                  { return q }
func (q *SelectQuery) Scan(ctx context.Context, dest ...any) error                { return nil }
func (q *SelectQuery) Count(ctx context.Context) (int, error)                     { return 0, nil }
func (q *SelectQuery) Exists(ctx context.Context) (bool, error)                   { return false, nil }
func (q *SelectQuery) ScanAndCount(ctx context.Context, dest ...any) (int, error) { return 0, nil }

type UpdateQuery struct{}

func (q *UpdateQuery) Model(model any) *UpdateQuery                              { return q }
func (q *UpdateQuery) WherePK(cols ...string) *UpdateQuery                       { return q }
func (q *UpdateQuery) Exec(ctx context.Context, dest ...any) (sql.Result, error) { return nil, nil }

type InsertQuery struct{}

func (q *InsertQuery) Model(model any) *InsertQuery                              { return q }
func (q *InsertQuery) Exec(ctx context.Context, dest ...any) (sql.Result, error) { return nil, nil }

func In(slice any) any { return slice }
