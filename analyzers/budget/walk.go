package budget

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// maxWalkDepth bounds the nesting of statements and expressions the walker
// follows (it also bounds its recursion).
const maxWalkDepth = 200

// A walker computes the costliest path through a function body, from its
// syntax: statements run in order, the costliest branch of an if, switch
// or select, loops multiplied by their bound, goroutines counted as
// concurrent branches.
type walker struct {
	c     *checker
	rows  map[types.Object]bound      // variables that hold a query's rows
	cache map[types.Object]*cacheRead // variables that hold a cache read's result
	reads []*cacheRead                // cache reads, in order
	loops []bound                     // the bounds of the loops around the statement
	depth int
	waits bool // the body waits for its goroutines (see checker.waits)
}

// A bound is how many times a loop runs, and why.
type bound struct {
	n   int
	why string // "LIMIT", "max_page_size", "unknown bound, max_page_size", "" for a constant
	// from names the open interface call whose result the loop ranges
	// over, when n is only the page the package assumes for it: where the
	// call is resolved, the implementation's own row bound (its LIMIT)
	// replaces n.
	from string
}

// A cacheRead is a read from a remote cache; a branch that handles its
// miss runs on the miss rate's share of the requests.
type cacheRead struct {
	op        Op
	missSeen  bool
	finalized bool
}

func (c *checker) newWalker(body *ast.BlockStmt) *walker {
	return &walker{c: c, rows: make(map[types.Object]bound), cache: make(map[types.Object]*cacheRead), waits: c.waits(body)}
}

// waits reports whether a function body waits for something its
// goroutines do: a WaitGroup's or an errgroup's Wait, a channel receive
// (<-ch, a select, a range over a channel). A go statement in a body that
// waits for nothing runs off the request path.
func (c *checker) waits(body *ast.BlockStmt) bool {
	info := c.pass.TypesInfo
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // a goroutine's own body
		case *ast.UnaryExpr:
			found = found || n.Op == token.ARROW
		case *ast.SelectStmt:
			found = true
		case *ast.RangeStmt:
			if t := info.TypeOf(n.X); t != nil {
				_, isChan := t.Underlying().(*types.Chan)
				found = found || isChan
			}
		case *ast.CallExpr:
			if fn := analysisutil.Callee(info, n); fn != nil && knowledge.GoroutineWaits[analysisutil.FullName(fn)] {
				found = true
			}
		}
		return !found
	})
	return found
}

