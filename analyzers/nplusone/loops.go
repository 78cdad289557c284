package nplusone

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// A loop is code that runs once per element of something: the body of a
// for statement, or a function literal that a library or helper calls per
// element (slices.SortFunc, lo.ForEach).
type loop struct {
	node     ast.Node     // *ast.ForStmt, *ast.RangeStmt, or the *ast.CallExpr of the callback's caller
	body     ast.Node     // what runs per element
	label    string       // the for statement's label, if any
	sized    bool         // the number of iterations grows with the data
	what     string       // what one iteration is: "element of", "row of"...
	of       ast.Node     // ...of what: ids, rows; nil if what says it all
	rows     bool         // a database result set stays open during the body
	cursor   bool         // a database cursor walks the rows of a read (Redis SCAN, MongoDB)
	chunk    bool         // each element is itself a batch (a slice)
	group    types.Object // for a range over a map of slices (map[owner][]name), the group: a call handed it runs once per group
	callback bool         // the body is a function called per element: its return ends one call, not the loop

	// offpath says why the loop, though it runs once per value of
	// something, is not per-element work on a request's data (offTicker,
	// offPaced); empty when it is. Such loops are reported only with
	// -background.
	offpath string
	// For a range over a channel: the calls whose results fill it (a
	// stream returned by a call, sends in a loop over a query's result).
	// If one of them runs a query the channel carries rows, and the loop
	// is an N+1 over them; otherwise it is a queue of jobs.
	chanSources []*ast.CallExpr
	chanRows    bool // a send sits in a loop over an open result set
	chanPool    bool // the receiving loop runs in one of several goroutines started in a loop: a worker pool
	isChan      bool

	deps map[types.Object]bool // objects that change between iterations; built on first use

	decl       *ast.FuncDecl // the declared function the loop is written in (nil at package level)
	src        source        // where the collection comes from (source.go), once srcDone
	srcDone    bool
	callerRefs []listRef // the exported functions' parameters the collection comes through (handedin.go)
}

// Why a loop, or the function it is in, is not per-element work on a
// request's data.
const (
	offTicker    = "ticker"        // for range time.Tick(d), for range ticker.C
	offJobs      = "job queue"     // for job := range jobs, jobs not filled from a query
	offPaced     = "paced"         // the body sleeps or waits on a timer: retry, poll, backoff
	offRetry     = "retry"         // the round trip's success ends the loop
	offMigration = "migration"     // a migration's code
	offCommand   = "command"       // a command-line command's body, or main
	offConfig    = "configuration" // a range over configuration read at start-up
	offJob       = "scheduled job" // a cron job's code, a goroutine started at start-up, or what only they and timer loops call
)

// rangeLoop classifies a range statement.
func (c *checker) rangeLoop(rs *ast.RangeStmt, label string) *loop {
	l := &loop{node: rs, body: rs.Body, label: label}
	x := rs.X
	tv, ok := c.pass.TypesInfo.Types[x]
	if !ok || tv.Value != nil {
		return l // a constant string or count
	}
	switch u := coreType(tv.Type).(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsString != 0:
			l.sized, l.what, l.of = true, "rune of", x
		case u.Info()&types.IsInteger != 0:
			if coll := lenArg(c.pass.TypesInfo, x); coll != nil {
				l.sized, l.what, l.of = true, "element of", coll
			} else if coll := c.indexedBy(rs.Body, c.objOf(rs.Key)); coll != nil {
				l.sized, l.what, l.of = true, "element of", coll
			}
		}
	case *types.Slice:
		switch {
		case c.constantCollection(x):
		case isChunk(u.Elem()):
			l.chunk = true
		default:
			l.sized, l.what, l.of = true, "element of", x
		}
	case *types.Map:
		if !c.constantCollection(x) {
			l.sized, l.what, l.of = true, "entry of", x
			if isChunk(u.Elem()) && rs.Value != nil {
				l.group = c.objOf(rs.Value)
			}
		}
	case *types.Chan:
		l.sized, l.what, l.of = true, "value received from", x
		l.isChan = true
		if c.isTimerChan(x) {
			l.offpath = offTicker
		}
	case *types.Signature:
		c.iteratorLoop(l, x, u)
	}
	return l
}

