package budget

import (
	"cmp"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"time"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/internal/sqltext"
)

// kindOpen is an interface call whose implementations the package cannot
// see: it costs nothing here and is resolved where the route is
// registered, which usually sees every implementation.
const kindOpen = "interface"

// callBound is the path of a call (its callee's operations, and the
// function literals it runs) and the row bound of its result.
func (w *walker) callBound(call *ast.CallExpr) (path, bound) {
	info := w.c.pass.TypesInfo
	if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		return w.c.litSummary(lit).path(), bound{} // func() { ... }()
	}
	fn := analysisutil.Callee(info, call)
	if fn == nil {
		return path{}, bound{}
	}
	name := analysisutil.FullName(fn)
	if cb, ok := knowledge.Callbacks[name]; ok {
		return w.callback(call, cb), bound{}
	}
	var p path
	var b bound
	if op, ob, ok := w.operation(call, fn, name); ok {
		p, b = op, ob
		if b.n > 0 {
			w.fillsSlice(call, b) // Select(&items, ...), Find(&items)
		}
	} else if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
		p = w.c.viaInterface(fn, call.Lparen, w.c.pass.Fset)
	} else if s := w.c.factOf(fn); s != nil {
		p = s.path()
		if s.rows.n > 0 {
			b = s.rows
		}
	}
	// Function literals given to the call run in it (db.Transaction(func(tx) error {...}),
	// a retry helper): once.
	for _, a := range call.Args {
		if lit, ok := ast.Unparen(a).(*ast.FuncLit); ok {
			p = p.then(w.c.litSummary(lit).path())
		}
	}
	return p, b
}

// fillsSlice records the slices a multi-row read fills through a pointer
// argument (sqlx's Select(&items, q), GORM's Find(&items)) as holding its
// rows.
func (w *walker) fillsSlice(call *ast.CallExpr, b bound) {
	for _, a := range call.Args {
		u, ok := ast.Unparen(a).(*ast.UnaryExpr)
		if !ok || u.Op != token.AND {
			continue
		}
		if obj := w.objOf(u.X); obj != nil && isSlice(obj.Type()) {
			w.rows[obj] = b
		}
	}
}

// callback is the path of a call that runs a function argument per
// element (slices.SortFunc) or in a goroutine (errgroup's Go).
func (w *walker) callback(call *ast.CallExpr, cb knowledge.Callback) path {
	args := call.Args
	if cb.Func >= len(args) {
		return path{}
	}
	body := w.funcArg(args[cb.Func])
	switch {
	case cb.Goroutine:
		return path{}.concurrently(body)
	case cb.PerElement:
		b := w.fanoutBound("per element, fan-out")
		if cb.Coll >= 0 && cb.Coll < len(args) {
			if _, rb := w.expr(args[cb.Coll]); rb.n > 0 {
				b = rb
			}
		}
		return body.loop(b)
	}
	return body
}

// funcArg is the path of a function given as an argument: a literal, or a
// named function or method.
func (w *walker) funcArg(e ast.Expr) path {
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return w.c.litSummary(e).path()
	case *ast.Ident, *ast.SelectorExpr:
		var id *ast.Ident
		if sel, ok := e.(*ast.SelectorExpr); ok {
			id = sel.Sel
		} else {
			id = e.(*ast.Ident)
		}
		if fn, ok := w.c.pass.TypesInfo.Uses[id].(*types.Func); ok {
			return w.c.factOf(fn).path()
		}
	}
	return path{}
}

