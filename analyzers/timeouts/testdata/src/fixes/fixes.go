package fixes

import (
	"context"
	"database/sql"
	"net/http"
)

var db *sql.DB

func handler(w http.ResponseWriter, req *http.Request) {
	_, _ = db.Query("SELECT id FROM users WHERE name = $1", "x") // want `has no context`
	_ = db.Ping()                                                // want `has no context`
	_, _ = db.Begin()                                            // want `has no context`
	_, _ = db.ExecContext(context.Background(), "DELETE FROM x") // want `with context.Background\(\)`
}
