// Command server wires the handler to the drivers: it sees the pending
// calls of the handler and the implementations, and reports.
package main

import (
	"database/sql"
	"os"

	"example.com/reach/handler"
	"example.com/reach/memory"
	"example.com/reach/postgres"
	"example.com/reach/sqlite"
	"example.com/reach/store"
)

func main() {
	db, _ := sql.Open("postgres", "")
	var d store.Driver = postgres.New(db)
	if os.Getenv("DRIVER") == "sqlite" {
		d = sqlite.New(db)
	}
	if os.Getenv("DRIVER") == "memory" {
		d = &memory.Driver{}
	}
	s := &handler.Service{Store: store.New(d), Driver: d, DB: postgres.New(db)}
	_ = s
}
