// Command server wires the store to both drivers, and reports.
package main

import (
	"database/sql"

	"reachbulk/handler"
	"reachbulk/mem"
	"reachbulk/pg"
	"reachbulk/store"
)

func main() {
	db, _ := sql.Open("postgres", "")
	a := &handler.Service{Store: &store.Store{Driver: pg.New(db)}}
	b := &handler.Service{Store: &store.Store{Driver: mem.New(db)}}
	_, _ = a, b
}
