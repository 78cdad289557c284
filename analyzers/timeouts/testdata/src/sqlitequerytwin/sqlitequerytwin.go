// want package:`causes\(sqlitequerytwin sqlitequerytwin.countLinks\)`

// Package sqlitequerytwin is sqlitequery with a PostgreSQL driver beside
// SQLite's: its pool may be a server's. Reported.
package sqlitequerytwin

import (
	"database/sql"
	"net/http"

	_ "github.com/lib/pq"
	_ "github.com/mattn/go-sqlite3"
)

var db *sql.DB

func exportStats(w http.ResponseWriter, r *http.Request) {
	rows, err := db.Query("SELECT id, clicks FROM stats LIMIT 100") // want `\(\*sql.DB\).Query in a request path has no context`
	if err != nil {
		return
	}
	_ = rows.Close()
	_ = countLinks()
}

func countLinks() int { // want `^sqlitequerytwin.countLinks runs a database query with no context`
	var n int
	_ = db.QueryRow("SELECT count(*) FROM links").Scan(&n)
	return n
}

func Register(mux *http.ServeMux) {
	mux.HandleFunc("/.export", exportStats)
}
