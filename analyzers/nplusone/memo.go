package nplusone

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// This file tells memoised lookups: a map (or sync.Map) checked before
// the query and filled after it, in the loop or in the helper the loop
// calls. Such a lookup runs once per distinct key, not once per element.
// When the loop hands it the element itself (the range's key or value),
// the keys are as many as the elements and the memo only helps the next
// call: it is reported, "on a cold memo". When it hands it a field or a
// value derived from the element (an author's id, a type), or a basic
// value of a slice that may repeat, the memo answers the repeats and the
// lookup is left alone, unless -memo.

// A memoUse says how a site's round trip is memoised.
type memoUse struct {
	memo     bool   // a memo is checked before the round trip
	distinct bool   // the memo's key is the loop's element itself
	key      string // the key the loop hands it, as written
}

// memoOf says whether a site's round trip sits behind a memo: in its
// loop's body, in the function it calls (declared in this package, or a
// function literal held by a local variable), or in the functions of this
// package that function calls for all its round trips (a resolver whose
// getRolesInRole reaches the database only through its memoised
// getRoles). A memo declared before a loop around the site's loop
// outlives the site's loop: its keys repeat over the outer loop's
// iterations (the views of a project, looked up once per task), and the
// memo answers the repeats whatever the key.
func (c *checker) memoOf(s site) memoUse {
	if s.arg >= 0 {
		return memoUse{}
	}
	// A memo in the loop: if v, ok := memo[k]; ok { continue } ... memo[k] = v.
	if lookup, key, m := c.memoIn(s.loop.body, s.call); lookup {
		return memoUse{memo: true, distinct: c.isElement(s.loop, key) && !c.outlives(m, s), key: render(c.pass.Fset, key)}
	}
	at := c.callMemo(s.call)
	if at == nil {
		return memoUse{}
	}
	u := c.argsMemo(s)
	if at.fn != nil && u.distinct {
		// The helper is handed the element; the memo it checks is keyed
		// by that element only if the key is made from what it was handed,
		// not from values it finds through it (the users a notification
		// names, which repeat over the notifications).
		u.distinct = c.handsKey(s.call, at)
		if !u.distinct {
			u.key = render(c.pass.Fset, at.key)
		}
	}
	if c.outlives(at.memo, s) {
		u.distinct = false
	}
	return u
}

// memoHides reports whether a site sits behind a memo that answers the
// repeats of its key: the call through an interface that the program
// resolves is left alone, as a resolved one would be (soft-serve's LFS
// lock owners, looked up once per user: 3 findings, judged false).
func (c *checker) memoHides(s site) bool {
	m := c.memoOf(s)
	return m.memo && !m.distinct
}

// argsMemo says how a call to a memoised helper is keyed: by its
// arguments, distinct when the loop hands it the element itself.
func (c *checker) argsMemo(s site) memoUse {
	u := memoUse{memo: true}
	for _, arg := range s.call.Args {
		if c.isElement(s.loop, arg) {
			u.distinct = true
		}
		if tv, ok := c.pass.TypesInfo.Types[arg]; ok && !isContext(tv.Type) && u.key == "" {
			u.key = render(c.pass.Fset, arg)
		}
	}
	return u
}

// A memoAt is a memo found behind a call: the memo, the function of this
// package whose body checks it (nil for a function literal) and the key
// it looks up.
type memoAt struct {
	memo types.Object
	fn   *types.Func
	key  ast.Expr
}

// handsKey reports whether a call of a memoised helper hands an element
// of its loop on to the memo's key: the helper keys the memo by the
// parameter that receives it, or hands that parameter on, within
// memoDepth calls, to the function that does.
func (c *checker) handsKey(call *ast.CallExpr, at *memoAt) bool {
	fn := analysisutil.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		return true
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return true
	}
	for i := range call.Args {
		if p := paramAt(sig, i); p != nil && c.keyedBy(fn, p, at, memoDepth) {
			return true
		}
	}
	return false
}

