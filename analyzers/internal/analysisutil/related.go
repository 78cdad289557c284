package analysisutil

import (
	"cmp"
	"fmt"
	"go/token"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// MaxRelated bounds the related positions of one finding. A cause reached
// from hundreds of places is reported once; listing every place would bury
// the finding again, so the list stops and says how many it left out.
const MaxRelated = 10

// BoundedRelated returns related sorted by file, line, column and message,
// and cut to MaxRelated entries; when it cuts, the last entry kept says
// "and N more". A finding that reports one cause for many sites uses it,
// so that the bound and the wording are the same in every analyzer. The
// order is by position in the source, not by token.Pos: the engine loads
// files concurrently, so the Pos order of files in different packages
// differs from run to run, and the output must not.
func BoundedRelated(fset *token.FileSet, related []analysis.RelatedInformation) []analysis.RelatedInformation {
	out := append([]analysis.RelatedInformation(nil), related...)
	slices.SortStableFunc(out, func(a, b analysis.RelatedInformation) int {
		pa, pb := fset.Position(a.Pos), fset.Position(b.Pos)
		return cmp.Or(cmp.Compare(pa.Filename, pb.Filename), cmp.Compare(pa.Line, pb.Line), cmp.Compare(pa.Column, pb.Column), cmp.Compare(a.Message, b.Message))
	})
	if len(out) <= MaxRelated {
		return out
	}
	more := len(out) - MaxRelated
	out = out[:MaxRelated]
	out[MaxRelated-1].Message += fmt.Sprintf(" (and %d more)", more)
	return out
}

// ReachPhrase says how many places of a kind reach a cause: "1 request
// path reaches it", "12 request paths reach it". A finding at a cause
// that several packages report writes its count with it: the command's
// output assembly (internal/driver) merges such findings and rewrites the
// phrase with the total.
func ReachPhrase(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s reaches it", noun)
	}
	return fmt.Sprintf("%d %ss reach it", n, noun)
}
