// Package reach holds what cacheinval and pagesize share to resolve a
// call through one of the program's own interfaces against
// implementations in packages the caller does not import (the drivers
// that main wires together).
//
// go/analysis shows a package only its dependencies. The caller's package
// therefore hands such a call on in a package fact (each analyzer has its
// own fact type, holding a Site and a Method), and the first package that
// imports both the caller and an implementation (typically main) resolves
// the interface there and reports at the original call. A Site is a
// position that survives serialization: a file name, its size and byte
// offsets. Drivers that analyse several packages in one process with one
// file set (the perfvet command, the LSP, golangci-lint, analysistest)
// know the caller's file; go vet, which runs one process per package,
// does not, and there the finding is dropped.
//
// nplusone has the same mechanism (analyzers/nplusone/reach.go), with
// the loop's positions in its own Pending type.
package reach

import (
	"fmt"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
)

// A Site is a call's position, as byte offsets in File, checked against
// the file's Size where it is used, so that an offset is never applied to
// another version of the file.
type Site struct {
	File     string
	Size     int
	Off, End int
}

// Key identifies a site: its file and offset.
func (s Site) Key() string { return fmt.Sprintf("%s:%d", s.File, s.Off) }

// SiteOf returns the site of [pos, end) in the file set.
func SiteOf(fset *token.FileSet, pos, end token.Pos) (Site, bool) {
	tf := fset.File(pos)
	if tf == nil || !pos.IsValid() {
		return Site{}, false
	}
	start := fset.PositionFor(pos, false)
	s := Site{File: start.Filename, Size: tf.Size(), Off: start.Offset, End: start.Offset}
	if end.IsValid() && fset.File(end) == tf {
		s.End = fset.PositionFor(end, false).Offset
	}
	return s, true
}

// Files finds a site's file in a pass's file set.
type Files struct {
	fset  *token.FileSet
	files map[string]*token.File
}

// NewFiles returns a Files for a file set.
func NewFiles(fset *token.FileSet) *Files { return &Files{fset: fset} }

// Pos turns a site into positions, if the file set holds the same version
// of its file.
func (f *Files) Pos(s Site) (pos, end token.Pos, ok bool) {
	if f.files == nil {
		f.files = make(map[string]*token.File)
		f.fset.Iterate(func(tf *token.File) bool {
			f.files[tf.Name()] = tf
			return true
		})
	}
	tf := f.files[s.File]
	if tf == nil || tf.Size() != s.Size || s.Off < 0 || s.Off > tf.Size() || s.End < s.Off || s.End > tf.Size() {
		return token.NoPos, token.NoPos, false
	}
	return tf.Pos(s.Off), tf.Pos(s.End), true
}

// A Method is a method of a declared interface of the program, by name:
// (store.Driver).ListUsers is {Pkg: ".../store", Type: "Driver", Method:
// "ListUsers"}.
type Method struct {
	Pkg, Type, Method string
}

// String is the method as messages show it: (store.Driver).ListUsers.
func (m Method) String() string {
	name := m.Pkg
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	return "(" + name + "." + m.Type + ")." + m.Method
}

// NamedInterface returns the declared interface type an interface call
// goes through: the receiver's type, or the interface that declares the
// method (one embedded in an unnamed interface).
func NamedInterface(recv types.Type, m *types.Func) *types.TypeName {
	sig, ok := m.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return nil
	}
	for _, t := range []types.Type{recv, sig.Recv().Type()} {
		if n, ok := types.Unalias(t).(*types.Named); ok && n.TypeParams().Len() == 0 && types.IsInterface(n) && n.Obj().Pkg() != nil {
			return n.Obj()
		}
	}
	return nil
}

// MethodOf describes an interface method called on a value of type recv,
// if it belongs to a declared, exported-method interface.
func MethodOf(recv types.Type, m *types.Func) (Method, bool) {
	if m == nil || !m.Exported() {
		return Method{}, false
	}
	tn := NamedInterface(recv, m)
	if tn == nil {
		return Method{}, false
	}
	return Method{Pkg: tn.Pkg().Path(), Type: tn.Name(), Method: m.Name()}, true
}