// keyedBy reports whether fn's parameter p reaches the memo's key.
func (c *checker) keyedBy(fn *types.Func, p *types.Var, at *memoAt, depth int) bool {
	if fn.Origin() == at.fn.Origin() {
		return c.mentions(at.key, p)
	}
	decl := c.declOf(fn.Origin())
	if decl == nil || decl.Body == nil || depth == 0 {
		return false
	}
	found := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		callee := analysisutil.Callee(c.pass.TypesInfo, call)
		if callee == nil || callee.Pkg() != c.pass.Pkg || callee.Origin() == fn.Origin() {
			return true
		}
		sig, ok := callee.Type().(*types.Signature)
		if !ok {
			return true
		}
		for j, arg := range call.Args {
			if q := paramAt(sig, j); q != nil && c.mentions(arg, p) && c.keyedBy(callee, q, at, depth-1) {
				found = true
			}
		}
		return true
	})
	return found
}

// mentions reports whether an expression uses the variable v, itself or
// through a local variable initialised from it (key := columnKey{f.OID}).
func (c *checker) mentions(e ast.Expr, v *types.Var) bool {
	info := c.pass.TypesInfo
	if usesObj(info, e, v) {
		return true
	}
	c.scanVars()
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && !found {
			if obj := info.Uses[id]; obj != nil && !c.mutated[obj] {
				init, ok := c.varInit[obj]
				found = ok && usesObj(info, init, v)
			}
		}
		return !found
	})
	return found
}

// usesObj reports whether an expression uses obj by name.
func usesObj(info *types.Info, e ast.Expr, obj types.Object) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == obj {
			found = true
		}
		return !found
	})
	return found
}

// paramAt returns the parameter that receives a call's i-th argument.
func paramAt(sig *types.Signature, i int) *types.Var {
	n := sig.Params().Len()
	switch {
	case i < n-1 || (i == n-1 && !sig.Variadic()):
		return sig.Params().At(i)
	case n > 0 && sig.Variadic():
		return sig.Params().At(n - 1)
	}
	return nil
}

// callMemo returns the memo behind a call's round trips: in the function
// of this package it calls (or the functions that one makes all its round
// trips through), or in the function literal a local variable holds; nil
// if there is none.
func (c *checker) callMemo(call *ast.CallExpr) *memoAt {
	if fn := analysisutil.Callee(c.pass.TypesInfo, call); fn != nil {
		if fn.Pkg() != c.pass.Pkg {
			return nil
		}
		return c.memoised(fn, memoDepth, map[*types.Func]memoState{})
	}
	if lit := c.litOf(call.Fun); lit != nil {
		if ok, key, m := c.memoIn(lit.Body, nil); ok {
			return &memoAt{memo: m, key: key}
		}
	}
	return nil
}

// memoDepth bounds how deep in the package's functions a memo is looked
// for behind the function a loop calls.
const memoDepth = 2

// memoised returns the memo a function of this package checks before
// its round trips: in its own body, or, within depth calls, in the
// functions of the package through which it makes all of them (its other
// calls make none: a call that may reach a round trip any other way, a
// library's, an interface's or a function value's, says no). It returns
// nil if there is none.
func (c *checker) memoised(fn *types.Func, depth int, seen map[*types.Func]memoState) *memoAt {
	switch st := seen[fn]; {
	case st.done:
		return st.at
	case st.visiting:
		return nil // a recursion in progress
	}
	seen[fn] = memoState{visiting: true}
	at := c.memoisedBody(fn, depth, seen)
	seen[fn] = memoState{done: true, at: at}
	return at
}

// A memoState is what memoised found for a function in one search: in
// progress, or done with its memo (nil for none).
type memoState struct {
	visiting, done bool
	at             *memoAt
}

func (c *checker) memoisedBody(fn *types.Func, depth int, seen map[*types.Func]memoState) *memoAt {
	decl := c.declOf(fn)
	if decl == nil || decl.Body == nil {
		return nil
	}
	if ok, key, m := c.memoIn(decl.Body, nil); ok {
		return &memoAt{memo: m, fn: fn, key: key}
	}
	if depth == 0 {
		return nil
	}
	info := c.pass.TypesInfo
	var memo *memoAt
	clean := true
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if !clean {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		callee := analysisutil.Callee(info, call)
		switch {
		case isConversionOrBuiltin(info, call):
		case callee == nil:
			clean = false // a function value: anything
		case callee.Origin() == fn.Origin():
			// recursion
		case callee.Pkg() == c.pass.Pkg:
			if at := c.memoised(callee, depth-1, seen); at != nil {
				memo = at
			} else if f := c.factOf(callee); f == nil || f.Read != nil || f.Write != nil || len(f.Open) > 0 {
				clean = false
			}
		default:
			clean = !c.mightRoundTrip(call)
		}
		return true
	})
	if !clean {
		return nil
	}
	return memo
}