// iteratorLoop classifies a range over a function iterator.
func (c *checker) iteratorLoop(l *loop, x ast.Expr, sig *types.Signature) {
	if call, ok := ast.Unparen(x).(*ast.CallExpr); ok {
		if i, ok := knowledge.SeqSources[analysisutil.FullName(analysisutil.Callee(c.pass.TypesInfo, call))]; ok && i < len(call.Args) {
			if c.constantCollection(call.Args[i]) {
				return
			}
		}
	}
	if sig.Params().Len() == 1 {
		if yield, ok := coreType(sig.Params().At(0).Type()).(*types.Signature); ok && yield.Params().Len() > 0 {
			if isChunk(yield.Params().At(yield.Params().Len() - 1).Type()) {
				l.chunk = true // slices.Chunk: one batch per step
				return
			}
		}
	}
	l.sized, l.what, l.of = true, "element of", x
}

// forLoop classifies a three-clause or condition-only for statement.
// Only loops that walk data are sized: a result set or scanner (for
// rows.Next()), an index over a collection (i < len(xs), or xs[i] in the
// body), a work list (for len(queue) > 0), a linked list (n = n.next).
// Infinite loops, retry loops and pagination loops (for cursor != "",
// for page := 1; page <= pages; page++) are not: they run once per
// attempt or per page.
func (c *checker) forLoop(fs *ast.ForStmt, label string) *loop {
	l := &loop{node: fs, body: fs.Body, label: label}
	if fs.Cond == nil {
		return l
	}
	info := c.pass.TypesInfo
	if call, _ := findCall(info, fs.Cond, func(n string) bool { return knowledge.ResultSetNext[n] }); call != nil {
		l.sized, l.rows, l.what, l.of = true, true, "row of", recvOf(call)
		return l
	}
	if call, name := findCall(info, fs.Cond, func(n string) bool { return knowledge.Iterators[n] != "" }); call != nil {
		l.sized, l.what, l.of = true, knowledge.Iterators[name]+" of", recvOf(call)
		// A database's cursor (a Redis SCAN, a MongoDB cursor) walks the
		// rows of a read; a scanner or decoder walks its input.
		l.cursor = !strings.HasPrefix(name, "(*bufio.") && !strings.HasPrefix(name, "(*encoding/")
		return l
	}
	if v, step := postStep(info, fs.Post); v != nil {
		if step != 1 {
			return l // a stride: one batch per step
		}
		bound := boundOf(info, fs.Cond, v)
		if bound == nil {
			return l
		}
		if tv, ok := info.Types[bound]; ok && tv.Value != nil {
			return l // a constant number of iterations
		}
		if coll := lenArg(info, bound); coll != nil {
			l.sized, l.what, l.of = true, "element of", coll
			return l
		}
		if coll := initLen(info, fs.Init); coll != nil {
			l.sized, l.what, l.of = true, "element of", coll
			return l
		}
		if coll := c.indexedBy(fs.Body, v); coll != nil {
			l.sized, l.what, l.of = true, "element of", coll
		}
		return l
	}
	if q := nonEmpty(info, fs.Cond); q != nil {
		l.sized, l.what, l.of = true, "element of", q
		// q = q[n:] with n not 1: each step consumes a batch (sftpgo's
		// quota check reads the users maxUsers at a time).
		l.chunk = consumesBatches(info, fs.Body, q)
		return l
	}
	if v := selfAdvance(info, fs.Post); v != nil && isNilCheck(info, fs.Cond, v) {
		l.sized, l.what = true, "node of the list "+v.Name()+" walks"
	}
	return l
}

// callbackLoop is the body of a function literal that a function calls
// once per element of coll.
func (c *checker) callbackLoop(call *ast.CallExpr, lit *ast.FuncLit, coll ast.Expr, callee string) *loop {
	l := &loop{node: call, body: lit, callback: true, sized: true, what: "element"}
	if coll != nil {
		if c.constantCollection(coll) {
			l.sized = false
		}
		if tv, ok := c.pass.TypesInfo.Types[coll]; ok {
			if _, isArray := coreType(tv.Type).(*types.Array); isArray {
				l.sized = false
			}
		}
		l.what, l.of = "element of", coll
	} else {
		l.what = "element " + callee + " iterates"
	}
	return l
}

// ---- what changes between iterations ----

