package limits_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/perfvet/perfvet/analyzers/internal/realibstest"
	"github.com/perfvet/perfvet/analyzers/limits"
	"github.com/perfvet/perfvet/analyzers/plan"
)

// TestDemo runs the analyzer on the demo service and expects the one body
// read its README lists (found from cmd/shop, which serves it, at the read
// in internal/api), and nothing else: updateProductPrice's body is
// wrapped in http.MaxBytesReader, and the pool is bounded in cmd/shop.
func TestDemo(t *testing.T) {
	findings := realibstest.Demo(t, limits.New(limits.Config{Plans: plan.Static(plan.Default())}))
	got := make([]string, 0, len(findings))
	for _, d := range findings {
		got = append(got, d.Position(d.Pos).String()+": "+d.Message)
	}
	slices.Sort(got)
	want := []string{
		"internal/api/notes.go:23:12: json.NewDecoder reads the request body whole with no limit, so one request of any size is held in memory; wrap it first, r.Body = http.MaxBytesReader(w, r.Body, 10485760) (the plan's max_body_size is 10MB)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings on the demo:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