// block is the path through a list of statements.
func (w *walker) block(stmts []ast.Stmt) path {
	if w.depth > maxWalkDepth {
		return path{}
	}
	w.depth++
	defer func() { w.depth-- }()
	start := len(w.reads)
	var p path
	for i := 0; i < len(stmts); i++ {
		if ifs, ok := stmts[i].(*ast.IfStmt); ok {
			init := path{}
			if ifs.Init != nil {
				init = w.stmt(ifs.Init)
			}
			if read, hit := w.cacheCheck(ifs.Cond); read != nil {
				read.missSeen = true
				p = p.then(init).then(w.exprs(ifs.Cond))
				var hitPath, missPath path
				if hit {
					hitPath = w.block(ifs.Body.List)
					switch {
					case ifs.Else != nil:
						missPath = w.stmt(ifs.Else)
					case terminates(ifs.Body):
						// if err == nil { return v }: the rest is the miss path.
						missPath = w.block(stmts[i+1:])
						i = len(stmts)
					}
				} else {
					missPath = w.block(ifs.Body.List)
					if ifs.Else != nil {
						hitPath = w.stmt(ifs.Else)
					}
				}
				p = p.then(hitPath).then(missPath.weighted(w.c.missRate, "(miss rate)"))
				continue
			}
			if w.expiryGuard(ifs) {
				// if time.Now().Before(expiry) { return }: the rest
				// refreshes what expired, once per request at most, on
				// the miss rate's share.
				p = p.then(init).then(w.ifRest(ifs))
				p = p.then(w.block(stmts[i+1:]).weighted(w.c.missRate, "(refresh on expiry, miss rate)").once())
				break
			}
			if w.memoGuard(ifs, stmts[i+1:]) {
				// if d.client != nil { return d.client }: the rest builds
				// what the field keeps, on first use.
				p = p.then(init).then(w.ifRest(ifs))
				p = p.then(w.block(stmts[i+1:]).weighted(w.c.missRate, memoWhy).once())
				break
			}
			if x, ok := w.nilCheck(ifs.Cond, token.EQL); ok && ifs.Else == nil && assigns(ifs.Body.List, x) {
				// if d.client == nil { ...; d.client = c }: the body
				// builds what the field keeps, on first use.
				p = p.then(init).then(w.exprs(ifs.Cond))
				p = p.then(w.block(ifs.Body.List).weighted(w.c.missRate, memoWhy).once())
				continue
			}
			if ifs.Else == nil && terminates(ifs.Body) && i+1 < len(stmts) {
				// if latest { ...; return }: the body and the statements
				// after the if are the two branches; the costlier counts.
				p = p.then(init).then(w.exprs(ifs.Cond))
				p = p.then(w.costlier(w.block(ifs.Body.List), w.block(stmts[i+1:])))
				break
			}
			p = p.then(init).then(w.ifRest(ifs))
			continue
		}
		p = p.then(w.stmt(stmts[i]))
	}
	// Cache reads whose miss no branch handles here: the plan's cache_miss
	// on the miss rate's share.
	for _, r := range w.reads[start:] {
		if r.finalized {
			continue
		}
		r.finalized = true
		if !r.missSeen && w.c.plan.Costs.CacheMiss > 0 {
			miss := r.op
			miss.Kind, miss.What, miss.Cost = KindCacheMiss, r.op.What+" miss", int64(w.c.plan.Costs.CacheMiss)
			p = p.then(path{seq: []Op{miss}}.times(w.c.missRate, "(miss rate)"))
		}
	}
	return p
}

// ifRest is an if statement's condition and its costliest branch.
func (w *walker) ifRest(ifs *ast.IfStmt) path {
	p := w.exprs(ifs.Cond)
	body := w.block(ifs.Body.List)
	var els path
	if ifs.Else != nil {
		els = w.stmt(ifs.Else)
	}
	return p.then(w.costlier(body, els))
}

// costlier is the costlier of two branches, an open interface call
// weighing as much as one query of the plan.
func (w *walker) costlier(p, q path) path {
	return costlier(p, q, w.c.plan.Costs.Query)
}

// stmt is the path through one statement.
func (w *walker) stmt(s ast.Stmt) path {
	if s == nil || w.depth > maxWalkDepth {
		return path{}
	}
	w.depth++
	defer func() { w.depth-- }()
	switch s := s.(type) {
	case *ast.ExprStmt:
		return w.exprs(s.X)
	case *ast.AssignStmt:
		return w.assign(s.Lhs, s.Rhs)
	case *ast.DeclStmt:
		var p path
		if gd, ok := s.Decl.(*ast.GenDecl); ok {
			for _, spec := range gd.Specs {
				if vs, ok := spec.(*ast.ValueSpec); ok {
					lhs := make([]ast.Expr, len(vs.Names))
					for i, n := range vs.Names {
						lhs[i] = n
					}
					p = p.then(w.assign(lhs, vs.Values))
				}
			}
		}
		return p
	case *ast.ReturnStmt:
		return w.exprs(s.Results...)
	case *ast.BlockStmt:
		return w.block(s.List)
	case *ast.LabeledStmt:
		return w.stmt(s.Stmt)
	case *ast.IfStmt:
		return w.block([]ast.Stmt{s})
	case *ast.ForStmt:
		p := w.stmt(s.Init)
		b := w.forBound(s)
		w.loops = append(w.loops, b)
		body := w.exprs(s.Cond).then(w.block(s.Body.List)).then(w.stmt(s.Post))
		w.loops = w.loops[:len(w.loops)-1]
		return p.then(body.loop(b))
	case *ast.RangeStmt:
		p := w.exprs(s.X)
		b := w.rangeBound(s)
		w.loops = append(w.loops, b)
		body := w.block(s.Body.List)
		w.loops = w.loops[:len(w.loops)-1]
		return p.then(body.loop(b))
	case *ast.SwitchStmt:
		p := w.stmt(s.Init).then(w.exprs(s.Tag))
		return p.then(w.clauses(s.Body))
	case *ast.TypeSwitchStmt:
		p := w.stmt(s.Init).then(w.stmt(s.Assign))
		return p.then(w.clauses(s.Body))
	case *ast.SelectStmt:
		return w.clauses(s.Body)
	case *ast.GoStmt:
		if !w.waits {
			// go sess.Start() with nothing waiting for it: the work runs
			// after the response, off the request path.
			return path{}
		}
		return path{}.concurrently(w.call(s.Call))
	case *ast.DeferStmt:
		return w.call(s.Call)
	case *ast.SendStmt:
		return w.exprs(s.Chan, s.Value)
	}
	return path{}
}

