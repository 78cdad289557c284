package metrics_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/perfvet/perfvet/analyzers/metrics"
	"github.com/perfvet/perfvet/analyzers/plan"
)

// TestDemo runs the analyzer on the demo service and expects the metrics
// problems its README lists, and nothing else; the checker's sanity check
// also gob-encodes every fact twice and compares, as go vet and nogo
// need facts to be serializable and deterministic.
func TestDemo(t *testing.T) {
	dir, err := filepath.Abs("../../testdata/demo")
	if err != nil {
		t.Fatal(err)
	}
	requireModulesCached(t, dir, "./...")
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax,
		Dir:   dir,
		Env:   append(os.Environ(), "GOWORK=off", "GOPROXY=off"),
		Tests: false,
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	a := metrics.New(metrics.Config{Plans: plan.Static(plan.Default())})
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, &checker.Options{SanityCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for act := range graph.All() {
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
		}
		if !act.IsRoot || act.Analyzer != a {
			continue
		}
		for _, d := range act.Diagnostics {
			posn := act.Package.Fset.Position(d.Pos)
			rel, _ := filepath.Rel(dir, posn.Filename)
			got = append(got, fmt.Sprintf("%s:%d: %s", filepath.ToSlash(rel), posn.Line, d.Message))
		}
	}
	slices.Sort(got)
	want := []string{
		"cmd/shop/main.go:92: the program served here does not define http_errors_total",
		`internal/api/router.go:57: route "GET /admin/orders/{id}" is not covered by the metrics middleware (metrics.Instrument)`,
		"internal/metrics/metrics.go:29: http_request_duration_seconds cannot show whether the latency objectives hold: its buckets have no boundary at 0.5 (p95 500ms)",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d findings, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("finding %d:\n got %s\nwant %s...", i, got[i], want[i])
		}
	}
}
