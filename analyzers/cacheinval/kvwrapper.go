package cacheinval

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// This file finds a program's own key-value store that never expires: a
// function that writes the key and the value its caller gives, with no
// TTL (it has no TTL parameter to take one), to Redis, memcache, an
// in-process cache or a map, while nothing visible ever deletes, expires
// or flushes what it writes. The cause is the wrapper, not its callers:
// it is reported once, at its write, with the callers in the package as
// related positions, and its callers are not judged again.

// A wrapperSite is a key-value wrapper's write with no expiry.
type wrapperSite struct {
	fn   *ssa.Function
	node ast.Node
	op   Op
}

// judgeWrapper decides, for a write whose key and value are the current
// function's parameters and that never expires, whether the function is
// a key-value store nothing invalidates; it then marks the write judged,
// so that callers carry it on without judging it again.
func (c *checker) judgeWrapper(o *Op, site ast.Node) {
	if !c.judge || o.Judged || o.Kind != "write" || o.KeyParam < 0 || o.ValueParam < 0 || o.TTL.State != ttlNever {
		return
	}
	if o.ValueParam >= len(c.cur.Params) || o.KeyParam >= len(c.cur.Params) {
		return
	}
	if o.ValueParam == o.KeyParam || c.getOrCreate(site) {
		// A value made from the key alone (m[id] = &state{id: id}), or a
		// new one that LoadOrStore keeps only when the key has none:
		// per-key live state got or created, the only copy there is, not
		// a caller's value kept for it (dagu's chat bots: 2 findings
		// judged false).
		return
	}
	if isSizeBounded(o.Lib) || knowledge.Lib(o.Lib).InProcess() && !isOpaque(c.cur.Params[o.ValueParam].Type()) {
		return // a typed cache of one kind of value, judged by the stale rule
	}
	if isNumber(c.cur.Params[o.ValueParam].Type()) {
		// A store of numbers keeps counts of its own (gorush's stats in
		// Redis, set and incremented), the only copy there is, not a
		// caller's data kept: an expiry would lose them (judged false
		// when reported). Its callers' writes are not judged either.
		o.Judged = true
		return
	}
	if o.Cache != "" {
		if c.isInvalidated(familyKey("*", o.Cache), o.Cache) {
			return
		}
	} else if len(c.invalidated) > 0 || len(c.prefixes) > 0 || c.keyDeleter || len(c.pass.Plan.Cache.Invalidate) > 0 {
		return // some key of the shared cache is dropped, or callers can drop theirs: judge the families at the callers
	}
	o.Judged = true
	if c.reporting && site != nil {
		c.wrappers = append(c.wrappers, wrapperSite{fn: c.cur, node: site, op: *o})
	}
}

// getOrCreate reports whether a write is a sync.Map's LoadOrStore of a
// composite literal made in the call: the entry is created if the key has
// none and kept as it is otherwise, unlike a store's write, which replaces
// it with the caller's newer value.
func (c *checker) getOrCreate(site ast.Node) bool {
	call, ok := site.(*ast.CallExpr)
	if !ok || len(call.Args) != 2 || analysisutil.FullName(analysisutil.Callee(c.pass.TypesInfo, call)) != "(*sync.Map).LoadOrStore" {
		return false
	}
	v := ast.Unparen(call.Args[1])
	if u, ok := v.(*ast.UnaryExpr); ok && u.Op == token.AND {
		v = ast.Unparen(u.X)
	}
	_, lit := v.(*ast.CompositeLit)
	return lit
}

// reportWrappers reports each key-value wrapper once, at its write, with
// its callers in this package.
func (c *checker) reportWrappers() {
	if len(c.wrappers) == 0 {
		return
	}
	callers := make(map[*types.Func][]ast.Node)
	for _, f := range c.declared {
		eachCall(f, func(instr ssa.CallInstruction) {
			if fn := staticCallee(instr.Common()); fn != nil {
				if call := c.callNode(instr); call != nil {
					callers[fn] = append(callers[fn], call)
				}
			}
		})
	}
	seen := make(map[ast.Node]bool)
	for _, w := range c.wrappers {
		if seen[w.node] {
			continue
		}
		seen[w.node] = true
		obj, _ := w.fn.Object().(*types.Func)
		if obj == nil {
			continue
		}
		var related []analysis.RelatedInformation
		for _, call := range callers[obj] {
			related = append(related, analysis.RelatedInformation{Pos: call.Pos(), End: call.End(), Message: "writes through " + analysisutil.Display(obj) + " here"})
		}
		store := "every key"
		if w.op.Cache != "" {
			store = "every key of the in-process cache " + holderName(w.op.Cache)
		}
		limit, _ := c.pass.Plan.TTLFor("*")
		fix := "a TTL parameter"
		if limit > 0 {
			fix = fmt.Sprintf("a TTL parameter (the plan allows %s)", dur(limit))
		}
		n := len(related)
		c.reportRelated(w.node, CategoryNeverExpires, analysisutil.BoundedRelated(c.pass.Fset, related),
			"key-value store %s writes %s with no expiry and nothing in this package or its dependencies deletes, expires or flushes them%s: every entry outlives any change to its data until the cache is flushed or the process restarts; give it %s, or a delete that the write paths call",
			analysisutil.Display(obj), store, callersPhrase(n), fix)
	}
}

func callersPhrase(n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return " (1 caller here)"
	}
	return fmt.Sprintf(" (%d callers here)", n)
}

// isNumber reports whether a type is a number (or a boolean): a count or
// a flag, not data of the caller's kept for it.
func isNumber(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsNumeric|types.IsBoolean) != 0
}
