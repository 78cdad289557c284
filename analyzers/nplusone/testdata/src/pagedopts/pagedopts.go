// Package pagedopts reads lists through an options struct with a page
// (harbor's q.Query): a read given a query built with no page is every
// child of one parent, not a page (reported only with -unpaged); its
// twins set a page.
package pagedopts

import (
	"context"
	"database/sql"
	"math"

	"pagedopts/q"
)

type artifact struct{ ID, ParentID int64 }

var db *sql.DB

func list(ctx context.Context, query *q.Query) []artifact {
	rows, err := db.QueryContext(ctx, query.SQL("artifacts"))
	if err != nil {
		return nil
	}
	defer rows.Close()
	var out []artifact
	for rows.Next() {
		var a artifact
		_ = rows.Scan(&a.ID, &a.ParentID)
		out = append(out, a)
	}
	return out
}

func tags(ctx context.Context, id int64) int {
	var n int
	_ = db.QueryRowContext(ctx, "SELECT count(*) FROM tags WHERE artifact_id = $1", id).Scan(&n)
	return n
}

func children(ctx context.Context, parent int64) (n int) {
	for _, a := range list(ctx, q.New(map[string]any{"parent_id": parent})) {
		n += tags(ctx, a.ID)
	}
	return n
}

func childrenPage(ctx context.Context, parent int64) (n int) {
	for _, a := range list(ctx, q.Page(20, 1)) {
		n += tags(ctx, a.ID) // want `tags runs a query .* once per element of list`
	}
	return n
}

func childrenVar(ctx context.Context, parent int64) (n int) {
	query := q.New(map[string]any{"parent_id": parent})
	for _, a := range list(ctx, query) {
		n += tags(ctx, a.ID)
	}
	return n
}

func childrenVarPaged(ctx context.Context, parent int64, size int64) (n int) {
	query := q.New(map[string]any{"parent_id": parent})
	query.PageSize = size
	for _, a := range list(ctx, query) {
		n += tags(ctx, a.ID) // want `tags runs a query .* once per element of list`
	}
	return n
}

func childrenEither(ctx context.Context, parent int64, size int64) (n int) {
	for _, a := range list(ctx, q.Either(map[string]any{"parent_id": parent}, size)) {
		n += tags(ctx, a.ID) // want `tags runs a query .* once per element of list`
	}
	return n
}

// local builds the query in this package.
func local(parent int64) *q.Query {
	return &q.Query{Keywords: map[string]any{"parent_id": parent}}
}

func childrenLocal(ctx context.Context, parent int64) (n int) {
	for _, a := range list(ctx, local(parent)) {
		n += tags(ctx, a.ID)
	}
	return n
}

// A page of math.MaxInt32 rows or more asks for every row, whatever its
// page number (gitness' Page: 1, Size: math.MaxInt): not a page.
func childrenAll(ctx context.Context, parent int64) (n int) {
	for _, a := range list(ctx, &q.Query{Keywords: map[string]any{"parent_id": parent}, PageNumber: 1, PageSize: math.MaxInt64}) {
		n += tags(ctx, a.ID)
	}
	return n
}

func childrenHundred(ctx context.Context, parent int64) (n int) {
	for _, a := range list(ctx, &q.Query{Keywords: map[string]any{"parent_id": parent}, PageSize: 100}) {
		n += tags(ctx, a.ID) // want `tags runs a query .* once per element of list`
	}
	return n
}
