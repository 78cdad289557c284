package engine

import (
	"crypto/sha256"
	"fmt"
	"go/token"
	"reflect"
	"sort"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/objectpath"
)

// This file is the early cut-off of View.Update (the editor's incremental
// updates; a batch run has the result cache's, in cached.go).
//
// After an edit, the edited package is type-checked and analysed again.
// Its importers are then analysed again only if what it gives them
// changed: its exported API with the positions of its declarations, and
// the facts importers can see. If that is unchanged, the importers keep
// their types, facts and findings, and the package keeps its previous
// *types.Package as the one importers see (its canonical types, "canon"):
// the facts of its new analysis are put on the objects of the canonical
// types (by objectpath), and the token.Files those objects' positions are
// in stay in the file set. A later edit that changes the API drops the
// canonical types, and the importers are type-checked again.
//
// An importer is analysed again, whatever the API, when one of its
// findings points into a file of the package that changed (a line that
// may have moved).

// importPkg returns the package importers type-check against.
func (n *node) importPkg() *packages.Package {
	if n.canon != nil {
		return n.canon
	}
	return n.pkg
}

// edits is what the packages done so far in an update changed, for the
// decisions of their importers.
type edits struct {
	mu       sync.Mutex
	replaced [][2]int // [base, base+size] of token.Files replaced by a new parse
}

func (e *edits) addReplaced(files []*file) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, f := range files {
		if f != nil && f.tok != nil {
			e.replaced = append(e.replaced, [2]int{f.tok.Base(), f.tok.Base() + f.tok.Size()})
		}
	}
}

func (e *edits) inReplaced(p token.Pos) bool {
	if !p.IsValid() {
		return false
	}
	for _, r := range e.replaced {
		if int(p) >= r[0] && int(p) <= r[1] {
			return true
		}
	}
	return false
}

// needed reports whether a conditional job (an importer of an edited
// package) must run: a dependency's API or facts changed, or one of its
// findings points into a file that changed.
func (v *View) needed(n *node, jobs map[*node]*job, ed *edits) bool {
	if n.pkg == nil || n.actions == nil {
		return true
	}
	for _, d := range n.deps {
		if j := jobs[d]; j != nil && j.ran && !j.cutoff {
			return true
		}
	}
	ed.mu.Lock()
	defer ed.mu.Unlock()
	if len(ed.replaced) == 0 {
		return false
	}
	for _, act := range n.actions {
		for _, d := range act.diags {
			if ed.inReplaced(d.Pos) || ed.inReplaced(d.End) {
				return true
			}
			for _, r := range d.Related {
				if ed.inReplaced(r.Pos) || ed.inReplaced(r.End) {
					return true
				}
			}
			for _, f := range d.SuggestedFixes {
				for _, te := range f.TextEdits {
					if ed.inReplaced(te.Pos) || ed.inReplaced(te.End) {
						return true
					}
				}
			}
		}
	}
	return false
}

// apiSum is the hash of what a package gives importers: the API of pkg
// (with positions) and the facts importers see. ok is false when it
// cannot be computed, or the package has errors (which importers see as
// their own ill-typedness).
func (v *View) apiSum(pkg *packages.Package, facts func(a *analysis.Analyzer) map[objectFactKey]analysis.Fact, pkgFacts func(a *analysis.Analyzer) map[reflect.Type]analysis.Fact) (sum [32]byte, ok bool) {
	if pkg == nil || pkg.Types == nil || pkg.IllTyped || len(pkg.Errors) > 0 {
		return sum, false
	}
	defer func() {
		if r := recover(); r != nil {
			ok = false
		}
	}()
	h := sha256.New()
	if err := gcexportdata.Write(h, v.fset, pkg.Types); err != nil {
		return sum, false
	}
	enc := new(objectpath.Encoder)
	for _, a := range v.factSet {
		if len(a.FactTypes) == 0 {
			continue
		}
		type item struct {
			key string
			sum [32]byte
		}
		var items []item
		for k, f := range facts(a) {
			if !exportedFrom(k.obj, pkg.Types) {
				continue
			}
			path, err := enc.For(k.obj)
			if err != nil {
				continue
			}
			sum, ok := inProcessSum(f)
			if !ok {
				return sum, false
			}
			items = append(items, item{string(path) + "\x00" + k.typ.String(), sum})
		}
		for t, f := range pkgFacts(a) {
			sum, ok := inProcessSum(f)
			if !ok {
				return sum, false
			}
			items = append(items, item{"\x00package\x00" + t.String(), sum})
		}
		sort.Slice(items, func(i, j int) bool { return items[i].key < items[j].key })
		writeField(h, []byte(a.Name))
		for _, it := range items {
			writeField(h, []byte(it.key), it.sum[:])
		}
	}
	h.Sum(sum[:0])
	return sum, true
}

