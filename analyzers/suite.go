// Package analyzers assembles perfvet's analyzers into a suite built from
// one plan provider.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/analyzers/budget"
	"github.com/perfvet/perfvet/analyzers/cacheinval"
	"github.com/perfvet/perfvet/analyzers/internal/lint"
	"github.com/perfvet/perfvet/analyzers/limits"
	"github.com/perfvet/perfvet/analyzers/metrics"
	"github.com/perfvet/perfvet/analyzers/nplusone"
	"github.com/perfvet/perfvet/analyzers/pagesize"
	"github.com/perfvet/perfvet/analyzers/plan"
	"github.com/perfvet/perfvet/analyzers/timeouts"
)

// TestsFlag is the name of every analyzer's flag that reports findings in
// test code (_test.go files and test helper packages) too.
const TestsFlag = lint.TestsFlag

// DirectiveAnalyzer is the name of the suite's analyzer that reports
// malformed //perfvet:ignore directives. Drivers keep it on when a user
// selects analyzers (-timeouts), so that a typo in a directive is never
// silent; only -perfvet=false turns it off.
const DirectiveAnalyzer = lint.DirectiveAnalyzerName

// Config configures the suite.
type Config struct {
	// Plans gives the plan of each package. Nil means the embedded default.
	Plans plan.Provider
}

// Suite returns a fresh instance of every perfvet analyzer, sorted by name.
// Instances share nothing with other suites, so a program may hold several
// (with different plans) at once.
func Suite(cfg Config) []*analysis.Analyzer {
	plans := cfg.Plans
	if plans == nil {
		plans = plan.Static(plan.Default())
	}
	return []*analysis.Analyzer{
		budget.New(budget.Config{Plans: plans}),
		cacheinval.New(cacheinval.Config{Plans: plans}),
		limits.New(limits.Config{Plans: plans}),
		metrics.New(metrics.Config{Plans: plans}),
		nplusone.New(nplusone.Config{Plans: plans}),
		pagesize.New(pagesize.Config{Plans: plans}),
		lint.NewDirectives(lint.Options{Plans: plans}), // "perfvet": malformed //perfvet:ignore directives
		timeouts.New(timeouts.Config{Plans: plans}),
	}
}
