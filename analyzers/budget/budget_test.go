package budget_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perfvet/perfvet/analyzers/budget"
	"github.com/perfvet/perfvet/analyzers/internal/analyzertest"
	"github.com/perfvet/perfvet/analyzers/plan"
)

// defaultConfig holds the fixtures to a plan file that writes the
// default's objectives: the analyzer reports only against objectives the
// team wrote (TestDefaultPlanQuiet is the embedded default's twin).
func defaultConfig(t *testing.T) budget.Config {
	t.Helper()
	return budget.Config{Plans: plan.Static(writtenPlan(t))}
}

// writtenPlan loads a plan file that writes the default's p95 and layer
// budgets.
func writtenPlan(t *testing.T) *plan.Plan {
	t.Helper()
	return analyzertest.WrittenPlan(t, "slo: {latency: {p95: 500ms}}\nbudget: {database: 150ms, external: 100ms}\n")
}

// TestDefaultPlanQuiet runs the positive fixture under the embedded
// default plan, which the team did not write: no finding.
func TestDefaultPlanQuiet(t *testing.T) {
	results := analyzertest.Results(t, analysistest.TestData(), budget.New(budget.Config{Plans: analyzertest.DefaultPlan()}), "nethttp")
	for _, r := range results {
		for _, d := range r.Diagnostics {
			t.Errorf("%v: reported against the embedded default plan: %s", r.Pass.Fset.Position(d.Pos), d.Message)
		}
	}
}

func TestBudget(t *testing.T) {
	analyzertest.Run(t, analysistest.TestData(), budget.New(defaultConfig(t)),
		"nethttp", "crosspkg/svc", "crosspkg/pgstore", "crosspkg/server")
}

// TestCredible holds the model's answers to what made estimates
// incredible on real services (issue 14): unknown bounds at the fan-out,
// the median implementation, a refresh on expiry counted once, unbounded
// estimates, catch-all routes, goroutines nothing waits for.
func TestCredible(t *testing.T) {
	ests := estimates(analyzertest.Run(t, analysistest.TestData(), budget.New(defaultConfig(t)), "credible"))
	got := make([]string, 0, len(ests))
	for _, e := range ests {
		got = append(got, fmt.Sprintf("%s %v %v unbounded=%t catchall=%t", e.Route, e.Total, e.Over, e.Unbounded, e.CatchAll))
	}
	want := []string{
		"POST /test-send 110ms [] unbounded=false catchall=false",
		"GET /entries 1.01s [endpoint database] unbounded=false catchall=false",
		"GET /store 20ms [] unbounded=false catchall=false",
		"GET /upload 310ms [external] unbounded=false catchall=false",
		"GET /upload/unguarded 600ms [endpoint external] unbounded=false catchall=false",
		"GET /mirror 10.01s [endpoint external] unbounded=true catchall=false",
		"GET /mirror/page 1.01s [endpoint external] unbounded=false catchall=false",
		"POST /import 0s [] unbounded=false catchall=false",
		"POST /import/wait 1.01s [endpoint database] unbounded=false catchall=false",
		"GET /pipeline 50ms [] unbounded=false catchall=false",
		"GET /pipeline/both 80ms [] unbounded=false catchall=false",
		"GET /pipeline/steps 60ms [] unbounded=false catchall=false",
		"/ 1.01s [endpoint database] unbounded=false catchall=true",
		"GET /{$} 1.01s [endpoint database] unbounded=false catchall=false",
	}
	if !slices.Equal(got, want) {
		t.Errorf("estimates:\n got %q\nwant %q", got, want)
	}
}

// TestMemo: a field or package variable built on first use and kept (a
// service's client whose construction migrates its schema, cloudreve's
// dependency accessors) counts its build on the miss rate's share, once
// per request; the twins that build without keeping count it in full.
func TestMemo(t *testing.T) {
	ests := estimates(analyzertest.Run(t, analysistest.TestData(), budget.New(defaultConfig(t)), "memo"))
	got := make([]string, 0, len(ests))
	for _, e := range ests {
		got = append(got, fmt.Sprintf("%s %v", e.Route, e.Total))
	}
	want := []string{
		"GET /memo 70ms",
		"GET /every 610ms",
		"GET /lazy 70ms",
		"GET /lazy/every 610ms",
		"GET /shared 70ms",
		"GET /memo/loop 70ms",
	}
	if !slices.Equal(got, want) {
		t.Errorf("estimates:\n got %q\nwant %q", got, want)
	}
}

// TestFanoutFlag: -fanout sets the bound of a loop over a collection no
// query read.
func TestFanoutFlag(t *testing.T) {
	cfg := defaultConfig(t)
	cfg.Fanout = 3
	for _, e := range estimates(analyzertest.Results(t, analysistest.TestData(), budget.New(cfg), "credible")) {
		if e.Route == "POST /test-send" && e.Total != 40*time.Millisecond {
			t.Errorf("POST /test-send with -fanout 3: %v, want 40ms (3 × 10ms + 10ms)", e.Total)
		}
	}
}

