package budget // want package:`impls\(QuoteClient greeter\)`

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/jmoiron/sqlx"
)

type Article struct {
	ID    int    `db:"id"`
	Title string `db:"title"`
}

type ChiAPI struct{ DB *sqlx.DB }

func (a *ChiAPI) Routes() http.Handler {
	r := chi.NewRouter()
	r.Get("/articles", a.listWithTags)      // want `route "GET /articles" is estimated at ~610ms from its code, above its p95 objective of 500ms`
	r.Get("/articles/joined", a.listJoined) // one complex query: ~100ms
	r.Get("/articles/{id}", a.get)          // one query: ~10ms
	r.Route("/feeds", func(r chi.Router) {
		r.Get("/articles", a.listWithTags) // want `route "GET /feeds/articles" is estimated at ~610ms from its code, above its p95 objective of 500ms`
	})
	return r
}

// listWithTags reads a page of 6 articles (LIMIT 6), then the tags of each
// with a joined query: 10ms + 6 × 100ms.
func (a *ChiAPI) listWithTags(w http.ResponseWriter, r *http.Request) {
	var arts []Article
	if err := a.DB.SelectContext(r.Context(), &arts, "SELECT id, title FROM articles ORDER BY id DESC LIMIT 6"); err != nil {
		return
	}
	for _, art := range arts {
		var tags []string
		_ = a.DB.SelectContext(r.Context(), &tags, "SELECT t.name FROM tags t JOIN article_tags at ON at.tag_id = t.id WHERE at.article_id = $1", art.ID)
	}
}

func (a *ChiAPI) listJoined(w http.ResponseWriter, r *http.Request) {
	var rows []struct {
		Article
		Tag string `db:"tag"`
	}
	_ = a.DB.SelectContext(r.Context(), &rows, "SELECT a.id, a.title, t.name AS tag FROM articles a JOIN article_tags at ON at.article_id = a.id JOIN tags t ON t.id = at.tag_id LIMIT 100")
}

func (a *ChiAPI) get(w http.ResponseWriter, r *http.Request) {
	var art Article
	_ = a.DB.GetContext(r.Context(), &art, "SELECT id, title FROM articles WHERE id = $1", chi.URLParam(r, "id"))
}
