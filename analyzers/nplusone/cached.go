package nplusone

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
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

// cachedReach returns a function's read marked as made only on a cache
// miss when the function is a cache-aside read, else the read as it is.
func (c *checker) cachedReach(f *ssa.Function, read *Reach) *Reach {
	if read == nil || read.Cached || !c.cacheAside(f) {
		return read
	}
	out := *read
	out.Cached = true
	return &out
}

// cacheAside reports whether a declared function of the package reads
// through a cache: among the statements of its body, a lookup by a
// method call that is no round trip, on a receiver R held in a field
// (cr.data.Cache), whose result (not only its error) an if tests and
// returns on (if v, ok := R.Get(k); ok { return v }), with no round trip
// before it; then a round trip; then a call on the same R with an
// argument that uses what the round trip used (the store of what it
// read).
func (c *checker) cacheAside(f *ssa.Function) bool {
	obj := funcObject(f)
	if obj == nil || f.Parent() != nil || obj.Pkg() != c.pass.Pkg {
		return false
	}
	// Not memoised: what the calls after the guard reach changes while
	// the package's summaries settle.
	decl := c.declOf(obj)
	return decl != nil && decl.Body != nil && c.asideBody(decl.Body.List)
}

func (c *checker) asideBody(stmts []ast.Stmt) bool {
	info := c.pass.TypesInfo
	lookups := make(map[types.Object]string) // a lookup's result → its receiver
	recv := ""                               // the receiver of the guarding lookup
	var read map[types.Object]bool           // what the round trip after the guard uses
	for _, st := range stmts {
		switch {
		case recv == "":
			if c.stmtRoundTrip(st) {
				return false // a round trip before any guard
			}
			if ifs, ok := st.(*ast.IfStmt); ok && ifs.Init != nil {
				c.noteLookups(ifs.Init, lookups)
			}
			if ifs, ok := st.(*ast.IfStmt); ok && returns(ifs.Body) {
				recv = guardRecv(info, ifs.Cond, lookups)
				continue
			}
			c.noteLookups(st, lookups)
		case read == nil:
			if c.stmtRoundTrip(st) {
				read = usedObjects(info, st)
			}
		default:
			if c.storesOn(st, recv, read) {
				return true
			}
		}
	}
	return false
}

// noteLookups records the variables a statement assigns from a method
// call that is no round trip, with the call's receiver.
func (c *checker) noteLookups(st ast.Stmt, lookups map[types.Object]string) {
	as, ok := st.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 {
		return
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok || c.mayRoundTrip(call) {
		return
	}
	r := methodRecv(c.pass.TypesInfo, call)
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); !ok || r == "" || !isSelector(sel.X) {
		return // a cache is held in a field (cr.data.Cache), not in the receiver itself
	}
	for _, lhs := range as.Lhs {
		if id, ok := lhs.(*ast.Ident); ok {
			if obj := objOfIdent(c.pass.TypesInfo, id); obj != nil {
				lookups[obj] = r
			}
		}
	}
}

// guardRecv returns the receiver of the lookup whose result a condition
// tests, or "": a hit (found, a value), not only the lookup's error.
func guardRecv(info *types.Info, cond ast.Expr, lookups map[types.Object]string) string {
	recv := ""
	ast.Inspect(cond, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && recv == "" {
			if obj := info.Uses[id]; obj != nil && !isError(obj.Type()) {
				recv = lookups[obj]
			}
		}
		return recv == ""
	})
	return recv
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

// stmtRoundTrip reports whether a statement, outside its function
// literals, makes a call that may run a round trip.
func (c *checker) stmtRoundTrip(st ast.Stmt) bool {
	return anyCall(st, c.mayRoundTrip)
}

// storesOn reports whether a statement calls a method on the receiver
// recv (rendered) with an argument that uses what the round trip used
// (the value it read into): the store of the read.
func (c *checker) storesOn(st ast.Stmt, recv string, read map[types.Object]bool) bool {
	info := c.pass.TypesInfo
	return anyCall(st, func(call *ast.CallExpr) bool {
		if methodRecv(info, call) != recv || analysisutil.Callee(info, call) == nil {
			return false
		}
		for _, arg := range call.Args {
			for v := range usedObjects(info, &ast.ExprStmt{X: arg}) {
				if read[v] {
					return true
				}
			}
		}
		return false
	})
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
