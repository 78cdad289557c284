package analysisutil

import (
	"go/types"
	"sort"
	"strings"
)

// An ImplFinder finds the methods that implement an interface method
// among the named types a package can see: its own and those of the
// packages it imports, directly or not, that keep accepts (the program's
// packages, not libraries). It is built once per pass and caches its
// answers.
type ImplFinder struct {
	pkg   *types.Package
	keep  func(*types.Package) bool
	cands []*types.Named
	cache map[implKey][]*types.Func
}

type implKey struct {
	iface *types.Interface
	name  string
}

// NewImplFinder returns an ImplFinder for the package; keep selects the
// imported packages whose types count (nil: all).
func NewImplFinder(pkg *types.Package, keep func(*types.Package) bool) *ImplFinder {
	return &ImplFinder{pkg: pkg, keep: keep, cache: make(map[implKey][]*types.Func)}
}

// Implementations returns the methods implementing m of iface, sorted by
// package path and type name, at most one per type (its pointer's method
// set first).
func (f *ImplFinder) Implementations(iface *types.Interface, m *types.Func) []*types.Func {
	k := implKey{iface, m.Name()}
	if fns, ok := f.cache[k]; ok {
		return fns
	}
	var out []*types.Func
	for _, named := range f.candidates() {
		// *T's method set holds T's: a type implements iface if its
		// pointer does. Looking the one method up first is cheap and
		// rules most candidates out before Implements checks them all.
		// go/types says that a type with an invalid part (an embedded
		// field whose package did not type-check) implements every
		// interface, while it lacks the method: no method, no
		// implementation.
		ptr := types.NewPointer(named)
		obj, _, _ := types.LookupFieldOrMethod(ptr, false, m.Pkg(), m.Name())
		fn, ok := obj.(*types.Func)
		if !ok || !types.Implements(ptr, iface) {
			continue
		}
		out = append(out, fn)
	}
	f.cache[k] = out
	return out
}

func (f *ImplFinder) candidates() []*types.Named {
	if f.cands != nil {
		return f.cands
	}
	f.cands = []*types.Named{}
	seen := make(map[*types.Package]bool)
	var pkgs []*types.Package
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if seen[p] || p != f.pkg && f.keep != nil && !f.keep(p) {
			return
		}
		seen[p] = true
		pkgs = append(pkgs, p)
		for _, imp := range p.Imports() {
			visit(imp)
		}
	}
	visit(f.pkg)
	sort.Slice(pkgs, func(i, j int) bool { return pkgs[i].Path() < pkgs[j].Path() })
	for _, p := range pkgs {
		scope := p.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			if named, ok := tn.Type().(*types.Named); ok && named.TypeParams().Len() == 0 && !types.IsInterface(named) {
				f.cands = append(f.cands, named)
			}
		}
	}
	return f.cands
}

// SameModule returns a keep function for NewImplFinder: the packages of
// the module modPath (every package when modPath is empty).
func SameModule(modPath string) func(*types.Package) bool {
	return func(p *types.Package) bool {
		if modPath == "" {
			return !IsStdPath(p.Path())
		}
		return p.Path() == modPath || strings.HasPrefix(p.Path(), modPath+"/")
	}
}
