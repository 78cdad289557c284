package nplusone

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// walk reads the syntax of every function once: it indexes calls, notes
// which function parameters each function calls (and whether once per
// element), and collects the calls that run once per iteration of a loop
// over data, with the loop. Function literals belong to the loop they are
// written in when they run there: called on the spot, started with go,
// or handed to a function that calls them (errgroup's Go, a helper whose
// fact says so); otherwise they run whenever their holder calls them,
// and that call is the one that counts.
func (c *checker) walk() {
	c.scanOffpath()
	c.propagateOffpath()
	c.pkgOffpath = packageOffpath(c.pass.Pkg.Path())
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			w := &walker{c: c}
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Body != nil {
					w.decl, w.offpath = d, c.declOffpath(d, f)
					w.node(d.Body)
				}
			case *ast.GenDecl:
				w.node(d)
			}
		}
	}
}

// scanAllParams records the function parameters each declared function
// calls. It comes first: a literal handed to a function of this package
// is walked as part of a loop only if that function calls it.
func (c *checker) scanAllParams() {
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				c.scanParams(fd)
			}
		}
	}
}

// scanParams records the function parameters a declared function calls.
func (c *checker) scanParams(fd *ast.FuncDecl) {
	obj, _ := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if obj == nil {
		return
	}
	params := make(map[types.Object]int)
	i := 0
	for _, field := range fd.Type.Params.List {
		n := max(1, len(field.Names))
		for j := 0; j < n; j++ {
			if j < len(field.Names) {
				if v := c.pass.TypesInfo.Defs[field.Names[j]]; v != nil {
					if _, ok := coreType(v.Type()).(*types.Signature); ok {
						params[v] = i
					}
				}
			}
			i++
		}
	}
	if len(params) == 0 {
		return
	}
	w := &walker{c: c, params: params, scanOnly: true, scan: &paramScan{called: map[int]bool{}, perElement: map[int]bool{}, onMiss: map[int]bool{}, plain: map[int]bool{}}}
	w.node(fd.Body)
	pc := paramCalls{calls: sortedKeys(w.scan.called), loops: sortedKeys(w.scan.perElement)}
	for i := range w.scan.onMiss {
		if !w.scan.plain[i] {
			pc.misses = append(pc.misses, i)
		}
	}
	slices.Sort(pc.misses)
	if len(pc.calls) > 0 {
		c.paramCalls[obj] = pc
	}
}

func sortedKeys(m map[int]bool) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// A walker walks one function body.
type walker struct {
	c         *checker
	loops     []*loop       // the loops around the current node, outermost first
	path      []ast.Node    // the ancestors of the current node
	goroutine bool          // the current code runs in a goroutine started in the loop
	decl      *ast.FuncDecl // the declared function being walked
	offpath   string        // why the function is not request work (a migration, a command), if it is not

	onMiss bool // the current code runs only on a miss of a cache (a loader: cached.go)

	// For scanParams.
	scanOnly bool
	params   map[types.Object]int
	scan     *paramScan
}

// A paramScan is what scanParams found: the function parameters a
// function calls, those it calls once per element, and those it calls on
// a cache's miss (in a loader it hands a cache, or handing the parameter
// itself to the cache as its loader) or elsewhere.
type paramScan struct {
	called, perElement, onMiss, plain map[int]bool
}

// node walks n in the walker's context.
func (w *walker) node(n ast.Node) {
	ast.Inspect(n, func(n ast.Node) bool {
		if n == nil {
			w.path = w.path[:len(w.path)-1]
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			w.funcLit(n)
			return false
		case *ast.RangeStmt:
			w.within(n, func() {
				w.node(n.X)
				l := w.c.rangeLoop(n, w.label(n))
				w.classifyChan(l, n)
				w.paced(l)
				if l.sized && l.offpath == "" && !w.scanOnly && w.c.configLoop(n, w.decl) {
					l.offpath = offConfig
				}
				if l.sized && !w.scanOnly && w.atMostOne(n) {
					l.sized = false // checked to hold one element at most
				}
				w.loop(l, func() {
					if n.Key != nil {
						w.node(n.Key)
					}
					if n.Value != nil {
						w.node(n.Value)
					}
					w.node(n.Body)
				})
			})
			return false
		case *ast.ForStmt:
			w.within(n, func() {
				if n.Init != nil {
					w.node(n.Init)
				}
				if n.Cond != nil {
					w.node(n.Cond)
				}
				l := w.c.forLoop(n, w.label(n))
				w.paced(l)
				w.loop(l, func() {
					if n.Post != nil {
						w.node(n.Post)
					}
					w.node(n.Body)
				})
			})
			return false
		case *ast.CallExpr:
			w.call(n)
		}
		w.path = append(w.path, n)
		return true
	})
}