// isConversionOrBuiltin reports whether a call is a conversion or a call
// of a builtin.
func isConversionOrBuiltin(info *types.Info, call *ast.CallExpr) bool {
	tv, ok := info.Types[call.Fun]
	return ok && (tv.IsType() || tv.IsBuiltin())
}

// mightRoundTrip reports whether a call might make a round trip, for a
// memo to be trusted only when none does outside it: a function value's,
// a library's, an interface's, or a function whose summary or fact says
// it reads, writes or opens.
func (c *checker) mightRoundTrip(call *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	if isConversionOrBuiltin(info, call) {
		return false
	}
	callee := analysisutil.Callee(info, call)
	switch {
	case callee == nil:
		return true
	case callee.Pkg() == nil || knowledge.IsDescribed(callee.Pkg().Path()) || isInterfaceMethod(callee):
		return true
	}
	f := c.factOf(callee)
	return f != nil && (f.Read != nil || f.Write != nil || len(f.Open) > 0)
}

// roundTripsOnlyIn reports whether every call in body that might make a
// round trip lies in branch, and at least one that does is there.
func (c *checker) roundTripsOnlyIn(body, branch ast.Node) bool {
	in, out := false, false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			inBranch := branch.Pos() <= n.Pos() && n.End() <= branch.End()
			switch {
			case inBranch && c.mayRoundTrip(n):
				in = true
			case !inBranch && c.mightRoundTrip(n):
				out = true
			}
		}
		return !out
	})
	return in && !out
}

// litOf returns the function literal a local variable holds, when the
// variable is assigned once (cached := func(v *View) ... ).
func (c *checker) litOf(e ast.Expr) *ast.FuncLit {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	c.scanVars()
	obj := c.pass.TypesInfo.Uses[id]
	if obj == nil || c.mutated[obj] {
		return nil
	}
	lit, _ := ast.Unparen(c.varInit[obj]).(*ast.FuncLit)
	return lit
}

