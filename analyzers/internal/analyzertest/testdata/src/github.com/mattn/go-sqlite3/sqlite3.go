// Package sqlite3 is a stub of github.com/mattn/go-sqlite3 (a cgo
// package, not in testdata/realibs): its driver type only.
package sqlite3

import "database/sql/driver"

// SQLiteDriver is the SQLite driver.
type SQLiteDriver struct {
	ConnectHook func(any) error
}

// Open opens a connection.
func (*SQLiteDriver) Open(string) (driver.Conn, error) { return nil, nil }
