package flow

import (
	"fmt"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// DeclaredFuncs returns the declared functions and methods among funcs (not
// function literals, not synthetic wrappers): those an analyzer computes a
// summary, and exports a fact, for.
func DeclaredFuncs(funcs []*ssa.Function) []*ssa.Function {
	var out []*ssa.Function
	for _, f := range funcs {
		if obj, ok := f.Object().(*types.Func); ok && obj != nil && f.Parent() == nil {
			out = append(out, f)
		}
	}
	return out
}

// Fixpoint computes the summaries of a package's declared functions,
// recomputing them until none changes, so that a function calling a
// helper of the same package gets what the helper's summary says whatever
// the order. compute returns a function's summary from the summaries
// known so far, and false when it has none (the function is then absent
// from summaries). Summaries are compared by their String.
func Fixpoint[S fmt.Stringer](declared []*ssa.Function, summaries map[*types.Func]S, compute func(*ssa.Function) (S, bool)) {
	Rounds(func() bool {
		changed := false
		for _, f := range declared {
			obj := f.Object().(*types.Func)
			s, ok := compute(f)
			old, had := summaries[obj]
			switch {
			case !ok:
				if had {
					delete(summaries, obj)
					changed = true
				}
			case !had || old.String() != s.String():
				summaries[obj] = s
				changed = true
			}
		}
		return changed
	})
}
