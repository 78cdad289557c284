package nplusone

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/commands"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// This file tells the loops that run once per value of something but are
// not per-element work on a request's data: ticks of a timer, jobs taken
// from a queue, retries and polls, migrations, command-line commands.
// They are reported only with -background.

// ---- timers and channels ----

// isTimerChan reports whether a channel expression delivers a timer's
// ticks: time.Tick(d), time.After(d), t.C of a *time.Ticker or
// *time.Timer, or a variable initialised with one of them.
func (c *checker) isTimerChan(x ast.Expr) bool {
	return c.isTimerChanDepth(x, 0)
}

func (c *checker) isTimerChanDepth(x ast.Expr, depth int) bool {
	info := c.pass.TypesInfo
	switch e := ast.Unparen(x).(type) {
	case *ast.CallExpr:
		switch analysisutil.FullName(analysisutil.Callee(info, e)) {
		case "time.Tick", "time.After":
			return true
		}
	case *ast.SelectorExpr:
		if s := info.Selections[e]; s != nil && s.Kind() == types.FieldVal && e.Sel.Name == "C" {
			return knowledge.TimerChannels[strings.TrimPrefix(analysisutil.TypeName(s.Recv()), "*")]
		}
	case *ast.Ident:
		if depth > 2 {
			return false
		}
		obj, ok := info.Uses[e].(*types.Var)
		if !ok {
			return false
		}
		c.scanVars()
		if init, ok := c.varInit[obj]; ok && !c.mutated[obj] {
			return c.isTimerChanDepth(init, depth+1)
		}
	}
	return false
}

// classifyChan notes, for a range over a channel, where the channel's
// values come from: the calls that return it or whose results are sent on
// it in a loop (resolved once the summaries are known), a send in a loop
// over a result set, and whether the receiving loop is one of a pool of
// goroutines started in a loop.
func (w *walker) classifyChan(l *loop, rs *ast.RangeStmt) {
	if !l.isChan || l.offpath != "" || w.scanOnly {
		return
	}
	c := w.c
	// A pool: the range runs in a goroutine started inside a loop.
	if w.goroutine && len(w.loops) > 0 {
		l.chanPool = true
	}
	x := ast.Unparen(rs.X)
	if call, ok := x.(*ast.CallExpr); ok {
		l.chanSources = append(l.chanSources, call) // a stream a call returns
		return
	}
	id, ok := x.(*ast.Ident)
	if !ok || w.decl == nil {
		return // a field or a global: a queue filled elsewhere
	}
	obj, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || obj.Parent() == c.pass.Pkg.Scope() || obj.Parent() == nil {
		return
	}
	if call := c.definingCall(w.decl.Body, obj); call != nil && !isMake(c.pass.TypesInfo, call) {
		l.chanSources = append(l.chanSources, call)
		return
	}
	// A channel made here: what is sent on it, and in which loop.
	var stack []ast.Node
	ast.Inspect(w.decl.Body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		stack = append(stack, n)
		send, ok := n.(*ast.SendStmt)
		if !ok || rootObj(c.pass.TypesInfo, send.Chan) != obj {
			return true
		}
		for i := len(stack) - 1; i >= 0; i-- {
			switch s := stack[i].(type) {
			case *ast.ForStmt:
				if c.forLoop(s, "").rows {
					l.chanRows = true
				}
				return true
			case *ast.RangeStmt:
				if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok {
					l.chanSources = append(l.chanSources, call)
				} else if v, ok := rootObj(c.pass.TypesInfo, s.X).(*types.Var); ok {
					if call := c.definingCall(w.decl.Body, v); call != nil {
						l.chanSources = append(l.chanSources, call)
					}
				}
				return true
			}
		}
		return true
	})
}