// clauses is the costliest clause of a switch or select.
func (w *walker) clauses(body *ast.BlockStmt) path {
	var best path
	for _, cl := range body.List {
		var p path
		switch cl := cl.(type) {
		case *ast.CaseClause:
			p = w.exprs(cl.List...).then(w.block(cl.Body))
		case *ast.CommClause:
			p = w.stmt(cl.Comm).then(w.block(cl.Body))
		}
		best = w.costlier(best, p)
	}
	return best
}

// assign is the path of an assignment's right-hand side; it remembers the
// variables that receive a query's rows or a cache read's result.
func (w *walker) assign(lhs, rhs []ast.Expr) path {
	var p path
	for i, e := range rhs {
		before := len(w.reads)
		q, b := w.expr(e)
		p = p.then(q)
		targets := lhs
		if len(rhs) == len(lhs) {
			targets = lhs[i : i+1]
		}
		for _, l := range targets {
			obj := w.objOf(l)
			if obj == nil {
				continue
			}
			if b.n == 0 && l == targets[0] {
				b = w.readBound(q, obj.Type()) // items, err := store.Items(ctx)
			}
			if b.n > 0 {
				if l == targets[0] { // rows, err := db.Query(...): the rows
					w.rows[obj] = b
				}
			} else if lb, ok := w.appendInRowLoop(e); ok {
				w.rows[obj] = lb // out = append(out, row) in a loop over rows
			}
			if len(w.reads) > before {
				w.cache[obj] = w.reads[len(w.reads)-1]
			}
		}
	}
	return p
}

// appendInRowLoop reports whether an expression appends to a slice in a
// loop over a query's rows, and that loop's bound.
func (w *walker) appendInRowLoop(e ast.Expr) (bound, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(w.loops) == 0 {
		return bound{}, false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return bound{}, false
	}
	if _, ok := w.c.pass.TypesInfo.Uses[id].(*types.Builtin); !ok || id.Name != "append" {
		return bound{}, false
	}
	lb := w.loops[len(w.loops)-1]
	return lb, lb.why == "LIMIT" || lb.why == "max_page_size"
}

func (w *walker) objOf(e ast.Expr) types.Object {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	if obj := w.c.pass.TypesInfo.Defs[id]; obj != nil {
		return obj
	}
	return w.c.pass.TypesInfo.Uses[id]
}

// exprs is the path of evaluating expressions in order.
func (w *walker) exprs(es ...ast.Expr) path {
	var p path
	for _, e := range es {
		q, _ := w.expr(e)
		p = p.then(q)
	}
	return p
}

