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

// scanSchedulers finds the package's scheduler wrappers, to a fixed
// point (a wrapper of a wrapper), and exports the exported ones as facts.
func (c *checker) scanSchedulers() {
	c.schedParams = make(map[*types.Func][]int)
	info := c.pass.TypesInfo
	type fnDecl struct {
		obj  *types.Func
		decl *ast.FuncDecl
	}
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
