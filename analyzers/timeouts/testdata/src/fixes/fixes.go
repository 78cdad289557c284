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

// shadowed: inside the loop, r is a string, not the request; no fix may
// insert r.Context() there, and the message must not pretend it can.
func shadowed(w http.ResponseWriter, r *http.Request) {
	for _, r := range []string{"a", "b"} {
		_, _ = db.ExecContext(context.Background(), "DELETE FROM x WHERE name = $1", r) // want `with context.Background\(\) in a request path, .*\(r is shadowed here and is not the request: rename the inner r, then pass r.Context\(\)\)`
		_ = db.Ping()                                                                   // want `\(\*sql.DB\).Ping in a request path has no context, .*\(r is shadowed here`
	}
	// Out of the loop, r is the request again: fixed.
	_, _ = db.ExecContext(context.Background(), "DELETE FROM y") // want `with context.Background\(\) in a request path, .*\(r.Context\(\)\)`
}

// shadowedByType: a local type named like the parameter also hides it.
func shadowedByType(w http.ResponseWriter, r *http.Request) {
	{
		type r struct{}
		_ = db.Ping() // want `r is shadowed here`
	}
	_ = db.Ping() // want `\(\*sql.DB\).Ping in a request path has no context, .*\(r.Context\(\)\)`
}

// unnamed: there is no name to reach the request by.
func unnamed(w http.ResponseWriter, _ *http.Request) {
	_ = db.Ping() // want `name the handler's request parameter to reach it`
}