// within walks n's children with n on the path.
func (w *walker) within(n ast.Node, f func()) {
	w.path = append(w.path, n)
	f()
	w.path = w.path[:len(w.path)-1]
}

// paced marks a loop over data whose body waits on a timer each time
// round: a retry with backoff, a poll, a rate-limited job.
func (w *walker) paced(l *loop) {
	if l.sized && l.offpath == "" && !w.scanOnly && w.c.waits(l.body) {
		l.offpath = offPaced
	}
}

// loop walks f inside loop l.
func (w *walker) loop(l *loop, f func()) {
	if l.decl == nil {
		l.decl = w.decl
	}
	w.loops = append(w.loops, l)
	f()
	w.loops = w.loops[:len(w.loops)-1]
}

// label returns the label of a loop statement, if it has one.
func (w *walker) label(n ast.Node) string {
	if len(w.path) > 0 {
		if ls, ok := w.path[len(w.path)-1].(*ast.LabeledStmt); ok && ls.Stmt == n {
			return ls.Label.Name
		}
	}
	return ""
}

// sized returns the innermost loop over data around the current node. A
// loop over batches stops the search: what runs in it runs once per batch,
// the batching itself, not once per element of a loop around it (for
// len(frontier) > 0 { for _, batch := range chunks(frontier) { ... } }).
func (w *walker) sized() *loop {
	for i := len(w.loops) - 1; i >= 0; i-- {
		if w.loops[i].chunk {
			return nil
		}
		if w.loops[i].sized {
			return w.loops[i]
		}
	}
	return nil
}

// outerSized lists the loops over data around the current node other
// than l, innermost first.
func (w *walker) outerSized(l *loop) []*loop {
	var out []*loop
	for i := len(w.loops) - 1; i >= 0; i-- {
		if w.loops[i].sized && w.loops[i] != l {
			out = append(out, w.loops[i])
		}
	}
	return out
}

// call records a call: in the index, as a call of a function parameter,
// and as a site if a loop over data encloses it.
func (w *walker) call(call *ast.CallExpr) {
	c := w.c
	if !w.scanOnly {
		c.callExprs[call.Lparen] = call
	}
	if w.scan != nil {
		w.paramCall(call)
	}
	if w.scanOnly {
		return
	}
	goroutine := w.goroutine || w.startsGoroutine(call)
	if len(w.path) > 0 {
		if g, ok := w.path[len(w.path)-1].(*ast.GoStmt); ok && g.Call == call {
			goroutine = true
		}
	}
	if l := w.sized(); l != nil {
		s := site{call: call, loop: l, outer: w.outerSized(l), goroutine: goroutine, exits: w.exitsAfter(l, call), arg: -1, offpath: w.offpath}
		if s.offpath == "" && w.exitsOnSuccess(l, call) {
			s.offpath = offRetry
		}
		c.sites = append(c.sites, s)
	} else if c.observe != nil && len(w.loops) > 0 {
		// Calls in loops that do not grow with the data, for the tests
		// that count what is left alone.
		c.sites = append(c.sites, site{call: call, loop: w.loops[len(w.loops)-1], goroutine: goroutine, arg: -1, offpath: w.offpath})
	}
	// A function value (not a literal) handed to a function that calls it
	// per element: the call is where the loop is.
	if i, coll, ok := w.perElementArg(call); ok {
		if _, isLit := ast.Unparen(call.Args[i]).(*ast.FuncLit); !isLit {
			l := c.callbackLoop(call, nil, coll, w.calleeName(call))
			l.body, l.decl = call, w.decl
			if fn := analysisutil.Callee(c.pass.TypesInfo, call); fn != nil {
				resultSet(l, knowledge.Callbacks[analysisutil.FullName(fn)])
			}
			c.sites = append(c.sites, site{call: call, loop: l, outer: w.outerSized(nil), goroutine: goroutine, arg: i, offpath: w.offpath})
		}
	}
}

