package analysisutil

import (
	"bytes"
	"cmp"
	"fmt"
	"go/token"
	"slices"
	"strings"

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

// MergeFindings makes findings of one cause one: the first, with the
// others as related positions and all their suggested edits in one fix
// when every one has a fix (otherwise the first keeps its own, and the
// next run reports the rest). where says where the others are ("in
// (*T).M", "in the program"), for the message.
func MergeFindings(fset *token.FileSet, ds []analysis.Diagnostic, where string) analysis.Diagnostic {
	first := ds[0]
	if len(ds) == 1 {
		return first
	}
	first.Message += fmt.Sprintf("; and %d more %s (related positions)", len(ds)-1, where)
	var related []analysis.RelatedInformation
	var edits []analysis.TextEdit
	fixed := 0
	for i, d := range ds {
		if len(d.SuggestedFixes) > 0 {
			fixed++
			for _, e := range d.SuggestedFixes[0].TextEdits {
				// Two reads of one handler are limited by one statement.
				if !slices.ContainsFunc(edits, func(o analysis.TextEdit) bool {
					return o.Pos == e.Pos && o.End == e.End && bytes.Equal(o.NewText, e.NewText)
				}) {
					edits = append(edits, e)
				}
			}
		}
		if i > 0 {
			msg, _, _ := strings.Cut(d.Message, ";")
			related = append(related, analysis.RelatedInformation{Pos: d.Pos, End: d.End, Message: msg})
		}
	}
	if len(first.SuggestedFixes) > 0 && fixed == len(ds) {
		first.SuggestedFixes = []analysis.SuggestedFix{{Message: first.SuggestedFixes[0].Message + fmt.Sprintf(" (at all %d places)", len(ds)), TextEdits: edits}}
	}
	first.Related = BoundedRelated(fset, related)
	return first
}
