package engine_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/perfvet/perfvet/analyzers"
	"github.com/perfvet/perfvet/analyzers/plan"
	"github.com/perfvet/perfvet/internal/driver"
	"github.com/perfvet/perfvet/internal/engine"
	"github.com/perfvet/perfvet/internal/fixturemod"
)

var testEnv = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off")

// copyTree copies a fixture module into a temporary directory.
func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	if err := copyDir(src, dst); err != nil {
		t.Fatal(err)
	}
	return dst
}

// fixture returns a copy of the fixture module testdata/name of the test's
// own, for a test that writes to it (see sharedFixture).
func fixture(t *testing.T, name string) string {
	t.Helper()
	abs, err := filepath.Abs(filepath.Join("..", "..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	fixturemod.Ensure(t, abs)
	return copyTree(t, abs)
}

func newView(dir string) *engine.View {
	suite := analyzers.Suite(analyzers.Config{Plans: plan.NewFinder("")})
	return engine.New(engine.Options{Dir: dir, Analyzers: suite, Env: testEnv})
}

// render gives each finding as "file:line:col: analyzer: message".
func render(t *testing.T, dir string, res *engine.Result) []string {
	t.Helper()
	out := make([]string, 0, len(res.Findings))
	for _, f := range res.Findings {
		p := res.Fset.Position(f.Diag.Pos)
		rel, _ := filepath.Rel(dir, p.Filename)
		out = append(out, fmt.Sprintf("%s:%d:%d: %s: %s", filepath.ToSlash(rel), p.Line, p.Column, f.Analyzer, f.Diag.Message))
	}
	return out
}

// cliFindings returns what the command's driver finds on the shared
// fixture name (checkerRun), in the shared copy dir.
func cliFindings(t *testing.T, name string) (dir string, findings []string) {
	t.Helper()
	dir, r := checkerRun(t, name)
	res := r.res
	out := make([]string, 0, len(res.Findings))
	for _, f := range res.Findings {
		p := res.Fset.Position(f.Diag.Pos)
		rel, _ := filepath.Rel(dir, p.Filename)
		out = append(out, fmt.Sprintf("%s:%d:%d: %s: %s", filepath.ToSlash(rel), p.Line, p.Column, f.Analyzer, f.Diag.Message))
	}
	return dir, out
}

func update(t *testing.T, v *engine.View, ch engine.Change, overlay map[string][]byte) *engine.Result {
	t.Helper()
	res, err := v.Update(context.Background(), ch, overlay)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors {
		t.Logf("error: %v", e)
	}
	t.Logf("%v", res.Stats)
	return res
}

// The view finds what the command finds.
func TestSameAsCommand(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"e2e", "demo", "e2e-reach"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			// The view only reads the module (edits are overlays).
			dir, want := cliFindings(t, name)
			if len(want) == 0 {
				t.Fatal("the command found nothing")
			}
			res := update(t, newView(dir), engine.Change{}, nil)
			if got := render(t, dir, res); !slices.Equal(got, want) {
				t.Errorf("view findings:\n%s\ncommand findings:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if !res.Stats.Metadata {
				t.Error("first update did not load metadata")
			}
		})
	}
}

