// Package sqlite is a stub of gorm.io/driver/sqlite.
package sqlite

import "gorm.io/gorm"

type Dialector struct{ DSN string }

func (Dialector) Name() string { return "sqlite" }

func Open(dsn string) gorm.Dialector { return &Dialector{DSN: dsn} }
