package pagesize_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perfvet/perfvet/analyzers/internal/analyzertest"
	"github.com/perfvet/perfvet/analyzers/pagesize"
	"github.com/perfvet/perfvet/analyzers/plan"
)

// defaultConfig is the default plan with the whole-table rule on, which
// most fixtures exercise (TestWholeTableDefault checks the default).
func defaultConfig() pagesize.Config {
	return pagesize.Config{Plans: analyzertest.DefaultPlan(), WholeTable: true}
}

// writtenConfig is defaultConfig under a plan file that writes the
// default's max_page_size: clamps above it are the team's limit broken.
func writtenConfig(t *testing.T) pagesize.Config {
	t.Helper()
	cfg := defaultConfig()
	cfg.Plans = plan.Static(analyzertest.WrittenPlan(t, "limits: {max_page_size: 100}\n"))
	return cfg
}

func TestPageSize(t *testing.T) {
	analyzertest.Run(t, analysistest.TestData(), pagesize.New(writtenConfig(t)),
		"nethttp", "handlers", "store", "frameworks", "grpcsrv", "grpcignored", "grpcpaged", "repo", "sqlcgen", "sqlcuser", "loops", "formatted", "reqhelper", "entrystore", "entryapi", "beegoorm", "httpignored", "searchfilters")
}

// TestClampFixes: the clamp to max_page_size inserted after the read, once
// for a variable two queries use, and no fix where the page size is no
// variable, is defined in an if's init, is assigned again or is a phi.
func TestClampFixes(t *testing.T) {
	analyzertest.RunWithFixes(t, analysistest.TestData(), pagesize.New(defaultConfig()), "clampfixes")
}

// TestWholeTableOff: -wholetable=false turns the whole-table reads off;
// wherefilters holds both kinds of WHERE clause, with the rule on.
func TestWholeTableOff(t *testing.T) {
	analyzertest.Run(t, analysistest.TestData(), pagesize.New(defaultConfig()), "wherefilters")
	a := analyzertest.WithFlag(t, pagesize.New(defaultConfig()), "wholetable", "false")
	analyzertest.Run(t, analysistest.TestData(), a, "wholetableoff")
}

// TestWholeTableDefault: the whole-table rule is off by default (judged on
// the real services, doc.go), in the zero Config and in Analyzer, and
// -wholetable turns it on.
func TestWholeTableDefault(t *testing.T) {
	if f := pagesize.Analyzer.Flags.Lookup("wholetable"); f == nil || f.DefValue != "false" {
		t.Fatalf("pagesize.Analyzer's -wholetable default is not false: %v", f)
	}
	analyzertest.Run(t, analysistest.TestData(), pagesize.New(pagesize.Config{Plans: analyzertest.DefaultPlan()}), "wholetableoff")
	a := analyzertest.WithFlag(t, pagesize.New(pagesize.Config{Plans: analyzertest.DefaultPlan()}), "wholetable", "true")
	analyzertest.Run(t, analysistest.TestData(), a, "wherefilters")
}

func TestParentKeys(t *testing.T) {
	a := analyzertest.WithFlag(t, pagesize.New(defaultConfig()), "parentkeys", "true")
	analyzertest.Run(t, analysistest.TestData(), a, "parentkeys")
}

// TestInterface checks a page size passed through the program's own
// interface to an implementation the package sees.
func TestInterface(t *testing.T) {
	analyzertest.Run(t, analysistest.TestData(), pagesize.New(defaultConfig()), "ifacerepo/api", "ifacerepo/pg")
}

func TestIllTyped(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), pagesize.New(defaultConfig()), "broken")
}

// TestClampDefaultPlan: under the embedded default plan, which the team
// did not write, a clamp above its max_page_size is a deliberate bound,
// not reported; the fixtures' other findings stay.
func TestClampDefaultPlan(t *testing.T) {
	a := pagesize.New(defaultConfig())
	_, graph := analyzertest.Program(t, analysistest.TestData(), a, "nethttp", "loops")
	n := 0
	for act := range graph.All() {
		if act.Analyzer != a || !strings.HasSuffix(act.Package.PkgPath, "nethttp") && !strings.HasSuffix(act.Package.PkgPath, "loops") {
			continue
		}
		for _, d := range act.Diagnostics {
			n++
			if d.Category == pagesize.CategoryPlan {
				t.Errorf("%v: reported against the default plan: %s", act.Package.Fset.Position(d.Pos), d.Message)
			}
		}
	}
	if n == 0 {
		t.Error("no findings at all: the fixtures did not load")
	}
}

func TestPlanMaxPageSize(t *testing.T) {
	p := analyzertest.InlinePlan(t, "limits: {max_page_size: 500}\n")
	analyzertest.Run(t, analysistest.TestData(), pagesize.New(pagesize.Config{Plans: p}), "planmax")
}

// TestWholeProgram: a page size and a whole-table read through
// store.Driver, whose implementation (wholeprog/pg) only main imports,
// are reported by main at the handler's call (internal/reach); the
// clamped and paged twins are not.
func TestWholeProgram(t *testing.T) {
	analyzertest.WholeProgram(t, pagesize.New(defaultConfig()), "wholeprog/cmd/server")
}

// TestWholeProgramRootsOnly: a package between main and both sides
// (wiring) resolves the calls first; main, asked about alone, reports its
// findings again.
func TestWholeProgramRootsOnly(t *testing.T) {
	analyzertest.RootsOnly(t, pagesize.New(defaultConfig()), "wholeprog/cmd/viawire")
}
