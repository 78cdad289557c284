package metrics_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/perfvet/perfvet/analyzers/internal/analyzertest"
	"github.com/perfvet/perfvet/analyzers/metrics"
)

// TestDemo runs the analyzer on the demo service and expects the metrics
// problems its README lists, and nothing else; the checker's sanity check
// also gob-encodes every fact twice and compares, as go vet and nogo
// need facts to be serializable and deterministic.
func TestDemo(t *testing.T) {
	findings := analyzertest.Demo(t, metrics.New(metrics.Config{Plans: analyzertest.DefaultPlan()}))
	got := make([]string, 0, len(findings))
	for _, d := range findings {
		posn := d.Position(d.Pos)
		got = append(got, fmt.Sprintf("%s:%d: %s", posn.Filename, posn.Line, d.Message))
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
