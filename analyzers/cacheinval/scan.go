package cacheinval

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// This file gives a shape to keys read back from the key space: a delete
// of the keys a Redis SCAN or KEYS returned (a delete by prefix) deletes
// keys of the pattern's shape, not any key. A function that returns such
// keys (a ListKeys(prefix) helper) says so in its fact, with the pattern
// left to its parameter when the caller gives the prefix.

// A ScanKeys says that a function returns keys matching a pattern: the
// key its parameter Param gives (an SSA index, the receiver counted),
// followed by Pattern; or Pattern alone when Param is -1.
type ScanKeys struct {
	Pattern string
	Param   int
}

// keysShape returns the shape of the keys a []string value holds when
// they were read back from a Redis SCAN or KEYS, directly or through a
// function whose fact says so: a shape with '*' for unknown parts, or,
// when the pattern starts with one of the current function's parameters,
// that parameter and the rest of the pattern.
func (c *checker) keysShape(v ssa.Value, seen map[ssa.Value]bool) (string, int, bool) {
	if len(seen) > maxDepth || v == nil {
		return "", -1, false
	}
	switch v := v.(type) {
	case *ssa.Extract:
		if v.Index != 0 {
			return "", -1, false
		}
		if call, ok := v.Tuple.(*ssa.Call); ok {
			return c.callKeys(call.Common())
		}
	case *ssa.Call:
		common := v.Common()
		if b, ok := common.Value.(*ssa.Builtin); ok && b.Name() == "append" && len(common.Args) == 2 {
			// append(keys, batch...): the shapes of both must agree.
			return c.mergeKeys([]ssa.Value{common.Args[0], common.Args[1]}, seen)
		}
		return c.callKeys(common)
	case *ssa.Phi:
		if seen[v] {
			return "", -1, false
		}
		seen[v] = true
		s, p, ok := c.mergeKeys(v.Edges, seen)
		delete(seen, v)
		return s, p, ok
	case *ssa.Slice:
		if _, ok := v.X.(*ssa.Alloc); !ok {
			return c.keysShape(v.X, seen)
		}
	}
	return "", -1, false
}

// mergeKeys is the shape of the keys of several slices (a phi's edges,
// append's operands), nil slices left out, if they agree.
func (c *checker) mergeKeys(vs []ssa.Value, seen map[ssa.Value]bool) (string, int, bool) {
	shape, param, found := "", -1, false
	for _, e := range vs {
		if k, ok := e.(*ssa.Const); ok && k.IsNil() {
			continue
		}
		if ph, ok := e.(*ssa.Phi); ok && seen[ph] {
			continue // the loop's own edge
		}
		s, p, ok := c.keysShape(e, seen)
		if !ok || found && (s != shape || p != param) {
			return "", -1, false
		}
		shape, param, found = s, p, true
	}
	return shape, param, found
}

// callKeys is the shape of the keys a call returns: a Redis SCAN or KEYS
// (read through its result's Result or Val), or a function of the
// program whose fact says it returns scanned keys.
func (c *checker) callKeys(common *ssa.CallCommon) (string, int, bool) {
	fn := staticCallee(common)
	if fn == nil {
		return "", -1, false
	}
	if match, ok := c.redisScanMatch(common, fn); ok {
		s, p := c.patternShape(match)
		return s, p, true
	}
	f := c.factOf(fn)
	if f == nil || f.Scan == nil {
		return "", -1, false
	}
	if f.Scan.Param < 0 {
		return f.Scan.Pattern, -1, true
	}
	if f.Scan.Param >= len(common.Args) {
		return "", -1, false
	}
	s, p := c.patternShape(common.Args[f.Scan.Param])
	if p >= 0 {
		return s + f.Scan.Pattern, p, true
	}
	return collapse(s + f.Scan.Pattern), -1, true
}

// redisScanMatch returns the pattern of the SCAN or KEYS whose keys a
// call of (*ScanCmd).Result, (*ScanCmd).Val, (*StringSliceCmd).Result or
// (*StringSliceCmd).Val returns.
func (c *checker) redisScanMatch(common *ssa.CallCommon, fn *types.Func) (ssa.Value, bool) {
	if fn.Pkg() == nil || !knowledge.RedisKeyResultMethods[fn.Name()] {
		return nil, false
	}
	path := fn.Pkg().Path()
	if path != knowledge.Redis9 && path != knowledge.Redis8 {
		return nil, false
	}
	if !knowledge.RedisKeyResults[namedIn(recvType(fn), path)] {
		return nil, false
	}
	cmd, ok := receiverOf(common).(*ssa.Call)
	if !ok {
		return nil, false
	}
	src := commandOf(cmd.Common())
	if src == nil || src.Pkg() == nil || src.Pkg().Path() != path {
		return nil, false
	}
	i, ok := knowledge.RedisScanMatchArg[src.Name()]
	if !ok || !knowledge.IsRedisKeySpace(namedIn(recvType(src), path)) {
		return nil, false
	}
	m := argAt(cmd.Common(), i)
	return m, m != nil
}

