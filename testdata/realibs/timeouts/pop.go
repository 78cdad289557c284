package timeouts

import (
	"net/http"

	"github.com/gobuffalo/pop/v6"
)

var popDB *pop.Connection

type popUser struct {
	ID   int64  `db:"id"`
	Name string `db:"name"`
}

// ---- pop: the connection carries the request's context ----

// popWithContext queries through a connection made with the request's
// context (supabase auth's a.db.WithContext(ctx)): pop runs each query of
// the copy under ctx, although First, Find and All take none.
func popWithContext(w http.ResponseWriter, r *http.Request) {
	conn := popDB.WithContext(r.Context())
	var u popUser
	_ = conn.Find(&u, r.FormValue("id"))
	_ = conn.Where("name = ?", r.FormValue("name")).First(&u)
	var users []popUser
	_ = conn.Q().Limit(50).All(&users)
}

// popTwin runs the same read through sqlx with no context: reported.
func popTwin(w http.ResponseWriter, r *http.Request) {
	var u user
	_ = xdb.Get(&u, "SELECT id, name FROM users WHERE id = $1", r.FormValue("id")) // want `\(\*sqlx.DB\).Get in a request path has no context`
}
