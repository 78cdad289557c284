// Package anycoll is checked with -anycollection: loops over any
// collection are reported, not only those over a list.
package anycoll

import (
	"context"
	"database/sql"
	"net/http"
	"strconv"
)

var db *sql.DB

type User struct {
	ID   int64
	Tags []string
}

func getUser(ctx context.Context, id int64) (User, error) {
	var u User
	err := db.QueryRowContext(ctx, "SELECT id FROM users WHERE id = $1", id).Scan(&u.ID)
	return u, err
}

// The children of one entity.
func tagsOfOneUser(ctx context.Context, id int64) {
	u, _ := getUser(ctx, id)
	for _, tag := range u.Tags {
		_, _ = db.ExecContext(ctx, "INSERT INTO tags (name) VALUES ($1) ON CONFLICT DO NOTHING", tag) // want `once per element of u.Tags;`
	}
}

var regions = loadRegions()

func loadRegions() []string { return nil }

// A registry.
func warmRegions(ctx context.Context) {
	for _, r := range regions {
		_, _ = db.ExecContext(ctx, "INSERT INTO regions (name) VALUES ($1) ON CONFLICT DO NOTHING", r) // want `once per element of regions;`
	}
}

// A package variable assigned after its literal (see direct's growing).
var growing = []string{"a"}

func addGrowing(s string) { growing = append(growing, s) }

func notConstant(ctx context.Context) {
	for _, k := range growing {
		_ = db.QueryRowContext(ctx, "SELECT v FROM settings WHERE k = $1", k) // want `once per element of growing`
	}
}

// A constant number of iterations is still none.
func three(ctx context.Context) {
	for _, r := range []string{"a", "b", "c"} {
		_, _ = db.ExecContext(ctx, "INSERT INTO regions (name) VALUES ($1)", r)
	}
}

// A list a request carries: reported only with -anycollection.
func namesHandler(w http.ResponseWriter, r *http.Request) {
	for _, id := range r.URL.Query()["id"] {
		n, _ := strconv.ParseInt(id, 10, 64)
		_, _ = getUser(r.Context(), n) // want `once per element of r.URL.Query\(\)\["id"\];`
	}
}
