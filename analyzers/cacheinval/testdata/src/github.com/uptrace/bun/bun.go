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

func (q *SelectQuery) Model(model any) *SelectQuery                 { return q }
func (q *SelectQuery) Where(query string, args ...any) *SelectQuery { return q }
func (q *SelectQuery) Scan(ctx context.Context, dest ...any) error  { return nil }

type UpdateQuery struct{}

func (q *UpdateQuery) Model(model any) *UpdateQuery                              { return q }
func (q *UpdateQuery) WherePK(cols ...string) *UpdateQuery                       { return q }
func (q *UpdateQuery) Exec(ctx context.Context, dest ...any) (sql.Result, error) { return nil, nil }

type InsertQuery struct{}

func (q *InsertQuery) Model(model any) *InsertQuery                              { return q }
func (q *InsertQuery) Exec(ctx context.Context, dest ...any) (sql.Result, error) { return nil, nil }
