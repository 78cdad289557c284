// Package sqlitequery queries its SQLite file with no context in a
// handler (golink's CSV export): the database is a file in the process,
// with no server or network to wait on after the client has gone. Not
// reported. Its twin, sqlitequerytwin, can open PostgreSQL too.
package sqlitequery

import (
	"database/sql"
	"net/http"

	_ "github.com/mattn/go-sqlite3"
)

var db *sql.DB

func exportStats(w http.ResponseWriter, r *http.Request) {
	rows, err := db.Query("SELECT id, clicks FROM stats LIMIT 100")
	if err != nil {
		return
	}
	_ = rows.Close()
	_ = countLinks()
}

// countLinks is a helper with no context that the handler calls.
func countLinks() int {
	var n int
	_ = db.QueryRow("SELECT count(*) FROM links").Scan(&n)
	return n
}

func Register(mux *http.ServeMux) {
	mux.HandleFunc("/.export", exportStats)
}