// An edit in a buffer is analysed without go list; only the edited
// package and its importers are type-checked again.
func TestIncremental(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "e2e")
	v := newView(dir)
	first := update(t, v, engine.Change{}, nil)
	before := render(t, dir, first)

	api := filepath.Join(dir, "api", "api.go")
	src, _ := os.ReadFile(api)
	fixed := strings.Replace(string(src), "a.Store.UserName(context.Background(), 1)", "a.Store.UserName(r.Context(), 1)", 1)
	overlay := map[string][]byte{api: []byte(fixed)}
	res := update(t, v, engine.Change{Files: []string{api}}, overlay)
	if res.Stats.Metadata {
		t.Error("an edit inside a function body reloaded the metadata")
	}
	if res.Stats.Typechecked != 1 {
		t.Errorf("type-checked %d packages, want 1 (api)", res.Stats.Typechecked)
	}
	after := render(t, dir, res)
	wantAfter := slices.DeleteFunc(slices.Clone(before), func(s string) bool { return strings.HasPrefix(s, "api/api.go:16:") })
	if !slices.Equal(after, wantAfter) {
		t.Errorf("after the fix:\n%s\nwant:\n%s", strings.Join(after, "\n"), strings.Join(wantAfter, "\n"))
	}
	if !res.Analyzed[api] {
		t.Error("api.go not reported as analysed")
	}

	// An edit to store makes api, which imports it, be checked again:
	// removing the query from Count removes the finding in api.
	store := filepath.Join(dir, "store", "store.go")
	ssrc, _ := os.ReadFile(store)
	t.Logf("store.go:\n%s", ssrc)
	overlay[store] = []byte(strings.Replace(string(ssrc), "s.DB.QueryRow(", "s.DB.QueryRowContext(context.TODO(), ", 1))
	var early *engine.Result
	res = update(t, v, engine.Change{Files: []string{store}, Early: func(r *engine.Result) { early = r }}, overlay)
	switch {
	case early == nil:
		t.Error("Early was not called")
	case !early.Analyzed[store] || early.Analyzed[api] || early.Sources[store] == nil:
		t.Errorf("early result covers %v", early.Analyzed)
	case slices.ContainsFunc(early.Findings, func(f driver.Finding) bool { return !strings.HasSuffix(f.Package, "/store") }):
		t.Errorf("early result has findings of other packages: %v", early.Findings)
	}
	if res.Stats.Typechecked != 2 {
		t.Errorf("type-checked %d packages, want 2 (store, api)", res.Stats.Typechecked)
	}
	t.Logf("findings:\n%s", strings.Join(render(t, dir, res), "\n"))

	// Undo everything: back to the first findings.
	res = update(t, v, engine.Change{Files: []string{api, store}}, nil)
	if got := render(t, dir, res); !slices.Equal(got, before) {
		t.Errorf("after undo:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(before, "\n"))
	}
}

// A finding reported by main at a handler's call (whole-program
// resolution of an interface) follows edits to the handler and to the
// implementation: both make main be analysed again.
func TestWholeProgramEdit(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "e2e-reach")
	v := newView(dir)
	before := render(t, dir, update(t, v, engine.Change{}, nil))
	at := "handler/handler.go:37:"
	if !slices.ContainsFunc(before, func(s string) bool { return strings.HasPrefix(s, at) && strings.Contains(s, "implemented by") }) {
		t.Fatalf("no whole-program finding at %s:\n%s", at, strings.Join(before, "\n"))
	}
	without := slices.DeleteFunc(slices.Clone(before), func(s string) bool { return strings.HasPrefix(s, at) })

	// The handler no longer calls the interface in that loop.
	handler := filepath.Join(dir, "handler", "handler.go")
	src, _ := os.ReadFile(handler)
	overlay := map[string][]byte{handler: []byte(strings.Replace(string(src), "ms, _ := s.Driver.ListMemos(ctx, id)", "ms, _ := []store.Memo(nil), id", 1))}
	if got := render(t, dir, update(t, v, engine.Change{Files: []string{handler}}, overlay)); !slices.Equal(got, without) {
		t.Errorf("after the handler's edit:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(without, "\n"))
	}
	if got := render(t, dir, update(t, v, engine.Change{Files: []string{handler}}, nil)); !slices.Equal(got, before) {
		t.Errorf("after undo:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(before, "\n"))
	}

	// No implementation runs a query any more: nothing to report (the
	// stand-ins are declared once per package: pages.go is in postgres).
	edited := make([]string, 0, 3)
	overlay = make(map[string][]byte)
	for _, name := range []string{"postgres/postgres.go", "sqlite/sqlite.go", "postgres/pages.go"} {
		f := filepath.Join(dir, name)
		src, _ := os.ReadFile(f)
		text := strings.NewReplacer("d.db.QueryContext(", "queryContext(", "p.db.QueryContext(", "queryContext(", "d.db.QueryRowContext(", "queryRowContext(", "d.db.ExecContext(", "execContext(").Replace(string(src))
		if name != "postgres/pages.go" {
			text += `
func queryContext(context.Context, string, ...any) (*sql.Rows, error) { return nil, nil }
func queryRowContext(context.Context, string, ...any) *sql.Row      { return nil }
func execContext(context.Context, string, ...any) (sql.Result, error) { return nil, nil }
`
		}
		overlay[f] = []byte(text)
		edited = append(edited, f)
	}
	res := update(t, v, engine.Change{Files: edited}, overlay)
	for _, f := range render(t, dir, res) {
		if strings.Contains(f, "implemented by") {
			t.Errorf("after the drivers stopped querying: %s", f)
		}
	}
}

// A cancelled update leaves its work to the next one, which ends where an
// uncancelled one would have.
func TestCancel(t *testing.T) {
	t.Parallel()
	dir, want := cliFindings(t, "e2e") // edits are overlays: the shared copy
	v := newView(dir)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := v.Update(ctx, engine.Change{}, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled first update: err = %v", err)
	}
	if !v.Loaded() || !v.Unfinished() {
		t.Fatalf("after a cancelled first update: loaded %v, unfinished %v", v.Loaded(), v.Unfinished())
	}
	// The file an editor opens meanwhile is not type-checked yet: that
	// needs no go list.
	api := filepath.Join(dir, "api", "api.go")
	res := update(t, v, engine.Change{Files: []string{api}}, nil)
	if res.Stats.Metadata {
		t.Error("opening a file after a cancelled first update reloaded the metadata")
	}
	if got := render(t, dir, res); !slices.Equal(got, want) {
		t.Errorf("after the cancelled update:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// An edit whose update is cancelled is analysed by the next update,
	// even one that names no file.
	src, _ := os.ReadFile(api)
	overlay := map[string][]byte{api: []byte(strings.Replace(string(src), "return http.ListenAndServe(\":8080\", mux)", "return (&http.Server{Addr: \":8080\", Handler: mux, ReadHeaderTimeout: time.Second}).ListenAndServe()", 1))}
	overlay[api] = []byte(strings.Replace(string(overlay[api]), "\"net/http\"", "\"net/http\"\n\t\"time\"", 1))
	if _, err := v.Update(ctx, engine.Change{Files: []string{api}}, overlay); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled edit: err = %v", err)
	}
	res = update(t, v, engine.Change{}, overlay)
	got := render(t, dir, res)
	if len(got) != len(want)-1 || slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, "ListenAndServe") }) {
		t.Errorf("after the cancelled edit:\n%s", strings.Join(got, "\n"))
	}
}

