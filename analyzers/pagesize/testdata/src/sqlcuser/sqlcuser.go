// Package sqlcuser serves sqlc's generated queries: they reach *sql.DB
// through the DBTX interface.
package sqlcuser

import (
	"net/http"
	"strconv"

	"sqlcgen"
)

type API struct{ q *sqlcgen.Queries }

func (a *API) authors(w http.ResponseWriter, r *http.Request) {
	a.q.ListAuthors(r.Context()) // want `\(\*sqlcgen.Queries\).ListAuthors reads every row of authors \(no LIMIT\) in a request path, through \(\*sql.DB\).QueryContext`
}

func (a *API) authorsPage(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	a.q.PageAuthors(r.Context(), int32(n)) // want `page size from query parameter "n" reaches LIMIT through \(\*sqlcgen.Queries\).PageAuthors`
}

func (a *API) authorsPageClamped(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	a.q.PageAuthors(r.Context(), int32(min(n, 100)))
	a.q.GetAuthor(r.Context(), 1)
}
