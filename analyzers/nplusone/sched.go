package nplusone

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// This file finds the program's own wrappers of job schedulers: a
// function that hands one of its function parameters to a cron library's
// AddFunc (func Schedule(spec string, f func()) { c.AddFunc(spec, f) }),
// or to another such wrapper. What a caller hands the wrapper is a
// scheduled job, like what it would hand the library itself. The
// wrappers travel to the packages that call them as a schedFact.

// A schedFact says which function parameters (indexes in the signature,
// receiver not counted) a function hands to a job scheduler, and, for a
// parameter of interface type, the methods the queue's worker calls on
// it (Execute of stash's job.JobExec).
type schedFact struct {
	Params  []int
	Methods []string `json:",omitempty"`
}

func (*schedFact) AFact() {}

func (f *schedFact) String() string {
	if len(f.Methods) > 0 {
		return fmt.Sprintf("schedules%v%v", f.Params, f.Methods)
	}
	return fmt.Sprintf("schedules%v", f.Params)
}

// schedulerArgs returns the indexes of the arguments of a call that are
// handed to a job scheduler: a cron library's AddFunc (the knowledge
// tables), or a wrapper of one, in this package or another.
func (c *checker) schedulerArgs(fn *types.Func) []int {
	args, _ := c.scheduled(fn)
	return args
}

// scheduled returns schedulerArgs and the methods that the job's worker
// calls on a value handed to an interface parameter.
func (c *checker) scheduled(fn *types.Func) ([]int, []string) {
	if fn == nil {
		return nil, nil
	}
	if i, ok := knowledge.SchedulerCallbacks[analysisutil.FullName(fn)]; ok {
		return []int{i}, nil
	}
	fn = fn.Origin()
	if fn.Pkg() == c.pass.Pkg {
		return c.schedParams[fn], c.schedMethods[fn]
	}
	var f schedFact
	if fn.Pkg() != nil && c.pass.ImportObjectFact(fn, &f) {
		return f.Params, f.Methods
	}
	return nil, nil
}

type fnDecl struct {
	obj  *types.Func
	decl *ast.FuncDecl
}

// scanSchedulers finds the package's scheduler wrappers, to a fixed
// point (a wrapper of a wrapper), and exports the exported ones as facts.
func (c *checker) scanSchedulers() {
	c.schedParams = make(map[*types.Func][]int)
	info := c.pass.TypesInfo
	var decls []fnDecl
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			if obj, ok := info.Defs[fd.Name].(*types.Func); ok {
				decls = append(decls, fnDecl{obj, fd})
			}
		}
	}
	c.scanJobQueues(decls)
	// Facts settle in at most a few rounds: each round adds a wrapper of
	// a wrapper found in the one before.
	flow.Rounds(func() bool {
		changed := false
		for _, d := range decls {
			params := d.obj.Signature().Params()
			ast.Inspect(d.decl.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				args, methods := c.scheduled(analysisutil.Callee(info, call))
				for _, i := range args {
					if i >= len(call.Args) {
						continue
					}
					id, ok := ast.Unparen(call.Args[i]).(*ast.Ident)
					if !ok {
						continue
					}
					for p := 0; p < params.Len(); p++ {
						if info.Uses[id] == params.At(p) && !slices.Contains(c.schedParams[d.obj], p) {
							c.schedParams[d.obj] = append(c.schedParams[d.obj], p)
							c.addSchedMethods(d.obj, methods)
							changed = true
						}
					}
				}
				return true
			})
		}
		return changed
	})
	if c.library {
		return
	}
	for fn, ps := range c.schedParams {
		if fn.Exported() {
			slices.Sort(ps)
			c.pass.ExportObjectFact(fn, &schedFact{Params: ps, Methods: c.schedMethods[fn]})
		}
	}
}

// addSchedMethods records that fn's queue calls the named methods on the
// interface values it is handed.
func (c *checker) addSchedMethods(fn *types.Func, names []string) {
	if len(names) == 0 {
		return
	}
	if c.schedMethods == nil {
		c.schedMethods = make(map[*types.Func][]string)
	}
	for _, n := range names {
		if !slices.Contains(c.schedMethods[fn], n) {
			c.schedMethods[fn] = append(c.schedMethods[fn], n)
		}
	}
	slices.Sort(c.schedMethods[fn])
}

// The program's own job queues. A queue keeps what it is handed in a
// field (q.handler = handler, or Job{exec: e} appended to the queue), and
// a worker calls that field once per job: the body of a range over a
// channel (for msg := range q.queue { q.handler(ctx, msg) }), or a
// goroutine the queue starts (go m.executeJob(ctx, j), which calls
// j.exec.Execute(ctx, progress)). apache answer's queue.Queue[T] and its
// RegisterHandler hold functions; stash's job.Manager and its Add hold
// job.JobExec values, whose Execute the worker calls. What a caller hands
// such a method runs per job, off the request path, like a cron job: the
// method is a wrapper of a scheduler, and an interface of the package
// that the queue's type implements (queue.Service[T]) carries the same
// fact, for callers that hold the queue through it. For an interface
// value, only the methods the worker calls are the job.

