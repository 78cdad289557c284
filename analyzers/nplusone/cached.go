package nplusone

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// This file tells cache-aside reads: a function that looks a key up in a
// cache (an in-process cache, or a cache interface whose implementation
// it does not know), returns on a hit, and on a miss runs the query and
// stores the result in the same cache (apache answer's
// configRepo.GetConfigByKey). Called once per element, it runs the query
// only for the keys the cache does not hold: as with a memo (memo.go), it
// is reported only when the loop hands it the element itself, "on a cold
// memo", or with -memo. A cache that is itself a round trip (Redis,
// memcached) is no such guard: its lookup is the per-element round trip,
// and the function's reach is that lookup.

// A load-once guard is a cache-aside read whose cache is a package-level
// variable looked up with no key (an atomic.Pointer's Load, or the
// variable itself tested against nil) and stored after the read: the read
// runs once per process, whatever the callers loop over (kratos'
// ensureCredentialTypesLoaded).

// An aside is what a function's body says of its reads.
type aside int

const (
	asideNone  aside = iota
	asideKeyed       // a cache-aside read: the query runs on a miss of its key
	asideOnce        // a load-once guard: the query runs once per process
)

// cachedReach returns a function's read marked as made only on a cache
// miss when the function is a cache-aside read, nil for a load-once
// guard, else the read as it is.
func (c *checker) cachedReach(f *ssa.Function, read *Reach) *Reach {
	if read == nil {
		return nil
	}
	switch c.cacheAside(f) {
	case asideOnce:
		return nil
	case asideKeyed:
		if !read.Cached {
			out := *read
			out.Cached = true
			return &out
		}
	}
	return read
}

// cacheAside reports whether a declared function of the package reads
// through a cache: among the statements of its body, a lookup by a
// method call that is no round trip, on a receiver R held in a field
// (cr.data.Cache), whose result (not only its error) an if tests and
// returns on (if v, ok := R.Get(k); ok { return v }), with no round trip
// before it; then a round trip; then a call on the same R with an
// argument that uses what the round trip used (the store of what it
// read).
func (c *checker) cacheAside(f *ssa.Function) aside {
	obj := funcObject(f)
	if obj == nil || f.Parent() != nil || obj.Pkg() != c.pass.Pkg {
		return asideNone
	}
	// Not memoised: what the calls after the guard reach changes while
	// the package's summaries settle.
	decl := c.declOf(obj)
	if decl == nil || decl.Body == nil {
		return asideNone
	}
	return c.asideBody(decl.Body.List)
}

// cachedOpen is cachedReach for the interface calls a function leaves
// open: behind a cache-aside read they run only on a miss (memos'
// GetInstanceSetting, whose query is in store.Driver's implementations),
// and behind a load-once guard once per process.
func (c *checker) cachedOpen(f *ssa.Function, open []Open) []Open {
	if len(open) == 0 {
		return open
	}
	switch c.cacheAside(f) {
	case asideOnce:
		return nil
	case asideKeyed:
		out := make([]Open, len(open))
		for i, o := range open {
			o.Cached = true
			out[i] = o
		}
		return out
	}
	return open
}

// allCached reports whether every open call runs only on a cache miss.
func allCached(open []Open) bool {
	return len(open) > 0 && !slices.ContainsFunc(open, func(o Open) bool { return !o.Cached })
}

func (c *checker) asideBody(stmts []ast.Stmt) aside {
	info := c.pass.TypesInfo
	lookups := make(map[types.Object]lookup) // a lookup's result → the lookup
	var guard lookup                         // the guarding lookup
	var read map[types.Object]bool           // what the round trip after the guard uses and reads
	for i, st := range stmts {
		switch {
		case guard.recv == "":
			if ifs, ok := st.(*ast.IfStmt); ok && c.fillsOnce(ifs) && !slices.ContainsFunc(stmts[i+1:], c.stmtRoundTrip) {
				return asideOnce // if key == "" { read it; key = v }, then no round trip
			}
			if c.stmtRoundTrip(st) {
				return asideNone // a round trip before any guard
			}
			if ifs, ok := st.(*ast.IfStmt); ok && ifs.Init != nil {
				c.noteLookups(ifs.Init, lookups)
			}
			if ifs, ok := st.(*ast.IfStmt); ok && returns(ifs.Body) {
				guard = c.guardLookup(ifs.Cond, lookups)
				continue
			}
			c.noteLookups(st, lookups)
		case read == nil:
			if c.stmtRoundTrip(st) || anyCall(st, c.leavesOpen) {
				if c.fillsIn(st, guard) {
					return asideKeyed // the read stores what it read itself (memos' ListInstanceSettings)
				}
				read = usedObjects(info, st)
				for _, v := range definedObjects(info, st) {
					read[v] = true
				}
			}
		default:
			if c.storesOn(st, guard, read) {
				if guard.global && guard.keyless {
					return asideOnce
				}
				return asideKeyed
			}
		}
	}
	return asideNone
}