// definingCall returns the call whose result a local variable is
// declared or assigned with (v, err := f()), if there is one such call.
func (c *checker) definingCall(body ast.Node, v types.Object) *ast.CallExpr {
	info := c.pass.TypesInfo
	var found *ast.CallExpr
	ast.Inspect(body, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				id, ok := ast.Unparen(lhs).(*ast.Ident)
				if !ok || (info.Defs[id] != v && info.Uses[id] != v) {
					continue
				}
				rhs := n.Rhs[0]
				if len(n.Rhs) == len(n.Lhs) {
					rhs = n.Rhs[i]
				}
				if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok {
					found = call
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if info.Defs[name] != v || len(n.Values) == 0 {
					continue
				}
				rhs := n.Values[0]
				if len(n.Values) == len(n.Names) {
					rhs = n.Values[i]
				}
				if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok {
					found = call
				}
			}
		}
		return true
	})
	return found
}

// isMake reports whether a call is the builtin make.
func isMake(info *types.Info, call *ast.CallExpr) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == "make"
}

// chanFromQuery reports whether a channel loop's values come from a
// query: sent in a loop over a result set, or from a call that runs one.
func (c *checker) chanFromQuery(l *loop) bool {
	if l.chanRows {
		return true
	}
	for _, call := range l.chanSources {
		if c.ix != nil {
			if ci := c.ix.Call(call.Lparen); ci != nil && c.callReach(ci, false).read != nil {
				return true
			}
			continue
		}
		if c.syntacticReach(call).read != nil {
			return true
		}
	}
	return false
}

// ---- paced loops and retries ----

// waits reports whether a loop's body sleeps or waits on a timer each
// time round (outside nested loops and function literals): time.Sleep,
// <-time.After(d), <-ticker.C.
func (c *checker) waits(body ast.Node) bool {
	found := false
	info := c.pass.TypesInfo
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt:
			return n == body
		case *ast.CallExpr:
			if knowledge.Waits[analysisutil.FullName(analysisutil.Callee(info, n))] {
				found = true
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW && c.isTimerChan(n.X) {
				found = true
			}
		}
		return true
	})
	return found
}

// exitsOnSuccess reports whether the loop is left as soon as the call
// succeeds: its error result is checked with err == nil and that branch
// returns or breaks out of the loop. That is a retry or a fail-over
// (for _, addr := range replicas { if err := ping(addr); err == nil {
// return } }), which runs the call until it works, not once per element.
func (w *walker) exitsOnSuccess(l *loop, call *ast.CallExpr) bool {
	if l.callback {
		return false
	}
	info := w.c.pass.TypesInfo
	// The statement that holds the call, and the list it is in.
	for k := len(w.path) - 1; k >= 1; k-- {
		var errVar types.Object
		switch s := w.path[k].(type) {
		case *ast.AssignStmt:
			errVar = errorLHS(info, s)
		case *ast.IfStmt:
			if as, ok := s.Init.(*ast.AssignStmt); ok && contains(as, call) {
				if v := errorLHS(info, as); v != nil && w.successBranchExits(s, v, l) {
					return true
				}
			}
			continue
		default:
			if n := w.path[k]; n == l.body {
				return false
			}
			continue
		}
		if errVar == nil {
			return false
		}
		if ifs, ok := w.path[k-1].(*ast.IfStmt); ok && ifs.Init == w.path[k] {
			return w.successBranchExits(ifs, errVar, l)
		}
		var list []ast.Stmt
		switch p := w.path[k-1].(type) {
		case *ast.BlockStmt:
			list = p.List
		case *ast.CaseClause:
			list = p.Body
		case *ast.CommClause:
			list = p.Body
		default:
			return false
		}
		for i, st := range list {
			if st != w.path[k] {
				continue
			}
			for _, next := range list[i+1:] {
				if ifs, ok := next.(*ast.IfStmt); ok && w.successBranchExits(ifs, errVar, l) {
					return true
				}
			}
		}
		return false
	}
	return false
}

// successBranchExits reports whether an if statement tests err == nil and
// its branch ends with a return or a break out of the loop.
func (w *walker) successBranchExits(ifs *ast.IfStmt, errVar types.Object, l *loop) bool {
	b, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.EQL {
		return false
	}
	info := w.c.pass.TypesInfo
	isErr := func(e ast.Expr) bool { return rootObj(info, e) == errVar }
	if (!isErr(b.X) || !isNil(info, b.Y)) && (!isErr(b.Y) || !isNil(info, b.X)) || len(ifs.Body.List) == 0 {
		return false
	}
	last := ifs.Body.List[len(ifs.Body.List)-1]
	switch s := last.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.BREAK && (s.Label == nil || s.Label.Name == l.label)
	}
	return false
}

