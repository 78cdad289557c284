package nplusone

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/internal/sqltext"
)

// callReach returns the round trips a call may make: the callee's own
// (a library round trip, a helper's fact, an interface's implementations,
// a closure's summary) and those of the function arguments the callee
// calls. With ownOnly, function literals written as arguments of the call
// are left out: their calls are checked where they are written.
func (c *checker) callReach(ci ssa.CallInstruction, ownOnly bool) pair {
	common := ci.Common()
	if common.IsInvoke() {
		return c.invokeReach(common, ci.Pos())
	}
	callee := common.StaticCallee()
	if callee == nil || c.startsDaemon(ci) {
		return pair{}
	}
	p := c.staticReach(callee, common, ci.Pos())
	p.merge(c.argReach(callee, common, ci.Pos(), ownOnly))
	return p
}

// staticReach is what calling a statically known function does.
func (c *checker) staticReach(callee *ssa.Function, common *ssa.CallCommon, pos token.Pos) pair {
	obj := funcObject(callee)
	if obj == nil {
		// A function literal: its summary, without naming it.
		return pairOf(c.anonSummary(callee))
	}
	if p, ok := c.roundTrip(obj, c.recvTypeAt(pos, common), common, pos); ok {
		return p
	}
	if knowledge.Batchers[analysisutil.FullName(obj)] {
		return pair{} // it queues work for a round trip per batch
	}
	return pairOf(c.factOf(obj)).through(analysisutil.Display(obj))
}

func (c *checker) anonSummary(f *ssa.Function) *queryFact {
	if s, ok := c.summaries[f]; ok {
		return s
	}
	if o := f.Origin(); o != nil {
		return c.summaries[o]
	}
	return nil
}

// roundTrip recognises a call of a library round trip, of a function the
// plan declares as a query, or, with -api, of an HTTP API client.
func (c *checker) roundTrip(obj *types.Func, recv types.Type, common *ssa.CallCommon, pos token.Pos) (pair, bool) {
	rt, ok := knowledge.LookupRoundTrip(obj, recv)
	if !ok {
		api, isAPI := knowledge.HTTPAPICall(obj)
		switch {
		case c.planQuery(obj):
			rt = knowledge.RoundTrip{Lib: knowledge.LibPlan, Kind: knowledge.Read}
		case c.api && isAPI && obj.Pkg() != c.pass.Pkg:
			// In the client's own package the request is being built.
			rt = api
		default:
			return pair{}, false
		}
	}
	if rt.Lib == knowledge.LibSQL && recv != nil && strings.HasPrefix(analysisutil.TypeName(recv), knowledge.SQLX+".") {
		rt.Lib = knowledge.LibSQLX // database/sql's methods on an embedding *sqlx.DB
	}
	kind := rt.Kind
	if text, ok := c.sqlText(rt, obj, common); ok {
		switch st := sqltext.Parse(text); {
		case st.Writes():
			kind = knowledge.Write
		case st.Reads():
			kind = knowledge.Read
		}
	}
	return direct(rt, kind, c.displayAt(pos, obj), c.posn(pos), pos), true
}

// sqlText returns the constant SQL text a round trip is given.
func (c *checker) sqlText(rt knowledge.RoundTrip, obj *types.Func, common *ssa.CallCommon) (string, bool) {
	i := rt.SQLArg(obj)
	if i < 0 || common == nil {
		return "", false
	}
	if sig, ok := obj.Type().(*types.Signature); ok && sig.Recv() != nil && !common.IsInvoke() {
		i++ // the receiver is the first argument of a static method call
	}
	if i >= len(common.Args) {
		return "", false
	}
	if text, ok := constString(common.Args[i]); ok {
		return text, true
	}
	return boundText(common.Args[i])
}

func constString(v ssa.Value) (string, bool) {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(k.Value), true
}

// siteWrites reports whether a call is handed a SQL text, constant or
// bound from a constant, whose statement writes.
func siteWrites(common *ssa.CallCommon) bool {
	for _, arg := range common.Args {
		if b, ok := arg.Type().Underlying().(*types.Basic); !ok || b.Kind() != types.String {
			continue
		}
		text, ok := constString(arg)
		if !ok {
			text, ok = boundText(arg)
		}
		if st := sqltext.Parse(text); ok && (st.Reads() || st.Writes()) {
			return st.Writes()
		}
	}
	return false
}

