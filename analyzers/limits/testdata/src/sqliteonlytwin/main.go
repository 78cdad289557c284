// Command sqliteonlytwin imports a PostgreSQL driver beside SQLite's: a
// driver name from its configuration may name a server. Reported.
package main

import (
	"database/sql"
	"net/http"
	"os"
	"time"

	_ "github.com/lib/pq"
	_ "github.com/mattn/go-sqlite3"
)

func main() {
	db, err := sql.Open(os.Getenv("DB_DRIVER"), os.Getenv("DB_DSN")) // want `sql.Open opens a database pool that the program never bounds`
	if err != nil || db == nil {
		return
	}
	srv := &http.Server{Addr: ":8000", ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