// errorLHS returns the variable of type error an assignment sets, if any.
func errorLHS(info *types.Info, as *ast.AssignStmt) types.Object {
	for _, lhs := range as.Lhs {
		id, ok := ast.Unparen(lhs).(*ast.Ident)
		if !ok {
			continue
		}
		obj := info.Defs[id]
		if obj == nil {
			obj = info.Uses[id]
		}
		if obj != nil && types.Identical(obj.Type(), types.Universe.Lookup("error").Type()) {
			return obj
		}
	}
	return nil
}

func contains(n ast.Node, call *ast.CallExpr) bool {
	return n.Pos() <= call.Pos() && call.End() <= n.End()
}

// constructor reports whether a function is a constructor by Go's naming
// convention: an exported function named New... that returns a value of
// its package's own type (NewManager, NewNodePool). Constructors run at
// start-up, once per component: a heuristic by name, documented.
func (c *checker) constructor(decl *ast.FuncDecl) bool {
	if decl.Recv != nil || !strings.HasPrefix(decl.Name.Name, "New") {
		return false
	}
	fn, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok || !fn.Exported() {
		return false
	}
	res := fn.Signature().Results()
	if res.Len() == 0 {
		return false
	}
	t := res.At(0).Type()
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() == c.pass.Pkg
}

// startsJob reports whether a node starts code that runs as a scheduled
// or background job: a literal or function handed to a scheduler (cron's
// AddFunc), a goroutine started by start-up code (a function named init
// or Init...), or the body of a loop over a timer's ticks or paced by one
// (for range ticker.C, for { ...; time.Sleep(d) }).
func (c *checker) startsJob(n ast.Node, startup bool) bool {
	switch n := n.(type) {
	case *ast.FuncLit:
		return c.offLits[n] == offJob
	case *ast.GoStmt:
		return startup
	case *ast.RangeStmt:
		if tv, ok := c.pass.TypesInfo.Types[n.X]; ok {
			if _, isChan := coreType(tv.Type).(*types.Chan); isChan && c.isTimerChan(n.X) {
				return true
			}
		}
	case *ast.ForStmt:
		return n.Cond == nil && c.waits(n.Body)
	}
	return false
}

// startupDecl reports whether a declared function is start-up code: func
// init, or a function (not a method) whose name starts with init or Init.
func startupDecl(fd *ast.FuncDecl) bool {
	return fd != nil && fd.Recv == nil && initName(fd.Name.Name)
}

// initName reports whether a function's name says it is start-up code:
// init, or a name starting with init or Init.
func initName(name string) bool {
	return strings.HasPrefix(name, "init") || strings.HasPrefix(name, "Init")
}

// ---- migrations and commands ----

