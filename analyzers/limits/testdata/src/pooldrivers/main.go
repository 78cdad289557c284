// Command pooldrivers opens MySQL or Postgres as its configuration
// chooses, in the cases of one switch (alist's bootstrap): one pool to
// bound, one finding, which names the other case's open. The pools of
// pools (realibs) are opened side by side and reported one by one.
package main

import (
	"database/sql"
	"net/http"
	"os"
	"time"
)

func open(driver, dsn string) (*sql.DB, error) {
	switch driver {
	case "mysql":
		return sql.Open("mysql", dsn) // want `sql.Open opens a database pool that the program never bounds .*; the other cases of the switch open the other drivers' pools \(pooldrivers/main.go:19:10\)`
	case "postgres":
		return sql.Open("pgx", dsn)
	}
	return nil, nil
}

func main() {
	db, err := open(os.Getenv("DB"), os.Getenv("DSN"))
	if err != nil {
		return
	}
	defer db.Close()
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