// outlives reports whether a memo, a local variable, is declared before a
// loop over data around the site's loop: it keeps its keys across that
// loop's iterations.
func (c *checker) outlives(m types.Object, s site) bool {
	v, ok := m.(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Parent() == c.pass.Pkg.Scope() {
		return false
	}
	for _, o := range s.outer {
		if o != s.loop && v.Pos() < o.node.Pos() {
			return true
		}
	}
	return false
}

// memoIn reports whether body checks a memo with a comma-ok lookup whose
// hit returns or continues (if v, ok := memo[k]; ok { return v }), and
// stores a computed value into the same memo (memo[k] = v; a set of
// seen keys, seen[k] = true, only skips duplicates and is no memo). The
// miss may be the branch instead (if !ok { v = get(k); memo[k] = v })
// when call, the round trip in question, is in that branch: a branch
// that only starts a group (if !ok { groups[k] = make(...) }) while
// the call runs before it guards nothing. It returns the lookup's key and
// the memo.
func (c *checker) memoIn(body ast.Node, call ast.Node) (bool, ast.Expr, types.Object) {
	info := c.pass.TypesInfo
	lookups := make(map[types.Object]ast.Expr)  // memo → key
	oks := make(map[types.Object]types.Object)  // ok variable → memo
	vals := make(map[types.Object]types.Object) // value read by a single-value lookup → memo
	guarded := make(map[types.Object]bool)
	stores := make(map[types.Object]bool)
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if len(n.Lhs) == 2 && len(n.Rhs) == 1 {
				if m, key := c.lookupOf(n.Rhs[0]); m != nil {
					lookups[m] = key
					if id, ok := n.Lhs[1].(*ast.Ident); ok {
						if v := objOfIdent(info, id); v != nil {
							oks[v] = m
						}
					}
				}
			}
			if len(n.Lhs) == 1 && len(n.Rhs) == 1 {
				// v := memo[k], tested against the zero value below
				// (dendrite's roomNIDIDCache[nid] == "").
				if ix, ok := ast.Unparen(n.Rhs[0]).(*ast.IndexExpr); ok {
					if m, key := c.lookupOf(ix); m != nil {
						if id, ok := n.Lhs[0].(*ast.Ident); ok {
							if v := objOfIdent(info, id); v != nil {
								lookups[m] = key
								vals[v] = m
							}
						}
					}
				}
			}
			for _, m := range mapStores(info, n) {
				stores[m] = true
			}
		case *ast.CallExpr:
			switch analysisutil.FullName(analysisutil.Callee(info, n)) {
			case "(*sync.Map).Store", "(*sync.Map).LoadOrStore", "(*sync.Map).Swap":
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && len(n.Args) == 2 && !isConst(info, n.Args[1]) {
					if m := memoObj(info, sel.X); m != nil {
						stores[m] = true
					}
				}
			}
		}
		return true
	})
	// The hits that leave, once every lookup is known (an if's init is
	// visited after the if).
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if id, ok := ast.Unparen(n.Cond).(*ast.Ident); ok && len(n.Body.List) > 0 {
				if m, ok := oks[info.Uses[id]]; ok && leaves(n.Body.List[len(n.Body.List)-1]) {
					guarded[m] = true
				}
			}
			// The miss written as the branch (if !ok { v = query(k);
			// memo[k] = v }): the hit skips it, as gogs' dashboard feed
			// looks each actor up once.
			if not, ok := ast.Unparen(n.Cond).(*ast.UnaryExpr); ok && not.Op == token.NOT && c.guardsCall(body, n.Body, call) {
				if id, ok := ast.Unparen(not.X).(*ast.Ident); ok {
					if m, ok := oks[info.Uses[id]]; ok && storesInto(info, n.Body, m) {
						guarded[m] = true
					}
				}
			}
			// The same with the value read and tested against its
			// zero value: if v == "" { v = query(k); memo[k] = v }, or
			// a hit that leaves, if v != nil { continue }.
			if m, op := zeroTest(info, n.Cond, vals); m != nil {
				switch {
				case op == token.EQL && c.guardsCall(body, n.Body, call) && storesInto(info, n.Body, m):
					guarded[m] = true
				case op == token.NEQ && len(n.Body.List) > 0 && leaves(n.Body.List[len(n.Body.List)-1]):
					guarded[m] = true
				}
			}
		}
		return true
	})
	for m, key := range lookups {
		if stores[m] && guarded[m] {
			return true, key, m
		}
	}
	return false, nil, nil
}

// zeroTest returns the memo whose looked-up value cond compares with its
// zero value ("", 0, nil), and the comparison (== or !=).
func zeroTest(info *types.Info, cond ast.Expr, vals map[types.Object]types.Object) (types.Object, token.Token) {
	be, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || be.Op != token.EQL && be.Op != token.NEQ {
		return nil, 0
	}
	for _, pair := range [][2]ast.Expr{{be.X, be.Y}, {be.Y, be.X}} {
		id, ok := ast.Unparen(pair[0]).(*ast.Ident)
		if !ok {
			continue
		}
		m, ok := vals[info.Uses[id]]
		if !ok {
			continue
		}
		if tv, ok := info.Types[pair[1]]; ok && (tv.IsNil() || tv.Value != nil && isZeroConst(tv.Value)) {
			return m, be.Op
		}
	}
	return nil, 0
}

// isZeroConst reports whether a constant is its type's zero value.
func isZeroConst(v constant.Value) bool {
	switch v.Kind() {
	case constant.String:
		return constant.StringVal(v) == ""
	case constant.Int, constant.Float:
		return constant.Sign(v) == 0
	case constant.Bool:
		return !constant.BoolVal(v)
	}
	return false
}