// A new import reloads the metadata, and keeps the unchanged packages.
func TestNewImport(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "e2e")
	v := newView(dir)
	first := update(t, v, engine.Change{}, nil)
	clean := filepath.Join(dir, "clean", "clean.go")
	src, _ := os.ReadFile(clean)
	t.Logf("clean.go:\n%s", src)
	edited := strings.Replace(string(src), "import (", "import (\n\t\"net\"", 1)
	edited += "\nfunc dial() { net.Dial(\"tcp\", \"example.com:80\") }\n"
	res := update(t, v, engine.Change{Files: []string{clean}}, map[string][]byte{clean: []byte(edited)})
	if !res.Stats.Metadata {
		t.Error("a new import did not reload the metadata")
	}
	if res.Stats.Typechecked > 3 {
		t.Errorf("type-checked %d packages after a new import", res.Stats.Typechecked)
	}
	got := render(t, dir, res)
	if len(got) != len(first.Findings)+1 {
		t.Errorf("findings:\n%s", strings.Join(got, "\n"))
	}
}

// BenchmarkEdit measures an update after an edit to a handler of the demo
// service: the edited package and its importers are type-checked and
// analysed again.
func BenchmarkEdit(b *testing.B) {
	t := &testing.T{}
	dir := fixture(t, "demo")
	v := newView(dir)
	if _, err := v.Update(context.Background(), engine.Change{}, nil); err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(dir, "internal", "api", "users.go")
	src, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		edited := fmt.Sprintf("%s\nfunc benchEdit%d() {}\n", src, i)
		res, err := v.Update(context.Background(), engine.Change{Files: []string{file}}, map[string][]byte{file: []byte(edited)})
		if err != nil {
			b.Fatal(err)
		}
		if res.Stats.Metadata || res.Stats.Typechecked == 0 {
			b.Fatalf("unexpected update: %v", res.Stats)
		}
	}
}

