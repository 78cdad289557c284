package nplusone

import (
	"context"

	"example.com/realibs/nplusone/sqlc"
)

var queries = sqlc.New(db)

func sqlcAuthors(ctx context.Context, ids []int64) {
	for _, id := range ids {
		_, _ = queries.GetAuthor(ctx, id) // want `^\(\*sqlc.Queries\).GetAuthor may run a query \(\(sqlc.DBTX\).QueryRowContext → \(\*sql.DB\).QueryRowContext in sqlc/query.sql.go:\d+\) once per element of ids; load them in one query before the loop`
		_ = queries.DeleteAuthor(ctx, id) // want `^\(\*sqlc.Queries\).DeleteAuthor may run a write`
	}
	_, _ = queries.ListAuthorsByIDs(ctx, ids)
	_, _ = queries.AuthorNames(ctx, ids)
}