// fillsOnce reports whether an if statement fills package-level state
// in place once: its condition tests a package-level variable, or a field
// path rooted at one of any package (len(global.CONF.System.EncryptKey)
// == 0), and its body, with no else, makes a round trip and assigns that
// same variable or field (1Panel's StringDecrypt reads its key from the
// settings table the first time only: 3 loops judged false).
func (c *checker) fillsOnce(ifs *ast.IfStmt) bool {
	if ifs.Else != nil || !c.stmtRoundTrip(ifs.Body) {
		return false
	}
	tested := make(map[string]bool)
	ast.Inspect(ifs.Cond, func(n ast.Node) bool {
		if e, ok := n.(ast.Expr); ok && c.globalRooted(e) {
			tested[types.ExprString(e)] = true
			return false
		}
		return true
	})
	filled := false
	ast.Inspect(ifs.Body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			for _, lhs := range as.Lhs {
				if tested[types.ExprString(ast.Unparen(lhs))] {
					filled = true
				}
			}
		}
		return !filled
	})
	return filled
}

// globalRooted reports whether e is a package-level variable, of this
// package or another, or a field path rooted at one.
func (c *checker) globalRooted(e ast.Expr) bool {
	info := c.pass.TypesInfo
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, ok := info.Uses[x].(*types.Var)
			return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
		case *ast.SelectorExpr:
			if v, ok := info.Uses[x.Sel].(*types.Var); ok && !v.IsField() {
				return v.Pkg() != nil && v.Parent() == v.Pkg().Scope() // pkg.Var
			}
			if sel := info.Selections[x]; sel == nil || sel.Kind() != types.FieldVal {
				return false
			}
			e = x.X
		default:
			return false
		}
	}
}

// A lookup is a call that reads a cache: its receiver, rendered; whether
// the receiver is a package-level variable, and whether the call takes no
// key.
type lookup struct {
	recv    string
	global  bool
	keyless bool
	field   *types.Var  // the field that holds the cache (cr.data.Cache), if any
	method  *types.Func // the lookup's method
	index   bool        // a comma-ok lookup of a map (recv is the map), not a call
}

