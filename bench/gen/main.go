// Command gen writes a realistic Go service module of a given size for
// perfvet's benchmarks: HTTP handlers call services, which call
// repositories over database/sql, GORM and Redis, across packages. It plants
// known problems (N+1 queries through helpers, unbounded page sizes, cache
// writes without TTL or invalidation, missing timeouts) at a fixed rate and
// writes the list of expected findings, so that a benchmark can check that
// the findings stay correct at every size.
//
// Usage:
//
//	go run ./bench/gen -packages 400 -out /tmp/gen400
//
// The module has about the requested number of packages: for k domains,
// 3k+2 (repo, service and api per domain, plus model and cmd/server).
// expected.txt lists "analyzer<TAB>file:line" for every planted problem.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// Planting rates: domain i gets the problem when i%rate == rate-1.
const (
	nplusoneEvery   = 5
	pagesizeEvery   = 7
	cacheEvery      = 6
	backgroundEvery = 11
	clientEvery     = 13
)

const modulePath = "example.com/gen"

func main() {
	n := flag.Int("packages", 100, "approximate number of packages")
	out := flag.String("out", "", "output directory (created; must not exist or be empty)")
	tidy := flag.Bool("tidy", true, "run go mod tidy in the generated module (needs the module proxy or a warm module cache)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gen: -out is required")
		os.Exit(2)
	}
	domains := max(1, (*n-2)/3)
	g := &generator{root: *out}
	if err := g.module(domains); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if *tidy {
		cmd := exec.CommandContext(context.Background(), "go", "mod", "tidy")
		cmd.Dir = *out
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			fmt.Fprintln(os.Stderr, "gen: go mod tidy:", err)
			os.Exit(1)
		}
	}
	fmt.Printf("gen: wrote %d packages (%d domains) to %s, %d expected findings\n", 3*domains+2, domains, *out, len(g.expected))
}

type generator struct {
	root     string
	expected []string // "analyzer\tfile:line"
}

func (g *generator) module(domains int) error {
	if err := os.MkdirAll(g.root, 0o755); err != nil {
		return err
	}
	gomod := "module " + modulePath + "\n\ngo 1.26.0\n\nrequire (\n" +
		"\tgithub.com/redis/go-redis/v9 v9.23.0\n" +
		"\tgorm.io/gorm v1.31.2\n" +
		")\n"
	if err := g.write("go.mod", gomod, false); err != nil {
		return err
	}
	if err := g.write("internal/model/model.go", modelSrc, true); err != nil {
		return err
	}
	var imports, routes []string
	for i := range domains {
		if err := g.domain(i); err != nil {
			return err
		}
		imports = append(imports, fmt.Sprintf("api%d %q", i, fmt.Sprintf("%s/internal/api/api%d", modulePath, i)))
		routes = append(routes, fmt.Sprintf("api%d.Register(mux, db, gdb, rdb)", i))
	}
	main := fmt.Sprintf(mainSrc, strings.Join(imports, "\n\t"), strings.Join(routes, "\n\t"))
	if err := g.write("cmd/server/main.go", main, true); err != nil {
		return err
	}
	sort.Strings(g.expected)
	return g.write("expected.txt", strings.Join(g.expected, "\n")+"\n", false)
}

