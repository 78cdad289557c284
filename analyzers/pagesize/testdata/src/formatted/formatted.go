// Package formatted writes page sizes into the SQL text itself:
// fmt.Sprintf, concatenation, strings.Builder, bytes.Buffer and
// squirrel's Suffix, each next to its correct twin.
package formatted

import (
	"bytes"
	"database/sql"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/Masterminds/squirrel"
)

const maxPageSize = 100

type API struct{ db *sql.DB }

func (a *API) sprintf(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	q := fmt.Sprintf("SELECT id FROM users ORDER BY id LIMIT %d", limit) // want `page size from query parameter "limit" reaches LIMIT without an upper bound`
	a.db.Query(q)
}

func (a *API) sprintfClamped(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if limit <= 0 || limit > maxPageSize {
		limit = maxPageSize
	}
	q := fmt.Sprintf("SELECT id FROM users ORDER BY id LIMIT %d", limit)
	a.db.Query(q)
}

func (a *API) sprintfConstant(w http.ResponseWriter, r *http.Request) {
	a.db.Query(fmt.Sprintf("SELECT id FROM users ORDER BY id LIMIT %d", maxPageSize))
}

// MySQL's LIMIT offset, count: the count is the page size.
func (a *API) sprintfOffsetCount(w http.ResponseWriter, r *http.Request) {
	page, _ := strconv.Atoi(r.FormValue("page"))
	n, _ := strconv.Atoi(r.FormValue("n"))
	a.db.Query(fmt.Sprintf("SELECT id FROM posts LIMIT %d, %d", page*maxPageSize, n)) // want `page size from form value "n" reaches LIMIT`
}

func (a *API) sprintfOffsetCountClamped(w http.ResponseWriter, r *http.Request) {
	page, _ := strconv.Atoi(r.FormValue("page"))
	a.db.Query(fmt.Sprintf("SELECT id FROM posts LIMIT %d, %d", page*maxPageSize, maxPageSize))
}

// A lower bound alone is not a clamp.
func (a *API) lowerBoundOnly(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if limit < 0 {
		limit = 10
	}
	a.db.Query("SELECT id FROM users ORDER BY id LIMIT " + strconv.Itoa(limit)) // want `page size from query parameter "limit" reaches LIMIT without an upper bound`
}

func (a *API) lowerBoundReject(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if limit <= 0 {
		http.Error(w, "bad limit", http.StatusBadRequest)
		return
	}
	a.db.Query("SELECT id FROM users ORDER BY id LIMIT " + strconv.Itoa(limit)) // want `page size from query parameter "limit" reaches LIMIT without an upper bound`
}

func (a *API) bothBounds(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if limit <= 0 || limit > maxPageSize {
		http.Error(w, "bad limit", http.StatusBadRequest)
		return
	}
	a.db.Query("SELECT id FROM users ORDER BY id LIMIT " + strconv.Itoa(limit))
}

func (a *API) concatAppended(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.ParseInt(r.FormValue("n"), 10, 64)
	q := "SELECT id FROM users"
	q += " ORDER BY id"
	q += " LIMIT " + strconv.FormatInt(n, 10) // want `page size from form value "n" reaches LIMIT`
	a.db.Query(q)
}

func (a *API) concatAppendedClamped(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.ParseInt(r.FormValue("n"), 10, 64)
	q := "SELECT id FROM users"
	q += " ORDER BY id"
	q += " LIMIT " + strconv.FormatInt(min(n, maxPageSize), 10)
	a.db.Query(q)
}

func (a *API) builder(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.FormValue("n"))
	var b strings.Builder
	b.WriteString("SELECT id FROM users ORDER BY id")
	b.WriteString(" LIMIT ")
	b.WriteString(strconv.Itoa(n)) // want `page size from form value "n" reaches LIMIT`
	a.db.Query(b.String())
}

func (a *API) builderClamped(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.FormValue("n"))
	var b strings.Builder
	b.WriteString("SELECT id FROM users ORDER BY id")
	b.WriteString(" LIMIT ")
	b.WriteString(strconv.Itoa(min(n, maxPageSize)))
	a.db.Query(b.String())
}

