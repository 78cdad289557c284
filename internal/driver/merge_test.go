package driver

import (
	"fmt"
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestMergeFindings(t *testing.T) {
	fset := token.NewFileSet()
	f := fset.AddFile("storage.go", -1, 1000)
	g := fset.AddFile("ui.go", -1, 1000)
	f.SetLinesForContent([]byte(strings.Repeat("x\n", 500)))
	g.SetLinesForContent([]byte(strings.Repeat("x\n", 500)))
	cause := f.Pos(10)
	msg := func(n int) string {
		if n == 1 {
			return "Entries runs a query with no context; 1 request path reaches it, fix it"
		}
		return fmt.Sprintf("Entries runs a query with no context; %d request paths reach it, fix it", n)
	}
	sites := func(from, n int, more int) []analysis.RelatedInformation {
		rel := make([]analysis.RelatedInformation, 0, n)
		for i := range n {
			rel = append(rel, analysis.RelatedInformation{Pos: g.Pos((from + i) * 2), Message: fmt.Sprintf("site %d", from+i)})
		}
		if more > 0 {
			rel[n-1].Message += fmt.Sprintf(" (and %d more)", more)
		}
		return rel
	}
	find := func(pkg string, n, from, shown, more int) Finding {
		return Finding{Analyzer: "timeouts", Package: pkg, Diag: analysis.Diagnostic{Pos: cause, Category: "request", Message: msg(n), Related: sites(from, shown, more)}}
	}
	other := Finding{Analyzer: "timeouts", Package: "x", Diag: analysis.Diagnostic{Pos: f.Pos(50), Category: "request", Message: msg(1), Related: sites(0, 1, 0)}}
	in := []Finding{
		find("ui", 12, 0, 10, 2),           // 12 sites, 10 shown
		find("ui [ui.test]", 12, 0, 10, 2), // its test variant: the same
		find("api", 1, 100, 1, 0),          // a sibling
		other,                              // another position
		find("admin", 2, 200, 2, 0),        // a third package
		{Analyzer: "nplusone", Package: "ui", Diag: analysis.Diagnostic{Pos: cause, Category: "request", Message: msg(1)}}, // another analyzer
	}
	out := MergeFindings(fset, in)
	if len(out) != 3 {
		t.Fatalf("%d findings, want 3: %v", len(out), out)
	}
	m := out[0].Diag
	if m.Message != msg(15) {
		t.Errorf("merged message %q, want %q", m.Message, msg(15))
	}
	if len(m.Related) != 10 || !strings.HasSuffix(m.Related[9].Message, " (and 5 more)") {
		t.Errorf("merged related: %d, last %q; want 10, (and 5 more)", len(m.Related), m.Related[len(m.Related)-1].Message)
	}
	if out[1].Diag.Message != msg(1) || out[2].Analyzer != "nplusone" {
		t.Errorf("unmerged findings changed: %v", out[1:])
	}

	// Identical findings (a package and its test variant) stay as they are.
	same := MergeFindings(fset, []Finding{find("api", 1, 100, 1, 0), find("api [api.test]", 1, 100, 1, 0)})
	if len(same) != 1 || same[0].Diag.Message != msg(1) || len(same[0].Diag.Related) != 1 {
		t.Errorf("identical findings: %v", same)
	}
}
