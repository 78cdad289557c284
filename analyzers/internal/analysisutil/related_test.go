package analysisutil

import (
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestBoundedRelated(t *testing.T) {
	fset := token.NewFileSet()
	fset.AddFile("a.go", -1, 100)
	var in []analysis.RelatedInformation
	for i := 25; i > 0; i-- {
		in = append(in, analysis.RelatedInformation{Pos: token.Pos(i), Message: "site"})
	}
	out := BoundedRelated(fset, in)
	if len(out) != MaxRelated {
		t.Fatalf("got %d entries, want %d", len(out), MaxRelated)
	}
	if out[0].Pos != 1 || out[MaxRelated-1].Pos != MaxRelated {
		t.Errorf("entries not sorted by position: first %d, last %d", out[0].Pos, out[MaxRelated-1].Pos)
	}
	if !strings.HasSuffix(out[MaxRelated-1].Message, "(and 15 more)") {
		t.Errorf("last entry %q does not say how many were left out", out[MaxRelated-1].Message)
	}
	if in[0].Message != "site" {
		t.Errorf("the input was modified")
	}
	short := BoundedRelated(fset, in[:3])
	if len(short) != 3 || strings.Contains(short[2].Message, "more") {
		t.Errorf("a short list was cut or annotated: %+v", short)
	}
}

// TestBoundedRelatedByFile: entries are ordered by file name and line, not
// by token.Pos, whose order across files depends on the order the files
// were loaded in.
func TestBoundedRelatedByFile(t *testing.T) {
	fset := token.NewFileSet()
	b := fset.AddFile("b.go", -1, 10) // loaded first: lower Pos
	a := fset.AddFile("a.go", -1, 10)
	b.SetLines([]int{0, 5})
	a.SetLines([]int{0, 5})
	in := []analysis.RelatedInformation{
		{Pos: b.Pos(6), Message: "b2"},
		{Pos: b.Pos(1), Message: "b1"},
		{Pos: a.Pos(6), Message: "a2"},
		{Pos: a.Pos(1), Message: "a1"},
	}
	got := make([]string, 0, len(in))
	for _, r := range BoundedRelated(fset, in) {
		got = append(got, r.Message)
	}
	if strings.Join(got, " ") != "a1 a2 b1 b2" {
		t.Errorf("order %v, want a1 a2 b1 b2", got)
	}
}