// scanJobQueues adds to c.schedParams the parameters that the package's
// functions store into a job slot (and to c.schedMethods the methods the
// worker calls on an interface slot), and the same for the methods of
// the package's interfaces of the same name.
func (c *checker) scanJobQueues(decls []fnDecl) {
	slots := c.jobSlots(decls)
	if len(slots) == 0 {
		return
	}
	info := c.pass.TypesInfo
	byName := make(map[string][]int) // method name → parameters it stores into a slot
	methodsByName := make(map[string][]string)
	for _, d := range decls {
		params := d.obj.Signature().Params()
		store := func(field *types.Var, rhs ast.Expr) {
			methods, ok := slots[field]
			if !ok {
				return
			}
			id, ok := ast.Unparen(rhs).(*ast.Ident)
			if !ok {
				return
			}
			for p := 0; p < params.Len(); p++ {
				if info.Uses[id] != params.At(p) || slices.Contains(c.schedParams[d.obj], p) {
					continue
				}
				c.schedParams[d.obj] = append(c.schedParams[d.obj], p)
				c.addSchedMethods(d.obj, methods)
				if d.obj.Signature().Recv() != nil {
					byName[d.obj.Name()] = append(byName[d.obj.Name()], p)
					methodsByName[d.obj.Name()] = append(methodsByName[d.obj.Name()], methods...)
				}
			}
		}
		ast.Inspect(d.decl.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) != len(n.Rhs) {
					return true
				}
				for i, lhs := range n.Lhs {
					if f := fieldOf(info, lhs); f != nil {
						store(f, n.Rhs[i])
					}
				}
			case *ast.KeyValueExpr:
				if key, ok := n.Key.(*ast.Ident); ok {
					if f, ok := info.Uses[key].(*types.Var); ok && f.IsField() {
						store(f.Origin(), n.Value)
					}
				}
			}
			return true
		})
	}
	scope := c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		iface, ok := tn.Type().Underlying().(*types.Interface)
		if !ok {
			continue
		}
		for i := 0; i < iface.NumMethods(); i++ {
			if m := iface.Method(i); len(byName[m.Name()]) > 0 {
				c.schedParams[m] = slices.Clone(byName[m.Name()])
				c.addSchedMethods(m, methodsByName[m.Name()])
			}
		}
	}
}

// jobSlots returns the package's fields that a worker calls per job: a
// field of function type called (q.handler(ctx, msg)), directly, through
// a local variable read from the field (h := q.handler; h(ctx, msg)), or
// in a function of the package the worker calls (q.processMessage(msg));
// and a field of interface type whose methods are called
// (j.exec.Execute(ctx, progress)), with the names of those methods. A
// worker is the body of a range over a channel, or a goroutine the
// package starts (go m.executeJob(ctx, j, done)).
func (c *checker) jobSlots(decls []fnDecl) map[*types.Var][]string {
	info := c.pass.TypesInfo
	declOf := make(map[*types.Func]*ast.FuncDecl, len(decls))
	for _, d := range decls {
		declOf[d.obj] = d.decl
	}
	slots := make(map[*types.Var][]string)
	var calls func(n ast.Node, depth int, seen map[*types.Func]bool)
	calls = func(n ast.Node, depth int, seen map[*types.Func]bool) {
		locals := make(map[types.Object]*types.Var) // h := q.handler
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if id, ok := lhs.(*ast.Ident); ok && i < len(n.Rhs) && len(n.Lhs) == len(n.Rhs) {
						if f := fieldOf(info, n.Rhs[i]); f != nil && isFunc(f.Type()) {
							if obj := objOfIdent(info, id); obj != nil {
								locals[obj] = f
							}
						}
					}
				}
			case *ast.CallExpr:
				if f := fieldOf(info, n.Fun); f != nil && isFunc(f.Type()) {
					if _, ok := slots[f]; !ok {
						slots[f] = nil
					}
				}
				if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok {
					if f := locals[info.Uses[id]]; f != nil {
						if _, ok := slots[f]; !ok {
							slots[f] = nil
						}
					}
				}
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
					if f := fieldOf(info, sel.X); f != nil && types.IsInterface(f.Type()) && !slices.Contains(slots[f], sel.Sel.Name) {
						slots[f] = append(slots[f], sel.Sel.Name)
					}
				}
				if fn := analysisutil.Callee(info, n); fn != nil && depth > 0 && !seen[fn.Origin()] {
					if d := declOf[fn.Origin()]; d != nil && d.Body != nil {
						seen[fn.Origin()] = true
						calls(d.Body, depth-1, seen)
					}
				}
			}
			return true
		})
	}
	for _, d := range decls {
		ast.Inspect(d.decl.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.RangeStmt:
				if tv, ok := info.Types[n.X]; ok {
					if _, isChan := coreType(tv.Type).(*types.Chan); isChan {
						calls(n.Body, 2, map[*types.Func]bool{})
					}
				}
			case *ast.GoStmt:
				calls(n.Call, 2, map[*types.Func]bool{})
			}
			return true
		})
	}
	return slots
}

func isFunc(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}
