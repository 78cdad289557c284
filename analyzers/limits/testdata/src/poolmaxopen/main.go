// Command poolmaxopen retires its pool's connections and does not bound
// their number: the finding names the size only.
package main

import (
	"database/sql"
	"net/http"
	"time"
)

func main() {
	db, _ := sql.Open("pgx", "postgres://db.example.com/app") // want `sql.Open opens a database pool that the program never bounds \(no SetMaxOpenConns on any pool\): under load it opens connections until the database refuses them; call db.SetMaxOpenConns\(n\) after opening it`
	db.SetConnMaxLifetime(time.Hour)
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
