// Package syncer implements the plugin API's Syncer, which only plugins
// call, and the program's Exporter, which its handlers call.
package syncer

import (
	"context"
	"database/sql"
	"net/http"

	"example.com/pluginapi/plugin"
)

type Syncer struct {
	DB    *sql.DB
	Votes Counter
}

// A Counter counts a question's votes; its implementation is in another
// package, which only main imports.
type Counter interface {
	Count(ctx context.Context, id int64) int
}

// New returns the core's syncer as the plugin API's interface.
func New(db *sql.DB, votes Counter) plugin.Syncer { return &Syncer{DB: db, Votes: votes} }

// NewExporter returns the same type as the Exporter the handlers call.
func NewExporter(db *sql.DB, votes Counter) plugin.Exporter {
	return &Exporter{DB: db, Votes: votes}
}

// VotesPage runs only when a plugin calls it: the loop of its helper,
// whose calls main resolves, is silent too.
func (s *Syncer) VotesPage(ctx context.Context, p, size int) ([]plugin.Content, error) {
	return votes(ctx, s.Votes, page(ctx, s.DB, p, size)), nil
}

func votes(ctx context.Context, votes Counter, ids []int64) []plugin.Content {
	var out []plugin.Content
	for _, id := range ids {
		out = append(out, plugin.Content{ID: id, Answers: votes.Count(ctx, id)})
	}
	return out
}

// ExportVotes is invoked by the handlers: the same loop is reported, by
// main, which resolves the counter.
func (e *Exporter) ExportVotes(ctx context.Context, p, size int) ([]plugin.Content, error) {
	return exportVotes(ctx, e.Votes, page(ctx, e.DB, p, size)), nil
}

func exportVotes(ctx context.Context, votes Counter, ids []int64) []plugin.Content {
	var out []plugin.Content
	for _, id := range ids {
		out = append(out, plugin.Content{ID: id, Answers: votes.Count(ctx, id)}) // want `once per element of ids`
	}
	return out
}

// page reads one page of question ids.
func page(ctx context.Context, db *sql.DB, page, size int) []int64 {
	rows, err := db.QueryContext(ctx, "SELECT id FROM questions ORDER BY id LIMIT $1 OFFSET $2", size, page*size)
	if err != nil {
		return nil
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		_ = rows.Scan(&id)
		ids = append(ids, id)
	}
	return ids
}

// QuestionsPage runs only when a plugin calls it: its loop (in build) is
// silent.
func (s *Syncer) QuestionsPage(ctx context.Context, p, size int) ([]plugin.Content, error) {
	return build(ctx, s.DB, page(ctx, s.DB, p, size)), nil
}

// build counts each question's answers. Its list comes from
// QuestionsPage (a page) and from ContentByID (a list of one).
func build(ctx context.Context, db *sql.DB, ids []int64) []plugin.Content {
	var out []plugin.Content
	for _, id := range ids {
		c := plugin.Content{ID: id}
		_ = db.QueryRowContext(ctx, "SELECT count(*) FROM answers WHERE question_id = $1", id).Scan(&c.Answers)
		out = append(out, c)
	}
	return out
}

// ContentByID builds one question's content; a handler calls it per
// request, on a list of one: nothing to report.
func ContentByID(ctx context.Context, db *sql.DB, id int64) plugin.Content {
	return build(ctx, db, []int64{id})[0]
}

type Exporter struct {
	DB    *sql.DB
	Votes Counter
}

// ExportPage is an interface method the handlers invoke: its helper's
// loop over a page is reported.
func (e *Exporter) ExportPage(ctx context.Context, p, size int) ([]plugin.Content, error) {
	return export(ctx, e.DB, page(ctx, e.DB, p, size)), nil
}

func export(ctx context.Context, db *sql.DB, ids []int64) []plugin.Content {
	var out []plugin.Content
	for _, id := range ids {
		c := plugin.Content{ID: id}
		_ = db.QueryRowContext(ctx, "SELECT count(*) FROM votes WHERE question_id = $1", id).Scan(&c.Answers) // want `once per element of ids`
		out = append(out, c)
	}
	return out
}

// ServeHTTP makes the syncer an http.Handler too, an interface of the
// standard library, whose callers the program does not hold: reported.
func (s *Syncer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, id := range page(r.Context(), s.DB, 0, 50) {
		_ = s.DB.QueryRowContext(r.Context(), "SELECT title FROM questions WHERE id = $1", id).Scan(new(string)) // want `once per element`
	}
}

// Handler returns the syncer as an http.Handler.
func Handler(db *sql.DB) http.Handler { return &Syncer{DB: db} }
