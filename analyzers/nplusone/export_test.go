package nplusone

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// NewObserved returns an analyzer that also tells observe about every
// call it checks in a loop: whether the call may make a round trip, and
// whether it was reported. Tests count the loops left alone with it.
func NewObserved(cfg Config, observe func(call *ast.CallExpr, roundTrip, reported bool)) *analysis.Analyzer {
	return newAnalyzer(cfg, func(call *ast.CallExpr, p pair, reported bool) {
		observe(call, !p.empty(), reported)
	})
}

// LibraryCall reports whether a call's callee belongs to a database or
// cache library (or database/sql): what a name-based checker would look at.
func LibraryCall(info *types.Info, call *ast.CallExpr) bool {
	fn := analysisutil.Callee(info, call)
	return fn != nil && fn.Pkg() != nil && (knowledge.IsDescribed(fn.Pkg().Path()))
}
