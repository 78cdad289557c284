// Command sqlitehelper opens GORM on a dialector that a helper of its own
// builds, one file per build tag (nezha's openSQLiteDialector): SQLite,
// a file in the process, whose pool loads no server. Not reported.
package main

import (
	"net/http"
	"time"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
)

func openDialector(path string) gorm.Dialector {
	return sqlite.Open(path)
}

func main() {
	db, err := gorm.Open(openDialector("data/sqlite.db"), &gorm.Config{})
	if err != nil || db == nil {
		return
	}
	srv := &http.Server{Addr: ":8008", ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
