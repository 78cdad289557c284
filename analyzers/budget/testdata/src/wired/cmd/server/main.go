// The command imports app, which resolved api's routes: it reports them
// again, so that a run on ./cmd/... shows them.
package main

import (
	"database/sql"
	"net/http"

	"wired/app"
)

func main() {
	db, _ := sql.Open("postgres", "")
	_ = http.ListenAndServe(":8080", app.New(db))
}
