package budget_test

import (
	"fmt"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perfvet/perfvet/analyzers/budget"
	"github.com/perfvet/perfvet/analyzers/internal/analyzertest"
)

// TestWholeProgram: routes whose handlers reach their storage through an
// interface that only the wiring package (app) sees implemented are
// estimated and reported there, at the registration in api; the command
// that imports app reports them again (a run on ./cmd/... shows them).
// Negative twins: a cheap resolved route, an interface no importer sees
// implemented, a route under a directive, a route api reports itself.
func TestWholeProgram(t *testing.T) {
	analyzertest.WholeProgram(t, budget.New(defaultConfig(t)), "wired/cmd/server", "wired/tagstore")
	analyzertest.RootsOnly(t, budget.New(defaultConfig(t)), "wired/cmd/server", "wired/api", "wired/tagstore")
}

// TestWholeProgramResult: the estimates perfvet budget prints come from
// the package that resolved the open calls, named in ResolvedBy. A guard
// that answers and returns does not hide the open calls after it
// (/orders/checked), and of two branches with open calls the one with
// more counts, not their sum (/orders/latest: 510ms, not 520ms); a
// goroutine of open calls is kept (/orders/async).
func TestWholeProgramResult(t *testing.T) {
	_, graph := analyzertest.Program(t, analysistest.TestData(), budget.New(defaultConfig(t)), "wired/cmd/server", "wired/app", "wired/api")
	got := make(map[string][]string)
	for _, act := range graph.Roots {
		res, ok := act.Result.(*budget.Result)
		if !ok || res == nil {
			continue
		}
		for _, e := range res.Endpoints {
			got[act.Package.PkgPath] = append(got[act.Package.PkgPath], fmt.Sprintf("%s %v %v open=%d resolved=%d by=%s", e.Route, e.Total, e.Over, e.Open, e.Resolved, e.ResolvedBy))
		}
	}
	want := map[string][]string{
		"wired/api": {
			"GET /orders 0s [] open=2 resolved=0 by=",
			"GET /orders/ids 0s [] open=1 resolved=0 by=",
			"GET /tags 0s [] open=2 resolved=0 by=",
			"GET /export 0s [] open=2 resolved=0 by=",
			"GET /report 300ms [external] open=2 resolved=0 by=",
			"GET /orders/checked 0s [] open=2 resolved=0 by=",
			"GET /orders/ids/checked 0s [] open=1 resolved=0 by=",
			"GET /orders/latest 0s [] open=2 resolved=0 by=",
			"GET /orders/async 0s [] open=2 resolved=0 by=",
			"GET /orders/ids/async 0s [] open=1 resolved=0 by=",
		},
		"wired/app": {
			"GET /orders 510ms [endpoint database] open=0 resolved=2 by=wired/app",
			"GET /orders/ids 10ms [] open=0 resolved=1 by=wired/app",
			"GET /export 510ms [endpoint database] open=0 resolved=2 by=wired/app",
			"GET /report 810ms [endpoint database external] open=0 resolved=2 by=wired/app",
			"GET /orders/checked 510ms [endpoint database] open=0 resolved=2 by=wired/app",
			"GET /orders/ids/checked 10ms [] open=0 resolved=1 by=wired/app",
			"GET /orders/latest 510ms [endpoint database] open=0 resolved=2 by=wired/app",
			"GET /orders/async 510ms [endpoint database] open=0 resolved=2 by=wired/app",
			"GET /orders/ids/async 10ms [] open=0 resolved=1 by=wired/app",
		},
	}
	want["wired/cmd/server"] = want["wired/app"]
	for pkg, w := range want {
		if !slices.Equal(got[pkg], w) {
			t.Errorf("estimates of %s:\n got %q\nwant %q", pkg, got[pkg], w)
		}
	}
}
