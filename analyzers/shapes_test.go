package analyzers_test

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/perfvet/perfvet/analyzers"
	"github.com/perfvet/perfvet/internal/driver"
)

// The tests in this file run the whole suite on generated packages whose
// functions mix loops, phis, min/max chains, closures, pointers, struct
// fields and recursion around the values perfvet's tracers follow (page
// sizes, timeouts, contexts, cache keys and TTLs, loop elements). They
// assert what must hold on any input: every package type-checks (so the
// flow checks really run), no analyzer fails or panics, and the process
// does not die of a stack overflow — the failure that took perfvet down on
// two real services with `mn = min(mn, value)` in a loop.

// issue20 is the reproducer of that crash: a running minimum whose phi
// feeds min back into itself, reaching a LIMIT and a make size.
const issue20 = `package repro

import (
	"context"
	"database/sql"
	"net/http"
	"strconv"
)

func Smallest(items []int) int {
	mn := 0
	for _, value := range items {
		if mn == 0 {
			mn = value
		} else if value > 0 {
			mn = min(mn, value)
		}
	}
	return mn
}

func Largest(items []int) int {
	mx := 0
	for _, value := range items {
		if mx == 0 {
			mx = value
		} else if value > 0 {
			mx = max(mx, value)
		}
	}
	return mx
}

func List(db *sql.DB, w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	mn := n
	for _, value := range []int{n, 50, 200} {
		if mn == 0 {
			mn = value
		} else if value > 0 {
			mn = min(mn, value)
		}
	}
	rows, err := db.QueryContext(r.Context(), "SELECT id FROM items LIMIT $1", mn)
	if err == nil {
		rows.Close()
	}
	_ = make([]int, max(mn, n))
	_ = context.Background()
}
`

// -shapes sets how many packages TestSuiteOnGeneratedShapes generates
// (go test -run Shapes ./analyzers/ -args -shapes 300); 300 ran clean
// when the test was written.
var shapes = flag.Int("shapes", 24, "packages TestSuiteOnGeneratedShapes generates")

func TestSuiteOnGeneratedShapes(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the standard library's database and HTTP packages from source")
	}
	files := map[string]string{"repro/repro.go": issue20}
	rng := rand.New(rand.NewPCG(20, 2026))
	for i := range *shapes {
		data := make([]byte, 256)
		for j := range data {
			data[j] = byte(rng.UintN(256))
		}
		files[fmt.Sprintf("shape%02d/shape.go", i)] = generateShape(fmt.Sprintf("shape%02d", i), data)
	}
	runSuiteOn(t, files)
}

// FuzzSuiteShapes explores more shapes: go test -run '^$' -fuzz FuzzSuiteShapes ./analyzers/
// Each input loads a small module, so an iteration takes a second or two;
// the seeds run in every go test.
func FuzzSuiteShapes(f *testing.F) {
	f.Add([]byte{1, 5, 2, 4, 1, 5, 3, 2, 9, 0})
	f.Add([]byte{5, 5, 5, 1, 2, 11, 9, 12, 13, 14, 15, 16, 17, 18, 19})
	f.Fuzz(func(t *testing.T, data []byte) {
		if testing.Short() {
			t.Skip("type-checks the standard library's database and HTTP packages from source")
		}
		runSuiteOn(t, map[string]string{"shape/shape.go": generateShape("shape", data)})
	})
}