// scanOffpath finds the functions of the package that run once per
// migration or command rather than per request: function literals and
// functions handed to a migration library (goose.AddMigration,
// gormigrate.Migration{Migrate: ...}) or held by a command's fields
// (cobra.Command{RunE: ...}), and literals listed in a variable named
// like migrations (var migrations = []func(*sql.Tx) error{...}).
func (c *checker) scanOffpath() {
	c.offLits = make(map[*ast.FuncLit]string)
	c.offFuncs = make(map[*types.Func]string)
	info := c.pass.TypesInfo
	mark := func(e ast.Expr, kind string) {
		switch e := ast.Unparen(e).(type) {
		case *ast.FuncLit:
			c.offLits[e] = kind
		case *ast.Ident, *ast.SelectorExpr:
			if fn, ok := typeutilFunc(info, e); ok && fn.Pkg() == c.pass.Pkg {
				c.offFuncs[fn] = kind
			}
		}
	}
	fieldKind := func(t types.Type, field string) string {
		name := strings.TrimPrefix(analysisutil.TypeName(t), "*")
		for _, f := range knowledge.MigrationStructs[name] {
			if f == field {
				return offMigration
			}
		}
		for _, f := range knowledge.CommandStructs[name] {
			if f == field {
				return offCommand
			}
		}
		return ""
	}
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				tv, ok := info.Types[n]
				if !ok {
					return true
				}
				for _, elt := range n.Elts {
					if kv, ok := elt.(*ast.KeyValueExpr); ok {
						if key, ok := kv.Key.(*ast.Ident); ok {
							if kind := fieldKind(tv.Type, key.Name); kind != "" {
								mark(kv.Value, kind)
							}
						}
					}
				}
			case *ast.CallExpr:
				fn := analysisutil.Callee(info, n)
				for _, i := range knowledge.MigrationCallbacks[analysisutil.FullName(fn)] {
					if i < len(n.Args) {
						mark(n.Args[i], offMigration)
					}
				}
				args, methods := c.scheduled(fn)
				for _, i := range args {
					if i < len(n.Args) {
						mark(n.Args[i], offJob)
						c.markJobMethods(n.Args[i], methods)
					}
				}
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if i >= len(n.Rhs) || len(n.Lhs) != len(n.Rhs) {
						break
					}
					if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok {
						if s := info.Selections[sel]; s != nil && s.Kind() == types.FieldVal {
							if kind := fieldKind(s.Recv(), sel.Sel.Name); kind != "" {
								mark(n.Rhs[i], kind)
							}
						}
					}
					if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && migrationName(id.Name) {
						c.markListed(n.Rhs[i])
					}
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if migrationName(name.Name) && i < len(n.Values) {
						c.markListed(n.Values[i])
					}
				}
			}
			return true
		})
	}
}

// markJobMethods marks the named methods of a value handed to a job
// queue (&autoTagJob{...} handed to stash's JobManager.Add, whose worker
// calls Execute) as jobs, when the package declares them.
func (c *checker) markJobMethods(arg ast.Expr, methods []string) {
	tv, ok := c.pass.TypesInfo.Types[arg]
	if !ok || len(methods) == 0 || isFunc(tv.Type) {
		return
	}
	for _, name := range methods {
		obj, _, _ := types.LookupFieldOrMethod(tv.Type, true, c.pass.Pkg, name)
		if m, ok := obj.(*types.Func); ok && m.Pkg() == c.pass.Pkg {
			c.offFuncs[m.Origin()] = offJob
		}
	}
}

// markListed marks the function literals listed in a composite literal
// (a slice or map of migrations) as migrations.
func (c *checker) markListed(e ast.Expr) {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			elt = kv.Value
		}
		switch v := ast.Unparen(elt).(type) {
		case *ast.FuncLit:
			c.offLits[v] = offMigration
		case *ast.CompositeLit:
			c.markListed(v)
		}
	}
}

// migrationName reports whether a name says it holds migrations:
// migrations, Migrations, schemaMigrations, migrate...
func migrationName(name string) bool {
	return strings.Contains(strings.ToLower(name), "migrat")
}

// declOffpath says why a declared function is not request work: it is a
// migration (in a package or file named for migrations or as a versioned
// migration step, named for one, or handed to a migration library), a
// command's body (a go-flags or kong command's method too), or main.
func (c *checker) declOffpath(fd *ast.FuncDecl, file *ast.File) string {
	if c.pkgOffpath != "" {
		return c.pkgOffpath
	}
	if fd.Recv == nil && fd.Name.Name == "main" && c.pass.Pkg.Name() == "main" {
		return offCommand
	}
	if fn, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
		if kind := c.offFuncs[fn]; kind != "" {
			return kind
		}
		if commands.RunMethod(fn, c.pass.Pkg) {
			return offCommand // a go-flags command's Execute, a kong command's Run
		}
	}
	if strings.HasPrefix(strings.ToLower(fd.Name.Name), "migrat") {
		return offMigration
	}
	if name := filepath.Base(c.pass.Fset.Position(file.Pos()).Filename); strings.HasPrefix(name, "migration") || strings.HasPrefix(name, "migrate") || versionedFile(name) {
		return offMigration
	}
	return ""
}

