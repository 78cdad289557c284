// Command poollifetime bounds its pool's size and not its connections'
// lifetime (wakapi: SetMaxOpenConns from its configuration, no
// SetConnMaxLifetime): the finding names the lifetime only.
package main

import (
	"database/sql"
	"net/http"
	"time"
)

func main() {
	db, _ := sql.Open("pgx", "postgres://db.example.com/app") // want `sql.Open opens a database pool whose connections the program never retires \(no SetConnMaxLifetime on any pool\): it keeps each one forever`
	db.SetMaxOpenConns(20)
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
