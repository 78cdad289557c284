// Package analyzertest runs the analyzers on their fixtures, for their
// tests: the analysistest fixtures of an analyzer's testdata/src (GOPATH
// mode), the real-libraries module testdata/realibs, the demo service
// testdata/demo, whole programs whose findings one package reports in
// another's files, and the facts the analyzers export.
//
// The stubs of the libraries that the analysistest fixtures import
// (go-redis v9 and v8, GORM, gin, ...) are kept once, under this package's
// testdata/src, one stub per library with what every analyzer's fixtures
// use; each analyzer's testdata/src links their top directories there
// (github.com -> ../../../internal/analyzertest/testdata/src/github.com),
// so that its GOPATH tree sees them. go list follows the links for
// imports; its "..." patterns do not, so no scenario may be a link.
package analyzertest

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perfvet/perfvet/analyzers/plan"
)

// Run is analysistest.Run, which checks the // want comments of the
// packages of dir (a GOPATH tree, or a module), and fails too on the
// type errors of those packages: there the flow checks are skipped, and a
// test could pass for the wrong reason.
func Run(t *testing.T, dir string, a *analysis.Analyzer, patterns ...string) []*analysistest.Result {
	t.Helper()
	results := analysistest.Run(t, dir, a, patterns...)
	RequireWellTyped(t, results)
	return results
}

// RunWithFixes is analysistest.RunWithSuggestedFixes (the fixes applied
// must give each file's .golden twin), fails on type errors as Run does,
// and checks that the fixed code of each package, a GOPATH-mode package
// of dir, type-checks (RequireFixedTypeChecks).
func RunWithFixes(t *testing.T, dir string, a *analysis.Analyzer, pkgs ...string) []*analysistest.Result {
	t.Helper()
	results := analysistest.RunWithSuggestedFixes(t, dir, a, pkgs...)
	RequireWellTyped(t, results)
	for _, pkg := range pkgs {
		RequireFixedTypeChecks(t, dir, pkg)
	}
	return results
}

// Results runs the analyzer on the packages of dir as analysistest.Run
// does, without checking the // want comments, for tests that look at
// the results themselves: mismatches with the comments, and any other
// error analysistest reports, are dropped.
func Results(t *testing.T, dir string, a *analysis.Analyzer, patterns ...string) []*analysistest.Result {
	t.Helper()
	return analysistest.Run(quiet{t}, dir, a, patterns...)
}

// quiet is a testing.T whose Errorf, the one method analysistest reports
// with, does nothing.
type quiet struct{ *testing.T }

func (quiet) Errorf(string, ...any) {}

// RequireWellTyped fails on the type errors of the analysed packages.
func RequireWellTyped(t *testing.T, results []*analysistest.Result) {
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

// WithFlag sets a flag of the analyzer (its name without the analyzer's
// prefix) and returns the analyzer.
func WithFlag(tb testing.TB, a *analysis.Analyzer, name, value string) *analysis.Analyzer {
	tb.Helper()
	if err := a.Flags.Set(name, value); err != nil {
		tb.Fatalf("-%s.%s=%s: %v", a.Name, name, value, err)
	}
	return a
}

// DefaultPlan provides the embedded default plan, which no team wrote:
// checks against written values stay silent under it.
func DefaultPlan() plan.Provider {
	return plan.Static(plan.Default())
}

// InlinePlan provides the plan src, parsed over the default as a file
// named perfplan.yaml that is not on disk: plan.Wrote counts a value
// that differs from the default's as written.
func InlinePlan(tb testing.TB, src string) plan.Provider {
	tb.Helper()
	p, err := plan.Parse("perfplan.yaml", []byte(src))
	if err != nil {
		tb.Fatal(err)
	}
	return plan.Static(p)
}

// WrittenPlan loads src as a perfplan.yaml file of a temporary directory:
// the values it writes count as the team's (plan.Wrote), the others are
// the default's.
func WrittenPlan(tb testing.TB, src string) *plan.Plan {
	tb.Helper()
	file := filepath.Join(tb.TempDir(), "perfplan.yaml")
	if err := os.WriteFile(file, []byte(src), 0o600); err != nil {
		tb.Fatal(err)
	}
	p, err := plan.Load(file)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}
