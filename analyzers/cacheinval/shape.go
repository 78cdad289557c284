package cacheinval

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// This file recovers, from SSA values, the shape of a cache key, a TTL,
// and the tables a written value was read from.

// maxDepth bounds the walks over values.
const maxDepth = 16

// shapeOf returns the shape of a key value: literal text with '*' for
// each part perfvet cannot know ("product:*", "user:*:sessions"), or, for
// a key that is one of the current function's parameters, "" and its
// index.
func (c *checker) shapeOf(v ssa.Value) (string, int) {
	clear(c.phiShapes)
	s, p := c.shape(v, 0)
	if strings.Contains(s, loopShape) {
		return "*", -1 // a key built up around a loop
	}
	if p >= 0 {
		return "", p
	}
	return collapse(s), -1
}

func (c *checker) shape(v ssa.Value, depth int) (string, int) {
	if depth > maxDepth || v == nil {
		return "*", -1
	}
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value != nil && v.Value.Kind() == constant.String {
			return constant.StringVal(v.Value), -1
		}
	case *ssa.Parameter:
		if i := slices.Index(c.cur.Params, v); i >= 0 {
			return "", i
		}
	case *ssa.BinOp:
		if v.Op == token.ADD && isStringType(v.Type()) {
			return c.part(v.X, depth) + c.part(v.Y, depth), -1
		}
	case *ssa.Convert:
		return c.shape(v.X, depth+1)
	case *ssa.ChangeType:
		return c.shape(v.X, depth+1)
	case *ssa.MakeInterface:
		return c.shape(v.X, depth+1)
	case *ssa.Phi:
		return c.phiShape(v, depth), -1
	case *ssa.Call:
		return c.callShape(v.Common(), depth), -1
	}
	return "*", -1
}

// loopShape stands for an edge that loops back to a phi being shaped: it
// adds no value of its own.
const loopShape = "\x00loop"

// phiShape is the shape every edge of a phi has, or "*". An edge that
// loops back to a phi on the walk is skipped, and each phi is shaped once
// per walk: without both, the phis of a function's loops that reach each
// other were walked again on every path, exponentially (perfvet ran for
// more than ten minutes on dendrite's storage package before this).
func (c *checker) phiShape(v *ssa.Phi, depth int) string {
	if c.shaping[v] {
		return loopShape
	}
	if s, ok := c.phiShapes[v]; ok {
		return s
	}
	if c.shaping == nil {
		c.shaping = make(map[*ssa.Phi]bool)
		c.phiShapes = make(map[*ssa.Phi]string)
	}
	c.shaping[v] = true
	first, have := "*", false
	for _, e := range v.Edges {
		s := c.part(e, depth)
		if s == loopShape {
			continue
		}
		if have && s != first {
			first = "*"
			break
		}
		first, have = s, true
	}
	delete(c.shaping, v)
	c.phiShapes[v] = first
	return first
}

// part is the shape of a part of a key: a parameter is unknown there.
func (c *checker) part(v ssa.Value, depth int) string {
	s, p := c.shape(v, depth+1)
	if p >= 0 {
		return "*"
	}
	return s
}

// callShape is the shape of a key built by a call: fmt.Sprintf,
// strings.Join, or a key builder whose fact gives its shape.
func (c *checker) callShape(common *ssa.CallCommon, depth int) string {
	fn := staticCallee(common)
	if fn == nil {
		return "*"
	}
	switch analysisutil.FullName(fn) {
	case "fmt.Sprintf":
		if len(common.Args) > 0 {
			if format, ok := constString(common.Args[0]); ok {
				return formatShape(format)
			}
		}
		return "*"
	case "strings.Join":
		if len(common.Args) == 2 {
			sep, ok := constString(common.Args[1])
			elems, ok2 := sliceElems(common.Args[0])
			if ok && ok2 {
				parts := make([]string, len(elems))
				for i, e := range elems {
					parts[i] = c.part(e, depth)
				}
				return strings.Join(parts, sep)
			}
		}
		return "*"
	case "strings.ToLower", "strings.ToUpper", "strings.TrimSpace":
		if len(common.Args) == 1 {
			return c.part(common.Args[0], depth)
		}
	}
	if f := c.factOf(fn); f != nil && f.Key != "" {
		return f.Key
	}
	return "*"
}

// formatShape turns a Sprintf format into a shape: each verb is a '*'.
func formatShape(format string) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		ch := format[i]
		if ch != '%' {
			b.WriteByte(ch)
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			b.WriteByte('%')
			i++
			continue
		}
		// Flags, width, precision and argument indexes, then the verb.
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.[]*", format[j]) >= 0 {
			j++
		}
		b.WriteByte('*')
		i = j
	}
	return b.String()
}