// expr is the path of evaluating an expression: the calls in it (not in
// the function literals it holds, which run when they are called), and
// the row bound of its value when it holds a query's rows.
func (w *walker) expr(e ast.Expr) (path, bound) {
	if e == nil {
		return path{}, bound{}
	}
	var p path
	var b bound
	top := ast.Unparen(e)
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			q, qb := w.callBound(n)
			p = p.then(q)
			if qb.n > 0 && (n == top || b.n == 0) {
				b = qb
			}
		case *ast.Ident:
			if rb, ok := w.rows[w.c.pass.TypesInfo.Uses[n]]; ok && b.n == 0 {
				b = rb
			}
		}
		return true
	})
	return p, b
}

// call is the path of one call.
func (w *walker) call(call *ast.CallExpr) path {
	p, _ := w.callBound(call)
	for _, a := range call.Args {
		q, _ := w.expr(a)
		p = p.then(q)
	}
	return p
}

// terminates reports whether a block ends by leaving the function or the
// loop (return, panic, continue, break).
func terminates(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch s := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := s.X.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" {
				return true
			}
		}
	}
	return false
}

func (b bound) describe() string {
	switch b.why {
	case "":
		return "× " + itoa(b.n)
	default:
		return "× " + itoa(b.n) + " (" + b.why + ")"
	}
}

// forBound is the bound of a for statement: a constant count, the rows of
// a result set it advances, or the plan's max_page_size.
func (w *walker) forBound(s *ast.ForStmt) bound {
	info := w.c.pass.TypesInfo
	if call, ok := ast.Unparen(s.Cond).(*ast.CallExpr); ok {
		if fn := analysisutil.Callee(info, call); fn != nil && knowledge.ResultSetNext[analysisutil.FullName(fn)] {
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
				if b, ok := w.rows[w.objOf(sel.X)]; ok {
					return b
				}
			}
			return w.pageBound("max_page_size")
		}
	}
	if n, ok := constantLoop(info, s); ok {
		return bound{n: n}
	}
	return w.fanoutBound("unknown bound, fan-out")
}

// constantLoop recognises for i := a; i < b; i++ with constant a and b.
func constantLoop(info *types.Info, s *ast.ForStmt) (int, bool) {
	as, ok := s.Init.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return 0, false
	}
	from, ok := constInt(info, as.Rhs[0])
	if !ok {
		return 0, false
	}
	cond, ok := ast.Unparen(s.Cond).(*ast.BinaryExpr)
	if !ok {
		return 0, false
	}
	to, ok := constInt(info, cond.Y)
	if !ok {
		return 0, false
	}
	inc, ok := s.Post.(*ast.IncDecStmt)
	if !ok || inc.Tok != token.INC {
		return 0, false
	}
	n := to - from
	if cond.Op == token.LEQ {
		n++
	} else if cond.Op != token.LSS {
		return 0, false
	}
	if n < 0 {
		n = 0
	}
	return int(n), n <= 1<<20
}

func constInt(info *types.Info, e ast.Expr) (int64, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(tv.Value)
}

// rangeBound is the bound of a range statement: a constant count, an
// array's length, a literal's elements, the rows a query returned, or the
// plan's max_page_size.
func (w *walker) rangeBound(s *ast.RangeStmt) bound {
	info := w.c.pass.TypesInfo
	if n, ok := constInt(info, s.X); ok && n >= 0 && n <= 1<<20 {
		return bound{n: int(n)}
	}
	if lit, ok := ast.Unparen(s.X).(*ast.CompositeLit); ok {
		return bound{n: len(lit.Elts)}
	}
	if tv, ok := info.Types[s.X]; ok {
		t := tv.Type.Underlying()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem().Underlying()
		}
		if a, ok := t.(*types.Array); ok {
			return bound{n: int(a.Len())}
		}
	}
	q, b := w.expr(s.X)
	if b.n > 0 {
		return b
	}
	if b := w.readBound(q, info.TypeOf(s.X)); b.n > 0 {
		return b // for _, it := range store.Items(ctx)
	}
	return w.fanoutBound("unknown bound, fan-out")
}

