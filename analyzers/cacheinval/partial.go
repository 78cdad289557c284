package cacheinval

import (
	"go/ast"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
)

// This file finds a delete that drops none of the keys its package
// writes: the delete's key is a prefix of the family the package fills,
// cut at a separator (a flush of avatar_<user> where the fills write
// avatar_<user>_<size>, one key per size), and no write of the package
// makes a key of the delete's own shape. The owner meant to drop the
// family and drops a key nobody writes: every entry it meant to drop
// stays until its TTL or a restart.

// A keySite is a cache operation where its key's shape is formed: a
// library call with the key in its arguments, or a call of a key-value
// wrapper whose key parameter this function fills.
type keySite struct {
	op   Op
	node ast.Node
}

// noteKey records a key site during the reporting pass.
func (c *checker) noteKey(o Op, node ast.Node) {
	if !c.reporting || node == nil || o.KeyParam >= 0 || o.Prefix || o.Kind != "write" && o.Kind != "delete" {
		return
	}
	c.keySites = append(c.keySites, keySite{op: o, node: node})
}

// checkPartialDeletes reports each delete whose key no write of the
// package makes while a longer family of the same prefix is written.
func (c *checker) checkPartialDeletes() {
	var writes []keySite
	for _, s := range c.keySites {
		if s.op.Kind == "write" {
			writes = append(writes, s)
		}
	}
	if len(writes) == 0 {
		return
	}
	seen := make(map[ast.Node]bool)
	for _, d := range c.keySites {
		del := collapse(d.op.Key)
		if d.op.Kind != "delete" || seen[d.node] || !isFamily(del) || holderFamily(del) != "" || !strings.Contains(del, "*") {
			continue
		}
		var longer []keySite
		exact := false
		for _, w := range writes {
			if w.op.Cache != d.op.Cache {
				continue
			}
			wk := collapse(w.op.Key)
			if wk == "*" || strictOverlap(wk, del) {
				exact = true // a write makes a key the delete may drop
				break
			}
			if len(wk) > len(del) && strings.HasPrefix(wk, del) && wk[len(del)] != '*' {
				longer = append(longer, w)
			}
		}
		if exact || len(longer) == 0 {
			continue
		}
		seen[d.node] = true
		slices.SortFunc(longer, func(a, b keySite) int { return int(a.node.Pos() - b.node.Pos()) })
		related := make([]analysis.RelatedInformation, 0, len(longer))
		for _, w := range longer {
			related = append(related, analysis.RelatedInformation{Pos: w.node.Pos(), End: w.node.End(), Message: "the family is written here, as " + collapse(w.op.Key)})
		}
		fam := collapse(longer[0].op.Key)
		c.reportRelated(d.node, CategoryStale, analysisutil.BoundedRelated(c.pass.Fset, related),
			"deletes cache key %s, but this package writes that family as %s and never a key of the shape %s: the delete drops none of the entries, which stay stale until they expire; delete each key of %s (or the family by its prefix)",
			del, fam, del, fam)
	}
}

// strictOverlap is overlap where a '*' of one shape stands for one part
// of a key (an id, a number) and matches none of the other shape's
// separators: avatar_* and avatar_*_* name different keys.
func strictOverlap(a, b string) bool {
	return matchShapes(a, b, func(ch byte) bool {
		return ch == '*' || ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9'
	})
}
