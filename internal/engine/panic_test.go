package engine_test

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/analyzers"
	"github.com/perfvet/perfvet/analyzers/plan"
	"github.com/perfvet/perfvet/internal/driver"
	"github.com/perfvet/perfvet/internal/engine"
)

// An analyzer that panics fails on that package, with an error that names
// it, and every other analyzer still reports what it found there.
func TestPanicIsolation(t *testing.T) {
	t.Parallel()
	dir, without := batchRun(t, "e2e")
	boom := &analysis.Analyzer{
		Name: "boom",
		Doc:  "panics on every package",
		Run:  func(*analysis.Pass) (any, error) { panic("boom") },
	}
	suite := append(analyzers.Suite(analyzers.Config{Plans: plan.NewFinder("")}), boom)
	got, err := engine.Run(engine.Options{Dir: dir, Env: testEnv, Analyzers: suite}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := without.res
	if len(want.Findings) == 0 {
		t.Fatal("the suite found nothing on e2e: the comparison would prove nothing")
	}
	findings := func(r *driver.Result) []string {
		out := make([]string, 0, len(r.Findings))
		for _, f := range r.Findings {
			out = append(out, f.Analyzer+": "+r.Fset.Position(f.Diag.Pos).String()+": "+f.Diag.Message)
		}
		return out
	}
	if w, g := findings(want), findings(got); !slices.Equal(w, g) {
		t.Errorf("findings changed when another analyzer panicked:\nwith boom:\n%s\nwithout:\n%s", strings.Join(g, "\n"), strings.Join(w, "\n"))
	}
	var booms int
	for _, e := range got.Errors {
		if e.Analyzer == "boom" && strings.Contains(e.Msg, "panicked") {
			booms++
		}
	}
	if booms == 0 {
		t.Errorf("no error names the panicking analyzer: %v", got.Errors)
	}
	if got.ExitCode() != 3 {
		t.Errorf("exit code %d, want 3 (results incomplete)", got.ExitCode())
	}
}
