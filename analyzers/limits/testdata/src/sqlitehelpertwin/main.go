// Command sqlitehelpertwin's helper builds a Postgres dialector: a pool
// the program never bounds, reported.
package main

import (
	"net/http"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

func openDialector(dsn string) gorm.Dialector {
	return postgres.Open(dsn)
}

func main() {
	db, err := gorm.Open(openDialector("postgres://localhost/app"), &gorm.Config{}) // want `gorm.Open opens a database pool that the program never bounds`
	if err != nil || db == nil {
		return
	}
	srv := &http.Server{Addr: ":8008", ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
