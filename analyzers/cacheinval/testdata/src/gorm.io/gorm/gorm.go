// Package gorm is a stub of gorm.io/gorm v1.31: the chain methods and
// finishers the fixtures use.
package gorm

import "context"

type DB struct{ Error error }

func (db *DB) Where(query any, args ...any) *DB    { return db }
func (db *DB) Model(value any) *DB                 { return db }
func (db *DB) Table(name string, args ...any) *DB  { return db }
func (db *DB) WithContext(ctx context.Context) *DB { return db }
func (db *DB) First(dest any, conds ...any) *DB    { return db }
func (db *DB) Find(dest any, conds ...any) *DB     { return db }
func (db *DB) Create(value any) *DB                { return db }
func (db *DB) Save(value any) *DB                  { return db }
func (db *DB) Update(column string, value any) *DB { return db }
func (db *DB) Updates(values any) *DB              { return db }
func (db *DB) Delete(value any, conds ...any) *DB  { return db }
