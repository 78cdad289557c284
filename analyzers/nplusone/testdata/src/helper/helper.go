package helper // want package:`impls\(Repo\)`

// Package helper reaches queries through helpers of its own package.

import (
	"context"
	"database/sql"
)

type Repo struct{ db *sql.DB }

func (r *Repo) name(ctx context.Context, id int64) string {
	var s string
	_ = r.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&s)
	return s
}

// label goes through name.
func (r *Repo) label(ctx context.Context, id int64) string {
	return "user " + r.name(ctx, id)
}

func (r *Repo) names(ctx context.Context, ids []int64) map[int64]string {
	out := make(map[int64]string)
	rows, err := r.db.QueryContext(ctx, "SELECT id, name FROM users WHERE id = ANY($1)", ids)
	if err != nil {
		return out
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var s string
		if rows.Scan(&id, &s) == nil {
			out[id] = s
		}
	}
	return out
}

func (r *Repo) Labels(ctx context.Context, ids []int64) []string { // want Labels:`roundtrips\(read: \(\*helper.Repo\).label → \(\*helper.Repo\).name → \(\*sql.DB\).QueryRowContext\)`
	var out []string
	for _, id := range ids {
		out = append(out, r.label(ctx, id)) // want `^\(\*helper.Repo\).label runs a query \(\(\*helper.Repo\).name → \(\*sql.DB\).QueryRowContext in helper/helper.go:\d+\) once per element of ids; load them in one query before the loop`
	}
	return out
}

func (r *Repo) LabelsBatched(ctx context.Context, ids []int64) []string { // want LabelsBatched:`roundtrips\(read: \(\*helper.Repo\).names → \(\*sql.DB\).QueryContext\)`
	names := r.names(ctx, ids)
	var out []string
	for _, id := range ids {
		out = append(out, "user "+names[id])
	}
	return out
}

// Recursive helpers settle.
func (r *Repo) ancestors(ctx context.Context, id int64, depth int) []int64 {
	if depth == 0 {
		return nil
	}
	var parent int64
	_ = r.db.QueryRowContext(ctx, "SELECT parent FROM nodes WHERE id = $1", id).Scan(&parent)
	return append(r.ancestors(ctx, parent, depth-1), parent)
}

func (r *Repo) Trees(ctx context.Context, ids []int64) { // want Trees:`roundtrips\(read: \(\*helper.Repo\).ancestors → \(\*sql.DB\).QueryRowContext\)`
	for _, id := range ids {
		_ = r.ancestors(ctx, id, 3) // want `^\(\*helper.Repo\).ancestors runs a query \(\(\*sql.DB\).QueryRowContext in helper/helper.go:\d+\) once per element of ids`
	}
}

// pure does no round trip and carries no fact.
func pure(a, b int) int { return a + b }

func Sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n = pure(n, x)
	}
	return n
}