// seenSum is apiSum of what importers see now: the canonical types and
// their facts, or the current package.
func (v *View) seenSum(n *node) ([32]byte, bool) {
	if n.canon != nil {
		return v.apiSum(n.canon, func(a *analysis.Analyzer) map[objectFactKey]analysis.Fact { return n.canonFacts[a] }, n.pkgFactsOf)
	}
	return v.currentSum(n)
}

// currentSum is apiSum of the node's current package and analysis.
func (v *View) currentSum(n *node) ([32]byte, bool) {
	return v.apiSum(n.pkg, func(a *analysis.Analyzer) map[objectFactKey]analysis.Fact {
		if act := n.actions[a]; act != nil {
			return act.objFacts
		}
		return nil
	}, n.pkgFactsOf)
}

func (n *node) pkgFactsOf(a *analysis.Analyzer) map[reflect.Type]analysis.Fact {
	if act := n.actions[a]; act != nil {
		return act.pkgFacts
	}
	return nil
}

// inProcessSum hashes a fact's value for comparisons within this process
// (where gob's numbering of types is stable).
func inProcessSum(f analysis.Fact) ([32]byte, bool) {
	sum, err := factSum(f)
	return sum, err == nil
}

// keepCanon makes prev (the package importers saw before this update)
// the node's canonical types, with the facts of its new analysis put on
// its objects. It reports false if a fact's object is not found there.
func (v *View) keepCanon(n *node, prev *packages.Package, prevFiles map[string]*file) bool {
	if n.canon == nil {
		n.canon = prev
		n.canonFiles = make(map[*file]bool, len(prevFiles))
		for _, f := range prevFiles {
			n.canonFiles[f] = true
		}
	}
	if err := v.translateCanon(n); err != nil {
		v.logf("%s: %v; its importers are checked again", n.meta.ID, err)
		return false
	}
	v.typesMu.Lock()
	v.byTypes[n.canon.Types] = n
	v.typesMu.Unlock()
	return true
}

// translateCanon puts the facts of the node's analysis on the objects of
// its canonical types.
func (v *View) translateCanon(n *node) error {
	canon := make(map[*analysis.Analyzer]map[objectFactKey]analysis.Fact, len(v.factSet))
	enc := new(objectpath.Encoder)
	for _, a := range v.factSet {
		act := n.actions[a]
		if act == nil {
			continue
		}
		m := make(map[objectFactKey]analysis.Fact, len(act.objFacts))
		for k, f := range act.objFacts {
			if !exportedFrom(k.obj, n.pkg.Types) {
				continue
			}
			path, err := enc.For(k.obj)
			if err != nil {
				continue // no importer can name it
			}
			obj, err := objectpath.Object(n.canon.Types, path)
			if err != nil {
				return fmt.Errorf("fact on %s: %w", path, err)
			}
			m[objectFactKey{obj, k.typ}] = f
		}
		canon[a] = m
	}
	n.canonFacts = canon
	return nil
}

// dropCanon forgets the node's canonical types: its importers are
// type-checked against its current package from now on. It returns the
// files only the canonical types held, to be removed from the file set.
func (v *View) dropCanon(n *node) []*file {
	if n.canon == nil {
		return nil
	}
	v.typesMu.Lock()
	if v.byTypes[n.canon.Types] == n && (n.pkg == nil || n.pkg.Types != n.canon.Types) {
		delete(v.byTypes, n.canon.Types)
	}
	v.typesMu.Unlock()
	var drop []*file
	for f := range n.canonFiles {
		if n.files[filenameOf(f)] != f {
			drop = append(drop, f)
		}
	}
	n.canon, n.canonFacts, n.canonFiles = nil, nil, nil
	return drop
}

func filenameOf(f *file) string {
	if f == nil || f.tok == nil {
		return ""
	}
	return f.tok.Name()
}