// runSuiteOn writes files into a fresh module and runs every analyzer of
// the suite on all its packages.
func runSuiteOn(t *testing.T, files map[string]string) {
	t.Helper()
	// A runaway recursion would otherwise grow to the default 1 GB stack
	// before the runtime gives up; fail sooner, with the same trace.
	defer debug.SetMaxStack(debug.SetMaxStack(256 << 20))

	dir := t.TempDir()
	write := func(name, content string) {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module shapes\n\ngo 1.26\n")
	for name, content := range files {
		write(name, content)
	}
	env := append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off")
	pkgs, err := driver.Load(driver.Options{Dir: dir, Env: env})
	if err != nil {
		t.Fatal(err)
	}
	suite := analyzers.Suite(analyzers.Config{})
	res, err := driver.Analyze(suite, pkgs, driver.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors {
		// A type error means the generator wrote a bad program and the
		// flow checks did not run: the test would pass for no reason.
		t.Errorf("%v", e)
	}
	if len(res.Incomplete) > 0 {
		t.Errorf("packages analysed without flow checks: %v", res.Incomplete)
	}
	if t.Failed() {
		for name, content := range files {
			t.Logf("%s:\n%s", name, numbered(content))
		}
	}
}

func numbered(s string) string {
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		fmt.Fprintf(&b, "%4d  %s\n", i+1, line)
	}
	return b.String()
}

// A shapeGen writes one package from a byte string, each byte choosing the
// next statement or operand, so that any input is a valid program.
type shapeGen struct {
	data  []byte
	next  int
	b     strings.Builder
	depth int
	stmts int
	loops int
	fresh int
}

// Integer variables every generated handler declares; all assignable.
var shapeVars = []string{"a", "b", "mn", "mx", "limit", "q.limit", "*p"}

func generateShape(pkg string, data []byte) string {
	g := &shapeGen{data: data}
	g.printf(`package %s

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"
)

var (
	store *sql.DB
	memo  sync.Map
)

type query struct{ limit, n int }

// rec recurses through min and max, as a memoised or divide-and-conquer
// helper does.
func rec(x, y int) int {
	if x <= 0 {
		return y
	}
	return min(rec(x-1, max(x, y)), x)
}

// Lookup runs a query per call, so a loop over it is an N+1.
func Lookup(ctx context.Context, db *sql.DB, id int) int {
	var n int
	_ = db.QueryRowContext(ctx, "SELECT n FROM items WHERE id = $1", id).Scan(&n)
	return n
}

// Page reads a page whose size the caller gives.
func Page(ctx context.Context, db *sql.DB, n int) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM items ORDER BY id LIMIT $1", n)
	if err == nil {
		rows.Close()
	}
}

func handle(w http.ResponseWriter, r *http.Request) {
	db := store
	ctx := r.Context()
	items := []int{1, 2, 3}
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	a, b, mn, mx := limit, 0, 0, 0
	q := query{limit: limit}
	p := &a
`, pkg)
	g.depth = 1
	for g.more() && g.stmts < 40 {
		g.stmt()
	}
	v := func() string { return g.operand() }
	g.printf(`	Page(ctx, db, %s)
	rows, err := db.QueryContext(ctx, fmt.Sprintf("SELECT id FROM items LIMIT %%d", %s))
	if err == nil {
		rows.Close()
	}
	_ = make([]int, max(%s, 0))
	tctx, cancel := context.WithTimeout(ctx, time.Duration(max(%s, 1))*time.Millisecond)
	defer cancel()
	_ = tctx
	memo.Store(fmt.Sprintf("item:%%d", %s), %s)
	_, _ = fmt.Fprint(w, a, b, mn, mx, limit, q, *p, items)
}

func main() {
	http.HandleFunc("/items", handle)
	_ = http.ListenAndServe(":8080", nil)
}
`, v(), v(), v(), v(), v(), v())
	return g.b.String()
}

func (g *shapeGen) printf(format string, args ...any) { fmt.Fprintf(&g.b, format, args...) }

func (g *shapeGen) more() bool { return g.next < len(g.data) }

func (g *shapeGen) pick(n int) int {
	if g.next >= len(g.data) {
		return 0
	}
	c := int(g.data[g.next]) % n
	g.next++
	return c
}

func (g *shapeGen) variable() string { return shapeVars[g.pick(len(shapeVars))] }

func (g *shapeGen) operand() string {
	switch g.pick(5) {
	case 0:
		return fmt.Sprint(g.pick(200))
	case 1:
		return "q.n"
	default:
		return g.variable()
	}
}

func (g *shapeGen) line(format string, args ...any) {
	g.b.WriteString(strings.Repeat("\t", g.depth))
	g.printf(format, args...)
	g.b.WriteByte('\n')
}

// block writes up to n nested statements.
func (g *shapeGen) block(n int) {
	g.depth++
	for range 1 + g.pick(n) {
		if !g.more() {
			break
		}
		g.stmt()
	}
	g.depth--
}

func (g *shapeGen) stmt() {
	g.stmts++
	nested := g.depth < 4
	x, y := g.variable(), g.operand()
	switch c := g.pick(20); {
	case c == 0:
		g.line("%s = %s", x, y)
	case c == 1:
		g.line("%s = min(%s, %s)", x, x, y)
	case c == 2:
		g.line("%s = max(%s, %s)", x, x, y)
	case c == 3:
		g.line("%s = min(%s, %s, 100)", x, x, y)
	case c == 4 && nested:
		// The running minimum of the crash report.
		g.line("for _, value := range items {")
		g.line("\tif %s == 0 {", x)
		g.line("\t\t%s = value", x)
		g.line("\t} else if value > 0 {")
		g.line("\t\t%s = min(%s, value)", x, x)
		g.line("\t}")
		g.line("}")
	case c == 5 && nested:
		g.line("if %s == 0 {", x)
		g.block(3)
		g.line("} else if %s > 0 {", y)
		g.block(3)
		g.line("}")
	case c == 6 && nested:
		g.fresh++
		g.line("for _, v%d := range items {", g.fresh)
		g.line("\t%s = max(%s, v%d)", x, x, g.fresh)
		g.block(4)
		g.line("}")
	case c == 7 && nested:
		g.fresh++
		g.line("for i%d := 0; i%d < %s; i%d++ {", g.fresh, g.fresh, y, g.fresh)
		g.line("\t%s = min(%s+i%d, %s)", x, x, g.fresh, y)
		g.block(3)
		g.line("}")
	case c == 8:
		g.line("%s, %s = %s, %s", x, g.variable(), y, x)
	case c == 9:
		g.line("q.n = min(q.n, %s)", x)
	case c == 10:
		g.line("p = &%s", []string{"a", "b", "mn", "mx", "limit", "q.limit"}[g.pick(6)])
	case c == 11:
		g.line("func() { %s = min(%s, %s) }()", x, x, y)
	case c == 12:
		g.line("%s = rec(%s, %s)", x, x, y)
	case c == 13 && nested:
		g.line("for _, id := range items {")
		g.line("\t%s = max(%s, Lookup(ctx, db, id))", x, x)
		g.line("}")
	case c == 14:
		g.line("if %s > 100 {", x)
		g.line("\t%s = 100", x)
		g.line("}")
	case c == 15 && nested:
		g.line("switch {")
		g.line("case %s > %s:", x, y)
		g.line("\t%s = %s", x, y)
		g.line("default:")
		g.line("\t%s = min(%s, %s)", x, x, y)
		g.line("}")
	case c == 16:
		g.line("%s = (%s %% 100) * (%s - %s)", x, x, y, x)
	case c == 17:
		g.line("if v, ok := memo.Load(%s); ok {", x)
		g.line("\t%s = v.(int)", x)
		g.line("}")
	case c == 18:
		g.line("go func(n int) { _, _ = db.ExecContext(context.Background(), \"UPDATE items SET n = $1\", n) }(%s)", x)
	case c == 19 && nested:
		g.loops++
		g.line("outer%d:", g.loops)
		g.line("for %s < %s {", x, y)
		g.line("\tfor _, v := range items {")
		g.line("\t\tif v > %s {", x)
		g.line("\t\t\tcontinue outer%d", g.loops)
		g.line("\t\t}")
		g.line("\t\t%s = min(%s, v)", x, x)
		g.line("\t}")
		g.line("\tbreak")
		g.line("}")
	default:
		g.line("%s = %s + 1", x, x)
	}
}