// collapse merges runs of '*'.
func collapse(s string) string {
	for strings.Contains(s, "**") {
		s = strings.ReplaceAll(s, "**", "*")
	}
	if s == "" {
		return "*"
	}
	return s
}

// isFamily reports whether a shape names a family: it has a letter or a
// digit that is not a wildcard.
func isFamily(shape string) bool {
	for _, r := range shape {
		if r != '*' && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return true
		}
	}
	return false
}

// overlap reports whether two shapes may name a common key. In a shape
// recovered from code a '*' stands for one part of a key (an id, a name)
// and matches no ':' of the other shape, so user:* and user:*:sessions
// are two families; in a glob of the plan (planGlob) a '*' matches any
// run, separators included, as plan.GlobMatch reads it. A shape that is
// only '*' (a key perfvet cannot shape) may be any key.
func overlap(a, b string, planGlob bool) bool {
	if a == "*" || b == "*" {
		return true
	}
	// A family named by its in-process cache is that cache's keys: it
	// meets the same cache, or a key that may be anything.
	if ha, hb := holderFamily(a), holderFamily(b); ha != "" || hb != "" {
		return ha == hb
	}
	return matchShapes(a, b, func(c byte) bool { return planGlob || c != ':' })
}

// matchShapes reports whether two shapes may name a common key, where a
// '*' of one matches a run of the other's bytes that eats accepts.
func matchShapes(a, b string, eats func(byte) bool) bool {
	type state struct{ i, j int }
	seen := make(map[state]bool)
	var match func(i, j int) bool
	match = func(i, j int) bool {
		if seen[state{i, j}] {
			return false
		}
		seen[state{i, j}] = true
		switch {
		case i == len(a) && j == len(b):
			return true
		case i < len(a) && a[i] == '*':
			return match(i+1, j) || j < len(b) && eats(b[j]) && match(i, j+1)
		case j < len(b) && b[j] == '*':
			return match(i, j+1) || i < len(a) && eats(a[i]) && match(i+1, j)
		case i < len(a) && j < len(b) && a[i] == b[j]:
			return match(i+1, j+1)
		}
		return false
	}
	return match(0, 0)
}

// ---- TTLs ----

// ttlOf reads a TTL value under a library's convention.
func (c *checker) ttlOf(v ssa.Value, mode knowledge.TTLMode) TTL {
	return c.ttl(v, mode, 0)
}

func (c *checker) ttl(v ssa.Value, mode knowledge.TTLMode, depth int) TTL {
	if depth > maxDepth || v == nil {
		return TTL{State: ttlUnknown}
	}
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value != nil && v.Value.Kind() == constant.Int {
			if n, ok := constant.Int64Val(v.Value); ok {
				return interpret(n, mode)
			}
		}
	case *ssa.Parameter:
		if i := slices.Index(c.cur.Params, v); i >= 0 {
			return TTL{State: ttlParam, Param: i, Mode: uint8(mode)}
		}
	case *ssa.Convert:
		return c.ttl(v.X, mode, depth+1)
	case *ssa.ChangeType:
		return c.ttl(v.X, mode, depth+1)
	case *ssa.Phi:
		var first TTL
		for i, e := range v.Edges {
			t := c.ttl(e, mode, depth+1)
			if t.State == ttlParam || i > 0 && t != first {
				return TTL{State: ttlUnknown}
			}
			first = t
		}
		return first
	}
	return TTL{State: ttlUnknown}
}

// interpret reads a constant TTL.
func interpret(n int64, mode knowledge.TTLMode) TTL {
	switch mode {
	case knowledge.TTLZeroNever:
		if n == 0 {
			return TTL{State: ttlNever}
		}
		if n > 0 {
			return TTL{State: ttlKnown, D: time.Duration(n)}
		}
	case knowledge.TTLSecondsZeroNever, knowledge.TTLItem:
		if n == 0 {
			return TTL{State: ttlNever}
		}
		// memcache reads more than 30 days as a Unix time.
		if n > 0 && n <= 30*24*3600 {
			return TTL{State: ttlKnown, D: time.Duration(n) * time.Second}
		}
	case knowledge.TTLNegativeNever:
		if n < 0 {
			return TTL{State: ttlNever}
		}
		if n > 0 {
			return TTL{State: ttlKnown, D: time.Duration(n)}
		}
	case knowledge.TTLMinusOneNever:
		if n == -1 {
			return TTL{State: ttlNever}
		}
		if n > 0 {
			return TTL{State: ttlKnown, D: time.Duration(n)}
		}
	case knowledge.TTLAlways:
		if n > 0 {
			return TTL{State: ttlKnown, D: time.Duration(n)}
		}
	}
	return TTL{State: ttlUnknown}
}

// ---- values ----

