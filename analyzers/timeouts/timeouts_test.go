package timeouts_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perfvet/perfvet/analyzers/plan"
	"github.com/perfvet/perfvet/analyzers/timeouts"
)

func defaultPlan() timeouts.Config {
	return timeouts.Config{Plans: plan.Static(plan.Default())}
}

func TestTimeouts(t *testing.T) {
	a := timeouts.New(defaultPlan())
	results := analysistest.Run(t, analysistest.TestData(), a,
		"clients", "clientsdefault", "servers", "dials", "handlers",
		"repo", "api", "frameworks", "planbounds", "redisopts", "ginfallback", "testfiles", "clienttest")
	requireWellTyped(t, results)
}

// requireWellTyped fails on fixtures with type errors: there the flow
// checks are skipped, and a test could pass for the wrong reason.
func requireWellTyped(t *testing.T, results []*analysistest.Result) {
	t.Helper()
	for _, r := range results {
		if r.Action == nil || r.Action.Package == nil {
			continue
		}
		for _, err := range r.Action.Package.TypeErrors {
			t.Errorf("fixture does not type-check: %v", err)
		}
	}
}

func TestIllTyped(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), timeouts.New(defaultPlan()), "broken")
}

func TestSuggestedFixes(t *testing.T) {
	requireWellTyped(t, analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), timeouts.New(defaultPlan()), "fixes"))
}

func TestPlanLimitsOff(t *testing.T) {
	p, err := plan.Parse("perfplan.yaml", []byte("limits: {request_timeout: 0, query_timeout: 0}\n"))
	if err != nil {
		t.Fatal(err)
	}
	requireWellTyped(t, analysistest.Run(t, analysistest.TestData(), timeouts.New(timeouts.Config{Plans: plan.Static(p)}), "planoff"))
}

func TestTestsFlag(t *testing.T) {
	a := timeouts.New(defaultPlan())
	if err := a.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	requireWellTyped(t, analysistest.Run(t, analysistest.TestData(), a, "testfilesall"))
}