// boundText returns the constant SQL text of a query text that a call
// made from it, or the verb of the builder that rendered it
// (knowledge.BuiltStatements): the first result of sqlx's BindNamed(text, arg),
// Rebind(text) or In(text, args...), of a program's own accessor that
// wraps them, or of fmt.Sprintf(text, table). Binding and formatting keep
// the statement (gitness' INSERT ... RETURNING, bound by its
// dbtx.Accessor's BindNamed and run with QueryRowContext, is a write).
func boundText(v ssa.Value) (string, bool) {
	if x, ok := v.(*ssa.Extract); ok && x.Index == 0 {
		v = x.Tuple
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return "", false
	}
	if verb, ok := knowledge.BuiltStatements[flow.CalleeName(call.Common())]; ok {
		return verb + " ?", true // the builder's statement (squirrel's Update(...).ToSql())
	}
	for _, arg := range call.Call.Args {
		if text, ok := constString(arg); ok {
			if st := sqltext.Parse(text); st.Reads() || st.Writes() {
				return text, true
			}
		}
	}
	return "", false
}

// invokeReach is what a call through an interface may do: a library
// interface's round trip (redis.Cmdable, pgx.Tx), a method the plan
// declares, or what the implementations the package can see do.
func (c *checker) invokeReach(common *ssa.CallCommon, pos token.Pos) pair {
	m := common.Method
	if m == nil {
		return pair{}
	}
	if p, ok := c.roundTrip(m.Origin(), common.Value.Type(), common, pos); ok {
		return p
	}
	if m.Pkg() == nil || c.isStd(m.Pkg()) || knowledge.IsDescribed(m.Pkg().Path()) && !c.library {
		// A described library's interfaces are known by the tables, not
		// by their implementations (except inside the library itself).
		return pair{}
	}
	iface := interfaceOf(common.Value.Type())
	if iface == nil {
		return pair{}
	}
	p := c.implementations(iface, m)
	if p.read != nil && p.write == nil && siteWrites(common) {
		// The program's own interface over a database library
		// (gitness' dbtx.Accessor) is handed an INSERT here.
		p.read, p.write = nil, p.read
	}
	step := c.displayAt(pos, m)
	return pair{atCall(p.read, step, c.posn(pos), pos), atCall(p.write, step, c.posn(pos), pos)}
}

// atCall extends an implementation's reach with the interface call that
// leads to it; a library implementation's round trip is placed there.
func atCall(r *Reach, step, posn string, pos token.Pos) *Reach {
	if r == nil {
		return nil
	}
	out := r.through(step, true)
	if out.Posn == "" {
		out.Posn, out.pos = posn, pos
	}
	return out
}

// interfaceOf returns the interface of a receiver: its type's, or its
// type parameter's constraint's.
func interfaceOf(t types.Type) *types.Interface {
	if tp, ok := types.Unalias(t).(*types.TypeParam); ok {
		t = tp.Constraint()
	}
	iface, _ := t.Underlying().(*types.Interface)
	return iface
}

// implementations returns what the implementations of an interface
// method that the package can see may do: the types of this package, the
// types that imported packages list in their implsFact, and the library
// types the knowledge tables describe (so that sqlc's DBTX reaches
// *sql.DB). The first implementation that reaches a round trip names the
// way; the write is Sure when every implementation writes surely (a
// program's own Engine interface over *xorm.Engine and *xorm.Session
// deletes whichever it is handed), or when at least two do and the others
// make no round trip at all: a store with several database backends and
// an in-memory one for tests or small installs (sftpgo's Provider over
// SQLite, MySQL, PostgreSQL, CockroachDB, bolt and memory) writes in each
// of its databases. One database implementation beside an in-memory one
// is not enough: the dispatch over-approximates, and the in-memory
// implementation may be the one the program runs. The result is cached
// per interface and method.
func (c *checker) implementations(iface *types.Interface, m *types.Func) pair {
	key := implKey{iface, m.Name()}
	if p, ok := c.implCache[key]; ok {
		return p
	}
	c.implCache[key] = pair{} // recursion through the same interface adds nothing
	var out pair
	impls, sure, idle := 0, 0, 0
	for _, cand := range c.candidates()[m.Name()] {
		for _, t := range []types.Type{types.NewPointer(cand), cand} {
			if types.IsInterface(cand) && t != cand {
				continue // a library interface (pgx.Tx) is a candidate as it is
			}
			if !implements(t, iface) {
				continue
			}
			obj, _, _ := types.LookupFieldOrMethod(t, true, m.Pkg(), m.Name())
			fn, ok := obj.(*types.Func)
			if !ok {
				continue
			}
			p := c.methodReach(fn, t)
			impls++
			if p.write != nil && (!p.write.Dynamic || p.write.Sure) {
				sure++
			}
			if p.empty() {
				idle++
				break
			}
			out.merge(pair{markDynamic(p.read, false), markDynamic(p.write, false)})
			break
		}
	}
	if out.write != nil && (sure == impls || sure >= 2 && sure+idle == impls) {
		out.write = markDynamic(out.write, true)
	}
	c.implCache[key] = out
	return out
}