func (a *API) buffer(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.FormValue("n"))
	var b bytes.Buffer
	b.WriteString("SELECT id FROM users ORDER BY id")
	fmt.Fprintf(&b, " LIMIT %d", n) // want `page size from form value "n" reaches LIMIT`
	a.db.Query(b.String())
}

func (a *API) bufferConstant(w http.ResponseWriter, r *http.Request) {
	var b bytes.Buffer
	b.WriteString("SELECT id FROM users ORDER BY id")
	fmt.Fprintf(&b, " LIMIT %d", maxPageSize)
	a.db.Query(b.String())
}

// A number printed elsewhere in the text is not a page size.
func (a *API) notALimit(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.Atoi(r.FormValue("id"))
	a.db.Query(fmt.Sprintf("SELECT id FROM users WHERE id = %d", id))
	a.db.Query("SELECT id FROM users WHERE id = " + strconv.Itoa(id))
}

func (a *API) squirrelSuffix(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.FormValue("n"))
	squirrel.Select("id").From("users").Suffix("LIMIT ?", n)               // want `page size from form value "n" reaches LIMIT`
	squirrel.Select("id").From("users").Suffix(fmt.Sprintf("LIMIT %d", n)) // want `page size from form value "n" reaches LIMIT`
}

func (a *API) squirrelSuffixClamped(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.FormValue("n"))
	squirrel.Select("id").From("users").Suffix("LIMIT ?", min(n, maxPageSize))
	squirrel.Select("id").From("users").Suffix(fmt.Sprintf("LIMIT %d", maxPageSize))
}

// A helper of the program that formats the text: its callers' page sizes
// reach the LIMIT through it.
func pageClause(limit, offset int) string {
	return fmt.Sprintf(" LIMIT %d OFFSET %d", limit, offset)
}

func (a *API) viaClause(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.FormValue("n"))
	a.db.Query("SELECT id FROM users ORDER BY id" + pageClause(n, 0)) // want `page size from form value "n" reaches LIMIT through formatted.pageClause`
}

func (a *API) viaClauseClamped(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.FormValue("n"))
	a.db.Query("SELECT id FROM users ORDER BY id" + pageClause(min(n, maxPageSize), 0))
}

// The operands of LIMIT offset, count formatted on their own and
// appended to "LIMIT " (writefreely's admin list): the page number is the
// offset, and the count a constant.
func (a *API) offsetCountAppended(w http.ResponseWriter, r *http.Request) {
	page, _ := strconv.Atoi(r.FormValue("p"))
	limit := fmt.Sprintf("0, %d", maxPageSize)
	if page > 1 {
		limit = fmt.Sprintf("%d, %d", (page-1)*maxPageSize, maxPageSize)
	}
	a.db.Query("SELECT id FROM users ORDER BY created DESC LIMIT " + limit)
}

func (a *API) offsetCountAppendedCount(w http.ResponseWriter, r *http.Request) {
	page, _ := strconv.Atoi(r.FormValue("p"))
	n, _ := strconv.Atoi(r.FormValue("n"))
	limit := fmt.Sprintf("%d, %d", page*maxPageSize, n)
	a.db.Query("SELECT id FROM users ORDER BY created DESC LIMIT " + limit) // want `page size from form value "n" reaches LIMIT`
}

func (a *API) offsetNumberCount(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.FormValue("n"))
	a.db.Query(fmt.Sprintf("SELECT id FROM users LIMIT 0, %d", n)) // want `page size from form value "n" reaches LIMIT`
}

// An error message that names the parameter is no LIMIT (dendrite's
// backfill: "limit %q is invalid format"), quoted or followed by prose;
// its twin writes the same value into the SQL text.
func (a *API) limitMessage(w http.ResponseWriter, r *http.Request) {
	s := r.FormValue("limit")
	n, err := strconv.Atoi(s)
	if err != nil {
		http.Error(w, fmt.Sprintf("limit %q is invalid format", s), http.StatusBadRequest)
		return
	}
	http.Error(w, fmt.Sprintf("limit %d exceeds the maximum", n), http.StatusBadRequest)
}

func (a *API) limitInText(w http.ResponseWriter, r *http.Request) {
	s := r.FormValue("limit")
	a.db.Query(fmt.Sprintf("SELECT id FROM users ORDER BY id LIMIT %s;", s)) // want `page size from form value "limit" reaches LIMIT`
}