// dependsOnIteration reports whether a call mentions something that
// changes between iterations: a variable declared or assigned in the
// loop, the value of a range, the iterator of a condition loop. A call
// that mentions none of them runs with the same arguments each time.
func (c *checker) dependsOnIteration(l *loop, e ast.Node) bool {
	deps := c.loopDeps(l)
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		if id, ok := n.(*ast.Ident); ok {
			if obj := c.pass.TypesInfo.Uses[id]; obj != nil && deps[obj] {
				found = true
			}
		}
		return true
	})
	return found
}

func (c *checker) loopDeps(l *loop) map[types.Object]bool {
	if l.deps != nil {
		return l.deps
	}
	deps := make(map[types.Object]bool)
	info := c.pass.TypesInfo
	var region []ast.Node
	switch n := l.node.(type) {
	case *ast.RangeStmt:
		region = append(region, n.Key, n.Value, n.Body)
	case *ast.ForStmt:
		region = append(region, n.Init, n.Cond, n.Post, n.Body)
		// The iterator of a condition loop (rows, scanner) changes with
		// every step.
		ast.Inspect(n.Cond, func(m ast.Node) bool {
			if id, ok := m.(*ast.Ident); ok {
				if obj, ok := info.Uses[id].(*types.Var); ok {
					deps[obj] = true
				}
			}
			return true
		})
	default:
		region = append(region, l.body)
	}
	for _, r := range region {
		if r == nil || isNilNode(r) {
			continue
		}
		ast.Inspect(r, func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.Ident:
				if obj := info.Defs[m]; obj != nil {
					deps[obj] = true
				}
			case *ast.CaseClause:
				// switch x := v.(type): each case declares its own x.
				if obj := info.Implicits[m]; obj != nil {
					deps[obj] = true
				}
			case *ast.AssignStmt:
				for _, lhs := range m.Lhs {
					if obj := rootObj(info, lhs); obj != nil {
						deps[obj] = true
					}
				}
			case *ast.IncDecStmt:
				if obj := rootObj(info, m.X); obj != nil {
					deps[obj] = true
				}
			case *ast.UnaryExpr:
				if m.Op == token.AND {
					if obj := rootObj(info, m.X); obj != nil {
						deps[obj] = true
					}
				}
			case *ast.RangeStmt:
				for _, e := range []ast.Expr{m.Key, m.Value} {
					if obj := rootObj(info, e); obj != nil {
						deps[obj] = true
					}
				}
			}
			return true
		})
	}
	l.deps = deps
	return deps
}

func isNilNode(n ast.Node) bool {
	switch n := n.(type) {
	case ast.Expr:
		return n == nil
	case ast.Stmt:
		return n == nil
	}
	return false
}

// rootObj returns the variable at the root of x, x.f, x[i] or *x.
func rootObj(info *types.Info, e ast.Expr) types.Object {
	for {
		switch x := e.(type) {
		case *ast.Ident:
			if obj := info.Uses[x]; obj != nil {
				return obj
			}
			return info.Defs[x]
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// ---- constant collections ----

// constantCollection reports whether e is a collection of constant size:
// a composite literal, or a variable initialised with one and never
// assigned again in the package.
func (c *checker) constantCollection(e ast.Expr) bool {
	e = ast.Unparen(e)
	if _, ok := e.(*ast.CompositeLit); ok {
		return true
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	obj, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	c.scanVars()
	init, ok := c.varInit[obj]
	if !ok || c.mutated[obj] {
		return false
	}
	_, isLit := ast.Unparen(init).(*ast.CompositeLit)
	return isLit
}

// scanVars records the initial value of every variable the package
// declares with one, and the variables it assigns after their
// declaration.
func (c *checker) scanVars() {
	if c.varInit != nil {
		return
	}
	info := c.pass.TypesInfo
	c.varInit = make(map[types.Object]ast.Expr)
	c.mutated = make(map[types.Object]bool)
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				if len(n.Values) == len(n.Names) {
					for i, name := range n.Names {
						if obj := info.Defs[name]; obj != nil {
							c.varInit[obj] = n.Values[i]
						}
					}
				}
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					id, isIdent := lhs.(*ast.Ident)
					if isIdent && n.Tok == token.DEFINE {
						if obj := info.Defs[id]; obj != nil {
							if len(n.Lhs) == len(n.Rhs) {
								c.varInit[obj] = n.Rhs[i]
							}
							continue
						}
					}
					if obj := rootObj(info, lhs); obj != nil && (isIdent || isWholeVar(lhs) || isMapStore(info, lhs)) {
						c.mutated[obj] = true
					}
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					if obj := rootObj(info, n.X); obj != nil {
						c.mutated[obj] = true
					}
				}
			case *ast.RangeStmt:
				if n.Tok == token.ASSIGN {
					for _, e := range []ast.Expr{n.Key, n.Value} {
						if obj := rootObj(info, e); obj != nil {
							c.mutated[obj] = true
						}
					}
				}
			}
			return true
		})
	}
}