// valueSource returns the tables a written value was read from, and the
// current function's parameter that is the value itself, or -1. It
// follows the value back through conversions, marshalling and other calls
// (whose result is taken to depend on their arguments), to the variables
// that queries scanned into.
func (c *checker) valueSource(v ssa.Value) ([]string, int) {
	tables, param, _ := c.valueOrigin(v)
	return tables, param
}

// valueOrigin is valueSource, with the key families that the functions
// the value comes from write: a value a read-through getter returned
// (one-api's CacheGetUserQuota, which answers from user_quota:* and
// fills it on a miss) is the cached one, and writing it back refreshes
// the entry's TTL, not its row.
func (c *checker) valueOrigin(v ssa.Value) ([]string, int, []string) {
	param := -1
	if p, ok := flow.Unconvert(v).(*ssa.Parameter); ok {
		param = slices.Index(c.cur.Params, p)
	}
	w := &valueWalk{c: c, seen: make(map[ssa.Value]bool), param: -1}
	w.value(v, 0)
	slices.Sort(w.tables)
	if param < 0 {
		param = w.param // the value wrapped in a struct (item{value: v})
	}
	return w.tables, param, w.refills
}

type valueWalk struct {
	c      *checker
	seen   map[ssa.Value]bool
	tables []string
	// refills are the families written by the functions the value came
	// from (valueOrigin).
	refills []string
	// param is a parameter of the current function the value holds, not
	// through a call (stored in a struct the cache keeps), or -1.
	param  int
	inCall int // calls the walk went through
}

func (w *valueWalk) add(tables ...string) {
	for _, t := range tables {
		if t != "" && !slices.Contains(w.tables, t) {
			w.tables = append(w.tables, t)
		}
	}
}

func (w *valueWalk) value(v ssa.Value, depth int) {
	if v == nil || depth > maxDepth || w.seen[v] || len(w.seen) > 400 {
		return
	}
	w.seen[v] = true
	switch v := v.(type) {
	case *ssa.Call:
		w.call(v.Common(), v, depth)
	case *ssa.Extract:
		w.value(v.Tuple, depth+1)
	case *ssa.UnOp:
		w.value(v.X, depth+1)
	case *ssa.MakeInterface:
		w.value(v.X, depth+1)
	case *ssa.ChangeType:
		w.value(v.X, depth+1)
	case *ssa.Convert:
		w.value(v.X, depth+1)
	case *ssa.ChangeInterface:
		w.value(v.X, depth+1)
	case *ssa.TypeAssert:
		w.value(v.X, depth+1)
	case *ssa.Slice:
		w.value(v.X, depth+1)
	case *ssa.Field:
		w.value(v.X, depth+1)
	case *ssa.Index:
		w.value(v.X, depth+1)
	case *ssa.Lookup:
		w.value(v.X, depth+1)
	case *ssa.Phi:
		for _, e := range v.Edges {
			w.value(e, depth+1)
		}
	case *ssa.FieldAddr:
		w.value(v.X, depth+1)
	case *ssa.IndexAddr:
		w.value(v.X, depth+1)
	case *ssa.Alloc:
		w.alloc(v, depth)
	case *ssa.MakeClosure:
		if fn, ok := v.Fn.(*ssa.Function); ok {
			w.results(fn, depth)
		}
	case *ssa.Function:
		w.results(v, depth)
	case *ssa.Parameter:
		if i := slices.Index(w.c.cur.Params, v); i >= 0 && w.inCall == 0 && w.param < 0 {
			w.param = i
		}
		if _, ok := v.Type().Underlying().(*types.Pointer); ok {
			// An active record's receiver, filled by db.Get(s, "SELECT
			// ... FROM sites") or Scan(&s.ID) here, then cached.
			w.alloc(v, depth)
		}
	}
}

// results follows what a function literal returns: the loader a loading
// cache calls on a miss (lcw's Get(key, func() (V, error) {...})). A
// declared function's reads come from its fact.
func (w *valueWalk) results(fn *ssa.Function, depth int) {
	if obj, ok := fn.Object().(*types.Func); ok && obj != nil {
		if f := w.c.factOf(obj); f != nil {
			w.add(f.Reads...)
		}
		return
	}
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) > 0 {
			w.value(ret.Results[0], depth+1)
		}
	}
}

// alloc follows a local variable to what was stored in it and to the
// calls that filled it (Scan(&p.ID), db.First(&p), json.Unmarshal(b, &p)).
func (w *valueWalk) alloc(a ssa.Value, depth int) {
	var visit func(v ssa.Value, d int)
	visit = func(v ssa.Value, d int) {
		if d > 6 {
			return
		}
		for _, ref := range referrers(v) {
			switch ref := ref.(type) {
			case *ssa.Store:
				if ref.Addr == v {
					w.value(ref.Val, depth+1)
				} else if ia, ok := ref.Addr.(*ssa.IndexAddr); ok {
					// &p.ID stored in a variadic call's argument array.
					visit(ia.X, d+1)
				}
			case *ssa.FieldAddr:
				visit(ref, d+1)
			case *ssa.IndexAddr:
				visit(ref, d+1)
			case *ssa.Slice:
				visit(ref, d+1)
			case *ssa.MakeInterface:
				visit(ref, d+1)
			case ssa.CallInstruction:
				result, _ := ref.(*ssa.Call)
				w.call(ref.Common(), result, depth)
			}
		}
	}
	visit(a, 0)
}

