package nplusone

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
)

// Second passes over loaded lists.
//
// A lazy loader is a method that queries only for the fields of its
// receiver that are still nil, and sets them (gogs' Issue.LoadAttributes:
// if issue.Repo == nil { issue.Repo, err = getRepositoryByID(...) }, and
// so for the poster, the labels, the milestone...). A function that
// returns a list after calling a lazy loader on each element (gogs'
// Issues) hands back elements whose fields are set, and says so in a
// loadsFact. A caller that calls the same loader on each element again
// (an API handler's loop over database.Issues(opts)) runs no query: it is
// not reported.

// A loadsFact lists the lazy loaders a function calls on every element
// of the list it returns, by full name, and the field paths those loaders
// set on every element (Repo, and Repo.Owner when the repository was read
// by a function that loads its owner).
type loadsFact struct {
	Methods []string
	Fields  []string
}

func (*loadsFact) AFact() {}

func (f *loadsFact) String() string {
	return "loads(" + strings.Join(f.Methods, ", ") + "; " + strings.Join(f.Fields, ", ") + ")"
}

// A lazyFact marks a lazy loader: the receiver fields its guards test
// for nil, and the field paths it sets whenever it succeeds.
type lazyFact struct {
	Tested, Sets []string
}

func (*lazyFact) AFact() {}

func (f *lazyFact) String() string {
	return "lazy(" + strings.Join(f.Tested, ", ") + "; " + strings.Join(f.Sets, ", ") + ")"
}

// exportLoads exports the loadsFact of each function of the package
// that has one, and the lazyFact of each lazy loader.
func (c *checker) exportLoads() {
	if c.library {
		return
	}
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			fn, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			if l := c.loadsOf(fn); len(l.Methods) > 0 {
				c.pass.ExportObjectFact(fn, &loadsFact{Methods: l.Methods, Fields: l.Fields})
			}
			if li := c.lazyOf(fn, 0); li.lazy {
				c.pass.ExportObjectFact(fn, &lazyFact{Tested: li.tested, Sets: li.sets})
			}
		}
	}
}

// loadedAlready reports whether a site's call is a lazy loader called on
// the loop's element, or on a field of it, and every assignment of the
// loop's collection is the result of a function that loaded it already:
// it called that loader on each element, or set every field the loader
// tests (issue.Repo.GetOwner() after a loader that set Repo.Owner).
func (c *checker) loadedAlready(s site) bool {
	rs, ok := s.loop.node.(*ast.RangeStmt)
	if !ok || s.loop.decl == nil {
		return false
	}
	fn := analysisutil.Callee(c.pass.TypesInfo, s.call)
	sel, ok := ast.Unparen(s.call.Fun).(*ast.SelectorExpr)
	if fn == nil || !ok {
		return false
	}
	path, ok := c.elementPath(sel.X, rs)
	if !ok {
		return false
	}
	var tested []string
	if li := c.lazyOf(fn, 0); li.lazy {
		tested = li.tested
	} else if path != "" {
		return false
	}
	calls, ok := c.producers(rs.X, s.loop.decl)
	if !ok {
		return false
	}
	name := fn.Origin().FullName()
	for _, call := range calls {
		producer := analysisutil.Callee(c.pass.TypesInfo, call)
		if producer == nil {
			return false
		}
		l := c.loadsOf(producer)
		if path == "" && slices.Contains(l.Methods, name) {
			continue
		}
		if len(tested) == 0 {
			return false
		}
		for _, t := range tested {
			if !slices.Contains(l.Fields, strings.TrimPrefix(path+"."+t, ".")) {
				return false
			}
		}
	}
	return true
}

// producers returns the calls whose results a range statement's
// collection is: the call itself (range store.Loaded(ctx)), or every
// assignment of the local variable it is (issues, err :=
// database.Issues(opts)); false when one is not a call.
func (c *checker) producers(x ast.Expr, decl *ast.FuncDecl) ([]*ast.CallExpr, bool) {
	if call, ok := ast.Unparen(x).(*ast.CallExpr); ok {
		return []*ast.CallExpr{call}, true
	}
	coll, ok := c.pass.TypesInfo.Uses[identOf(x)].(*types.Var)
	if !ok {
		return nil, false
	}
	uses := c.varUses(decl)[coll]
	calls := make([]*ast.CallExpr, 0, len(uses))
	for _, u := range uses {
		call, ok := ast.Unparen(u.rhs).(*ast.CallExpr)
		if !ok {
			return nil, false
		}
		calls = append(calls, call)
	}
	return calls, len(calls) > 0
}

