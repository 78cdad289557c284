package nplusone_test

import (
	"go/ast"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perfvet/perfvet/analyzers/internal/analyzertest"
	"github.com/perfvet/perfvet/analyzers/nplusone"
)

// fixturePackages are the analysistest fixtures with expectations.
var fixturePackages = []string{
	"direct", "helper", "store", "api", "ports", "pg", "memstore", "handlers", "each", "closures", "goroutines",
	"iterators", "gormlib", "sqlxlib", "pgxlib", "bunlib", "redislib", "memcachelib", "xormlib", "gorplib",
	"beegolib", "dataloaderlib", "entuser", "sqlcuser", "namesakes",
}

// TestPrecisionRecall counts, on the fixtures, the findings expected and
// reported (recall), and the calls in loops that may make a round trip or
// that call a database or cache library and are left alone (the negative
// twins: batched, preloaded, pipelined, constant, retry, paging, chunked
// loops). Every expectation is checked by TestNPlusOne; this test adds the
// counts, and fails if a negative is reported or a positive is missed.
func TestPrecisionRecall(t *testing.T) {
	c := count(t, analysistest.TestData(), fixturePackages...)
	want := countWants(t, filepath.Join(analysistest.TestData(), "src"), fixturePackages)
	c.log(t, "fixtures", want)
}

// TestPrecisionRecallRealLibraries counts the same on the real-libraries
// fixture module.
func TestPrecisionRecallRealLibraries(t *testing.T) {
	dir := analyzertest.Module(t)
	c := count(t, dir, "./nplusone", "./nplusone/store")
	want := countWants(t, dir, []string{"nplusone", "nplusone/store"})
	c.log(t, "real libraries", want)
}

type counts struct {
	reported, roundTripsLeft, libraryLeft, namesakesLeft, generatedLeft int
}

func (c counts) log(t *testing.T, what string, want int) {
	t.Helper()
	t.Logf("%s: positives: %d expected, %d reported; negatives: %d calls in loops that may make a round trip, %d library calls in loops that make none, %d calls in loops named like queries on other types, %d in generated code: none reported",
		what, want, c.reported, c.roundTripsLeft, c.libraryLeft, c.namesakesLeft, c.generatedLeft)
	if c.reported != want {
		t.Errorf("reported %d findings, the fixtures expect %d", c.reported, want)
	}
}

// count runs the analyzer on packages and counts what it reports and
// what it leaves alone.
func count(t *testing.T, dir string, pkgs ...string) counts {
	t.Helper()
	var mu sync.Mutex
	observed := make(map[*ast.CallExpr]bool) // call → reported by the analysis (before lint drops generated code)
	roundTrips := make(map[*ast.CallExpr]bool)
	a := nplusone.NewObserved(defaultConfig(), func(call *ast.CallExpr, roundTrip, rep bool) {
		mu.Lock()
		defer mu.Unlock()
		observed[call] = observed[call] || rep
		roundTrips[call] = roundTrips[call] || roundTrip
	})
	results := analyzertest.Run(t, dir, a, pkgs...)
	var c counts
	for _, r := range results {
		if r.Pass == nil {
			continue
		}
		c.reported += len(r.Diagnostics)
		for _, f := range r.Pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || seenReported(r, call) {
					return true
				}
				switch {
				case roundTrips[call] && !observed[call]:
					c.roundTripsLeft++
				case inLoop(f, call) && nplusone.LibraryCall(r.Pass.TypesInfo, call):
					// Library calls in loops that make no round trip of
					// their own (pipe.Get, Batch.Queue, Where, Preload):
					// what a name-based checker would flag.
					c.libraryLeft++
				case inLoop(f, call) && dbName(call):
					// Calls named like queries on other types (an
					// in-process cache's Get, a slice repository's Find).
					c.namesakesLeft++
				}
				return true
			})
		}
	}
	for _, rep := range observed {
		if rep {
			c.generatedLeft++
		}
	}
	c.generatedLeft -= c.reported // found, but in generated code: not reported
	return c
}

func seenReported(r *analysistest.Result, call *ast.CallExpr) bool {
	for _, d := range r.Diagnostics {
		if d.Pos == call.Pos() {
			return true
		}
	}
	return false
}

// inLoop reports whether a call is inside a for or range statement, or a
// function literal, of the file.
func inLoop(f *ast.File, call *ast.CallExpr) bool {
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		if found || n == nil || n.Pos() > call.Pos() || n.End() < call.End() {
			return !found && n != nil && n.Pos() <= call.Pos() && call.End() <= n.End()
		}
		switch n := n.(type) {
		case *ast.ForStmt:
			found = n.Body.Pos() <= call.Pos() && call.End() <= n.Body.End()
		case *ast.RangeStmt:
			found = n.Body.Pos() <= call.Pos() && call.End() <= n.Body.End()
		}
		return !found
	})
	return found
}

var wantDiag = regexp.MustCompile("// want (.*)$")

// countWants counts the diagnostic expectations (not fact expectations)
// of the fixture packages.
func countWants(t *testing.T, src string, pkgs []string) int {
	t.Helper()
	n := 0
	for _, p := range pkgs {
		files, _ := filepath.Glob(filepath.Join(src, p, "*.go"))
		files = slices.DeleteFunc(files, func(f string) bool { return strings.HasSuffix(f, "_test.go") })
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(string(data), "\n") {
				m := wantDiag.FindStringSubmatch(line)
				if m == nil {
					continue
				}
				for _, pat := range regexp.MustCompile("(\\w+:)?`[^`]*`|(\\w+:)?\"[^\"]*\"").FindAllStringSubmatch(m[1], -1) {
					if pat[1] == "" && pat[2] == "" {
						n++
					}
				}
			}
		}
	}
	return n
}

// dbName reports whether a method call has a name that name-based N+1
// checkers match.
func dbName(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	switch sel.Sel.Name {
	case "Query", "QueryRow", "Exec", "Get", "Set", "Delete", "Find", "First", "Select", "Scan", "Count", "Load", "Save", "Create", "Update":
		return true
	}
	return false
}
