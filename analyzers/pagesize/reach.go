package pagesize

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// implFact resolves a call through one of the program's own interfaces
// (a repository's ListMemos(ctx, limit)) to the first implementation the
// package can see (declared in it or in the packages of its module it
// imports) whose parameters reach a page-size sink: an unclamped size
// passed through the interface is then reported at the call, as through
// the concrete type. Only the sinks count: what an implementation reads
// whole is its own finding. An interface call's receiver is the
// interface value, at index 0 as the implementation's receiver, so the
// fact's indexes apply as they are. It returns the method and the fact,
// or fn and nil.
func (c *checker) implFact(common *ssa.CallCommon, fn *types.Func) (*types.Func, *pageFact) {
	if fn.Pkg() == nil || knowledge.IsDescribed(fn.Pkg().Path()) || analysisutil.IsStdPath(fn.Pkg().Path()) {
		return fn, nil
	}
	iface, ok := common.Value.Type().Underlying().(*types.Interface)
	if !ok {
		return fn, nil
	}
	for _, m := range c.implementations().Implementations(iface, fn) {
		if f := c.factOf(m); f != nil && len(f.Sinks) > 0 {
			return m, &pageFact{Sinks: f.Sinks}
		}
	}
	return fn, nil
}