func markDynamic(r *Reach, sure bool) *Reach {
	if r == nil {
		return nil
	}
	out := *r
	out.Dynamic = true
	out.Sure = sure
	return &out
}

type implKey struct {
	iface *types.Interface
	name  string
}

// implements reports whether t has the methods of iface (a constraint's
// type set is ignored: only its methods matter for a method call).
func implements(t types.Type, iface *types.Interface) bool {
	if iface.IsMethodSet() {
		return types.Implements(t, iface)
	}
	for i := 0; i < iface.NumMethods(); i++ {
		m := iface.Method(i)
		obj, _, _ := types.LookupFieldOrMethod(t, true, m.Pkg(), m.Name())
		fn, ok := obj.(*types.Func)
		if !ok || !types.Identical(fn.Type().(*types.Signature), m.Type().(*types.Signature)) && !sameParams(fn, m) {
			return false
		}
	}
	return true
}

// sameParams compares the parameter and result counts of two methods, for
// constraints whose signatures mention type parameters.
func sameParams(a, b *types.Func) bool {
	sa, sb := a.Type().(*types.Signature), b.Type().(*types.Signature)
	return sa.Params().Len() == sb.Params().Len() && sa.Results().Len() == sb.Results().Len()
}

// methodReach is what calling a method of a concrete (or library
// interface) type may do, named by the method.
func (c *checker) methodReach(fn *types.Func, recv types.Type) pair {
	if p, ok := c.roundTrip(fn.Origin(), recv, nil, token.NoPos); ok {
		p.read = withVia(p.read, displayOn(recv, fn))
		p.write = withVia(p.write, displayOn(recv, fn))
		return p
	}
	return pairOf(c.factOf(fn)).through(analysisutil.Display(fn))
}

func withVia(r *Reach, via string) *Reach {
	if r == nil {
		return nil
	}
	out := *r
	out.Via = via
	out.Posn = ""
	return &out
}

// candidates lists the types a call through an interface may reach, by
// the names of their methods: the named types of this package, those
// imported packages list in their implsFact, and the library types the
// knowledge tables describe.
func (c *checker) candidates() map[string][]types.Type {
	if c.cands != nil {
		return c.cands
	}
	c.cands = make(map[string][]types.Type)
	add := func(t types.Type, ok func(method string) bool) {
		ms := types.NewMethodSet(t)
		if !types.IsInterface(t) {
			ms = types.NewMethodSet(types.NewPointer(t))
		}
		for i := 0; i < ms.Len(); i++ {
			if name := ms.At(i).Obj().Name(); ok == nil || ok(name) {
				c.cands[name] = append(c.cands[name], t)
			}
		}
	}
	scope := c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		if tn, ok := scope.Lookup(name).(*types.TypeName); ok && !tn.IsAlias() {
			if named, ok := tn.Type().(*types.Named); ok && named.TypeParams().Len() == 0 && !types.IsInterface(named) {
				add(named, nil)
			}
		}
	}
	pkgs := c.importedPackages()
	converted := c.convertedTypes()
	for _, pf := range c.pass.AllPackageFacts() {
		impls, ok := pf.Fact.(*implsFact)
		if !ok || pf.Package == c.pass.Pkg {
			continue
		}
		p := pkgs[pf.Package.Path()]
		if p == nil {
			p = pf.Package
		}
		library := c.pass.Module != nil && c.pass.Module.Path != "" && !c.ownModule(p)
		for _, name := range impls.Types {
			tn, ok := p.Scope().Lookup(name).(*types.TypeName)
			if !ok {
				continue
			}
			if !library {
				add(tn.Type(), nil)
				continue
			}
			// A library type is an implementation of the methods of the
			// interfaces the program makes values of it as: notifuse's row
			// scanners take an interface{ Scan(...any) error } that
			// squirrel's builders also satisfy, and only *sql.Rows
			// reaches them.
			key := p.Path() + "." + name + "."
			add(tn.Type(), func(method string) bool { return converted[key+method] })
		}
	}
	for _, ref := range knowledge.Implementations {
		if p := pkgs[ref.Pkg]; p != nil {
			if tn, ok := p.Scope().Lookup(ref.Name).(*types.TypeName); ok {
				add(tn.Type(), nil)
			}
		}
	}
	return c.cands
}

