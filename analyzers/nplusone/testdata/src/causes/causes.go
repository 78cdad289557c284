// Package causes reports one finding per cause: one per loop however
// many round trips its body makes, and one per helper that many loops
// call per element.
package causes

import (
	"context"
	"database/sql"
)

var db *sql.DB

type entry struct {
	ID   int64
	Hash string
}

// Four round trips in one loop body are one N+1: the loop is what
// changes.
func storeEntries(ctx context.Context, entries []entry) {
	for _, e := range entries {
		tx, err := db.BeginTx(ctx, nil) // want `^\(\*sql.DB\).BeginTx runs a transaction once per element of entries, and so do 3 more calls in the loop; run the loop inside one transaction`
		if err != nil {
			return
		}
		var n int
		_ = tx.QueryRowContext(ctx, "SELECT count(*) FROM entries WHERE hash = $1", e.Hash).Scan(&n)
		_, _ = tx.ExecContext(ctx, "INSERT INTO entries (id, hash) VALUES ($1, $2)", e.ID, e.Hash)
		_ = tx.Commit()
	}
}

// Its fix: one transaction, one statement for all the entries.
func storeEntriesAtOnce(ctx context.Context, entries []entry) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	ids := make([]int64, 0, len(entries))
	hashes := make([]string, 0, len(entries))
	for _, e := range entries {
		ids = append(ids, e.ID)
		hashes = append(hashes, e.Hash)
	}
	_, err = tx.ExecContext(ctx, "INSERT INTO entries (id, hash) SELECT * FROM unnest($1::bigint[], $2::text[]) ON CONFLICT DO NOTHING", ids, hashes)
	if err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Two loops, two findings.
func twoLoops(ctx context.Context, ids []int64) {
	for _, id := range ids {
		_ = db.QueryRowContext(ctx, "SELECT 1 FROM users WHERE id = $1", id) // want `^\(\*sql.DB\).QueryRowContext runs a query once per element of ids; load them`
	}
	for _, id := range ids {
		_, _ = db.ExecContext(ctx, "UPDATE users SET seen = true WHERE id = $1", id) // want `^\(\*sql.DB\).ExecContext runs a write once per element of ids; write them`
	}
}

// ---- one helper, many loops ----

func userName(ctx context.Context, id int64) string { // want `^causes.userName runs a query \(\(\*sql.DB\).QueryRowContext in causes/causes.go:\d+\) and is called once per element in 4 loops of this package; give it a batch variant that loads all the elements in one query \(WHERE id = ANY\(\$1\), or IN \(...\)\) and call that before each loop$`
	var name string
	_ = db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name)
	return name
}

type post struct{ AuthorID, EditorID int64 }

func authors(ctx context.Context, posts []post) []string {
	var out []string
	for _, p := range posts {
		out = append(out, userName(ctx, p.AuthorID))
	}
	return out
}

func editors(ctx context.Context, posts []post) []string {
	var out []string
	for _, p := range posts {
		out = append(out, userName(ctx, p.EditorID))
	}
	return out
}

func members(ctx context.Context, ids []int64) []string {
	var out []string
	for _, id := range ids {
		out = append(out, userName(ctx, id))
	}
	return out
}

func owners(ctx context.Context, owners map[int64]bool) []string {
	var out []string
	for id := range owners {
		out = append(out, userName(ctx, id))
	}
	return out
}

// A helper called per element from two loops is one cause too (gogs'
// toRepository, from three API handlers): one finding at the helper.
func teamName(ctx context.Context, id int64) string { // want `^causes.teamName runs a query \(\(\*sql.DB\).QueryRowContext in causes/causes.go:\d+\) and is called once per element in 2 loops of this package; give it a batch variant`
	var name string
	_ = db.QueryRowContext(ctx, "SELECT name FROM teams WHERE id = $1", id).Scan(&name)
	return name
}

func teamsOf(ctx context.Context, ids []int64) []string {
	var out []string
	for _, id := range ids {
		out = append(out, teamName(ctx, id))
	}
	return out
}

func teamsByKey(ctx context.Context, byKey map[string]int64) map[string]string {
	out := make(map[string]string, len(byKey))
	for k, id := range byKey {
		out[k] = teamName(ctx, id)
	}
	return out
}

// Its twin: a helper called per element from one loop is reported at the
// loop, the loop's own fix.
func groupName(ctx context.Context, id int64) string {
	var name string
	_ = db.QueryRowContext(ctx, "SELECT name FROM groups WHERE id = $1", id).Scan(&name)
	return name
}

func groupsOf(ctx context.Context, ids []int64) []string {
	var out []string
	for _, id := range ids {
		out = append(out, groupName(ctx, id)) // want `^causes.groupName runs a query \(\(\*sql.DB\).QueryRowContext in causes/causes.go:\d+\) once per element of ids; load them`
	}
	return out
}

// The batch variant, called once before each loop: nothing to report.
func userNames(ctx context.Context, ids []int64) map[int64]string {
	rows, err := db.QueryContext(ctx, "SELECT id, name FROM users WHERE id = ANY($1)", ids)
	if err != nil {
		return nil
	}
	defer rows.Close()
	out := make(map[int64]string, len(ids))
	for rows.Next() {
		var id int64
		var name string
		if rows.Scan(&id, &name) == nil {
			out[id] = name
		}
	}
	return out
}

func authorsBatched(ctx context.Context, posts []post) []string {
	ids := make([]int64, 0, len(posts))
	for _, p := range posts {
		ids = append(ids, p.AuthorID)
	}
	names := userNames(ctx, ids)
	var out []string
	for _, p := range posts {
		out = append(out, names[p.AuthorID])
	}
	return out
}