// namedIn returns the name of a type (or of what a pointer points to)
// declared in package path, or "".
func namedIn(t types.Type, path string) string {
	if t == nil {
		return ""
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != path {
		return ""
	}
	return n.Obj().Name()
}

// patternShape is the shape of a MATCH pattern: a shape, or, when the
// pattern is one of the current function's parameters followed by
// constant parts (prefix + "*"), that parameter and the rest.
func (c *checker) patternShape(v ssa.Value) (string, int) {
	clear(c.phiShapes)
	v = flow.Unconvert(v)
	if b, ok := v.(*ssa.BinOp); ok && b.Op == token.ADD && isStringType(b.Type()) {
		if s, p := c.patternShape(b.X); p >= 0 {
			return s + c.part(b.Y, 0), p
		}
	}
	return c.shapeOf(v)
}

// returnKeys is what a function returning []string returns on every path,
// when those are keys read back from the key space, or nil.
func (c *checker) returnKeys(fn *ssa.Function) *ScanKeys {
	res := fn.Signature.Results()
	if res.Len() == 0 {
		return nil
	}
	if sl, ok := res.At(0).Type().Underlying().(*types.Slice); !ok || !isStringType(sl.Elem()) {
		return nil
	}
	var out *ScanKeys
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			ret, ok := instr.(*ssa.Return)
			if !ok || len(ret.Results) == 0 {
				continue
			}
			r := ret.Results[0]
			if k, ok := r.(*ssa.Const); ok && k.IsNil() {
				continue // an error path
			}
			s, p, ok := c.keysShape(r, make(map[ssa.Value]bool))
			if !ok || out != nil && (out.Pattern != s || out.Param != p) {
				return nil
			}
			out = &ScanKeys{Pattern: s, Param: p}
		}
	}
	return out
}

// scanKeyOp returns the operation on the keys a Redis SCAN or KEYS
// returned, given to an operation on many keys (Del(ctx, keys...)) or one
// at a time (a range over them, a ScanIterator's Val), with the pattern's
// shape as its key; false if the keys are not such keys.
func (c *checker) scanKeyOp(base Op, keys ssa.Value, one bool) (Op, bool) {
	var (
		s  string
		p  int
		ok bool
	)
	if one {
		s, p, ok = c.scannedKey(keys)
	} else {
		s, p, ok = c.keysShape(keys, make(map[ssa.Value]bool))
	}
	if !ok {
		return Op{}, false
	}
	o := base
	o.Prefix = true
	if p >= 0 {
		o.Key, o.KeyParam = s, p // the caller's prefix, then s
	} else {
		o.Key = collapse(s)
	}
	return o, true
}

// keyOps finishes a library operation whose key is known: it is judged,
// and noted where its key is formed, as libOps does for each key.
func (c *checker) keyOps(instr ssa.CallInstruction, o Op, ttlNode ast.Node, mode knowledge.TTLMode) []Op {
	site := c.callNode(instr)
	c.judgeOp(&o, site, ttlNode, mode, "")
	c.judgeWrapper(&o, site)
	c.noteKey(o, site)
	return []Op{o}
}

// scannedKey is the shape of one key taken from keys read back from the
// key space: an element of such a slice (a range over it), or the Val of
// a ScanIterator.
func (c *checker) scannedKey(v ssa.Value) (string, int, bool) {
	v = flow.Unconvert(v)
	switch v := v.(type) {
	case *ssa.UnOp:
		if ia, ok := v.X.(*ssa.IndexAddr); ok && v.Op == token.MUL {
			return c.keysShape(ia.X, make(map[ssa.Value]bool))
		}
	case *ssa.Index:
		return c.keysShape(v.X, make(map[ssa.Value]bool))
	case *ssa.Call:
		fn := staticCallee(v.Common())
		if fn == nil || fn.Name() != "Val" || fn.Pkg() == nil || namedIn(recvType(fn), fn.Pkg().Path()) != "ScanIterator" {
			return "", -1, false
		}
		path := fn.Pkg().Path()
		if path != knowledge.Redis9 && path != knowledge.Redis8 {
			return "", -1, false
		}
		it, ok := receiverOf(v.Common()).(*ssa.Call)
		if !ok {
			return "", -1, false
		}
		if f := staticCallee(it.Common()); f == nil || f.Name() != "Iterator" {
			return "", -1, false
		}
		cmd, ok := receiverOf(it.Common()).(*ssa.Call)
		if !ok {
			return "", -1, false
		}
		src := commandOf(cmd.Common())
		if src == nil || src.Name() != "Scan" || src.Pkg() == nil || src.Pkg().Path() != path || !knowledge.IsRedisKeySpace(namedIn(recvType(src), path)) {
			return "", -1, false
		}
		if m := argAt(cmd.Common(), knowledge.RedisScanMatchArg["Scan"]); m != nil {
			s, p := c.patternShape(m)
			return s, p, true
		}
	}
	return "", -1, false
}

// commandOf returns the Redis command a call runs: its static callee, or
// the interface method (a UniversalClient's, a Cmdable's).
func commandOf(common *ssa.CallCommon) *types.Func {
	if common.IsInvoke() {
		return common.Method
	}
	return staticCallee(common)
}
