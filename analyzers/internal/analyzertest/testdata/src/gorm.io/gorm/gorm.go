// Package gorm is a stub of gorm.io/gorm v1.31: the chain methods and
// finishers the fixtures use.
package gorm

import (
	"context"
	"database/sql"
)

type DB struct{ Error error }

func (db *DB) Where(query any, args ...any) *DB                                { return db }
func (db *DB) Preload(query string, args ...any) *DB                           { return db }
func (db *DB) Joins(query string, args ...any) *DB                             { return db }
func (db *DB) Limit(limit int) *DB                                             { return db }
func (db *DB) Offset(offset int) *DB                                           { return db }
func (db *DB) Order(value any) *DB                                             { return db }
func (db *DB) Model(value any) *DB                                             { return db }
func (db *DB) Table(name string, args ...any) *DB                              { return db }
func (db *DB) WithContext(ctx context.Context) *DB                             { return db }
func (db *DB) Raw(sql string, values ...any) *DB                               { return db }
func (db *DB) Scopes(funcs ...func(*DB) *DB) *DB                               { return db }
func (db *DB) First(dest any, conds ...any) *DB                                { return db }
func (db *DB) Take(dest any, conds ...any) *DB                                 { return db }
func (db *DB) Find(dest any, conds ...any) *DB                                 { return db }
func (db *DB) Count(count *int64) *DB                                          { return db }
func (db *DB) Scan(dest any) *DB                                               { return db }
func (db *DB) Create(value any) *DB                                            { return db }
func (db *DB) CreateInBatches(value any, batchSize int) *DB                    { return db }
func (db *DB) Save(value any) *DB                                              { return db }
func (db *DB) Update(column string, value any) *DB                             { return db }
func (db *DB) Updates(values any) *DB                                          { return db }
func (db *DB) Delete(value any, conds ...any) *DB                              { return db }
func (db *DB) Exec(sql string, values ...any) *DB                              { return db }
func (db *DB) Rows() (*sql.Rows, error)                                        { return nil, nil }
func (db *DB) Transaction(fc func(tx *DB) error, opts ...*sql.TxOptions) error { return fc(db) }
func (db *DB) FindInBatches(dest any, batchSize int, fc func(tx *DB, batch int) error) *DB {
	return db
}
func (db *DB) Association(column string) *Association { return &Association{} }

type Association struct{ Error error }

func (a *Association) Find(out any, conds ...any) error { return nil }
func (a *Association) Count() int64                     { return 0 }
func (a *Association) Append(values ...any) error       { return nil }

// The generics API.
type ExecInterface[T any] interface {
	First(context.Context) (T, error)
	Find(ctx context.Context) ([]T, error)
}

type ChainInterface[T any] interface {
	ExecInterface[T]
	Where(query any, args ...any) ChainInterface[T]
}

type CreateInterface[T any] interface {
	ChainInterface[T]
	Create(ctx context.Context, r *T) error
}

type Interface[T any] interface {
	CreateInterface[T]
}

func G[T any](db *DB) Interface[T] { return nil }

// Dialector opens a database for Open.
type Dialector interface {
	Name() string
}

type Config struct{}

func Open(dialector Dialector, opts ...any) (*DB, error) { return &DB{}, nil }

func (db *DB) DB() (*sql.DB, error) { return nil, nil }
