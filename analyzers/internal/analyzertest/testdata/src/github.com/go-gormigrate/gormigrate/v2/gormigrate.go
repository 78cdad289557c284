// Package gormigrate is a stub of github.com/go-gormigrate/gormigrate/v2
// v2.1: a migration's functions.
package gormigrate

import "gorm.io/gorm"

type MigrateFunc func(*gorm.DB) error

type Migration struct {
	ID       string
	Migrate  MigrateFunc
	Rollback func(*gorm.DB) error
}

type Gormigrate struct{}

func New(db *gorm.DB, opts any, migrations []*Migration) *Gormigrate { return &Gormigrate{} }
func (g *Gormigrate) InitSchema(f MigrateFunc)                       {}
func (g *Gormigrate) Migrate() error                                 { return nil }
