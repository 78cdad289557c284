// Package broken does not type-check: the rules that need no flow
// analysis still run.
package broken

import (
	"context"
	"database/sql"

	"store"
	"zgo.at/zdb"
)

func names(ctx context.Context, db *sql.DB, st *store.Store, ids []int64) {
	for _, id := range ids {
		_ = db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id) // want `^\(\*sql.DB\).QueryRowContext runs a query once per element of ids`
		_, _ = st.UserByID(ctx, id)                                             // want `^\(\*store.Store\).UserByID runs a query \(\(\*sql.DB\).QueryRowContext in store/store.go:\d+\) once per element of ids`
	}
	undefined()
}

// A bulk inserter's Values queues a row: the batching, even here.
func savePaths(ctx context.Context, paths []string) error {
	ins := zdb.NewBulkInsert(ctx, "paths", []string{"path"})
	for _, p := range paths {
		ins.Values(p)
	}
	undefined()
	return ins.Finish()
}

// The twin: one INSERT per path.
func savePathsOneByOne(ctx context.Context, paths []string) {
	for _, p := range paths {
		_ = zdb.Exec(ctx, "INSERT INTO paths (path) VALUES ($1)", p) // want `^zdb.Exec runs a write`
	}
	undefined()
}

// A lazy loader over a field of a type that does not check, a method
// with a blank name and a list loaded by it: no panic, no finding (the
// undefined call in the guard may be a query: the loader is lazy).
type issue struct {
	Repo *missing.Repo
}

func (i *issue) load(ctx context.Context, db *sql.DB) { // want load:`lazy\(Repo; Repo\)`
	if i.Repo == nil {
		i.Repo = missingRepo(ctx, db)
	}
}

func (*issue) _() []*issue { return nil }

func issuesOf(ctx context.Context, db *sql.DB) []*issue { // want issuesOf:`loads\(\(\*broken.issue\).load; Repo\)`
	var list []*issue
	for _, i := range list {
		i.load(ctx, db)
	}
	return list
}

func again(ctx context.Context, db *sql.DB) {
	for _, i := range issuesOf(ctx, db) {
		i.load(ctx, db)
	}
}
