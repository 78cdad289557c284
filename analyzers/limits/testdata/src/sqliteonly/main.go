// Command sqliteonly opens its database with a driver name from its
// configuration, beside one blank import of a SQLite driver and no other
// (pagoda's services container): the database is a file in the process,
// whose pool loads no server. Not reported.
package main

import (
	"database/sql"
	"net/http"
	"os"
	"time"

	_ "github.com/mattn/go-sqlite3"
)

func main() {
	db, err := sql.Open(os.Getenv("DB_DRIVER"), os.Getenv("DB_DSN"))
	if err != nil || db == nil {
		return
	}
	srv := &http.Server{Addr: ":8000", ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