// convertedTypes returns, as "path.Type.Method", the interface methods
// through which this package or the packages whose facts it sees may call
// types of other modules (localConverts).
func (c *checker) convertedTypes() map[string]bool {
	out := c.localConverts()
	for _, pf := range c.pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*convertsFact); ok {
			for _, t := range f.Types {
				out[t] = true
			}
		}
	}
	return out
}

// localConverts returns, as "path.Type.Method", the methods of the
// interfaces that this package's code converts named types of other
// modules (or of any other package, when the driver does not say which
// module this is) to, pointers to them included, for the types whose
// packages list them as implementations (implsFact).
func (c *checker) localConverts() map[string]bool {
	if c.converts != nil {
		return maps.Clone(c.converts)
	}
	c.converts = make(map[string]bool)
	if c.ssa == nil {
		return maps.Clone(c.converts)
	}
	_, funcs := c.ssa.SSA()
	listed := make(map[*types.TypeName]bool)
	isListed := func(tn *types.TypeName) bool {
		v, ok := listed[tn]
		if !ok {
			v = c.listedImpl(tn)
			listed[tn] = v
		}
		return v
	}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				mi, ok := instr.(*ssa.MakeInterface)
				if !ok {
					continue
				}
				named, ok := types.Unalias(analysisutil.Deref(mi.X.Type())).(*types.Named)
				if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg() == c.pass.Pkg || c.ownModule(named.Obj().Pkg()) {
					continue
				}
				iface, ok := mi.Type().Underlying().(*types.Interface)
				if !ok || iface.NumMethods() == 0 || !isListed(named.Obj()) {
					continue // any: no method is called through it
				}
				for i := range iface.NumMethods() {
					c.converts[named.Obj().Pkg().Path()+"."+named.Obj().Name()+"."+iface.Method(i).Name()] = true
				}
			}
		}
	}
	return maps.Clone(c.converts)
}

// listedImpl reports whether a type's package lists it in its implsFact:
// a type whose methods may make round trips, the only ones whose
// conversions candidates needs to know of.
func (c *checker) listedImpl(tn *types.TypeName) bool {
	var f implsFact
	return c.pass.ImportPackageFact(tn.Pkg(), &f) && slices.Contains(f.Types, tn.Name())
}

// importedPackages maps the paths of the packages this one imports,
// directly or not, to them.
func (c *checker) importedPackages() map[string]*types.Package {
	if c.imported == nil {
		c.imported = analysisutil.ImportedPackages(c.pass.Pkg)
	}
	return c.imported
}

// argReach is what a callee may do with the functions it is given: the
// library functions that call a function argument (errgroup's Go,
// slices.SortFunc), and the functions whose facts say they call one.
func (c *checker) argReach(callee *ssa.Function, common *ssa.CallCommon, pos token.Pos, ownOnly bool) pair {
	obj := funcObject(callee)
	if obj == nil {
		return pair{}
	}
	offset := 0
	if sig, ok := obj.Type().(*types.Signature); ok && sig.Recv() != nil {
		offset = 1
	}
	var indexes, misses []int
	if cb, ok := knowledge.Callbacks[analysisutil.FullName(obj)]; ok {
		indexes = append(indexes, cb.Func)
	} else if i, ok := knowledge.MissLoader(obj); ok {
		indexes, misses = []int{i}, []int{i}
	} else if f := c.factOf(obj); f != nil {
		indexes, misses = f.Calls, f.Misses
	}
	var out pair
	for _, i := range indexes {
		if i+offset >= len(common.Args) {
			continue
		}
		fv := funcValue(common.Args[i+offset])
		if fv == nil || ownOnly && fv.Parent() != nil && c.writtenAt(fv, pos) {
			continue
		}
		if slices.Contains(misses, i) && !c.memo {
			continue // a cache's loader (cached.go)
		}
		p := c.staticReach(fv, nil, token.NoPos).through(analysisutil.Display(obj))
		if slices.Contains(misses, i) {
			p.read = p.read.cached()
		}
		out.merge(p)
	}
	return out
}

