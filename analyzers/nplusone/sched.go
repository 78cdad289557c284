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
// receiver not counted) a function hands to a job scheduler.
type schedFact struct {
	Params []int
}

func (*schedFact) AFact() {}

func (f *schedFact) String() string { return fmt.Sprintf("schedules%v", f.Params) }

// schedulerArgs returns the indexes of the arguments of a call that are
// handed to a job scheduler: a cron library's AddFunc (the knowledge
// tables), or a wrapper of one, in this package or another.
func (c *checker) schedulerArgs(fn *types.Func) []int {
	if fn == nil {
		return nil
	}
	if i, ok := knowledge.SchedulerCallbacks[analysisutil.FullName(fn)]; ok {
		return []int{i}
	}
	fn = fn.Origin()
	if fn.Pkg() == c.pass.Pkg {
		return c.schedParams[fn]
	}
	var f schedFact
	if fn.Pkg() != nil && c.pass.ImportObjectFact(fn, &f) {
		return f.Params
	}
	return nil
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
				for _, i := range c.schedulerArgs(analysisutil.Callee(info, call)) {
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
			c.pass.ExportObjectFact(fn, &schedFact{Params: ps})
		}
	}
}

// The program's own job queues. A queue keeps the function it is handed in
// a field (q.handler = handler), and a worker goroutine that drains a
// channel calls that field once per job it receives (for msg := range
// q.queue { q.handler(ctx, msg) }): apache answer's queue.Queue[T] and
// its RegisterHandler. What a caller hands such a method runs per job,
// off the request path, like a cron job: the method is a wrapper of a
// scheduler, and an interface of the package that the queue's type
// implements (queue.Service[T]) carries the same fact, for callers that
// hold the queue through it.

// scanJobQueues adds to c.schedParams the function parameters that the
// package's functions store into a job slot, and the same indexes for
// the methods of the package's interfaces of the same name.
func (c *checker) scanJobQueues(decls []fnDecl) {
	slots := c.jobSlots(decls)
	if len(slots) == 0 {
		return
	}
	info := c.pass.TypesInfo
	byName := make(map[string][]int) // method name → parameters it stores into a slot
	for _, d := range decls {
		params := d.obj.Signature().Params()
		ast.Inspect(d.decl.Body, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != len(as.Rhs) {
				return true
			}
			for i, lhs := range as.Lhs {
				id, ok := ast.Unparen(as.Rhs[i]).(*ast.Ident)
				if !ok || !slots[fieldOf(info, lhs)] {
					continue
				}
				for p := 0; p < params.Len(); p++ {
					if info.Uses[id] == params.At(p) && !slices.Contains(c.schedParams[d.obj], p) {
						c.schedParams[d.obj] = append(c.schedParams[d.obj], p)
						if d.obj.Signature().Recv() != nil {
							byName[d.obj.Name()] = append(byName[d.obj.Name()], p)
						}
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
			}
		}
	}
}

// jobSlots returns the package's fields of function type that a worker
// calls per job: in the body of a range over a channel, directly
// (q.handler(ctx, msg)), through a local variable read from the field
// (h := q.handler; h(ctx, msg)), or in a function of the package that
// body calls (q.processMessage(msg)).
func (c *checker) jobSlots(decls []fnDecl) map[*types.Var]bool {
	info := c.pass.TypesInfo
	declOf := make(map[*types.Func]*ast.FuncDecl, len(decls))
	for _, d := range decls {
		declOf[d.obj] = d.decl
	}
	slots := make(map[*types.Var]bool)
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
					slots[f] = true
				}
				if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok {
					if f := locals[info.Uses[id]]; f != nil {
						slots[f] = true
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
			rs, ok := n.(*ast.RangeStmt)
			if !ok {
				return true
			}
			if tv, ok := info.Types[rs.X]; ok {
				if _, isChan := coreType(tv.Type).(*types.Chan); isChan {
					calls(rs.Body, 2, map[*types.Func]bool{})
				}
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