// elementPath returns the field path from the element a range statement
// visits to e: "" for the element itself (its value variable, or its
// collection indexed by its key), "Repo" for issue.Repo.
func (c *checker) elementPath(e ast.Expr, rs *ast.RangeStmt) (string, bool) {
	e = ast.Unparen(e)
	if sel, ok := e.(*ast.SelectorExpr); ok {
		if v, isVar := c.pass.TypesInfo.Uses[sel.Sel].(*types.Var); !isVar || !v.IsField() {
			return "", false
		}
		p, ok := c.elementPath(sel.X, rs)
		return strings.TrimPrefix(p+"."+sel.Sel.Name, "."), ok
	}
	return "", c.visited(e, rs)
}

// visited reports whether e is the element a range statement visits:
// its value variable, or its collection indexed by its key.
func (c *checker) visited(e ast.Expr, rs *ast.RangeStmt) bool {
	obj := func(e ast.Expr) types.Object {
		if id := identOf(e); id != nil && id.Name != "_" {
			return c.objOf(id)
		}
		return nil
	}
	e = ast.Unparen(e)
	if v := obj(rs.Value); v != nil && obj(e) == v {
		return true
	}
	ix, ok := e.(*ast.IndexExpr)
	return ok && obj(rs.Key) != nil && obj(ix.Index) == obj(rs.Key) && obj(ix.X) != nil && obj(ix.X) == obj(rs.X)
}

// A loaded is what a function's loaders did to the elements it returns.
type loaded struct {
	Methods, Fields []string
}

// loadsOf returns the lazy loaders fn calls on every element of the list
// it returns, and the fields they set: from its loadsFact for a function
// of another package, from its body for one of this package.
func (c *checker) loadsOf(fn *types.Func) loaded {
	fn = fn.Origin()
	if fn.Pkg() != c.pass.Pkg {
		var f loadsFact
		if c.pass.ImportObjectFact(fn, &f) {
			return loaded(f)
		}
		return loaded{}
	}
	if l, ok := c.loads[fn]; ok {
		return l
	}
	if c.loads == nil {
		c.loads = make(map[*types.Func]loaded)
	}
	c.loads[fn] = loaded{}
	fd := c.declOf(fn)
	if fd == nil || fd.Body == nil {
		return loaded{}
	}
	list := returnedVar(c.pass.TypesInfo, fd, true)
	if list == nil {
		return loaded{}
	}
	var l loaded
	for _, stmt := range fd.Body.List {
		rs, ok := stmt.(*ast.RangeStmt)
		if !ok || c.pass.TypesInfo.Uses[identOf(rs.X)] != list {
			continue
		}
		for _, st := range rs.Body.List {
			call := stmtCall(st)
			if call == nil {
				continue
			}
			m := analysisutil.Callee(c.pass.TypesInfo, call)
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if m == nil || !ok || !c.visited(sel.X, rs) {
				continue
			}
			if li := c.lazyOf(m, 0); li.lazy {
				l.Methods = append(l.Methods, m.FullName())
				l.Fields = append(l.Fields, li.sets...)
			}
		}
	}
	l.Methods, l.Fields = sortedSet(l.Methods), sortedSet(l.Fields)
	c.loads[fn] = l
	return l
}

func sortedSet(xs []string) []string {
	slices.Sort(xs)
	return slices.Compact(xs)
}

// returnedVar returns the local variable every return statement of fd
// returns first (return issues, nil), ignoring returns of nil and of an
// empty list; a slice when list is set, a pointer otherwise.
func returnedVar(info *types.Info, fd *ast.FuncDecl, list bool) *types.Var {
	obj := info.Defs[fd.Name]
	if obj == nil {
		return nil
	}
	sig, ok := obj.Type().(*types.Signature)
	if !ok || sig.Results().Len() == 0 {
		return nil
	}
	switch sig.Results().At(0).Type().Underlying().(type) {
	case *types.Slice:
		ok = list
	case *types.Pointer:
		ok = !list
	default:
		ok = false
	}
	if !ok {
		return nil
	}
	var v *types.Var
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == 0 {
				ok = false
				return false
			}
			if emptyList(info, n.Results[0]) {
				return false // return make([]*Issue, 0), nil: nothing to load
			}
			id := identOf(n.Results[0])
			if id == nil {
				ok = false
				return false
			}
			if id.Name == "nil" {
				return false
			}
			r, isVar := info.Uses[id].(*types.Var)
			if !isVar || v != nil && r != v {
				ok = false
				return false
			}
			v = r
		}
		return ok
	})
	if !ok {
		return nil
	}
	return v
}

// stmtCall returns the call a statement of a loop body makes on every
// iteration that reaches it: a call statement, x = call(), or the init
// of an if (if err := x.Load(); err != nil { return err }).
func stmtCall(st ast.Stmt) *ast.CallExpr {
	switch st := st.(type) {
	case *ast.ExprStmt:
		call, _ := ast.Unparen(st.X).(*ast.CallExpr)
		return call
	case *ast.AssignStmt:
		if len(st.Rhs) == 1 {
			call, _ := ast.Unparen(st.Rhs[0]).(*ast.CallExpr)
			return call
		}
	case *ast.IfStmt:
		if st.Init != nil {
			return stmtCall(st.Init)
		}
	}
	return nil
}

