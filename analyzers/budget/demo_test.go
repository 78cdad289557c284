package budget_test

import (
	"testing"

	"github.com/perfvet/perfvet/analyzers/budget"
	"github.com/perfvet/perfvet/analyzers/internal/analyzertest"
)

// TestDemo runs the analyzer on the demo service. Under the embedded
// default plan, which the demo's team did not write, it reports nothing;
// under a plan file that writes the default's objectives, the one route
// above the p95 is the CSV export, whose handler runs one items query per
// order of a page of up to max_page_size (the planted N+1); the batched
// GET /users/{id}/orders and the rest are well inside it.
func TestDemo(t *testing.T) {
	for _, d := range analyzertest.Demo(t, budget.New(budget.Config{Plans: analyzertest.DefaultPlan()})) {
		t.Errorf("%s: reported against the embedded default plan: %s", d.Position(d.Pos), d.Message)
	}
	analyzertest.RequireDemo(t, budget.New(defaultConfig(t)), false,
		`internal/api/router.go:50:2: route "GET /users/{id}/orders.csv" is estimated at ~1.01s from its code, above its p95 objective of 500ms (slo.latency.p95) (database ~1.01s of budget.database 150ms), so its requests miss the objective; batch, cache or run concurrently its costliest operations`,
	)
}