// startsGoroutine reports whether a call runs its function argument in a
// new goroutine (errgroup's Go, sync.WaitGroup's Go).
func (w *walker) startsGoroutine(call *ast.CallExpr) bool {
	fn := analysisutil.Callee(w.c.pass.TypesInfo, call)
	return fn != nil && knowledge.Callbacks[analysisutil.FullName(fn)].Goroutine
}

// funcLit walks a function literal: in the current loops if it runs
// there, in a fresh context otherwise.
func (w *walker) funcLit(lit *ast.FuncLit) {
	saved, savedGo := w.loops, w.goroutine
	inner := &walker{c: w.c, params: w.params, scanOnly: w.scanOnly, scan: w.scan, path: w.path, decl: w.decl, offpath: w.offpath, onMiss: w.onMiss}
	if kind := w.c.offLits[lit]; kind != "" {
		inner.offpath = kind
	}
	runsHere, goroutine, perElement := w.runsInPlace(lit)
	if runsHere {
		inner.loops = slices.Clone(saved)
		inner.goroutine = savedGo || goroutine
		if perElement != nil {
			perElement.decl = w.decl
			inner.loops = append(inner.loops, perElement)
		}
	}
	if w.loaderLit(lit) {
		inner.onMiss = true
	}
	inner.path = append(slices.Clone(w.path), lit)
	inner.node(lit.Body)
}

// runsInPlace says whether a function literal runs where it is written:
// called on the spot (perhaps with go or defer), or handed to a function
// that calls it. perElement is the loop of a function that calls it once
// per element.
func (w *walker) runsInPlace(lit *ast.FuncLit) (runs, goroutine bool, perElement *loop) {
	if len(w.path) == 0 {
		return false, false, nil
	}
	call, ok := w.path[len(w.path)-1].(*ast.CallExpr)
	if !ok {
		return false, false, nil
	}
	if ast.Unparen(call.Fun) == lit {
		if len(w.path) > 1 {
			if g, ok := w.path[len(w.path)-2].(*ast.GoStmt); ok && g.Call == call {
				return true, true, nil
			}
		}
		return true, false, nil
	}
	i := slices.IndexFunc(call.Args, func(e ast.Expr) bool { return ast.Unparen(e) == lit })
	if i < 0 {
		return false, false, nil
	}
	fn := analysisutil.Callee(w.c.pass.TypesInfo, call)
	if fn == nil {
		return false, false, nil
	}
	if slices.Contains(w.c.missArgs(call), i) {
		// A cache's loader: it runs on a miss only, a memo in front of
		// what it does (cached.go).
		return w.c.memo, false, nil
	}
	if cb, ok := knowledge.Callbacks[analysisutil.FullName(fn)]; ok && cb.Func == i {
		if cb.PerElement {
			l := w.c.callbackLoop(call, lit, collArg(call, cb.Coll), w.calleeName(call))
			resultSet(l, cb)
			return true, cb.Goroutine, l
		}
		return true, cb.Goroutine, nil
	}
	f := w.c.factOf(fn)
	if f == nil || !slices.Contains(f.Calls, i) {
		return false, false, nil
	}
	if slices.Contains(f.Loops, i) {
		return true, false, w.c.callbackLoop(call, lit, nil, w.calleeName(call))
	}
	return true, false, nil
}

// resultSet marks a callback's loop as one over the rows of an open
// result set (pgx.ForEachRow).
func resultSet(l *loop, cb knowledge.Callback) {
	if cb.ResultSet && l.sized {
		l.rows, l.what = true, "row of"
	}
}

// perElementArg returns the index of a function argument that the called
// function calls once per element, and the collection, if it does.
func (w *walker) perElementArg(call *ast.CallExpr) (int, ast.Expr, bool) {
	fn := analysisutil.Callee(w.c.pass.TypesInfo, call)
	if fn == nil {
		return 0, nil, false
	}
	if cb, ok := knowledge.Callbacks[analysisutil.FullName(fn)]; ok {
		if cb.PerElement && cb.Func < len(call.Args) {
			return cb.Func, collArg(call, cb.Coll), true
		}
		return 0, nil, false
	}
	if f := w.c.factOf(fn); f != nil && len(f.Loops) > 0 && f.Loops[0] < len(call.Args) {
		return f.Loops[0], nil, true
	}
	return 0, nil, false
}

// collArg returns the collection argument of a callback caller.
func collArg(call *ast.CallExpr, i int) ast.Expr {
	switch {
	case i == knowledge.Receiver:
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return sel.X
		}
	case i >= 0 && i < len(call.Args):
		return call.Args[i]
	}
	return nil
}

