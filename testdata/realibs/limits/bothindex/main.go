// Command bothindex opens both indexes' pools (poolctors' twin): two
// pools, two findings.
package main

import (
	"net/http"
	"os"
	"time"

	"example.com/realibs/limits/bothindex/mysqlindex"
	"example.com/realibs/limits/bothindex/pgindex"
)

func main() {
	mdb, err := mysqlindex.New(os.Getenv("MYSQL"))
	if err != nil {
		return
	}
	defer mdb.Close()
	pdb, err := pgindex.New(os.Getenv("PG"))
	if err != nil {
		return
	}
	defer pdb.Close()
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe()
}
