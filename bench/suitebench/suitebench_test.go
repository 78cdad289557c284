// Package suitebench holds perfvet's per-analyzer Go benchmarks, on the
// fixed corpus testdata/benchcorpus (a bench/gen module), so that
// benchstat shows a regression of one analyzer:
//
//	go test -run '^$' -bench . -count 10 ./bench/suitebench/ > new.txt
//	benchstat old.txt new.txt
//
// Packages are loaded and type-checked once, outside the timer; each
// iteration runs the analyzer (with its prerequisites, and its facts over
// the dependencies) on every package. "floor" is the inspect analyzer
// alone, the cost of any analysis; "suite" is every analyzer together.
package suitebench

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/packages"

	"github.com/perfvet/perfvet/analyzers"
	"github.com/perfvet/perfvet/internal/driver"
	"github.com/perfvet/perfvet/internal/fixturemod"
)

var corpus = filepath.Join("..", "..", "testdata", "benchcorpus")

var (
	loadOnce sync.Once
	loaded   []*packages.Package
	loadErr  error
)

// load loads the corpus once per test binary, offline, once its
// dependencies are in the module cache (fixturemod.Ensure).
func load(tb testing.TB) []*packages.Package {
	tb.Helper()
	fixturemod.Ensure(tb, corpus)
	loadOnce.Do(func() {
		env := append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod")
		loaded, loadErr = driver.Load(driver.Options{Dir: corpus, Env: env})
	})
	if loadErr != nil {
		tb.Fatalf("loading %s: %v", corpus, loadErr)
	}
	var errs []string
	packages.Visit(loaded, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			errs = append(errs, e.Error())
		}
	})
	if len(errs) > 0 {
		tb.Fatalf("the corpus does not type-check:\n%s", strings.Join(errs, "\n"))
	}
	return loaded
}

func BenchmarkAnalyzers(b *testing.B) {
	pkgs := load(b)
	suite := analyzers.Suite(analyzers.Config{})
	type benchCase struct {
		name string
		set  []*analysis.Analyzer
	}
	cases := make([]benchCase, 0, len(suite)+2)
	cases = append(cases, benchCase{"floor", []*analysis.Analyzer{inspect.Analyzer}})
	for _, a := range suite {
		cases = append(cases, benchCase{a.Name, []*analysis.Analyzer{a}})
	}
	cases = append(cases, benchCase{"suite", suite})
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := checker.Analyze(c.set, pkgs, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestCorpusFindings checks that the suite finds on the corpus exactly
// what bench/gen planted there (for the analyzers in the suite), and that
// the benchmarks therefore measure analyzers doing their work.
func TestCorpusFindings(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a 44-package module")
	}
	pkgs := load(t)
	suite := analyzers.Suite(analyzers.Config{})
	res, err := driver.Analyze(suite, pkgs, driver.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors {
		t.Errorf("error: %v", e)
	}
	abs, err := filepath.Abs(corpus)
	if err != nil {
		t.Fatal(err)
	}
	got := make([]string, 0, len(res.Findings))
	for _, f := range res.Findings {
		p := res.Fset.Position(f.Diag.Pos)
		rel, _ := filepath.Rel(abs, p.Filename)
		got = append(got, f.Analyzer+"\t"+filepath.ToSlash(rel)+":"+strconv.Itoa(p.Line))
	}
	data, err := os.ReadFile(filepath.Join(corpus, "expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(suite))
	for _, a := range suite {
		names = append(names, a.Name)
	}
	var want []string
	for line := range strings.SplitSeq(strings.TrimSpace(string(data)), "\n") {
		if a, _, _ := strings.Cut(line, "\t"); slices.Contains(names, a) {
			want = append(want, line)
		}
	}
	// The generated server defines none of the metrics the default plan
	// requires: a right finding that bench/gen does not list.
	if slices.Contains(names, "metrics") {
		want = append(want, "metrics\tcmd/server/main.go:"+serverLine(t))
	}
	slices.Sort(got)
	slices.Sort(want)
	var missing, unexpected []string
	for _, w := range want {
		if !slices.Contains(got, w) {
			missing = append(missing, w)
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			unexpected = append(unexpected, g)
		}
	}
	for _, u := range unexpected {
		t.Errorf("unexpected finding on the corpus: %s", u)
	}
	missed := make(map[string]bool)
	for _, m := range missing {
		a, _, _ := strings.Cut(m, "\t")
		missed[a] = true
		if reason, ok := pending[a]; ok {
			t.Logf("missing (pending: %s): %s", reason, m)
			continue
		}
		t.Errorf("missing finding on the corpus: %s", m)
	}
	for a := range pending {
		if slices.Contains(names, a) && !missed[a] {
			t.Errorf("%s now finds every problem planted for it: remove it from pending", a)
		}
	}
}

// pending lists analyzers in the suite that do not find yet what bench/gen
// plants for them, and why; their misses are logged, not failed.
var pending = map[string]string{}

// serverLine returns the line of the generated server's ListenAndServe.
func serverLine(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(corpus, "cmd", "server", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(data), "\n") {
		if strings.Contains(line, "ListenAndServe") {
			return strconv.Itoa(i + 1)
		}
	}
	t.Fatal("no ListenAndServe in the corpus's server")
	return ""
}
