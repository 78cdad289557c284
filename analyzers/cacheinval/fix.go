package cacheinval

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/analyzers/internal/fixutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// The suggested fix of the never-expires rule: the plan's TTL for the key
// family written where the write says "no expiry". It is offered only
// where that is one edit in the call's own syntax: a constant that means
// no expiry (go-redis Set(ctx, k, v, 0), go-cache's NoExpiration,
// ttlcache's NoTTL, freecache's 0 seconds, a wrapper's TTL parameter
// given 0) replaced by the plan's TTL in the parameter's unit, or a
// memcache.Item or redis.SetArgs literal without its Expiration or TTL
// given one. A TTL held in a variable, an Item built elsewhere, a
// library with no TTL (an LRU, sync.Map) and a plan with no TTL for the
// family get no fix.

// ttlEdits returns the edits that give the write whose TTL syntax is
// node (nil: the call has none) the TTL limit, in the unit of mode.
func (c *checker) ttlEdits(node ast.Node, mode knowledge.TTLMode, limit time.Duration) []analysis.TextEdit {
	e, ok := node.(ast.Expr)
	if !ok || limit <= 0 {
		return nil
	}
	info := c.pass.TypesInfo
	if lit := fixutil.Literal(e); lit != nil {
		// An Item or SetArgs literal that lacks the field: add it.
		switch mode {
		case knowledge.TTLItem:
			return c.addTTLField(lit, "Expiration", mode, limit)
		case knowledge.TTLSetArgs:
			return c.addTTLField(lit, "TTL", knowledge.TTLZeroNever, limit)
		}
		return nil
	}
	if tv, ok := info.Types[e]; !ok || tv.Value == nil {
		return nil // not a constant: what the variable holds is the author's choice
	}
	if mode == knowledge.TTLSetArgs {
		mode = knowledge.TTLZeroNever // the TTL field's value
	}
	value, edits, ok := c.ttlValue(info.TypeOf(e), e, mode, limit)
	if !ok {
		return nil
	}
	return append(edits, analysis.TextEdit{Pos: e.Pos(), End: e.End(), NewText: []byte(value)})
}

// addTTLField adds field, set to limit, to lit.
func (c *checker) addTTLField(lit *ast.CompositeLit, field string, mode knowledge.TTLMode, limit time.Duration) []analysis.TextEdit {
	st, ok := c.pass.TypesInfo.TypeOf(lit).Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var ft types.Type
	for f := range st.Fields() {
		if f.Name() == field {
			ft = f.Type()
		}
	}
	if ft == nil {
		return nil
	}
	value, edits, ok := c.ttlValue(ft, lit, mode, limit)
	if !ok {
		return nil
	}
	e, ok := fixutil.AddFields(c.pass.Fset, lit, fixutil.Field{Key: field, Value: value})
	if !ok {
		return nil
	}
	return append(edits, e)
}

// ttlValue renders limit as a value of type t in mode's unit, valid at
// node's position: a time.Duration expression, or a count of seconds.
func (c *checker) ttlValue(t types.Type, node ast.Node, mode knowledge.TTLMode, limit time.Duration) (string, []analysis.TextEdit, bool) {
	switch mode {
	case knowledge.TTLSecondsZeroNever, knowledge.TTLItem:
		b, ok := t.Underlying().(*types.Basic)
		if !ok || b.Info()&types.IsInteger == 0 || limit%time.Second != 0 {
			return "", nil, false
		}
		return fmt.Sprint(int64(limit / time.Second)), nil, true
	case knowledge.TTLZeroNever, knowledge.TTLNegativeNever, knowledge.TTLMinusOneNever:
		if !isDuration(t) {
			return "", nil, false // a wrapper's int converted to a Duration: its unit is unknown here
		}
		file := fixutil.File(c.pass.Files, node.Pos())
		q, edits, ok := fixutil.Qualifier(c.pass.Pkg, c.pass.TypesInfo, file, node.Pos(), "time", "time")
		if !ok {
			return "", nil, false
		}
		return fixutil.Duration(limit, q), edits, true
	}
	return "", nil, false
}

func isDuration(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "time" && n.Obj().Name() == "Duration"
}

// neverFix gathers the fix of a family's finding: the edits of its first
// write, and of the others in the same file (one cause, one fix), once
// each. Nothing when the first write has no edit.
func (c *checker) neverFix(sites []neverSite) []analysis.SuggestedFix {
	if len(sites) == 0 || len(sites[0].fix) == 0 {
		return nil
	}
	file := fixutil.File(c.pass.Files, sites[0].node.Pos())
	var edits []analysis.TextEdit
	for _, s := range sites {
		if fixutil.File(c.pass.Files, s.node.Pos()) != file {
			continue
		}
		for _, e := range s.fix {
			if !slices.ContainsFunc(edits, func(x analysis.TextEdit) bool {
				return x.Pos == e.Pos && x.End == e.End && string(x.NewText) == string(e.NewText)
			}) {
				edits = append(edits, e)
			}
		}
	}
	return fixutil.Fix("Give the entries the plan's TTL", edits...)
}