// TestEndpointObjective holds a route to its plan entry's p95, not the
// SLO's, routes on gin groups by their full path.
func TestEndpointObjective(t *testing.T) {
	p := *writtenPlan(t)
	group := plan.Latency{P50: 20 * time.Millisecond, P95: 60 * time.Millisecond, P99: 100 * time.Millisecond}
	p.Endpoints = []plan.Endpoint{
		{Route: "GET /orders/{id}", Latency: plan.Latency{P50: 20 * time.Millisecond, P95: 50 * time.Millisecond, P99: 100 * time.Millisecond}},
		{Route: "GET /api/orders/{id}", Latency: group},
		{Route: "GET /api/v1", Latency: group},
		{Route: "GET /api/v1/simple", Latency: group},
		{Route: "GET /api", Latency: group},
	}
	analyzertest.Run(t, analysistest.TestData(), budget.New(budget.Config{Plans: plan.Static(&p)}), "endpoints")
}

// TestRelated checks the related positions of a finding: the three
// costliest operations, with their share and position; of the four of
// GET /tx (a transaction and three statements in it), the fourth is left
// out, and of equal costs the first written comes first.
func TestRelated(t *testing.T) {
	results := analyzertest.Results(t, analysistest.TestData(), budget.New(defaultConfig(t)), "nethttp")
	got := make(map[string][]string)
	for _, r := range results {
		for _, d := range r.Diagnostics {
			for _, route := range []string{"GET /orders", "GET /tx"} {
				if !strings.Contains(d.Message, `"`+route+`"`) {
					continue
				}
				for _, rel := range d.Related {
					posn := r.Action.Package.Fset.Position(rel.Pos)
					got[route] = append(got[route], fmt.Sprintf("%s:%d: %s", filepath.Base(posn.Filename), posn.Line, rel.Message))
				}
			}
		}
	}
	want := map[string][]string{
		"GET /orders": {
			"nethttp.go:69: items select × 100 (LIMIT) = 1s (99%), at nethttp/nethttp.go:69",
			"nethttp.go:61: orders select = 10ms (1%), at nethttp/nethttp.go:61",
		},
		"GET /tx": {
			"nethttp.go:220: transaction ((*sql.DB).BeginTx) = 200ms (87%), at nethttp/nethttp.go:220",
			"nethttp.go:225: stock update = 10ms (4%), at nethttp/nethttp.go:225",
			"nethttp.go:226: orders insert = 10ms (4%), at nethttp/nethttp.go:226",
		},
	}
	for route, w := range want {
		if !slices.Equal(got[route], w) {
			t.Errorf("related of %s:\n got %q\nwant %q", route, got[route], w)
		}
	}
}

// TestResult checks the estimates the analyzer returns for perfvet budget:
// every route, within its objective or not.
func TestResult(t *testing.T) {
	results := analyzertest.Results(t, analysistest.TestData(), budget.New(defaultConfig(t)), "nethttp")
	var got []string
	for _, r := range results {
		res, ok := r.Action.Result.(*budget.Result)
		if !ok {
			t.Fatalf("result is %T, want *budget.Result", r.Action.Result)
		}
		for _, e := range res.Endpoints {
			got = append(got, fmt.Sprintf("%s %v %v", e.Route, e.Total, e.Over))
		}
	}
	want := []string{
		"GET /orders 1.01s [endpoint database]",
		"GET /orders/joined 100ms []",
		"GET /refresh 200ms [database]",
		"GET /refresh/few 30ms []",
		"GET /fanout 300ms [external]",
		"GET /fanout/errgroup 100ms []",
		"GET /fanout/goroutines 100ms []",
		"GET /fanout/loop 100ms []",
		"GET /profile 1ms []",
		"GET /report 201.1ms [database]",
		"GET /report/cached 11.1ms []",
		"GET /items 1.01s [endpoint database]",
		"GET /items/page 110ms []",
		"GET /tags 1.01s [endpoint database]",
		"GET /tx 230ms [database]",
		"GET /tx/read 40ms []",
		"GET /health 0s []",
		"GET …/orders 1.01s [endpoint database]",
		"…/orders/joined 100ms []",
		"GET …/refresh/few 30ms []",
		" 30ms []",
	}
	if !slices.Equal(got, want) {
		t.Errorf("estimates:\n got %q\nwant %q", got, want)
	}
}

// estimates returns the estimates of the analysed packages' results.
func estimates(results []*analysistest.Result) []*budget.Estimate {
	var out []*budget.Estimate
	for _, r := range results {
		if res, ok := r.Action.Result.(*budget.Result); ok {
			out = append(out, res.Endpoints...)
		}
	}
	return out
}

// TestTestFiles: a route registered in a test file is reported with
// -budget.tests (Config.Tests), and not by default.
func TestTestFiles(t *testing.T) {
	cfg := defaultConfig(t)
	cfg.Tests = true
	analyzertest.Run(t, analysistest.TestData(), budget.New(cfg), "testfiles")

	results := analyzertest.Results(t, analysistest.TestData(), budget.New(defaultConfig(t)), "testfiles")
	for _, r := range results {
		for _, d := range r.Diagnostics {
			t.Errorf("%v: reported in a test file without -budget.tests: %s", r.Pass.Fset.Position(d.Pos), d.Message)
		}
	}
}