// What a lazy loader does (lazyOf).
type lazyInfo struct {
	lazy   bool
	tested []string // the receiver fields its guards test for nil
	sets   []string // the field paths it sets whenever it succeeds
}

// lazyOf says whether method m is a lazy loader: every call in its body
// that may round trip is guarded by a nil test of a field of the
// receiver that the guarded code sets (if r.F == nil { r.F, err =
// load(...) }, also in a conjunction, if r.F == nil && r.FID > 0; or
// after if r.F != nil { return nil }), or is a call of another lazy
// loader on the receiver (LoadAttributes calling loadAttributes(x)), and
// there is one such guard at least. A field set under a guard that tests
// it alone is set whenever the loader succeeds, and so are the fields the
// function that fills it loads in turn (Repo.Owner, when Repo comes from
// a function that loads the repository's owner before returning it).
func (c *checker) lazyOf(m *types.Func, depth int) lazyInfo {
	m = m.Origin()
	if m.Pkg() != c.pass.Pkg {
		var f lazyFact
		if c.pass.ImportObjectFact(m, &f) {
			return lazyInfo{true, f.Tested, f.Sets}
		}
		return lazyInfo{}
	}
	if li, ok := c.lazies[m]; ok {
		return li
	}
	if depth > 3 {
		return lazyInfo{} // not cached: asked closer to the top, it may be one
	}
	if c.lazies == nil {
		c.lazies = make(map[*types.Func]lazyInfo)
	}
	c.lazies[m] = lazyInfo{} // recursion adds nothing
	fd := c.declOf(m)
	if fd == nil || fd.Body == nil || fd.Recv == nil || len(fd.Recv.List) != 1 || len(fd.Recv.List[0].Names) != 1 {
		return lazyInfo{}
	}
	recv := c.pass.TypesInfo.Defs[fd.Recv.List[0].Names[0]]
	if recv == nil {
		return lazyInfo{}
	}
	w := &lazyWalk{c: c, m: m, recv: recv, depth: depth, lazy: true}
	w.stmts(fd.Body.List, false)
	li := lazyInfo{}
	if w.lazy && w.guards > 0 {
		li = lazyInfo{true, sortedSet(w.tested), sortedSet(w.sets)}
	}
	c.lazies[m] = li
	return li
}

// A lazyWalk walks a method's body for lazyOf.
type lazyWalk struct {
	c      *checker
	m      *types.Func
	recv   types.Object
	depth  int
	lazy   bool
	guards int
	tested []string
	sets   []string
}

func (w *lazyWalk) stmts(list []ast.Stmt, guarded bool) {
	for k, st := range list {
		if !guarded {
			if f := w.earlyReturn(st); f != "" && setsAny(w.c.pass.TypesInfo, &ast.BlockStmt{List: list[k+1:]}, w.recv, []string{f}) {
				w.guard(f, list[k+1:])
				w.stmts(list[k+1:], true)
				return
			}
		}
		w.stmt(st, guarded)
	}
}

func (w *lazyWalk) stmt(st ast.Stmt, guarded bool) {
	info := w.c.pass.TypesInfo
	if is, ok := st.(*ast.IfStmt); ok && !guarded {
		if fields := nilTests(info, is.Cond, w.recv); len(fields) > 0 && setsAny(info, is.Body, w.recv, fields) {
			if is.Init != nil {
				w.node(is.Init, false)
			}
			if f := recvNilTest(info, is.Cond, w.recv); f != "" {
				w.guard(f, is.Body.List)
			} else {
				w.guards++
				w.tested = append(w.tested, fields...)
			}
			w.stmts(is.Body.List, true)
			if is.Else != nil {
				w.node(is.Else, false)
			}
			return
		}
	}
	w.node(st, guarded)
}

// guard notes a guard on field f alone, whose code is body: f is set
// when the loader succeeds, with what the call that fills it loads.
func (w *lazyWalk) guard(f string, body []ast.Stmt) {
	w.guards++
	w.tested = append(w.tested, f)
	w.sets = append(w.sets, f)
	info := w.c.pass.TypesInfo
	for _, st := range body {
		if is, ok := st.(*ast.IfStmt); ok && is.Init != nil {
			st = is.Init // if r.F, err = load(...); err != nil { ... }
		}
		as, ok := st.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || recvField(info, as.Lhs[0], w.recv) != f {
			continue
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok {
			continue
		}
		if g := analysisutil.Callee(info, call); g != nil {
			for _, s := range w.c.resultSets(g, w.depth+1) {
				w.sets = append(w.sets, f+"."+s)
			}
		}
	}
}

func (w *lazyWalk) node(n ast.Node, guarded bool) {
	info := w.c.pass.TypesInfo
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if guarded || !w.c.mightRoundTrip(n) {
				return w.lazy
			}
			if callee := analysisutil.Callee(info, n); callee != nil && callee.Origin() != w.m {
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && info.Uses[identOf(sel.X)] == w.recv {
					if li := w.c.lazyOf(callee, w.depth+1); li.lazy {
						w.guards++
						w.tested = append(w.tested, li.tested...)
						w.sets = append(w.sets, li.sets...)
						return false
					}
				}
			}
			w.lazy = false
		}
		return w.lazy
	})
}

