// Package broken does not type-check; the syntactic rules still run.
package broken

import (
	"database/sql"
	"net/http"
)

var db *sql.DB

func handler(w http.ResponseWriter, r *http.Request) {
	_, _ = http.Get("http://example.com") // want `http.Get sends the request through http.DefaultClient`
	_, _ = db.Query("SELECT 1")           // want `\(\*sql.DB\).Query in a request path has no context`
	undefined()
	c := &http.Client{} // needs flow analysis: not reported in an ill-typed package
	_ = c
}
