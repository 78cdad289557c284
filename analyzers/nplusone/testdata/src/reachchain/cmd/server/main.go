// Command server runs the matcher.
package main

import (
	"database/sql"

	"reachchain/wiring"
)

func main() {
	db, _ := sql.Open("postgres", "")
	_ = wiring.New(db)
}