// readBound is the bound of a slice or map a call with operations
// returned (a helper or an interface method that reads storage, whose
// rows the package cannot see): a page, limits.max_page_size, as for a
// query's rows; no bound for anything else.
func (w *walker) readBound(q path, t types.Type) bound {
	if t == nil {
		return bound{}
	}
	switch t.Underlying().(type) {
	case *types.Slice, *types.Map:
	default:
		return bound{}
	}
	read := false
	var opens []string
	for _, o := range q.ops() {
		switch o.Kind {
		case KindQuery, KindComplexQuery, KindExternal:
			read = true
		case kindOpen:
			opens = append(opens, o.What)
		}
	}
	if !read && len(opens) == 0 {
		return bound{}
	}
	b := w.pageBound("max_page_size")
	if !read && len(opens) == 1 {
		b.from = opens[0] // for _, o := range h.Store.Orders(ctx): its LIMIT, once resolved
	}
	return b
}

// fanoutBound is the bound of a loop over a collection the code does not
// bound and no query read (a request's list, an entity's children): the
// expected fan-out (-fanout), not a page.
func (w *walker) fanoutBound(why string) bound {
	n := w.c.fanout
	if n <= 0 {
		n = DefaultFanout
	}
	return bound{n: n, why: why}
}

// expiryGuard recognises a guard that returns while something is fresh:
// an if statement whose condition compares times (time.Since, time.Until,
// (time.Time).Before, After, Compare) and whose body only returns.
func (w *walker) expiryGuard(ifs *ast.IfStmt) bool {
	if ifs.Else != nil || len(ifs.Body.List) != 1 {
		return false
	}
	if _, ok := ifs.Body.List[0].(*ast.ReturnStmt); !ok {
		return false
	}
	found := false
	ast.Inspect(ifs.Cond, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if fn := analysisutil.Callee(w.c.pass.TypesInfo, call); fn != nil && knowledge.TimeComparisons[analysisutil.FullName(fn)] {
				found = true
			}
		}
		return !found
	})
	return found
}

// memoWhy names the share a build on first use counts.
const memoWhy = "(built on first use, miss rate)"

// memoGuard recognises a field (or package variable) built on first use:
// an if statement that returns it when it is set (if d.client != nil {
// return d.client }), followed by statements that set it. Those run once
// per process (a service's clients, connections and migrations, built
// lazily by the first request), or once per request for a value a
// request memoises: counted like a refresh, on the miss rate's share,
// once per request at most.
func (w *walker) memoGuard(ifs *ast.IfStmt, rest []ast.Stmt) bool {
	x, ok := w.nilCheck(ifs.Cond, token.NEQ)
	if !ok || ifs.Else != nil || len(ifs.Body.List) != 1 {
		return false
	}
	ret, ok := ifs.Body.List[0].(*ast.ReturnStmt)
	if !ok || !slices.ContainsFunc(ret.Results, func(e ast.Expr) bool { return sameExpr(e, x) }) {
		return false
	}
	return assigns(rest, x)
}

// nilCheck recognises a comparison of a field or a package variable with
// nil (x != nil, x == nil: op), and returns the field.
func (w *walker) nilCheck(cond ast.Expr, op token.Token) (ast.Expr, bool) {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != op || !w.isNil(b.Y) {
		return nil, false
	}
	info := w.c.pass.TypesInfo
	switch x := ast.Unparen(b.X).(type) {
	case *ast.SelectorExpr:
		if v, ok := info.Uses[x.Sel].(*types.Var); ok && v.IsField() {
			return x, true
		}
	case *ast.Ident:
		if v, ok := info.Uses[x].(*types.Var); ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
			return x, true
		}
	}
	return nil, false
}

