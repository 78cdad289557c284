// Package postgres is a stub of gorm.io/driver/postgres.
package postgres

import "gorm.io/gorm"

type Dialector struct{ DSN string }

func (Dialector) Name() string { return "postgres" }

func Open(dsn string) gorm.Dialector { return &Dialector{DSN: dsn} }