// writtenAt reports whether a function literal is written inside the
// parentheses of the call at lparen.
func (c *checker) writtenAt(fn *ssa.Function, lparen token.Pos) bool {
	call := c.callExprs[lparen]
	return call != nil && call.Lparen < fn.Pos() && fn.Pos() < call.Rparen
}

// funcValue returns the function a function-typed value holds, if SSA
// knows it: a function, a closure, a bound method.
func funcValue(v ssa.Value) *ssa.Function {
	for {
		switch x := v.(type) {
		case *ssa.Function:
			return x
		case *ssa.MakeClosure:
			fn, _ := x.Fn.(*ssa.Function)
			return fn
		case *ssa.ChangeType:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		default:
			return nil
		}
	}
}

// recvTypeAt returns the static type of the receiver expression of the
// method call at lparen, as written (a *redis.Client, not the embedded
// command set its method comes from), or of the interface value.
func (c *checker) recvTypeAt(lparen token.Pos, common *ssa.CallCommon) types.Type {
	if call := c.callExprs[lparen]; call != nil {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if s := c.pass.TypesInfo.Selections[sel]; s != nil {
				return s.Recv()
			}
		}
	}
	if common != nil && common.IsInvoke() {
		return common.Value.Type()
	}
	return nil
}

// displayAt names the called function the way the call site sees it: a
// method promoted from an embedded type is shown on the receiver's type,
// (*redis.Client).Get rather than (redis.cmdable).Get.
func (c *checker) displayAt(lparen token.Pos, fn *types.Func) string {
	if call := c.callExprs[lparen]; call != nil {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if s := c.pass.TypesInfo.Selections[sel]; s != nil && s.Kind() == types.MethodVal && declaredOn(fn) != analysisutil.TypeName(s.Recv()) {
				return displayOn(s.Recv(), fn)
			}
		}
	}
	return analysisutil.Display(fn)
}

// displayOn names a method on the given receiver type.
func displayOn(recv types.Type, fn *types.Func) string {
	if recv == nil {
		return analysisutil.Display(fn)
	}
	byName := func(p *types.Package) string { return p.Name() }
	return "(" + types.TypeString(recv, byName) + ")." + fn.Name()
}

// posn renders a position as dir/file.go:line.
func (c *checker) posn(pos token.Pos) string {
	if !pos.IsValid() {
		return ""
	}
	p := c.pass.Fset.Position(pos)
	if !p.IsValid() {
		return ""
	}
	return fmt.Sprintf("%s/%s:%d", filepath.Base(filepath.Dir(p.Filename)), filepath.Base(p.Filename), p.Line)
}

// planQuery reports whether the plan declares fn under queries:.
func (c *checker) planQuery(fn *types.Func) bool {
	if len(c.pass.Plan.Queries) == 0 {
		return false
	}
	name := fn.Origin().FullName()
	for _, pat := range c.pass.Plan.Queries {
		if knowledge.MatchFuncPattern(pat, name) {
			return true
		}
	}
	return false
}

// isStd reports whether a package is part of the standard library.
func (c *checker) isStd(p *types.Package) bool { return analysisutil.IsStdPath(p.Path()) }

// declaredOn returns "pkg/path.T" of the type that declares a method.
func declaredOn(fn *types.Func) string {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return ""
	}
	return analysisutil.TypeName(sig.Recv().Type())
}

// startsDaemon reports whether ci starts, with go, a function that
// serves on its own schedule (isDaemon): its round trips, and the
// interface calls it leaves open, are paced by its own loop, not by the
// caller.
func (c *checker) startsDaemon(ci ssa.CallInstruction) bool {
	g, isGo := ci.(*ssa.Go)
	if !isGo {
		return false
	}
	callee := g.Call.StaticCallee()
	return callee != nil && c.isDaemon(callee)
}

// isDaemon reports whether a function started with go serves for as long
// as it runs: its body holds a loop with no condition paced by a timer or
// a wait (for { select { case <-timer.C: ... } }), as navidrome's
// buffered scrobbler does, started by a constructor that a handler calls
// per plugin. What it queries runs on its own schedule, not once per call
// of the function that starts it.
func (c *checker) isDaemon(f *ssa.Function) bool {
	_, body := analysisutil.FuncParts(f.Syntax())
	if body == nil || f.Pkg == nil || f.Pkg.Pkg != c.pass.Pkg {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt:
			if n.Cond == nil && c.waits(n.Body) {
				found = true
			}
		}
		return !found
	})
	return found
}