// noteLookups records the variables a statement assigns from a method
// call that is no round trip, with the call's receiver.
func (c *checker) noteLookups(st ast.Stmt, lookups map[types.Object]lookup) {
	as, ok := st.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 {
		return
	}
	if ix, ok := ast.Unparen(as.Rhs[0]).(*ast.IndexExpr); ok && len(as.Lhs) == 2 {
		c.noteMapLookup(as, ix, lookups)
		return
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok || c.mayRoundTrip(call) {
		return
	}
	r := methodRecv(c.pass.TypesInfo, call)
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || r == "" {
		return
	}
	global := c.isGlobal(sel.X)
	if !isSelector(sel.X) && !global {
		return // a cache is held in a field (cr.data.Cache) or a package variable, not in the receiver itself
	}
	for _, lhs := range as.Lhs {
		if id, ok := lhs.(*ast.Ident); ok {
			if obj := objOfIdent(c.pass.TypesInfo, id); obj != nil {
				lookups[obj] = lookup{recv: r, global: global, keyless: len(call.Args) == 0, field: fieldOf(c.pass.TypesInfo, sel.X), method: analysisutil.Callee(c.pass.TypesInfo, call)}
			}
		}
	}
}

// noteMapLookup records the variables of a comma-ok lookup of a map held
// in a field or a package variable (v, ok := cache.entries[key], as
// sftpgo's filesystem cache is read under its lock).
func (c *checker) noteMapLookup(as *ast.AssignStmt, ix *ast.IndexExpr, lookups map[types.Object]lookup) {
	info := c.pass.TypesInfo
	if _, ok := types.Unalias(info.TypeOf(ix.X)).Underlying().(*types.Map); !ok {
		return
	}
	global := c.isGlobal(ix.X)
	if !isSelector(ix.X) && !global {
		return
	}
	l := lookup{recv: types.ExprString(ix.X), global: global, field: fieldOf(info, ix.X), index: true}
	for _, lhs := range as.Lhs {
		if id, ok := lhs.(*ast.Ident); ok {
			if obj := objOfIdent(info, id); obj != nil {
				lookups[obj] = l
			}
		}
	}
}

// isGlobal reports whether e names a package-level variable of the
// package.
func (c *checker) isGlobal(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	return ok && v.Pkg() == c.pass.Pkg && v.Parent() == c.pass.Pkg.Scope()
}

// guardLookup returns the lookup whose result a condition tests, or the
// zero lookup: a hit (found, a value), not only the lookup's error. A
// package-level variable tested itself (if cache != nil) is a keyless
// lookup of it.
func (c *checker) guardLookup(cond ast.Expr, lookups map[types.Object]lookup) lookup {
	info := c.pass.TypesInfo
	var l lookup
	ast.Inspect(cond, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && l.recv == "" {
			if obj := info.Uses[id]; obj != nil && !isError(obj.Type()) {
				l = lookups[obj]
				if l.recv == "" && c.isGlobal(id) {
					l = lookup{recv: id.Name, global: true, keyless: true}
				}
			}
		}
		return l.recv == ""
	})
	return l
}

func isError(t types.Type) bool { return types.Identical(t, types.Universe.Lookup("error").Type()) }

func isSelector(e ast.Expr) bool {
	_, ok := ast.Unparen(e).(*ast.SelectorExpr)
	return ok
}

// usedObjects returns the variables a statement uses, but contexts.
func usedObjects(info *types.Info, st ast.Stmt) map[types.Object]bool {
	out := make(map[types.Object]bool)
	ast.Inspect(st, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok && !isContext(v.Type()) {
				out[v] = true
			}
		}
		return true
	})
	return out
}

// methodRecv renders the receiver of a method call (R in R.M(args)), or
// "" for any other call.
func methodRecv(info *types.Info, call *ast.CallExpr) string {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	if s, ok := info.Selections[sel]; !ok || s.Kind() != types.MethodVal {
		return ""
	}
	return types.ExprString(sel.X)
}

// leavesOpen reports whether a call may reach interface calls whose
// implementations the package cannot see (a store.Driver's query): after
// a cache guard, such a call is the miss's read.
func (c *checker) leavesOpen(call *ast.CallExpr) bool {
	fn := analysisutil.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		return false
	}
	if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
		return fn.Pkg() != nil && c.inModule(fn.Pkg())
	}
	f := c.factOf(fn)
	return f != nil && len(f.Open) > 0
}

// stmtRoundTrip reports whether a statement, outside its function
// literals, makes a call that may run a round trip.
func (c *checker) stmtRoundTrip(st ast.Stmt) bool {
	return anyCall(st, c.mayRoundTrip)
}

// storesOn reports whether a statement calls a method on the guard's
// receiver with an argument that uses what the round trip used or read
// (the value it read into): the store of the read; or, for a package
// variable tested itself, assigns it such a value.
func (c *checker) storesOn(st ast.Stmt, guard lookup, read map[types.Object]bool) bool {
	info := c.pass.TypesInfo
	uses := func(e ast.Expr) bool {
		for v := range usedObjects(info, &ast.ExprStmt{X: e}) {
			if read[v] {
				return true
			}
		}
		return false
	}
	if as, ok := st.(*ast.AssignStmt); ok && guard.global && len(as.Lhs) == len(as.Rhs) {
		for i, lhs := range as.Lhs {
			if id, ok := lhs.(*ast.Ident); ok && id.Name == guard.recv && c.isGlobal(id) && uses(as.Rhs[i]) {
				return true
			}
		}
	}
	if guard.index {
		// m[k] = v, of what the round trip read, on the map looked up.
		stored := false
		ast.Inspect(st, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
				for i, lhs := range as.Lhs {
					if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok && types.ExprString(ix.X) == guard.recv && uses(as.Rhs[i]) {
						stored = true
					}
				}
			}
			return !stored
		})
		return stored
	}
	return anyCall(st, func(call *ast.CallExpr) bool {
		if methodRecv(info, call) != guard.recv || analysisutil.Callee(info, call) == nil {
			return false
		}
		return slices.ContainsFunc(call.Args, uses)
	})
}

