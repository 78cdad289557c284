// Command sqlitevar registers SQLite's driver under a name held in a
// variable (navidrome: Driver = Dialect + "_custom") and opens its file
// database through it: no server to load, not reported. The twin opens a
// pool through a variable naming a network database's driver.
package main

import (
	"database/sql"
	"database/sql/driver"
	"net/http"
	"time"

	"github.com/mattn/go-sqlite3"
)

var (
	dialect   = "sqlite3"
	liteName  = dialect + "_custom"
	remoteDrv = "remote" + "_custom"
)

type remote struct{}

func (remote) Open(string) (driver.Conn, error) { return nil, nil }

func main() {
	sql.Register(liteName, &sqlite3.SQLiteDriver{})
	sql.Register(remoteDrv, remote{})
	lite, _ := sql.Open(liteName, "file:app.db")
	pool, _ := sql.Open(remoteDrv, "db.example.com") // want `sql.Open opens a database pool that the program never bounds`
	_, _ = lite, pool
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
