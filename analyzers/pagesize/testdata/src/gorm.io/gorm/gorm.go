// Package gorm is a stub of gorm.io/gorm: the signatures perfvet matches.
package gorm

import "context"

type DB struct{ Error error }

func (db *DB) Where(query any, args ...any) *DB    { return db }
func (db *DB) Limit(limit int) *DB                 { return db }
func (db *DB) Offset(offset int) *DB               { return db }
func (db *DB) Order(value any) *DB                 { return db }
func (db *DB) Model(value any) *DB                 { return db }
func (db *DB) WithContext(ctx context.Context) *DB { return db }
func (db *DB) Raw(sql string, values ...any) *DB   { return db }
func (db *DB) Scopes(funcs ...func(*DB) *DB) *DB   { return db }
func (db *DB) Find(dest any, conds ...any) *DB     { return db }
func (db *DB) First(dest any, conds ...any) *DB    { return db }
func (db *DB) Scan(dest any) *DB                   { return db }
func (db *DB) Count(count *int64) *DB              { return db }
