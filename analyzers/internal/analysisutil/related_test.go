package analysisutil

import (
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestBoundedRelated(t *testing.T) {
	var in []analysis.RelatedInformation
	for i := 25; i > 0; i-- {
		in = append(in, analysis.RelatedInformation{Pos: token.Pos(i), Message: "site"})
	}
	out := BoundedRelated(in)
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
	short := BoundedRelated(in[:3])
	if len(short) != 3 || strings.Contains(short[2].Message, "more") {
		t.Errorf("a short list was cut or annotated: %+v", short)
	}
}