// fillsIn reports whether a round trip statement calls a function of
// the package that stores into the cache the guard looked up: a method
// call, other than the lookup's, on the same field, in the function or
// in the functions it calls in turn (a few deep). A read that fills the
// cache itself is as much a cache-aside read as one followed by the
// store.
func (c *checker) fillsIn(st ast.Stmt, guard lookup) bool {
	if guard.field == nil || guard.method == nil {
		return false
	}
	info := c.pass.TypesInfo
	seen := make(map[*types.Func]bool)
	var fills func(n ast.Node, depth int) bool
	fills = func(n ast.Node, depth int) bool {
		return anyCall(n, func(call *ast.CallExpr) bool {
			fn := analysisutil.Callee(info, call)
			if fn == nil {
				return false
			}
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fieldOf(info, sel.X) == guard.field {
				return fn.Origin() != guard.method.Origin()
			}
			if depth == 0 || fn.Pkg() != c.pass.Pkg || seen[fn.Origin()] {
				return false
			}
			seen[fn.Origin()] = true
			decl := c.declOf(fn)
			return decl != nil && decl.Body != nil && fills(decl.Body, depth-1)
		})
	}
	return guard.method != nil && fills(st, maxFillDepth)
}

// maxFillDepth bounds the calls fillsIn follows below the read: memos'
// GetInstanceSetting → ListInstanceSettings → cacheInstanceSetting is two.
const maxFillDepth = 3

// fieldOf returns the field a selector expression selects (cr.data.Cache:
// Cache), as declared, or nil.
func fieldOf(info *types.Info, e ast.Expr) *types.Var {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if s, ok := info.Selections[sel]; ok && s.Kind() == types.FieldVal {
		if v, ok := s.Obj().(*types.Var); ok {
			return v.Origin() // the methods of a generic type see fields of their own instance
		}
	}
	return nil
}

// definedObjects returns the variables an assignment statement defines or
// assigns (what a round trip read into).
func definedObjects(info *types.Info, st ast.Stmt) []types.Object {
	as, ok := st.(*ast.AssignStmt)
	if !ok {
		return nil
	}
	var out []types.Object
	for _, lhs := range as.Lhs {
		if id, ok := lhs.(*ast.Ident); ok {
			if obj := objOfIdent(info, id); obj != nil {
				out = append(out, obj)
			}
		}
	}
	return out
}

// anyCall reports whether a call in n, outside its function literals,
// satisfies pred.
func anyCall(n ast.Node, pred func(*ast.CallExpr) bool) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			found = pred(n)
		}
		return !found
	})
	return found
}

// returns reports whether a block returns somewhere, outside function
// literals: a hit may be checked further before it is returned (if
// c.ID > 0 { return c, nil }).
func returns(b *ast.BlockStmt) bool {
	found := false
	ast.Inspect(b, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
		}
		return !found
	})
	return found
}

// fixedKey reports whether a call hands its callee only values that do
// not depend on the calling function's parameters, free variables or
// results of calls that take them: constants, package-level variables,
// literals built of them (the receiver and contexts aside). A cache-aside
// read so called (GetInstanceSetting(ctx, &Find{Name: "STORAGE"})) reads
// the same key every time: it runs its query once per process, or per
// expiry, whatever loop its caller is in.
func fixedKey(ci ssa.CallInstruction) bool {
	common := ci.Common()
	args := common.Args
	if !common.IsInvoke() {
		if fn := common.StaticCallee(); fn != nil && fn.Signature.Recv() != nil && len(args) > 0 {
			args = args[1:]
		}
	}
	seen := make(map[ssa.Value]bool)
	for _, a := range args {
		if isContext(a.Type()) {
			continue
		}
		if !fixedValue(a, seen, 0) {
			return false
		}
	}
	return true
}