// A Resolver finds the implementations of the program's interfaces in
// the packages a package imports, directly or not.
type Resolver struct {
	pkg      *types.Package
	imported map[string]*types.Package
	impls    *analysisutil.ImplFinder
}

// NewResolver returns a Resolver for the pass's package; keep selects
// the packages whose types may implement (the program's, not libraries).
func NewResolver(pass *analysis.Pass, keep func(*types.Package) bool) *Resolver {
	return &Resolver{pkg: pass.Pkg, impls: analysisutil.NewImplFinder(pass.Pkg, keep)}
}

// Lookup returns the interface method m names, found among the package
// and its imports.
func (r *Resolver) Lookup(m Method) (*types.Interface, *types.Func, bool) {
	p := r.pkg
	if p.Path() != m.Pkg {
		if r.imported == nil {
			r.imported = make(map[string]*types.Package)
			var visit func(p *types.Package)
			visit = func(p *types.Package) {
				for _, imp := range p.Imports() {
					if r.imported[imp.Path()] == nil {
						r.imported[imp.Path()] = imp
						visit(imp)
					}
				}
			}
			visit(r.pkg)
		}
		p = r.imported[m.Pkg]
	}
	if p == nil {
		return nil, nil, false
	}
	tn, ok := p.Scope().Lookup(m.Type).(*types.TypeName)
	if !ok {
		return nil, nil, false
	}
	iface, ok := tn.Type().Underlying().(*types.Interface)
	if !ok {
		return nil, nil, false
	}
	obj, _, _ := types.LookupFieldOrMethod(tn.Type(), false, tn.Pkg(), m.Method)
	fn, ok := obj.(*types.Func)
	if !ok {
		return nil, nil, false
	}
	return iface, fn, true
}

// Implementations returns the methods implementing m that the package
// sees, sorted by package path and type name; the package's own types
// are left out (a driver package sees its own implementation only; the
// package that wires the drivers together sees them all).
func (r *Resolver) Implementations(m Method) []*types.Func {
	iface, fn, ok := r.Lookup(m)
	if !ok {
		return nil
	}
	var out []*types.Func
	for _, impl := range r.impls.Implementations(iface, fn) {
		if impl.Pkg() != r.pkg {
			out = append(out, impl)
		}
	}
	return out
}

// A Found is a finding a package reported for a call it resolved, with
// its positions as sites, so that the packages that import it can report
// it again as it is: a driver shows only the findings of the packages it
// was asked about (perfvet ./cmd: main, not the dependency that resolved
// the call first), and merges identical findings of several packages.
type Found struct {
	Key      string // the pending call's key
	Site     Site
	Category string
	Message  string
	Related  []FoundRelated
}

// A FoundRelated is a related position of a Found.
type FoundRelated struct {
	Site    Site
	Message string
}

// FoundOf describes a reported finding with sites, if the file set knows
// its positions.
func FoundOf(fset *token.FileSet, key string, d analysis.Diagnostic) (Found, bool) {
	site, ok := SiteOf(fset, d.Pos, d.End)
	if !ok {
		return Found{}, false
	}
	f := Found{Key: key, Site: site, Category: d.Category, Message: d.Message}
	for _, r := range d.Related {
		rs, ok := SiteOf(fset, r.Pos, r.End)
		if !ok {
			return Found{}, false
		}
		f.Related = append(f.Related, FoundRelated{Site: rs, Message: r.Message})
	}
	return f, true
}

// ReportFound reports again, once each, the findings dependencies
// reported for calls they resolved, where the file set holds their files.
func ReportFound(files *Files, found []Found, report func(analysis.Diagnostic)) {
	seen := make(map[string]bool)
	for _, f := range found {
		if seen[f.Key] {
			continue
		}
		seen[f.Key] = true
		pos, end, ok := files.Pos(f.Site)
		if !ok {
			continue
		}
		d := analysis.Diagnostic{Pos: pos, End: end, Category: f.Category, Message: f.Message}
		for _, r := range f.Related {
			if rp, re, ok := files.Pos(r.Site); ok {
				d.Related = append(d.Related, analysis.RelatedInformation{Pos: rp, End: re, Message: r.Message})
			}
		}
		report(d)
	}
}
