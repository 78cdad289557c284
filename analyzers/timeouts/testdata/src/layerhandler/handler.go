// Package layerhandler is layerstore's twin: its plain functions take no
// context, but a handler of the package has the request at hand, and
// drops it when it calls them: reported.
package layerhandler

import (
	"database/sql"
	"net/http"
)

var db *sql.DB

func Count() error { // want Count:`io\(detached: database query via \(\*sql.DB\).Exec\)` `^layerhandler.Count runs a database query with no context`
	_, err := db.Exec("SELECT count(*) FROM entries")
	return err
}

func List(w http.ResponseWriter, r *http.Request) {
	_ = Count()
}