// operation recognises a call of a library operation: a query, a
// transaction, a cache read or write, an outbound call, a function the
// plan declares as a query.
func (w *walker) operation(call *ast.CallExpr, fn *types.Func, name string) (path, bound, bool) {
	c := w.c
	costs := c.plan.Costs
	at := func(kind, what string, cost time.Duration) Op {
		posn := c.pass.Fset.Position(call.Lparen)
		return Op{Kind: kind, What: what, Count: 1, Cost: int64(cost), File: posn.Filename, Line: posn.Line, Col: posn.Column, pos: call.Lparen}
	}
	if knowledge.ExternalCalls[name] {
		return path{seq: []Op{at(KindExternal, analysisutil.Display(fn), costs.ExternalCall)}}, bound{}, true
	}
	if knowledge.Batchers[name] {
		return path{}, bound{}, true
	}
	rt, ok := knowledge.LookupRoundTrip(fn, w.recvType(call))
	if !ok {
		if c.planQuery(name) {
			return path{seq: []Op{at(KindQuery, analysisutil.Display(fn), costs.Query)}}, bound{}, true
		}
		return path{}, bound{}, false
	}
	switch {
	case rt.Tx:
		if !beginsTx(fn.Name()) {
			return path{}, bound{}, true // commit, rollback
		}
		if readOnlyTx(call, w.c.pass.TypesInfo) {
			// A read-only transaction takes no locks and writes no log:
			// its begin is a round trip, a query's cost.
			return path{seq: []Op{at(KindQuery, "read-only transaction ("+analysisutil.Display(fn)+")", costs.Query)}}, bound{}, true
		}
		return path{seq: []Op{at(KindTransaction, "transaction ("+analysisutil.Display(fn)+")", costs.Transaction)}}, bound{}, true
	case rt.Lib.IsCache():
		op := at(KindCacheHit, "cache "+rt.Kind.String()+" ("+w.display(call, fn)+")", costs.CacheHit)
		if rt.Kind == knowledge.Read {
			w.reads = append(w.reads, &cacheRead{op: op})
		}
		return path{seq: []Op{op}}, bound{}, true
	}
	kind, what, cost := KindQuery, analysisutil.Display(fn), costs.Query
	var b bound
	text, hasText := w.sqlText(rt, fn, call)
	if hasText {
		st := sqltext.Parse(text)
		if len(st.Tables) > 0 {
			what = st.Tables[0] + " " + strings.ToLower(st.Verb)
			if st.Verb == "" {
				what = st.Tables[0] + " query"
			}
		}
		if complexSQL(st) {
			kind, cost = KindComplexQuery, costs.ComplexQuery
		}
		if st.Limit != nil && st.Limit.Value > 0 {
			b = bound{n: int(st.Limit.Value), why: "LIMIT"}
		}
	}
	if b.n == 0 && (knowledge.MultiRowQueries[name] || isFinder(name)) {
		b = w.pageBound("max_page_size")
	}
	if !knowledge.MultiRowQueries[name] && !isFinder(name) {
		b = bound{}
	}
	return path{seq: []Op{at(kind, what, cost)}}, b, true
}

func isFinder(name string) bool {
	_, ok := knowledge.ORMFinders[name]
	return ok
}

// readOnlyTx reports whether a transaction's begin is given
// &sql.TxOptions{ReadOnly: true}.
func readOnlyTx(call *ast.CallExpr, info *types.Info) bool {
	for _, a := range call.Args {
		if u, ok := ast.Unparen(a).(*ast.UnaryExpr); ok && u.Op == token.AND {
			a = u.X
		}
		lit, ok := ast.Unparen(a).(*ast.CompositeLit)
		if !ok || !analysisutil.IsNamed(info.TypeOf(lit), "database/sql", "TxOptions") {
			continue
		}
		if v := analysisutil.KeyedValue(lit, "ReadOnly"); v != nil {
			if tv, ok := info.Types[v]; ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value) {
				return true
			}
		}
	}
	return false
}

// beginsTx reports whether a transaction method begins one (Begin,
// BeginTx, Beginx, MustBegin, BeginFunc, GORM's Transaction).
func beginsTx(name string) bool {
	return strings.HasPrefix(name, "Begin") || strings.HasPrefix(name, "MustBegin") || name == "Transaction"
}

// complexSQL reports whether a statement joins, aggregates, groups or
// nests a query: the plan's complex_query.
func complexSQL(st sqltext.Statement) bool {
	return st.Aggregate || st.Combines || len(st.Tables) > 1
}