// isWholeVar reports whether an assignment's left side replaces a whole
// variable (*p = v) rather than an element or field of it.
// isMapStore reports whether an assignment's left side stores into a map
// variable (m[k] = v): the map grows, whatever it was initialised with.
func isMapStore(info *types.Info, e ast.Expr) bool {
	ix, ok := ast.Unparen(e).(*ast.IndexExpr)
	if !ok {
		return false
	}
	if _, ok := ast.Unparen(ix.X).(*ast.Ident); !ok {
		return false
	}
	return isMap(info, ix.X)
}

func isWholeVar(e ast.Expr) bool {
	_, ok := ast.Unparen(e).(*ast.StarExpr)
	return ok
}

// ---- small syntax helpers ----

func (c *checker) objOf(e ast.Expr) types.Object {
	id, ok := e.(*ast.Ident)
	if !ok || id == nil {
		return nil
	}
	if obj := c.pass.TypesInfo.Defs[id]; obj != nil {
		return obj
	}
	return c.pass.TypesInfo.Uses[id]
}

// indexedBy returns the first collection the body indexes with v: xs in
// xs[i].
func (c *checker) indexedBy(body ast.Node, v types.Object) ast.Expr {
	if v == nil || body == nil {
		return nil
	}
	var coll ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		if coll != nil {
			return false
		}
		ix, ok := n.(*ast.IndexExpr)
		if !ok {
			return true
		}
		if id, ok := ast.Unparen(ix.Index).(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == v {
			if tv, ok := c.pass.TypesInfo.Types[ix.X]; ok {
				switch coreType(tv.Type).(type) {
				case *types.Slice, *types.Basic:
					coll = ix.X
				}
			}
		}
		return true
	})
	return coll
}

// findCall returns a call in e whose callee's full name the predicate
// accepts.
func findCall(info *types.Info, e ast.Expr, accept func(string) bool) (*ast.CallExpr, string) {
	var found *ast.CallExpr
	var name string
	ast.Inspect(e, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if fn := analysisutil.Callee(info, call); fn != nil && accept(analysisutil.FullName(fn)) {
			found, name = call, analysisutil.FullName(fn)
		}
		return true
	})
	return found, name
}

// recvOf returns the receiver of a method call: rows in rows.Next().
func recvOf(call *ast.CallExpr) ast.Node {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return sel.X
	}
	return call
}

// describe says what one iteration of the loop is: "element of ids".
// Rendering is left for the loops a finding names.
func (l *loop) describe(fset *token.FileSet) string {
	if l.of == nil {
		return l.what
	}
	return l.what + " " + render(fset, l.of)
}

// postStep returns the variable a post statement steps and by how much:
// 1 for i++, i--, i += 1; 0 for other steps.
func postStep(info *types.Info, post ast.Stmt) (types.Object, int64) {
	switch p := post.(type) {
	case *ast.IncDecStmt:
		if id, ok := ast.Unparen(p.X).(*ast.Ident); ok {
			return info.Uses[id], 1
		}
	case *ast.AssignStmt:
		if len(p.Lhs) != 1 || len(p.Rhs) != 1 || (p.Tok != token.ADD_ASSIGN && p.Tok != token.SUB_ASSIGN) {
			return nil, 0
		}
		id, ok := ast.Unparen(p.Lhs[0]).(*ast.Ident)
		if !ok {
			return nil, 0
		}
		if tv, ok := info.Types[p.Rhs[0]]; ok && tv.Value != nil && tv.Value.Kind() == constant.Int {
			if v, exact := constant.Int64Val(tv.Value); exact && v == 1 {
				return info.Uses[id], 1
			}
		}
		return info.Uses[id], 0
	}
	return nil, 0
}

// boundOf returns what v is compared with in a loop condition.
func boundOf(info *types.Info, cond ast.Expr, v types.Object) ast.Expr {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return nil
	}
	switch b.Op {
	case token.LAND:
		if x := boundOf(info, b.X, v); x != nil {
			return x
		}
		return boundOf(info, b.Y, v)
	case token.LSS, token.LEQ, token.GTR, token.GEQ, token.NEQ:
		if isVar(info, b.X, v) {
			return b.Y
		}
		if isVar(info, b.Y, v) {
			return b.X
		}
	}
	return nil
}

