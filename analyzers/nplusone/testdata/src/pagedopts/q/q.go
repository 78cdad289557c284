// Package q builds list options (harbor's lib/q): a Query with a page.
package q

import "fmt"

type Query struct {
	Keywords   map[string]any
	PageSize   int64
	PageNumber int64
}

// New returns a query with no page: every row it selects.
func New(kw map[string]any) *Query { // want New:"nopage"
	return &Query{Keywords: kw}
}

// Page returns a query of one page.
func Page(size, number int64) *Query {
	return &Query{PageSize: size, PageNumber: number}
}

// Either returns a query with no page, or one of a page.
func Either(kw map[string]any, size int64) *Query {
	if size == 0 {
		return New(kw)
	}
	return &Query{Keywords: kw, PageSize: size}
}

// SQL returns the query's text: a page of it when it has one.
func (q *Query) SQL(table string) string {
	text := "SELECT id, parent_id FROM " + table
	if q.PageSize > 0 {
		text += fmt.Sprintf(" LIMIT %d OFFSET %d", q.PageSize, q.PageNumber*q.PageSize)
	}
	return text
}