func (w *walker) calleeName(call *ast.CallExpr) string {
	if fn := analysisutil.Callee(w.c.pass.TypesInfo, call); fn != nil {
		return analysisutil.Display(fn)
	}
	return render(w.c.pass.Fset, call.Fun)
}

// exitsAfter reports whether, once the call has run, the loop l is left
// on every path before its next iteration: a return, a break out of it or
// a panic follows the call unconditionally. The call then runs at most
// once.
func (w *walker) exitsAfter(l *loop, call *ast.CallExpr) bool {
	// The ancestors of the call inside the loop's body, outermost first.
	start := -1
	for i, n := range w.path {
		if n == l.body {
			start = i
		}
	}
	if start < 0 {
		return false
	}
	chain := append(slices.Clone(w.path[start:]), call)
	// A literal run in the loop: only what follows it counts; its own
	// returns end the literal, not the loop.
	for i := len(chain) - 1; i > 0; i-- {
		if _, ok := chain[i].(*ast.FuncLit); ok && chain[i] != l.body {
			chain = chain[:i+1]
			break
		}
	}
	if l.callback {
		return false // a return ends one call of the callback: the next element follows
	}
	// breakable[k]: a for, switch or select lies between the loop's body
	// and chain[k], so that an unlabeled break at chain[k] ends it instead.
	breakable := make([]bool, len(chain))
	for k := 1; k < len(chain); k++ {
		breakable[k] = breakable[k-1] || isBreakable(chain[k-1]) && k-1 > 0
	}
	for k := len(chain) - 1; k >= 1; k-- {
		child := chain[k]
		if _, ok := child.(*ast.ReturnStmt); ok {
			return true // return f(...) in the loop: the call runs once
		}
		var list []ast.Stmt
		switch parent := chain[k-1].(type) {
		case *ast.BlockStmt:
			list = parent.List
		case *ast.CaseClause:
			list = parent.Body
		case *ast.CommClause:
			list = parent.Body
		default:
			continue
		}
		idx := slices.IndexFunc(list, func(s ast.Stmt) bool { return ast.Node(s) == child })
		if idx < 0 {
			continue
		}
		for _, s := range list[idx+1:] {
			switch w.exitKind(s, l, breakable[k]) {
			case exits:
				return true
			case stops:
				return false
			}
		}
	}
	return false
}

type exitResult int

const (
	continues exitResult = iota // control flows to the next statement
	exits                       // the loop is left
	stops                       // control goes elsewhere (continue, goto, an inner break)
)

// exitKind classifies a statement that follows the call in the loop.
func (w *walker) exitKind(s ast.Stmt, l *loop, innerBreakable bool) exitResult {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return exits
	case *ast.BranchStmt:
		switch s.Tok {
		case token.BREAK:
			if s.Label == nil {
				if innerBreakable {
					return stops
				}
				return exits
			}
			if s.Label.Name == l.label || w.labelsOuter(s.Label.Name, l) {
				return exits
			}
			return stops
		case token.CONTINUE:
			if s.Label != nil && s.Label.Name != l.label && w.labelsOuter(s.Label.Name, l) {
				return exits
			}
			return stops
		case token.GOTO:
			return stops
		}
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok && w.noReturn(call) {
			return exits
		}
	case *ast.LabeledStmt:
		return w.exitKind(s.Stmt, l, innerBreakable)
	}
	return continues
}

// labelsOuter reports whether a label names a loop that encloses l.
func (w *walker) labelsOuter(label string, l *loop) bool {
	for _, n := range w.path {
		if n == l.node {
			return false
		}
		if ls, ok := n.(*ast.LabeledStmt); ok && ls.Label.Name == label {
			return true
		}
	}
	return false
}

// noReturn accepts panic and the standard functions that never return.
func (w *walker) noReturn(call *ast.CallExpr) bool {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := w.c.pass.TypesInfo.Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
			return true
		}
	}
	switch analysisutil.FullName(analysisutil.Callee(w.c.pass.TypesInfo, call)) {
	case "os.Exit", "log.Fatal", "log.Fatalf", "log.Fatalln", "log.Panic", "log.Panicf", "log.Panicln", "runtime.Goexit":
		return true
	}
	return false
}

func isBreakable(n ast.Node) bool {
	switch n.(type) {
	case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
		return true
	}
	return false
}