// call takes the tables a call reads: a query's, or a function's whose
// fact says it reads them; other calls pass their arguments on.
func (w *valueWalk) call(common *ssa.CallCommon, result *ssa.Call, depth int) {
	c := w.c
	fn := staticCallee(common)
	if fn == nil && common.IsInvoke() {
		fn = common.Method
	}
	if fn != nil {
		if rt, ok := knowledge.LookupRoundTrip(fn, nil); ok {
			if !rt.Lib.IsCache() {
				reads, _ := c.dbEffects(common, fn, rt)
				w.add(reads...)
			}
			return
		}
		if _, ok := knowledge.LookupCacheOp(fn); ok {
			return
		}
		if f := c.factOf(fn); f != nil {
			w.add(f.Reads...)
			for _, o := range f.Ops {
				if o.Kind == "write" && o.KeyParam < 0 && !slices.Contains(w.refills, o.Key) {
					w.refills = append(w.refills, o.Key)
				}
			}
			return
		}
		if fn.Pkg() != nil && knowledge.IsDatabasePackage(fn.Pkg().Path()) {
			// A query builder given the destination (bun's Model(&o)):
			// the query runs further down its chain.
			w.forward(result)
		}
	}
	w.inCall++
	defer func() { w.inCall-- }()
	if common.IsInvoke() {
		w.value(common.Value, depth+1)
	}
	for _, a := range common.Args {
		w.value(a, depth+1)
	}
}

// forward follows a builder call's result to the calls made on it, to
// the round trip that ends the chain.
func (w *valueWalk) forward(result *ssa.Call) {
	if result == nil {
		return
	}
	for range maxDepth {
		call := result
		if call == nil {
			return
		}
		var next *ssa.Call
		for _, ref := range referrers(call) {
			rc, ok := ref.(*ssa.Call)
			if !ok || rc.Common().IsInvoke() || len(rc.Common().Args) == 0 || rc.Common().Args[0] != call {
				continue
			}
			fn := staticCallee(rc.Common())
			if fn == nil {
				continue
			}
			if rt, ok := knowledge.LookupRoundTrip(fn, nil); ok && !rt.Lib.IsCache() {
				reads, _ := w.c.dbEffects(rc.Common(), fn, rt)
				w.add(reads...)
				return
			}
			next = rc
		}
		result = next
	}
}

// ---- helpers ----

func referrers(v ssa.Value) []ssa.Instruction {
	if v == nil || v.Referrers() == nil {
		return nil
	}
	return *v.Referrers()
}

func constString(v ssa.Value) (string, bool) {
	k, ok := flow.ConstValue(flow.Unconvert(v))
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(k.Value), true
}

// sliceElems returns the elements of a slice built from a literal or a
// variadic call's arguments, in order, or false.
func sliceElems(v ssa.Value) ([]ssa.Value, bool) {
	s, ok := v.(*ssa.Slice)
	if !ok {
		return nil, false
	}
	a, ok := s.X.(*ssa.Alloc)
	if !ok {
		return nil, false
	}
	arr, ok := analysisutil.Deref(a.Type()).Underlying().(*types.Array)
	if !ok {
		return nil, false
	}
	elems := make([]ssa.Value, arr.Len())
	for _, ref := range referrers(a) {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		k, ok := ia.Index.(*ssa.Const)
		if !ok {
			return nil, false
		}
		i, ok := constant.Int64Val(k.Value)
		if !ok || i < 0 || int(i) >= len(elems) {
			return nil, false
		}
		for _, r2 := range referrers(ia) {
			if st, ok := r2.(*ssa.Store); ok && st.Addr == ia {
				elems[i] = st.Val
			}
		}
	}
	for _, e := range elems {
		if e == nil {
			return nil, false
		}
	}
	return elems, true
}

func isStringType(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// staticCallee returns the declared function a call statically invokes
// (its generic origin), or nil.
func staticCallee(common *ssa.CallCommon) *types.Func {
	if f := common.StaticCallee(); f != nil {
		if obj, ok := f.Object().(*types.Func); ok {
			return obj.Origin()
		}
		if f.Origin() != nil {
			if obj, ok := f.Origin().Object().(*types.Func); ok {
				return obj
			}
		}
	}
	return nil
}