// guardsCall reports whether a miss branch guards the round trip in
// question: call lies in it, or, for a helper's body (call nil), every
// call of the body that may make a round trip does.
func (c *checker) guardsCall(body ast.Node, branch *ast.BlockStmt, call ast.Node) bool {
	if call == nil {
		return c.roundTripsOnlyIn(body, branch)
	}
	return branch.Pos() <= call.Pos() && call.End() <= branch.End()
}

// storesInto reports whether body stores a value into the map memo
// (memo[k] = v, not a constant mark).
func storesInto(info *types.Info, body ast.Node, memo types.Object) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && slices.Contains(mapStores(info, as), memo) {
			found = true
		}
		return !found
	})
	return found
}

// mapStores returns the maps an assignment stores a computed value into
// (memo[k] = v; not a constant mark such as seen[k] = true).
func mapStores(info *types.Info, as *ast.AssignStmt) []types.Object {
	if len(as.Rhs) != len(as.Lhs) {
		return nil
	}
	var out []types.Object
	for i, lhs := range as.Lhs {
		if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok && isMap(info, ix.X) && !isConst(info, as.Rhs[i]) {
			if m := memoObj(info, ix.X); m != nil {
				out = append(out, m)
			}
		}
	}
	return out
}

// leaves reports whether a statement leaves the function or the
// iteration: a return or a continue.
func leaves(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.CONTINUE
	}
	return false
}

func objOfIdent(info *types.Info, id *ast.Ident) types.Object {
	if obj := info.Defs[id]; obj != nil {
		return obj
	}
	return info.Uses[id]
}

// isConst reports whether an expression is a constant or an empty
// composite literal (struct{}{}): a mark, not a computed value.
func isConst(info *types.Info, e ast.Expr) bool {
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		return true
	}
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	return ok && len(lit.Elts) == 0
}

// lookupOf returns the memo and key of a comma-ok lookup: m[k] on a map,
// or m.Load(k) on a sync.Map.
func (c *checker) lookupOf(e ast.Expr) (types.Object, ast.Expr) {
	info := c.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.IndexExpr:
		if isMap(info, x.X) {
			return memoObj(info, x.X), x.Index
		}
	case *ast.CallExpr:
		if analysisutil.FullName(analysisutil.Callee(info, x)) == "(*sync.Map).Load" && len(x.Args) == 1 {
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
				return memoObj(info, sel.X), x.Args[0]
			}
		}
	}
	return nil, nil
}

// memoObj names a memo: the variable or the field that holds it.
func memoObj(info *types.Info, e ast.Expr) types.Object {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.Uses[x]
	case *ast.SelectorExpr:
		return info.Uses[x.Sel]
	}
	return nil
}

func isMap(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok {
		return false
	}
	_, isMap := coreType(tv.Type).(*types.Map)
	return isMap
}

func isContext(t types.Type) bool {
	return analysisutil.TypeName(t) == "context.Context"
}

// isElement reports whether an expression is an element of a range loop
// whose values are distinct: the key of a range over a map, or a whole
// struct element (a row, a column: the memo keys on its identity). A
// basic value of a slice (an id, a type's oid) may repeat, and a memo in
// front of it says that its author expects repeats.
func (c *checker) isElement(l *loop, e ast.Expr) bool {
	rs, ok := l.node.(*ast.RangeStmt)
	if !ok || e == nil {
		return false
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	obj := c.pass.TypesInfo.Uses[id]
	if obj == nil {
		return false
	}
	if obj == c.objOf(rs.Key) {
		tv, ok := c.pass.TypesInfo.Types[rs.X]
		_, isMap := coreType(tv.Type).(*types.Map)
		return ok && isMap
	}
	if obj == c.objOf(rs.Value) {
		t := obj.Type()
		if p, ok := coreType(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		_, isStruct := coreType(t).(*types.Struct)
		return isStruct
	}
	return false
}

// declOf returns the declaration of a function of this package.
func (c *checker) declOf(fn *types.Func) *ast.FuncDecl {
	if c.decls == nil {
		c.decls = make(map[*types.Func]*ast.FuncDecl)
		for _, f := range c.pass.Files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok {
					if obj, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
						c.decls[obj] = fd
					}
				}
			}
		}
	}
	return c.decls[fn.Origin()]
}
