// Command poolctors opens the index its configuration chooses through
// each driver's constructor, in the cases of one switch (athens'
// getIndex): one pool to bound, one finding. Its twin (bothindex) opens
// both, side by side: two pools, two findings.
package main

import (
	"database/sql"
	"net/http"
	"os"
	"time"

	"example.com/realibs/limits/poolctors/mysqlindex"
	"example.com/realibs/limits/poolctors/pgindex"
)

func index(kind, dsn string) (*sql.DB, error) {
	switch kind {
	case "mysql":
		return mysqlindex.New(dsn)
	case "postgres":
		return pgindex.New(dsn)
	}
	return nil, nil
}

func main() {
	db, err := index(os.Getenv("INDEX"), os.Getenv("DSN"))
	if err != nil {
		return
	}
	defer db.Close()
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