// versionedFile reports whether a file is named as the migration tools
// name their steps: a version of eight or more digits, an underscore and
// a name (goose's 20210101120000_add_users.go, dendrite's
// 2021041615092700_state_blocks_refactor.go, a one-off over the rows a
// schema change left: judged false when reported).
func versionedFile(name string) bool {
	digits := 0
	for digits < len(name) && name[digits] >= '0' && name[digits] <= '9' {
		digits++
	}
	return digits >= 8 && digits < len(name) && name[digits] == '_'
}

// packageOffpath says whether the whole package holds migrations: a
// segment of its path is migrations, migration, migrate or migrator.
func packageOffpath(path string) string {
	for _, seg := range strings.Split(path, "/") {
		switch seg {
		case "migrations", "migration", "migrate", "migrator", "migrators":
			return offMigration
		case "cron", "crontab", "cronjobs":
			return offJob // a package of scheduled jobs (goatcounter's cron)
		}
	}
	return ""
}

// ---- configuration ----

// configLoop reports whether a range walks configuration: a field of a
// value whose type (or its package) is named for configuration (config,
// conf, settings: cfg.Providers, *config.Config), or any collection in a
// function that runs at start-up (func init, functions named Init...).
// Configuration is read once and is as long as its author wrote it; a
// loop over it is not a loop over the data a request brings.
func (c *checker) configLoop(rs *ast.RangeStmt, decl *ast.FuncDecl) bool {
	if startupDecl(decl) {
		return true
	}
	if decl != nil && c.constructor(decl) {
		return true
	}
	sel, ok := ast.Unparen(rs.X).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	for e := ast.Expr(sel); e != nil; {
		tv, ok := c.pass.TypesInfo.Types[e]
		if ok && configType(tv.Type) {
			return true
		}
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
		case *ast.CallExpr:
			e = x.Fun
		default:
			e = nil
		}
	}
	return false
}

// configType reports whether a type, or the package that declares it, is
// named for configuration.
func configType(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return false
	}
	if _, isStruct := named.Underlying().(*types.Struct); !isStruct {
		return false
	}
	return configName(named.Obj().Name()) || configName(named.Obj().Pkg().Name())
}

func configName(name string) bool {
	n := strings.ToLower(name)
	return strings.HasPrefix(n, "conf") || strings.HasSuffix(n, "config") || strings.HasSuffix(n, "conf") || strings.Contains(n, "setting")
}

// ---- a collection of at most one element ----

// atMostOne reports whether a range's collection was checked, before the
// loop in the same function, to hold at most one element: if len(xs) > 1
// { return ... } (or != 1, >= 2). The loop then runs once at most.
func (w *walker) atMostOne(rs *ast.RangeStmt) bool {
	info := w.c.pass.TypesInfo
	coll := rootObj(info, rs.X)
	if coll == nil {
		return false
	}
	child := ast.Node(rs)
	for i := len(w.path) - 1; i >= 0; i-- {
		block, ok := w.path[i].(*ast.BlockStmt)
		if !ok {
			child = w.path[i]
			continue
		}
		for _, st := range block.List {
			if st == child {
				break
			}
			ifs, ok := st.(*ast.IfStmt)
			if !ok || len(ifs.Body.List) == 0 {
				continue
			}
			if _, ok := ifs.Body.List[len(ifs.Body.List)-1].(*ast.ReturnStmt); !ok {
				continue
			}
			if w.moreThanOne(ifs.Cond, coll) {
				return true
			}
		}
		child = block
	}
	return false
}

