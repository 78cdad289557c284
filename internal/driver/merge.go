package driver

import (
	"fmt"
	"go/token"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// maxRelated is analysisutil.MaxRelated (which this package cannot
// import): the bound on a finding's related positions.
const maxRelated = 10

// reachCount is the count a finding at a cause writes with
// analysisutil.ReachPhrase: "1 request path reaches it", "12 request paths
// reach it".
var reachCount = regexp.MustCompile(`\b(\d+) ([a-z][a-z ]*?)s? (?:reaches|reach) it\b`)

// andMore is the tail analysisutil.BoundedRelated writes on the last
// related position it keeps.
var andMore = regexp.MustCompile(` \(and (\d+) more\)$`)

// MergeFindings merges the findings of one analyzer at one position with
// the same category and message (up to the count of places that reach
// it) into one, whose related positions are the union of theirs, bounded
// again. One cause reported by several packages — a storage method that
// drops the context, reached from handlers in several packages, each of
// which reports it at the method — prints once. Findings of a package and
// of its test variant, which are the same, collapse likewise. The order of
// the first of each group is kept.
func MergeFindings(fset *token.FileSet, findings []Finding) []Finding {
	type key struct{ analyzer, category, posn, msg string }
	groups := make(map[key][]int)
	var order []key
	for i, f := range findings {
		k := key{f.Analyzer, f.Diag.Category, fset.Position(f.Diag.Pos).String(), reachCount.ReplaceAllString(f.Diag.Message, "# $2 reach it")}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	out := make([]Finding, 0, len(order))
	for _, k := range order {
		idx := groups[k]
		if len(idx) == 1 {
			out = append(out, findings[idx[0]])
			continue
		}
		out = append(out, mergeGroup(fset, findings, idx))
	}
	return out
}

// mergeGroup merges findings that differ at most in their related
// positions and the count of them.
func mergeGroup(fset *token.FileSet, findings []Finding, idx []int) Finding {
	first := findings[idx[0]]
	type relKey struct{ posn, msg string }
	seen := make(map[relKey]bool)
	var related []analysis.RelatedInformation
	hidden := make(map[string]int) // per package, test variants counted once
	same := true
	for _, i := range idx {
		f := findings[i]
		if f.Diag.Message != first.Diag.Message || len(f.Diag.Related) != len(first.Diag.Related) {
			same = false
		}
		for _, r := range f.Diag.Related {
			msg := r.Message
			if m := andMore.FindStringSubmatch(msg); m != nil {
				n, _ := strconv.Atoi(m[1])
				base, _, _ := strings.Cut(f.Package, " ")
				hidden[base] = max(hidden[base], n)
				msg = strings.TrimSuffix(msg, m[0])
			}
			k := relKey{fset.Position(r.Pos).String(), msg}
			if seen[k] {
				continue
			}
			seen[k] = true
			r.Message = msg
			related = append(related, r)
		}
	}
	if same && len(related) == len(first.Diag.Related) && len(hidden) == 0 {
		return first // identical findings (a package and its test variant)
	}
	total := len(related)
	for _, n := range hidden {
		total += n
	}
	// By file and line, not token.Pos: positions of different packages
	// follow the order the packages were loaded in, which varies.
	sort.SliceStable(related, func(i, j int) bool {
		a, b := fset.Position(related[i].Pos), fset.Position(related[j].Pos)
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	if len(related) > maxRelated {
		related = related[:maxRelated]
	}
	if more := total - len(related); more > 0 && len(related) > 0 {
		related[len(related)-1].Message += fmt.Sprintf(" (and %d more)", more)
	}
	d := first.Diag
	d.Related = related
	d.Message = reachCount.ReplaceAllStringFunc(d.Message, func(s string) string {
		m := reachCount.FindStringSubmatch(s)
		if total == 1 {
			return "1 " + m[2] + " reaches it"
		}
		return fmt.Sprintf("%d %ss reach it", total, m[2])
	})
	first.Diag = d
	return first
}