// domain writes the repo, service and api packages of domain i, noting the
// lines of planted problems (marked with a "// PLANT:<analyzer>" comment).
func (g *generator) domain(i int) error {
	has := func(every int) bool { return i%every == every-1 }
	d := map[string]any{"I": i}
	repo := expand(repoSrc, d)
	if has(cacheEvery) {
		// A read-through entry with no TTL that the update path forgets
		// to drop: the write never expires nor is invalidated, and the
		// UPDATE leaves it stale (two findings).
		repo = strings.Replace(repo, "time.Duration(10)*time.Minute)", "0) // PLANT:cacheinval", 1)
		repo = strings.Replace(repo, "// Rename updates an item and drops its cache entry.", "// Rename updates an item.", 1)
		repo = strings.Replace(repo, "name, id); err != nil {", "name, id); err != nil { // PLANT:cacheinval", 1)
		repo = strings.Replace(repo, "\treturn r.RDB.Del(ctx, key(id)).Err()\n}", "\treturn nil\n}", 1)
	}
	svc := expand(svcSrc, d)
	if has(nplusoneEvery) {
		svc = strings.Replace(svc, "return s.Repo.ByIDs(ctx, ids)", nplusoneLoop, 1)
	}
	api := expand(apiSrc, d)
	if has(pagesizeEvery) {
		api = strings.Replace(api, "if limit <= 0 || limit > 100 {\n\t\tlimit = 100\n\t}", "// no clamp", 1)
		api = strings.Replace(api, "items, err := h.Svc.Page(r.Context(), limit)", "items, err := h.Svc.Page(r.Context(), limit) // PLANT:pagesize", 1)
	}
	if has(backgroundEvery) {
		api = strings.Replace(api, "item, err := h.Svc.Get(r.Context(), id)", "item, err := h.Svc.Get(context.Background(), id) // PLANT:timeouts", 1)
	}
	if has(clientEvery) {
		api = strings.Replace(api, "var client = &http.Client{Timeout: 5 * time.Second}", "var client = &http.Client{} // PLANT:timeouts", 1)
	}
	files := map[string]string{
		fmt.Sprintf("internal/repo/repo%d/repo.go", i): repo,
		fmt.Sprintf("internal/svc/svc%d/svc.go", i):    svc,
		fmt.Sprintf("internal/api/api%d/api.go", i):    api,
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := g.write(name, files[name], true); err != nil {
			return err
		}
	}
	return nil
}

