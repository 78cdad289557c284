package sqlc

import "context"

// AuthorNames is written by hand next to sqlc's generated code: one query
// for all of them.
func (q *Queries) AuthorNames(ctx context.Context, ids []int64) ([]string, error) {
	authors, err := q.ListAuthorsByIDs(ctx, ids)
	names := make([]string, len(authors))
	for i, a := range authors {
		names[i] = a.Name
	}
	return names, err
}