// moreThanOne reports whether a condition is len(x) > 1, len(x) >= 2,
// len(x) != 1 or 1 < len(x), x being coll.
func (w *walker) moreThanOne(cond ast.Expr, coll types.Object) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	info := w.c.pass.TypesInfo
	isLen := func(e ast.Expr) bool {
		x := lenArg(info, e)
		return x != nil && rootObj(info, x) == coll
	}
	val := func(e ast.Expr) (int64, bool) {
		tv, ok := info.Types[e]
		if !ok || tv.Value == nil {
			return 0, false
		}
		v, exact := constant.Int64Val(constant.ToInt(tv.Value))
		return v, exact
	}
	switch {
	case isLen(b.X):
		n, ok := val(b.Y)
		return ok && (b.Op == token.GTR && n == 1 || b.Op == token.GEQ && n == 2 || b.Op == token.NEQ && n == 1)
	case isLen(b.Y):
		n, ok := val(b.X)
		return ok && (b.Op == token.LSS && n == 1 || b.Op == token.LEQ && n == 2)
	}
	return false
}

// propagateOffpath extends the migrations and commands to the unexported
// functions of the package that only they call, and only by direct calls
// (a function used as a value, such as a handler registered with a
// router, may run per request): the helpers of a migration or of a
// command run as part of it. func main is not propagated: what it calls
// may serve requests.
func (c *checker) propagateOffpath() {
	info := c.pass.TypesInfo
	type use struct {
		from   *types.Func // the enclosing declared function, nil at package level
		direct bool
		job    bool   // written in a scheduled or background job (startsJob)
		lit    string // written in a function literal that is a migration or a command (cobra.Command{Run: func...}), its kind
	}
	uses := make(map[*types.Func][]use)
	decls := make(map[*types.Func]*ast.FuncDecl)
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if from, _ := info.Defs[fd.Name].(*types.Func); from != nil {
					decls[from] = fd
				}
			}
		}
	}
	// Whether each node starts scheduled or background code (a cron
	// job's literal, a goroutine started at start-up, the body of a timer
	// loop), once per node.
	starts := make(map[ast.Node]bool)
	analysisutil.WalkFuncUses(info, c.pass.Pkg, c.pass.Files, func(fn, from *types.Func, direct bool, path []ast.Node) {
		fd, _ := path[0].(*ast.FuncDecl)
		startup := fd != nil && initName(fd.Name.Name)
		u := use{from: from, direct: direct}
		for _, n := range path {
			job, ok := starts[n]
			if !ok {
				job = c.startsJob(n, startup)
				starts[n] = job
			}
			u.job = u.job || job
			// The kind of the innermost migration's or command's literal.
			if fl, ok := n.(*ast.FuncLit); ok {
				if k := c.offLits[fl]; k == offCommand || k == offMigration {
					u.lit = k
				}
			}
		}
		uses[fn] = append(uses[fn], u)
	})
	kindOf := func(fn *types.Func) string {
		if k := c.offFuncs[fn]; k != "" {
			return k
		}
		if fd := decls[fn]; fd != nil && strings.HasPrefix(strings.ToLower(fd.Name.Name), "migrat") {
			return offMigration
		}
		return ""
	}
	flow.Rounds(func() bool {
		changed := false
		for fn, us := range uses {
			if c.offFuncs[fn] != "" || decls[fn] == nil {
				continue
			}
			// Migrations and commands extend to the unexported functions
			// only they call; scheduled jobs to any function of the
			// package only jobs call (CleanupTokens, called by the cron
			// job InitCleanupTokens schedules), exported or a method.
			others := fn.Exported() || decls[fn].Recv != nil
			kind := ""
			for _, u := range us {
				k := ""
				switch {
				case u.from == fn || !u.direct:
				case u.job, u.from != nil && startupDecl(decls[u.from]):
					// Called in a job, or directly by start-up code
					// (InitLdapAutoSynchronizer calls StartUpAll): it
					// runs once, in the background or at start-up.
					k = offJob
				case u.lit != "":
					k = u.lit
				case u.from != nil:
					k = kindOf(u.from)
				}
				if others && k != offJob {
					k = ""
				}
				if k == "" || kind != "" && k != kind {
					kind = ""
					break
				}
				kind = k
			}
			if kind != "" {
				c.offFuncs[fn] = kind
				changed = true
			}
		}
		return changed
	})
}
