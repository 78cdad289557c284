// Command cli opens a pool it never bounds, and serves no requests: a
// one-off command is not what pool limits protect, so it is not reported
// (the twin of ../pools, which serves).
package main

import "database/sql"

func main() {
	db, err := sql.Open("pgx", "postgres://localhost/app")
	if err != nil {
		return
	}
	defer db.Close()
	_, _ = db.Exec("VACUUM")
}
