// Command server wires the handler to the driver, and reports.
package main

import (
	"database/sql"

	"reachone/handler"
	"reachone/pg"
)

func main() {
	db, _ := sql.Open("postgres", "")
	s := &handler.Service{Repo: pg.New(db)}
	_ = s
}