// sqlText returns the constant SQL text of a round trip.
func (w *walker) sqlText(rt knowledge.RoundTrip, fn *types.Func, call *ast.CallExpr) (string, bool) {
	i := rt.SQLArg(fn)
	if i < 0 || i >= len(call.Args) {
		return "", false
	}
	tv, ok := w.c.pass.TypesInfo.Types[call.Args[i]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// display names a method as called: on the receiver expression's type
// ((*redis.Client).Get rather than the embedded (redis.cmdable).Get).
func (w *walker) display(call *ast.CallExpr, fn *types.Func) string {
	recv := w.recvType(call)
	if recv == nil || fn.Signature().Recv() == nil {
		return analysisutil.Display(fn)
	}
	return "(" + types.TypeString(recv, func(p *types.Package) string { return p.Name() }) + ")." + fn.Name()
}

// recvType is the static type of a method call's receiver expression.
func (w *walker) recvType(call *ast.CallExpr) types.Type {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return w.c.pass.TypesInfo.TypeOf(sel.X)
	}
	return nil
}

// planQuery reports whether the plan declares a function as a query.
func (c *checker) planQuery(name string) bool {
	for _, pat := range c.plan.Queries {
		if knowledge.MatchFuncPattern(pat, name) {
			return true
		}
	}
	return false
}

// viaInterface is the path of a call through an interface: the costliest
// implementation the package sees, or, when it sees none, an open
// operation resolved where the route is registered.
func (c *checker) viaInterface(m *types.Func, pos token.Pos, fset *token.FileSet) path {
	if m.Pkg() == nil || analysisutil.IsStdPath(m.Pkg().Path()) || knowledge.IsDescribed(m.Pkg().Path()) {
		return path{}
	}
	recv := namedOf(m.Signature().Recv().Type())
	if recv == nil {
		return path{}
	}
	if s := c.implementations(recv.Obj().Pkg().Path(), recv.Obj().Name(), m.Name(), 0); s != nil {
		return s.path()
	}
	if !c.inModule(recv.Obj().Pkg()) {
		return path{} // a dependency's interface (a logger, a framework's context)
	}
	posn := fset.Position(pos)
	what := recv.Obj().Pkg().Path() + "." + recv.Obj().Name() + "." + m.Name()
	return path{seq: []Op{{Kind: kindOpen, What: what, Count: 1, File: posn.Filename, Line: posn.Line, Col: posn.Column, pos: pos}}}
}

// inModule reports whether the package being analysed belongs to a main
// module and p to the same module (as nplusone decides it). When the
// driver does not say which module a package belongs to, every package
// counts.
func (c *checker) inModule(p *types.Package) bool {
	mod := c.pass.Module
	if mod == nil || mod.Path == "" {
		return true
	}
	if !mod.Main && mod.Version != "" {
		return false
	}
	return p.Path() == mod.Path || strings.HasPrefix(p.Path(), mod.Path+"/")
}

type implKey struct{ pkg, typ, method string }

// implementations returns the costliest summary among the
// implementations of an interface method the package sees, or nil.
func (c *checker) implementations(pkg, typ, method string, depth int) *summary {
	key := implKey{pkg, typ, method}
	if s, ok := c.impls[key]; ok {
		return s
	}
	if c.impls == nil {
		c.impls = make(map[implKey]*summary)
	}
	c.impls[key] = nil // recursion through the same interface adds nothing
	tn := c.lookupType(pkg, typ)
	if tn == nil {
		return nil
	}
	iface, ok := tn.Type().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	var found int
	var all []*summary
	for _, cand := range c.candidates()[method] {
		if knowledge.IsTestDouble(cand) {
			continue // a generated mock: tests wire it, the program does not
		}
		for _, t := range []types.Type{types.NewPointer(cand), cand} {
			if !types.Implements(t, iface) {
				continue
			}
			obj, _, _ := types.LookupFieldOrMethod(t, true, tn.Pkg(), method)
			fn, ok := obj.(*types.Func)
			if !ok {
				continue
			}
			found++
			s := c.factOf(fn)
			if s == nil {
				break
			}
			all = append(all, c.resolveOpens(s, depth+1))
			break
		}
	}
	if found == 0 {
		return nil
	}
	best := median(all)
	c.impls[key] = best
	if c.implCount == nil {
		c.implCount = make(map[implKey]int)
	}
	c.implCount[key] = found
	return best
}

// median returns the implementation of median cost among those an
// interface call may reach (the lower middle of an even count): not the
// costliest, since a program wires one implementation (a generated ORM's
// interfaces have dozens, from a count to a cascade delete), and the
// call's operations are named after it either way.
func median(impls []*summary) *summary {
	if len(impls) == 0 {
		return &summary{done: true}
	}
	slices.SortStableFunc(impls, func(a, b *summary) int { return cmp.Compare(sum(a.ops), sum(b.ops)) })
	return impls[(len(impls)-1)/2]
}

// resolveOpens replaces the open interface calls of a summary with what
// the implementations the package sees cost, multiplied alike.
func (c *checker) resolveOpens(s *summary, depth int) *summary {
	out, _, _ := c.resolveOpensN(s, depth)
	return out
}

// resolveOpensN is resolveOpens, with how many of the summary's open
// calls it resolved and how many implementations it weighed for them.
func (c *checker) resolveOpensN(s *summary, depth int) (out *summary, resolved, impls int) {
	if depth > 4 || !slices.ContainsFunc(s.ops, func(o Op) bool { return o.Kind == kindOpen || o.DataFrom != "" }) {
		return s, 0, 0
	}
	out = &summary{rows: c.resolveRows(s.rows, depth), done: true}
	for _, o := range s.ops {
		if o.DataFrom != "" {
			o = rebound(o, c.resolveRows(bound{n: o.Data, why: o.DataWhy, from: o.DataFrom}, depth))
		}
		if o.Kind != kindOpen {
			out.ops = append(out.ops, o)
			continue
		}
		key, ok := openKey(o.What)
		if !ok {
			continue
		}
		impl := c.implementations(key.pkg, key.typ, key.method, depth)
		if impl == nil {
			out.ops = append(out.ops, o) // still open
			continue
		}
		resolved++
		impls += c.implCount[key]
		cnt := o.Count
		if o.Data > 0 {
			cnt /= float64(o.Data)
		}
		p := path{seq: impl.ops}.times(cnt, o.Why)
		if o.Data > 0 {
			p = p.loop(bound{n: o.Data, why: o.DataWhy, from: o.DataFrom})
		}
		out.ops = append(out.ops, p.seq...)
	}
	out.ops = compact(out.ops)
	return out, resolved, impls
}

// resolveRows is a row bound assumed for the result of an open call (see
// bound.from), replaced by the row bound of the call's implementation
// when the package sees it and it returns a query's rows: a LIMIT 50 in
// the store, not the page assumed where only the interface was seen.
func (c *checker) resolveRows(b bound, depth int) bound {
	if b.from == "" {
		return b
	}
	key, ok := openKey(b.from)
	if !ok {
		return b
	}
	impl := c.implementations(key.pkg, key.typ, key.method, depth)
	if impl == nil {
		return b // still open: a later package may resolve it
	}
	if impl.rows.n > 0 {
		return impl.rows
	}
	b.from = ""
	return b
}

// openKey splits an open call's name, "pkg/path.Type.Method".
func openKey(what string) (implKey, bool) {
	i := strings.LastIndexByte(what, '.')
	if i < 0 {
		return implKey{}, false
	}
	j := strings.LastIndexByte(what[:i], '.')
	if j < 0 {
		return implKey{}, false
	}
	return implKey{what[:j], what[j+1 : i], what[i+1:]}, true
}

// candidates lists the types an interface call may reach, by method name:
// the named types of this package and those the imported packages list
// in their implsFact.
func (c *checker) candidates() map[string][]types.Type {
	if c.cands != nil {
		return c.cands
	}
	c.cands = make(map[string][]types.Type)
	add := func(t types.Type) {
		ms := types.NewMethodSet(types.NewPointer(t))
		for i := 0; i < ms.Len(); i++ {
			name := ms.At(i).Obj().Name()
			c.cands[name] = append(c.cands[name], t)
		}
	}
	addScope := func(p *types.Package, names []string) {
		for _, name := range names {
			tn, ok := p.Scope().Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			if named, ok := tn.Type().(*types.Named); ok && named.TypeParams().Len() == 0 && !types.IsInterface(named) {
				add(named)
			}
		}
	}
	addScope(c.pass.Pkg, c.pass.Pkg.Scope().Names())
	for _, pf := range c.pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*implsFact); ok && pf.Package != c.pass.Pkg {
			p := pf.Package
			if q := c.importedPackages()[p.Path()]; q != nil {
				p = q
			}
			addScope(p, f.Types)
		}
	}
	return c.cands
}

// lookupType finds a package-level type among the package and its
// imports, direct or not.
func (c *checker) lookupType(path, name string) *types.TypeName {
	return analysisutil.LookupType(c.pass.Pkg, c.importedPackages(), path, name)
}

func (c *checker) importedPackages() map[string]*types.Package {
	if c.imported == nil {
		c.imported = analysisutil.ImportedPackages(c.pass.Pkg)
	}
	return c.imported
}