func isVar(info *types.Info, e ast.Expr, v types.Object) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && info.Uses[id] == v
}

// lenArg returns x of len(x) (possibly len(x)-1), or of x.Len(), when x is
// not constant.
func lenArg(info *types.Info, e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if b, ok := e.(*ast.BinaryExpr); ok && (b.Op == token.SUB || b.Op == token.ADD) {
		e = ast.Unparen(b.X)
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return nil
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && len(call.Args) == 1 {
		if b, ok := info.Uses[id].(*types.Builtin); ok && (b.Name() == "len" || b.Name() == "cap") {
			if tv, ok := info.Types[call.Args[0]]; ok && tv.Value == nil {
				return call.Args[0]
			}
		}
		return nil
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Len" && len(call.Args) == 0 {
		return sel.X
	}
	return nil
}

// initLen returns x of a loop's init i := len(x) - 1 (a reverse walk).
func initLen(info *types.Info, init ast.Stmt) ast.Expr {
	as, ok := init.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 {
		return nil
	}
	return lenArg(info, as.Rhs[0])
}

// consumesBatches reports whether a loop body advances q by more than one
// element at a time: q = q[n:], n not the constant 1.
func consumesBatches(info *types.Info, body *ast.BlockStmt, q ast.Expr) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 || types.ExprString(as.Lhs[0]) != types.ExprString(q) {
			return !found
		}
		sl, ok := ast.Unparen(as.Rhs[0]).(*ast.SliceExpr)
		if !ok || sl.Low == nil || sl.High != nil || types.ExprString(sl.X) != types.ExprString(q) {
			return !found
		}
		if tv, ok := info.Types[sl.Low]; ok && tv.Value != nil && tv.Value.String() == "1" {
			return !found // a work list: one element per step
		}
		found = true
		return false
	})
	return found
}

// nonEmpty returns q of len(q) > 0, len(q) != 0, 0 < len(q), len(q) >= 1.
func nonEmpty(info *types.Info, cond ast.Expr) ast.Expr {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return nil
	}
	switch b.Op {
	case token.GTR, token.NEQ, token.GEQ:
		return lenArg(info, b.X)
	case token.LSS:
		return lenArg(info, b.Y)
	}
	return nil
}

// selfAdvance returns v of a post statement v = v.next or v = v.Next().
func selfAdvance(info *types.Info, post ast.Stmt) *types.Var {
	as, ok := post.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 || as.Tok != token.ASSIGN {
		return nil
	}
	id, ok := ast.Unparen(as.Lhs[0]).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	rhs := ast.Unparen(as.Rhs[0])
	if call, ok := rhs.(*ast.CallExpr); ok && len(call.Args) == 0 {
		rhs = ast.Unparen(call.Fun)
	}
	sel, ok := rhs.(*ast.SelectorExpr)
	if !ok || !isVar(info, sel.X, v) {
		return nil
	}
	return v
}

func isNilCheck(info *types.Info, cond ast.Expr, v *types.Var) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ {
		return false
	}
	return isVar(info, b.X, v) && isNil(info, b.Y) || isVar(info, b.Y, v) && isNil(info, b.X)
}

// isChunk reports whether a collection's element is itself a batch: a
// slice or an array, but not a []byte or string-like value.
func isChunk(t types.Type) bool {
	switch u := coreType(t).(type) {
	case *types.Slice:
		// [][]byte and [][]rune are lists of strings; [][]int32 is batches
		// (types.Rune is Int32: tell rune by its name).
		b, ok := u.Elem().Underlying().(*types.Basic)
		return !ok || b.Kind() != types.Uint8 && b.Name() != "rune"
	case *types.Array:
		return false
	}
	return false
}

// coreType returns the underlying type of t, or of the single type in a
// type parameter's type set; nil if there is none.
func coreType(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	if tp, ok := types.Unalias(t).(*types.TypeParam); ok {
		iface, ok := tp.Constraint().Underlying().(*types.Interface)
		if !ok || iface.NumEmbeddeds() != 1 {
			return nil
		}
		return coreType(iface.EmbeddedType(0))
	}
	return t.Underlying()
}