// write formats Go source, records planted lines, and writes the file.
func (g *generator) write(name, src string, isGo bool) error {
	data := []byte(src)
	if isGo {
		formatted, err := format.Source(data)
		if err != nil {
			return fmt.Errorf("%s: %w\n%s", name, err, src)
		}
		data = formatted
		for n, line := range bytes.Split(data, []byte("\n")) {
			if _, plant, ok := bytes.Cut(line, []byte("// PLANT:")); ok {
				g.expected = append(g.expected, fmt.Sprintf("%s\t%s:%d", bytes.TrimSpace(plant), name, n+1))
			}
		}
	}
	path := filepath.Join(g.root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// expand replaces {{I}} in a template.
func expand(tmpl string, d map[string]any) string {
	return strings.ReplaceAll(tmpl, "{{I}}", fmt.Sprint(d["I"]))
}

const nplusoneLoop = `items := make([]model.Item, 0, len(ids))
	for _, id := range ids {
		it, err := s.Repo.ByID(ctx, id) // PLANT:nplusone
		if err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	return items, nil`

const modelSrc = `// Package model holds the types shared by every domain.
package model

import "time"

// Item is a row of a domain's table.
type Item struct {
	ID        int64
	Name      string
	OwnerID   int64
	UpdatedAt time.Time
}
`

const repoSrc = `// Package repo{{I}} stores the items of domain {{I}}.
package repo{{I}}

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
	"gorm.io/gorm"

	"example.com/gen/internal/model"
)

// Repo reads and writes domain {{I}}.
type Repo struct {
	DB  *sql.DB
	GDB *gorm.DB
	RDB *redis.Client
}

var _ = time.Second

func key(id int64) string { return "item{{I}}:" + strconv.FormatInt(id, 10) }

// ByID reads one item.
func (r *Repo) ByID(ctx context.Context, id int64) (model.Item, error) {
	var it model.Item
	err := r.DB.QueryRowContext(ctx, "SELECT id, name, owner_id, updated_at FROM items{{I}} WHERE id = $1", id).
		Scan(&it.ID, &it.Name, &it.OwnerID, &it.UpdatedAt)
	return it, err
}

// ByIDs reads many items in one query.
func (r *Repo) ByIDs(ctx context.Context, ids []int64) ([]model.Item, error) {
	rows, err := r.DB.QueryContext(ctx, "SELECT id, name, owner_id, updated_at FROM items{{I}} WHERE id = ANY($1)", ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []model.Item
	for rows.Next() {
		var it model.Item
		if err := rows.Scan(&it.ID, &it.Name, &it.OwnerID, &it.UpdatedAt); err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	return items, rows.Err()
}

// Page reads one page of items.
func (r *Repo) Page(ctx context.Context, limit int) ([]model.Item, error) {
	var items []model.Item
	err := r.GDB.WithContext(ctx).Order("id").Limit(limit).Find(&items).Error
	return items, err
}

// Cached reads an item through the cache.
func (r *Repo) Cached(ctx context.Context, id int64) (model.Item, error) {
	if data, err := r.RDB.Get(ctx, key(id)).Bytes(); err == nil {
		var it model.Item
		if json.Unmarshal(data, &it) == nil {
			return it, nil
		}
	}
	it, err := r.ByID(ctx, id)
	if err != nil {
		return it, err
	}
	data, _ := json.Marshal(it)
	r.RDB.Set(ctx, key(id), data, time.Duration(10)*time.Minute)
	return it, nil
}

// Rename updates an item and drops its cache entry.
func (r *Repo) Rename(ctx context.Context, id int64, name string) error {
	if _, err := r.DB.ExecContext(ctx, "UPDATE items{{I}} SET name = $1 WHERE id = $2", name, id); err != nil {
		return err
	}
	return r.RDB.Del(ctx, key(id)).Err()
}
`

const svcSrc = `// Package svc{{I}} is the business logic of domain {{I}}.
package svc{{I}}

import (
	"context"

	"example.com/gen/internal/model"
	"example.com/gen/internal/repo/repo{{I}}"
)

// Service serves domain {{I}}.
type Service struct{ Repo *repo{{I}}.Repo }

// Get returns one item.
func (s *Service) Get(ctx context.Context, id int64) (model.Item, error) {
	return s.Repo.Cached(ctx, id)
}

// Many returns the items with the given ids.
func (s *Service) Many(ctx context.Context, ids []int64) ([]model.Item, error) {
	return s.Repo.ByIDs(ctx, ids)
}

// Page returns a page of items.
func (s *Service) Page(ctx context.Context, limit int) ([]model.Item, error) {
	return s.Repo.Page(ctx, limit)
}

// Rename renames an item.
func (s *Service) Rename(ctx context.Context, id int64, name string) error {
	return s.Repo.Rename(ctx, id, name)
}
`

const apiSrc = `// Package api{{I}} serves domain {{I}} over HTTP.
package api{{I}}

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
	"gorm.io/gorm"

	"example.com/gen/internal/repo/repo{{I}}"
	"example.com/gen/internal/svc/svc{{I}}"
)

var (
	_ = context.Background
	_ = time.Second
)

var client = &http.Client{Timeout: 5 * time.Second}

// Handler serves domain {{I}}.
type Handler struct{ Svc *svc{{I}}.Service }

// Register adds the domain's routes to mux.
func Register(mux *http.ServeMux, db *sql.DB, gdb *gorm.DB, rdb *redis.Client) {
	h := &Handler{Svc: &svc{{I}}.Service{Repo: &repo{{I}}.Repo{DB: db, GDB: gdb, RDB: rdb}}}
	mux.HandleFunc("GET /d{{I}}/items", h.list)
	mux.HandleFunc("GET /d{{I}}/items/{id}", h.get)
	mux.HandleFunc("GET /d{{I}}/batch", h.batch)
}

func (h *Handler) list(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	items, err := h.Svc.Page(r.Context(), limit)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(items)
}

func (h *Handler) get(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	item, err := h.Svc.Get(r.Context(), id)
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	_ = json.NewEncoder(w).Encode(item)
}

func (h *Handler) batch(w http.ResponseWriter, r *http.Request) {
	var ids []int64
	for _, s := range strings.Split(r.URL.Query().Get("ids"), ",") {
		if id, err := strconv.ParseInt(s, 10, 64); err == nil {
			ids = append(ids, id)
		}
	}
	items, err := h.Svc.Many(r.Context(), ids)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(items)
}

// Ping calls the domain's upstream.
func Ping(url string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
`

const mainSrc = `// Command server serves every domain.
package main

import (
	"database/sql"
	"log"
	"net/http"
	"time"

	"github.com/redis/go-redis/v9"
	"gorm.io/gorm"

	%s
)

func main() {
	var db *sql.DB
	var gdb *gorm.DB
	rdb := redis.NewClient(&redis.Options{Addr: "localhost:6379"})
	mux := http.NewServeMux()
	%s
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5 * time.Second, WriteTimeout: 10 * time.Second}
	log.Fatal(srv.ListenAndServe())
}
`
