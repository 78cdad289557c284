package pagesize_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perfvet/perfvet/analyzers/internal/fixtest"
	"github.com/perfvet/perfvet/analyzers/internal/reach/reachtest"
	"github.com/perfvet/perfvet/analyzers/pagesize"
	"github.com/perfvet/perfvet/analyzers/plan"
)

// defaultConfig is the default plan with the whole-table rule on, which
// most fixtures exercise (TestWholeTableDefault checks the default).
func defaultConfig() pagesize.Config {
	return pagesize.Config{Plans: plan.Static(plan.Default()), WholeTable: true}
}

func TestPageSize(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), pagesize.New(defaultConfig()),
		"nethttp", "handlers", "store", "frameworks", "grpcsrv", "repo", "sqlcgen", "sqlcuser", "loops", "formatted", "reqhelper", "entrystore", "entryapi", "beegoorm")
	requireWellTyped(t, results)
}

// requireWellTyped fails on fixtures with type errors: there the flow
// checks are skipped, and a test could pass for the wrong reason.
// TestClampFixes: the clamp to max_page_size inserted after the read, once
// for a variable two queries use, and no fix where the page size is no
// variable, is defined in an if's init, is assigned again or is a phi.
func TestClampFixes(t *testing.T) {
	requireWellTyped(t, analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), pagesize.New(defaultConfig()), "clampfixes"))
	fixtest.RequireFixedTypeChecks(t, "clampfixes")
}

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

// TestWholeTableOff: -wholetable=false turns the whole-table reads off;
// wherefilters holds both kinds of WHERE clause, with the rule on.
func TestWholeTableOff(t *testing.T) {
	requireWellTyped(t, analysistest.Run(t, analysistest.TestData(), pagesize.New(defaultConfig()), "wherefilters"))
	a := pagesize.New(defaultConfig())
	if err := a.Flags.Set("wholetable", "false"); err != nil {
		t.Fatal(err)
	}
	requireWellTyped(t, analysistest.Run(t, analysistest.TestData(), a, "wholetableoff"))
}

// TestWholeTableDefault: the whole-table rule is off by default (judged on
// the real services, doc.go), in the zero Config and in Analyzer, and
// -wholetable turns it on.
func TestWholeTableDefault(t *testing.T) {
	if f := pagesize.Analyzer.Flags.Lookup("wholetable"); f == nil || f.DefValue != "false" {
		t.Fatalf("pagesize.Analyzer's -wholetable default is not false: %v", f)
	}
	requireWellTyped(t, analysistest.Run(t, analysistest.TestData(), pagesize.New(pagesize.Config{Plans: plan.Static(plan.Default())}), "wholetableoff"))
	a := pagesize.New(pagesize.Config{Plans: plan.Static(plan.Default())})
	if err := a.Flags.Set("wholetable", "true"); err != nil {
		t.Fatal(err)
	}
	requireWellTyped(t, analysistest.Run(t, analysistest.TestData(), a, "wherefilters"))
}

func TestParentKeys(t *testing.T) {
	a := pagesize.New(defaultConfig())
	if err := a.Flags.Set("parentkeys", "true"); err != nil {
		t.Fatal(err)
	}
	requireWellTyped(t, analysistest.Run(t, analysistest.TestData(), a, "parentkeys"))
}

// TestInterface checks a page size passed through the program's own
// interface to an implementation the package sees.
func TestInterface(t *testing.T) {
	requireWellTyped(t, analysistest.Run(t, analysistest.TestData(), pagesize.New(defaultConfig()), "ifacerepo/api", "ifacerepo/pg"))
}

func TestIllTyped(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), pagesize.New(defaultConfig()), "broken")
}

func TestPlanMaxPageSize(t *testing.T) {
	p, err := plan.Parse("perfplan.yaml", []byte("limits: {max_page_size: 500}\n"))
	if err != nil {
		t.Fatal(err)
	}
	requireWellTyped(t, analysistest.Run(t, analysistest.TestData(), pagesize.New(pagesize.Config{Plans: plan.Static(p)}), "planmax"))
}

// TestWholeProgram: a page size and a whole-table read through
// store.Driver, whose implementation (wholeprog/pg) only main imports,
// are reported by main at the handler's call (internal/reach); the
// clamped and paged twins are not.
func TestWholeProgram(t *testing.T) {
	reachtest.WholeProgram(t, pagesize.New(defaultConfig()), "wholeprog/cmd/server")
}

// TestWholeProgramRootsOnly: a package between main and both sides
// (wiring) resolves the calls first; main, asked about alone, reports its
// findings again.
func TestWholeProgramRootsOnly(t *testing.T) {
	reachtest.RootsOnly(t, pagesize.New(defaultConfig()), "wholeprog/cmd/viawire")
}