// earlyReturn returns F for if r.F != nil { return ... }.
func (w *lazyWalk) earlyReturn(st ast.Stmt) string {
	is, ok := st.(*ast.IfStmt)
	if !ok || is.Init != nil || is.Else != nil || len(is.Body.List) != 1 {
		return ""
	}
	if _, ok := is.Body.List[0].(*ast.ReturnStmt); !ok {
		return ""
	}
	be, ok := ast.Unparen(is.Cond).(*ast.BinaryExpr)
	if !ok || be.Op != token.NEQ || !isNil(w.c.pass.TypesInfo, be.Y) {
		return ""
	}
	return recvField(w.c.pass.TypesInfo, be.X, w.recv)
}

// resultSets returns the field paths set on the value function g returns
// by the lazy loaders it calls on it before returning it (repo :=
// new(Repository); ...; return repo, repo.loadAttributes(e)).
func (c *checker) resultSets(g *types.Func, depth int) []string {
	g = g.Origin()
	fd := c.declOf(g)
	if g.Pkg() != c.pass.Pkg || fd == nil || fd.Body == nil || depth > 3 {
		return nil
	}
	v := returnedVar(c.pass.TypesInfo, fd, false)
	if v == nil {
		return nil
	}
	var sets []string
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || c.pass.TypesInfo.Uses[identOf(sel.X)] != v {
			return true
		}
		if m := analysisutil.Callee(c.pass.TypesInfo, call); m != nil && c.onEveryReturn(fd, call) {
			if li := c.lazyOf(m, depth+1); li.lazy {
				sets = append(sets, li.sets...)
			}
		}
		return true
	})
	return sortedSet(sets)
}

// onEveryReturn reports whether call runs before every return of fd that
// returns a value: a statement of the body's top level, or part of the
// last return (return repo, repo.loadAttributes(e)) when it is the only
// return of a non-nil value after the read.
func (c *checker) onEveryReturn(fd *ast.FuncDecl, call *ast.CallExpr) bool {
	list := fd.Body.List
	for i, st := range list {
		if st.Pos() <= call.Pos() && call.End() <= st.End() {
			if _, ok := st.(*ast.ReturnStmt); ok {
				return i == len(list)-1
			}
			return stmtCall(st) == call
		}
	}
	return false
}

// nilTests returns the fields of recv that cond tests for nil, alone or
// in a conjunction (r.Repo == nil, r.IsPull && r.PullRequest == nil).
func nilTests(info *types.Info, cond ast.Expr, recv types.Object) []string {
	e, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return nil
	}
	switch e.Op {
	case token.LAND:
		return append(nilTests(info, e.X, recv), nilTests(info, e.Y, recv)...)
	case token.EQL:
		if f := recvField(info, e.X, recv); f != "" && isNil(info, e.Y) {
			return []string{f}
		}
	}
	return nil
}

// recvField returns F for an expression recv.F, "" otherwise.
func recvField(info *types.Info, e ast.Expr, recv types.Object) string {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || info.Uses[identOf(sel.X)] != recv {
		return ""
	}
	return sel.Sel.Name
}

// setsAny reports whether body assigns one of the fields of recv.
func setsAny(info *types.Info, body ast.Node, recv types.Object, fields []string) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			for _, lhs := range as.Lhs {
				if f := recvField(info, lhs, recv); f != "" && slices.Contains(fields, f) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// emptyList reports whether e is make([]T, 0) or make([]T, 0, n).
func emptyList(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) < 2 {
		return false
	}
	if b, ok := info.Uses[identOf(call.Fun)].(*types.Builtin); !ok || b.Name() != "make" {
		return false
	}
	tv, ok := info.Types[call.Args[1]]
	return ok && tv.Value != nil && tv.Value.String() == "0"
}

// recvNilTest returns F when cond is exactly r.F == nil.
func recvNilTest(info *types.Info, cond ast.Expr, recv types.Object) string {
	be, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || be.Op != token.EQL || !isNil(info, be.Y) {
		return ""
	}
	return recvField(info, be.X, recv)
}

// isNil reports whether e is the untyped nil.
func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}
