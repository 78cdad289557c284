// Package sqlcuser loops over sqlc's generated queries, whose DBTX
// interface resolves to *sql.DB.
package sqlcuser

import (
	"context"

	"sqlcgen"
)

func authors(ctx context.Context, q *sqlcgen.Queries, ids []int64) {
	for _, id := range ids {
		_, _ = q.GetAuthor(ctx, id) // want `^\(\*sqlcgen.Queries\).GetAuthor may run a query \(\(sqlcgen.DBTX\).QueryRowContext .*\) once per element of ids; load them in one query before the loop`
		_ = q.DeleteAuthor(ctx, id) // want `^\(\*sqlcgen.Queries\).DeleteAuthor may run a write`
	}
	_, _ = q.ListAuthorsByIDs(ctx, ids)
	_, _ = q.GetAuthors(ctx, ids) // the loop inside is generated code's business
}
