// Command lspgen writes a layered Go module of about N packages for
// measuring `perfvet lsp` (bench/lsplatency): HTTP handlers (api/aNNN)
// call services (svc/sNNN), which call repositories (repo/rNNN), which
// query through one shared package (db) over database/sql. Only the
// standard library is imported, so the module loads without a network.
// Some handlers pass context.Background(), some repositories query with
// no context, some services query once per element of a slice: perfvet has
// findings throughout.
//
// Usage:
//
//	go run ./bench/lspgen -n 400 -o /tmp/gen400
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"log"
	"os"
	"path/filepath"
)

func main() {
	n := flag.Int("n", 400, "number of packages (about)")
	out := flag.String("o", "", "output directory (required; created)")
	module := flag.String("module", "example.com/gen", "module path")
	flag.Parse()
	if *out == "" || *n < 5 {
		flag.Usage()
		os.Exit(2)
	}
	g := &gen{dir: *out, module: *module}
	// db, cmd/server, and the three layers in proportion 4:3:3.
	rest := *n - 2
	repos := rest * 4 / 10
	svcs := rest * 3 / 10
	apis := rest - repos - svcs
	g.write("go.mod", fmt.Sprintf("module %s\n\ngo 1.26.0\n", *module))
	g.db()
	for i := range repos {
		g.repo(i)
	}
	for i := range svcs {
		g.svc(i, repos)
	}
	for i := range apis {
		g.api(i, svcs)
	}
	g.cmd(apis)
	fmt.Printf("wrote %d packages to %s (db, %d repositories, %d services, %d handler packages, cmd/server)\n",
		2+repos+svcs+apis, *out, repos, svcs, apis)
}

type gen struct {
	dir, module string
}

func (g *gen) write(rel, src string) {
	path := filepath.Join(g.dir, rel)
	data := []byte(src)
	if filepath.Ext(rel) == ".go" {
		var err error
		if data, err = format.Source(data); err != nil {
			log.Fatalf("%s: %v\n%s", rel, err, src)
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		log.Fatal(err)
	}
}

func (g *gen) db() {
	g.write("db/db.go", `// Package db wraps database/sql for the repositories.
package db

import (
	"context"
	"database/sql"
)

// DB is the shared handle.
type DB struct{ SQL *sql.DB }

// Row reads one row.
func (d *DB) Row(ctx context.Context, query string, args ...any) *sql.Row {
	return d.SQL.QueryRowContext(ctx, query, args...)
}

// Rows reads rows.
func (d *DB) Rows(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return d.SQL.QueryContext(ctx, query, args...)
}
`)
}

func (g *gen) repo(i int) {
	var b bytes.Buffer
	fmt.Fprintf(&b, `// Package r%03[1]d is the repository of table t%03[1]d.
package r%03[1]d

import (
	"context"

	"%[2]s/db"
)

// Item is a row of t%03[1]d.
type Item struct {
	ID   int
	Name string
}

// Repo reads t%03[1]d.
type Repo struct{ DB *db.DB }

// Get reads one item.
func (r *Repo) Get(ctx context.Context, id int) (Item, error) {
	var it Item
	err := r.DB.Row(ctx, "SELECT id, name FROM t%03[1]d WHERE id = $1", id).Scan(&it.ID, &it.Name)
	return it, err
}

// List reads a page of items.
func (r *Repo) List(ctx context.Context, limit int) ([]Item, error) {
	rows, err := r.DB.Rows(ctx, "SELECT id, name FROM t%03[1]d ORDER BY id LIMIT $1", limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Item
	for rows.Next() {
		var it Item
		if err := rows.Scan(&it.ID, &it.Name); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}
`, i, g.module)
	if i%5 == 0 {
		fmt.Fprintf(&b, `
// Count counts the items with no context: a caller's deadline cannot stop it.
func (r *Repo) Count() (int, error) {
	var n int
	err := r.DB.SQL.QueryRow("SELECT count(*) FROM t%03d").Scan(&n)
	return n, err
}
`, i)
	}
	g.write(fmt.Sprintf("repo/r%03d/repo.go", i), b.String())
}

func (g *gen) svc(i, repos int) {
	a, c := i%repos, (i*7+3)%repos
	var b bytes.Buffer
	fmt.Fprintf(&b, `// Package s%03[1]d combines two repositories.
package s%03[1]d

import (
	"context"

	ra "%[2]s/repo/r%03[3]d"
	rb "%[2]s/repo/r%03[4]d"
)

// Service serves one part of the API.
type Service struct {
	A *ra.Repo
	B *rb.Repo
}

// Page returns a page of A's items.
func (s *Service) Page(ctx context.Context, limit int) ([]ra.Item, error) {
	return s.A.List(ctx, limit)
}
`, i, g.module, a, c)
	if i%4 == 0 {
		b.WriteString(`
// Names reads B's item for each id, one query per id.
func (s *Service) Names(ctx context.Context, ids []int) ([]string, error) {
	var out []string
	for _, id := range ids {
		it, err := s.B.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, it.Name)
	}
	return out, nil
}
`)
	} else {
		b.WriteString(`
// One reads one of B's items.
func (s *Service) One(ctx context.Context, id int) (string, error) {
	it, err := s.B.Get(ctx, id)
	return it.Name, err
}
`)
	}
	g.write(fmt.Sprintf("svc/s%03d/svc.go", i), b.String())
}

func (g *gen) api(i, svcs int) {
	s := i % svcs
	var b bytes.Buffer
	fmt.Fprintf(&b, `// Package a%03[1]d serves part of the API over HTTP.
package a%03[1]d

import (
	"context"
	"encoding/json"
	"net/http"

	"%[2]s/svc/s%03[3]d"
)

// Handler serves /a%03[1]d.
type Handler struct{ Svc *s%03[3]d.Service }

// Register adds the routes.
func (h *Handler) Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /a%03[1]d/items", h.items)
}

func (h *Handler) items(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if r.URL.Query().Get("detached") != "" {
		ctx = context.Background()
	}
	items, err := h.Svc.Page(ctx, 50)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	json.NewEncoder(w).Encode(items)
}
`, i, g.module, s)
	if i%3 == 0 {
		b.WriteString(`
// Background detaches the query from the request.
func (h *Handler) Background(w http.ResponseWriter, r *http.Request) {
	items, err := h.Svc.Page(context.Background(), 10)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	json.NewEncoder(w).Encode(items)
}
`)
	}
	g.write(fmt.Sprintf("api/a%03d/api.go", i), b.String())
}

func (g *gen) cmd(apis int) {
	var b bytes.Buffer
	b.WriteString("// Command server serves every handler.\npackage main\n\nimport (\n\t\"net/http\"\n\t\"time\"\n\n")
	for i := range apis {
		fmt.Fprintf(&b, "\ta%03d \"%s/api/a%03d\"\n", i, g.module, i)
	}
	b.WriteString(")\n\nfunc main() {\n\tmux := http.NewServeMux()\n")
	for i := range apis {
		fmt.Fprintf(&b, "\tnew(a%03d.Handler).Register(mux)\n", i)
	}
	b.WriteString("\tsrv := &http.Server{Addr: \":8080\", Handler: mux, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second, WriteTimeout: 10 * time.Second}\n")
	b.WriteString("\tsrv.ListenAndServe()\n}\n")
	g.write("cmd/server/main.go", b.String())
}