// assigns reports whether statements assign x (outside the function
// literals they hold).
func assigns(stmts []ast.Stmt, x ast.Expr) bool {
	found := false
	for _, s := range stmts {
		ast.Inspect(s, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.AssignStmt:
				found = found || slices.ContainsFunc(n.Lhs, func(l ast.Expr) bool { return sameExpr(l, x) })
			}
			return !found
		})
	}
	return found
}

// sameExpr reports whether two expressions are written alike (d.client).
func sameExpr(a, b ast.Expr) bool {
	return types.ExprString(ast.Unparen(a)) == types.ExprString(ast.Unparen(b))
}

func (w *walker) pageBound(why string) bound {
	n := w.c.plan.Limits.MaxPageSize
	if n <= 0 {
		n = 100
	}
	return bound{n: n, why: why}
}

// returnedRows is the row bound of what a function returns, when a
// result holds a query's rows.
func (w *walker) returnedRows(fd *ast.FuncDecl) bound {
	var best bound
	ast.Inspect(fd.Body, func(nd ast.Node) bool {
		switch nd := nd.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			for _, r := range nd.Results {
				if obj := w.objOf(r); obj != nil {
					if b, ok := w.rows[obj]; ok && b.n > best.n {
						best = b
					}
				}
			}
		}
		return true
	})
	if best.n == 0 {
		// A slice filled from a query's rows (Select(&items, ...), a
		// rows.Next loop that appends): the destination.
		for obj, b := range w.rows {
			if isSlice(obj.Type()) && returnsVar(fd, obj, w.c.pass.TypesInfo) && b.n > best.n {
				best = b
			}
		}
	}
	return best
}

func isSlice(t types.Type) bool {
	_, ok := t.Underlying().(*types.Slice)
	return ok
}

func returnsVar(fd *ast.FuncDecl, obj types.Object, info *types.Info) bool {
	found := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if r, ok := n.(*ast.ReturnStmt); ok {
			for _, e := range r.Results {
				if id, ok := ast.Unparen(e).(*ast.Ident); ok && info.Uses[id] == obj {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// cacheCheck recognises a condition on a cache read's result: it returns
// the read, and whether the condition holds on a hit (err == nil, ok,
// v != nil) rather than on a miss (err != nil, err == redis.Nil, !ok).
func (w *walker) cacheCheck(cond ast.Expr) (*cacheRead, bool) {
	var read *cacheRead
	ast.Inspect(cond, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if r := w.cache[w.c.pass.TypesInfo.Uses[id]]; r != nil && read == nil {
				read = r
			}
		}
		return read == nil
	})
	if read == nil {
		return nil, false
	}
	return read, w.hitCondition(cond)
}

// hitCondition reports whether a condition on a read's result holds on a
// hit: ok, err == nil, v != nil; a negation, a comparison with != nil on
// an error, or with a sentinel (redis.Nil) holds on a miss.
func (w *walker) hitCondition(cond ast.Expr) bool {
	switch c := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if c.Op == token.NOT {
			return !w.hitCondition(c.X)
		}
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND:
			return w.hitCondition(c.X)
		case token.LOR:
			return w.hitCondition(c.X) && w.hitCondition(c.Y)
		case token.EQL:
			return w.isNil(c.Y) && w.isError(c.X) // err == nil
		case token.NEQ:
			return !w.isNil(c.Y) || !w.isError(c.X) // v != nil; err != nil is a miss
		}
	case *ast.CallExpr:
		return false // errors.Is(err, redis.Nil)
	case *ast.Ident:
		return true // ok
	}
	return false
}

func (w *walker) isNil(e ast.Expr) bool {
	tv, ok := w.c.pass.TypesInfo.Types[e]
	return ok && tv.IsNil()
}

// isError reports whether an expression is of type error.
func (w *walker) isError(e ast.Expr) bool {
	t := w.c.pass.TypesInfo.TypeOf(e)
	return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
}

func itoa(n int) string { return formatCount(float64(n)) }