// maxFixedDepth bounds fixedValue's walk; deeper is taken as varying.
const maxFixedDepth = 12

func fixedValue(v ssa.Value, seen map[ssa.Value]bool, depth int) bool {
	if seen[v] {
		return true
	}
	if depth > maxFixedDepth {
		return false
	}
	seen[v] = true
	switch v := v.(type) {
	case *ssa.Const, *ssa.Global, *ssa.Function:
		return true
	case *ssa.Parameter, *ssa.FreeVar:
		return false
	case *ssa.Call:
		for _, a := range v.Call.Args {
			if isContext(a.Type()) {
				return false // what a call reads from the request
			}
		}
	case *ssa.Alloc:
		// A literal: what is stored into it, field by field.
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case *ssa.Store:
				if r.Addr == v && !fixedValue(r.Val, seen, depth+1) {
					return false
				}
			case *ssa.FieldAddr, *ssa.IndexAddr:
				for _, rr := range *r.(ssa.Value).Referrers() {
					if st, ok := rr.(*ssa.Store); ok && st.Addr == r.(ssa.Value) && !fixedValue(st.Val, seen, depth+1) {
						return false
					}
				}
			}
		}
		return true
	}
	instr, ok := v.(ssa.Instruction)
	if !ok {
		return false
	}
	for _, op := range instr.Operands(nil) {
		if *op != nil && !fixedValue(*op, seen, depth+1) {
			return false
		}
	}
	return true
}

// A loader is a function a cache calls only when it misses the key it is
// given, and whose result it keeps (structr's LoadOne(index, key, load),
// lcw's Get(key, fn)): what the loader does runs once per key the cache
// does not hold, as behind a cache-aside read. A function of the program
// that hands its own function parameter to such a cache (gotosocial's
// StructCache.LoadOne wrapper), or calls it only inside a loader it hands
// one, calls that parameter on a miss only too (queryFact.Misses).

// missArgs returns the indexes of the arguments of a call that the callee
// calls only on a miss of its cache.
func (c *checker) missArgs(call *ast.CallExpr) []int {
	fn := analysisutil.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		return nil
	}
	if i, ok := knowledge.MissLoader(fn); ok {
		return []int{i}
	}
	if f := c.factOf(fn); f != nil {
		return f.Misses
	}
	return nil
}

// loaderLit reports whether a function literal is written as a cache's
// loader: an argument the called function calls only on a miss.
func (w *walker) loaderLit(lit *ast.FuncLit) bool {
	if len(w.path) == 0 {
		return false
	}
	call, ok := w.path[len(w.path)-1].(*ast.CallExpr)
	if !ok {
		return false
	}
	i := slices.IndexFunc(call.Args, func(e ast.Expr) bool { return ast.Unparen(e) == lit })
	return i >= 0 && slices.Contains(w.c.missArgs(call), i)
}

// paramCall records the function parameters a call calls: the callee
// itself, or a parameter handed to a cache as its loader.
func (w *walker) paramCall(call *ast.CallExpr) {
	info := w.c.pass.TypesInfo
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if i, ok := w.params[info.Uses[id]]; ok {
			w.scan.called[i] = true
			if w.sized() != nil {
				w.scan.perElement[i] = true
			}
			if w.onMiss {
				w.scan.onMiss[i] = true
			} else {
				w.scan.plain[i] = true
			}
		}
	}
	for _, j := range w.c.missArgs(call) {
		if j >= len(call.Args) {
			continue
		}
		if id, ok := ast.Unparen(call.Args[j]).(*ast.Ident); ok {
			if i, ok := w.params[info.Uses[id]]; ok {
				w.scan.called[i] = true
				w.scan.onMiss[i] = true
			}
		}
	}
}

// cached returns a read marked as made only on a cache miss.
func (r *Reach) cached() *Reach {
	if r == nil || r.Cached {
		return r
	}
	out := *r
	out.Cached = true
	return &out
}
