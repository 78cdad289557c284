package store

import "context"

// Pages is implemented by the postgres driver only (postgres.Pages): the
// handler passes it a page size from the request.
type Pages interface {
	ListPage(ctx context.Context, limit int) ([]Memo, error)
}