// BenchmarkEditModule is BenchmarkEdit on any module:
// PERFVET_BENCH_MODULE=/tmp/gen400 PERFVET_BENCH_FILE=db/db.go.
func BenchmarkEditModule(b *testing.B) {
	dir, rel := os.Getenv("PERFVET_BENCH_MODULE"), os.Getenv("PERFVET_BENCH_FILE")
	if dir == "" || rel == "" {
		b.Skip("set PERFVET_BENCH_MODULE and PERFVET_BENCH_FILE")
	}
	v := newView(dir)
	if _, err := v.Update(context.Background(), engine.Change{}, nil); err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(dir, rel)
	src, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		edited := fmt.Sprintf("%s\nfunc benchEdit%d() {}\n", src, i)
		res, err := v.Update(context.Background(), engine.Change{Files: []string{file}}, map[string][]byte{file: []byte(edited)})
		if err != nil {
			b.Fatal(err)
		}
		b.Logf("%v", res.Stats)
	}
}

// Early cut-off in the editor: an edit that changes neither the edited
// package's API nor its facts re-analyses that package only, unless a
// finding of an importer points into the edited file; any other edit
// re-analyses the importers. Every update finds what a fresh view finds.
func TestEarlyCutoff(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "e2e")
	extra := filepath.Join(dir, "store", "extra.go")
	if err := os.WriteFile(extra, []byte("package store\n\n// Double doubles.\nfunc Double(x int) int { return x * 2 }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	v := newView(dir)
	before := render(t, dir, update(t, v, engine.Change{}, nil))
	overlay := make(map[string][]byte)
	check := func(how string, files []string, wantTypechecked int) {
		t.Helper()
		res := update(t, v, engine.Change{Files: files}, overlay)
		fresh := render(t, dir, update(t, newView(dir), engine.Change{}, overlay))
		if got := render(t, dir, res); !slices.Equal(got, fresh) {
			t.Errorf("%s: findings\n%s\na fresh view finds\n%s", how, strings.Join(got, "\n"), strings.Join(fresh, "\n"))
		}
		if wantTypechecked > 0 && res.Stats.Typechecked != wantTypechecked {
			t.Errorf("%s: type-checked %d packages, want %d", how, res.Stats.Typechecked, wantTypechecked)
		}
		if wantTypechecked < 0 && res.Stats.Typechecked < 2 {
			t.Errorf("%s: type-checked %d packages, want the importers too", how, res.Stats.Typechecked)
		}
	}

	// A body edit, then a new unexported function (as an editor's
	// keystrokes add one): store only, twice in a row.
	overlay[extra] = []byte("package store\n\n// Double doubles.\nfunc Double(x int) int { return x + x }\n")
	check("body edit", []string{extra}, 1)
	overlay[extra] = append(overlay[extra], "\nfunc triple(x int) int { return 3 * x }\n"...)
	check("new unexported function", []string{extra}, 1)

	// api's finding at UserName's call shows store.go:22 (Count's
	// query): an edit of store.go re-analyses api.
	store := filepath.Join(dir, "store", "store.go")
	src, err := os.ReadFile(store)
	if err != nil {
		t.Fatal(err)
	}
	overlay[store] = bytes.Replace(src, []byte("var name string"), []byte(`var name = ""`), 1)
	check("body edit of a file a finding shows", []string{store}, 2)

	// A new exported function changes the API; a context in Count
	// changes its fact and api's findings.
	overlay[extra] = append(overlay[extra], "\n// Half halves.\nfunc Half(x int) int { return x / 2 }\n"...)
	check("API change", []string{extra}, -1)
	overlay[store] = bytes.Replace(overlay[store], []byte("s.DB.QueryRow("), []byte("s.DB.QueryRowContext(context.TODO(), "), 1)
	check("fact change", []string{store}, -1)
	// And back through the same states, to the first findings.
	delete(overlay, store)
	check("store undone", []string{store}, -1)
	delete(overlay, extra)
	check("all undone", []string{extra}, -1)
	if got := render(t, dir, update(t, v, engine.Change{}, overlay)); !slices.Equal(got, before) {
		t.Errorf("after undo:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(before, "\n"))
	}
}
