package analysisutil

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Callee returns the function or method a call statically invokes, or an
// interface method for a dynamic call through an interface, or nil.
// For generic functions it returns the generic origin.
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	if info == nil || call == nil {
		return nil
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

// FullName returns the qualified name of fn as go/types prints it, with
// the package path: "net/http.Get", "(*database/sql.DB).QueryContext",
// "(github.com/redis/go-redis/v9.Cmdable).Get". Knowledge tables are keyed
// by these names.
func FullName(fn *types.Func) string {
	if fn == nil {
		return ""
	}
	return fn.Origin().FullName()
}

// IsNamed reports whether t (or the type it points to) is the named type
// pkgPath.name.
func IsNamed(t types.Type, pkgPath, name string) bool {
	if t == nil {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		if _, isNamed := types.Unalias(t).(*types.Named); !isNamed {
			t = p.Elem()
		}
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Obj()
	return obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == pkgPath && obj.Name() == name
}

// Deref returns the element type of a pointer type, or t itself.
func Deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// TypeName returns "pkg/path.Name" for a named type or a pointer to one.
func TypeName(t types.Type) string {
	n, ok := types.Unalias(Deref(t)).(*types.Named)
	if !ok || n.Obj() == nil {
		return ""
	}
	if n.Obj().Pkg() == nil {
		return n.Obj().Name()
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

// Display renders a function the way users write it, with package names
// instead of paths: "(*sql.DB).QueryContext", "http.Get",
// "(*redis.Client).Get".
func Display(fn *types.Func) string {
	if fn == nil {
		return ""
	}
	fn = fn.Origin()
	byName := func(p *types.Package) string { return p.Name() }
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		recv := sig.Recv().Type()
		if n, ok := types.Unalias(Deref(recv)).(*types.Named); ok && n.TypeArgs().Len() > 0 {
			recv = n.Origin()
		}
		return "(" + types.TypeString(recv, byName) + ")." + fn.Name()
	}
	if fn.Pkg() == nil {
		return fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

// ImportsAny reports whether pkg imports, directly or transitively, any of
// the given package paths. Analyzers use it as a fast path: a package that
// cannot reach a library cannot misuse it.
func ImportsAny(pkg *types.Package, paths ...string) bool {
	if pkg == nil {
		return false
	}
	want := make(map[string]bool, len(paths))
	for _, p := range paths {
		want[p] = true
	}
	if want[pkg.Path()] {
		return true
	}
	seen := make(map[*types.Package]bool)
	var visit func(p *types.Package) bool
	visit = func(p *types.Package) bool {
		for _, imp := range p.Imports() {
			if seen[imp] {
				continue
			}
			seen[imp] = true
			if want[imp.Path()] || visit(imp) {
				return true
			}
		}
		return false
	}
	return visit(pkg)
}

// stdRoots are the first elements of the standard library's package
// paths. A path whose first element has no dot and is one of these is a
// standard package; fixtures and GOPATH-style packages use other names.
var stdRoots = map[string]bool{
	"archive": true, "bufio": true, "builtin": true, "bytes": true, "cmp": true, "compress": true, "container": true,
	"context": true, "crypto": true, "database": true, "debug": true, "embed": true, "encoding": true, "errors": true,
	"expvar": true, "flag": true, "fmt": true, "go": true, "hash": true, "html": true, "image": true, "index": true,
	"internal": true, "io": true, "iter": true, "log": true, "maps": true, "math": true, "mime": true, "net": true,
	"os": true, "path": true, "plugin": true, "reflect": true, "regexp": true, "runtime": true, "slices": true,
	"sort": true, "strconv": true, "strings": true, "structs": true, "sync": true, "syscall": true, "testing": true,
	"text": true, "time": true, "unicode": true, "unique": true, "unsafe": true, "vendor": true, "weak": true, "cmd": true,
}

// IsStdPath reports whether a package path is the standard library's.
func IsStdPath(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".") && stdRoots[first]
}

// IsProtoMessage reports whether t is a pointer to a generated protobuf
// message: its method set has ProtoReflect() protoreflect.Message.
func IsProtoMessage(t types.Type) bool {
	if _, ok := types.Unalias(t).(*types.Pointer); !ok {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ProtoReflect")
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Signature()
	if sig.Params().Len() != 0 || sig.Results().Len() != 1 {
		return false
	}
	n, ok := types.Unalias(sig.Results().At(0).Type()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "google.golang.org/protobuf/reflect/protoreflect" && n.Obj().Name() == "Message"
}

// A FuncUse is one mention of a function of the package.
type FuncUse struct {
	From   *types.Func    // the enclosing declared function, nil at package level
	Lits   []*ast.FuncLit // the function literals around the mention, outermost first
	Direct bool           // called, not used as a value
}

// FuncUses indexes the mentions of the functions and methods of pkg in
// files, by function (the origin of an instance).
func FuncUses(info *types.Info, pkg *types.Package, files []*ast.File) map[*types.Func][]FuncUse {
	uses := make(map[*types.Func][]FuncUse)
	WalkFuncUses(info, pkg, files, func(fn, from *types.Func, direct bool, path []ast.Node) {
		var lits []*ast.FuncLit
		for _, p := range path {
			if lit, ok := p.(*ast.FuncLit); ok {
				lits = append(lits, lit)
			}
		}
		uses[fn] = append(uses[fn], FuncUse{From: from, Lits: lits, Direct: direct})
	})
	return uses
}

// WalkFuncUses calls visit for each mention of a function or method of
// pkg (its origin) in files, with the declared function the mention is
// written in (nil at package level), whether it is called rather than
// used as a value, and the nodes from the declaration down to the
// mention's identifier (valid during the call only).
func WalkFuncUses(info *types.Info, pkg *types.Package, files []*ast.File, visit func(fn, from *types.Func, direct bool, path []ast.Node)) {
	for _, f := range files {
		for _, d := range f.Decls {
			var from *types.Func
			if fd, ok := d.(*ast.FuncDecl); ok {
				from, _ = info.Defs[fd.Name].(*types.Func)
			}
			calls := make(map[*ast.Ident]bool)
			var path []ast.Node
			ast.Inspect(d, func(n ast.Node) bool {
				if n == nil {
					path = path[:len(path)-1]
					return true
				}
				path = append(path, n)
				switch n := n.(type) {
				case *ast.CallExpr:
					switch fun := ast.Unparen(n.Fun).(type) {
					case *ast.Ident:
						calls[fun] = true
					case *ast.SelectorExpr:
						calls[fun.Sel] = true
					}
				case *ast.Ident:
					if fn, ok := info.Uses[n].(*types.Func); ok && fn.Pkg() == pkg {
						visit(fn.Origin(), from, calls[n], path)
					}
				}
				return true
			})
		}
	}
}

// CalleeIdent returns the identifier a call names its function by: f in
// f(x), M in x.M(y), F in pkg.F(z), also through a generic
// instantiation (F[int](x)); nil for any other callee.
func CalleeIdent(call *ast.CallExpr) *ast.Ident {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return fun
	case *ast.SelectorExpr:
		return fun.Sel
	case *ast.IndexExpr:
		return CalleeIdent(&ast.CallExpr{Fun: fun.X})
	case *ast.IndexListExpr:
		return CalleeIdent(&ast.CallExpr{Fun: fun.X})
	}
	return nil
}
