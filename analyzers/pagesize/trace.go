package pagesize

import (
	"fmt"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// A tracer follows a value backwards through SSA, from a page-size sink
// to where it comes from, stopping at upper bounds. What it finds
// unbounded on some path is an origin: request input, or a parameter.
//
// A trace may start sub-traces (is this argument of min request input?
// is this stored value bounded?). A sub-trace has its own results and
// its own seen set, but continues its parent's depth, shares its
// parent's budget of steps, and does not enter a value its ancestors are
// tracing: a phi that feeds min back into itself (mn = min(mn, v) in a
// loop) ends there instead of starting a new sub-trace forever. Every
// recursion of the tracer goes through trace or field, which check the
// seen set, the depth and the budget, so its stack is bounded by
// construction whatever the shape of the function.
type tracer struct {
	c       *checker
	fn      *ssa.Function
	seen    map[visit]bool
	origins []origin
	clamps  []clamp
	depth   int
	shared  *traceShared
	root    ssa.Value // the value traced from the sink, for the fix (fix.go)
	// off: the sink traced is left out when the value is 0 or less, so a
	// write that a non-positive value skips turns it off (nonPositive).
	off bool
	// lower: the trace looks for values that can be 0 or less: its
	// barriers are lower bounds (v > 0), not upper ones.
	lower bool
	// result is the index of the result of the call being followed
	// (an Extract's), or -1.
	result int
}

// traceShared is what a trace shares with its sub-traces.
type traceShared struct {
	active map[visit]bool // values on the stack of the trace or an ancestor
	steps  int            // steps taken by the whole tree of traces
}

// A visit is a value traced where it is used (block at), or field field
// of a struct followed to its use (at nil).
type visit struct {
	v     ssa.Value
	at    *ssa.BasicBlock
	field string
	use   ssa.Instruction
}

// An origin is where an unbounded value comes from: request input
// (source), or a parameter of the function (param, an SSA index where a
// receiver is 0), possibly one field of it.
type origin struct {
	source    string
	nameParam int // the parameter that names the request input, or -1
	param     int
	field     string
	off       bool // a parameter's sink is left out when it is 0 or less
	nonPos    bool // the value 0 or less turns the LIMIT off (nonPositive)
}

// A clamp is a constant upper bound the trace crossed: max is the largest
// value it lets through.
type clamp struct {
	pos token.Pos
	max int64
}

func (c *checker) newTracer(f *ssa.Function) *tracer {
	return &tracer{c: c, fn: f, seen: make(map[visit]bool), shared: &traceShared{active: make(map[visit]bool)}, result: -1}
}

// sub returns a sub-trace of t: see tracer.
func (t *tracer) sub() *tracer {
	return &tracer{c: t.c, fn: t.fn, seen: make(map[visit]bool), depth: t.depth + 1, shared: t.shared, result: -1}
}

// enter reports whether the trace may step into key, and marks it seen
// and active; the caller calls leave when done with it.
func (t *tracer) enter(key visit) bool {
	if t.seen[key] || t.shared.active[key] || t.depth > maxDepth || t.shared.steps >= maxSteps {
		return false
	}
	t.seen[key] = true
	t.shared.active[key] = true
	t.shared.steps++
	t.depth++
	return true
}

func (t *tracer) leave(key visit) {
	delete(t.shared.active, key)
	t.depth--
}

func (t *tracer) addSource(s string) { t.addNamedSource(s, -1) }

// addNamedSource adds request input whose name is parameter nameParam of
// the function (a request helper of the program: QueryIntParam(r,
// "limit", 100)), or -1.
func (t *tracer) addNamedSource(s string, nameParam int) {
	t.addOrigin(origin{source: s, nameParam: nameParam, param: -1})
}

// addOrigin adds an origin once.
func (t *tracer) addOrigin(o origin) {
	if !slices.Contains(t.origins, o) {
		t.origins = append(t.origins, o)
	}
}

func (t *tracer) hasSource() bool {
	for _, o := range t.origins {
		if o.source != "" {
			return true
		}
	}
	return false
}

func (t *tracer) addParam(i int, field string, off bool) {
	t.addOrigin(origin{param: i, field: field, nameParam: -1, off: t.off || off})
}

// maxDepth bounds the nesting of a trace and its sub-traces: the values
// that set page sizes are a few steps from their source. maxSteps bounds
// the work of one trace with all its sub-traces, which do not share
// their seen sets.
const (
	maxDepth = 64
	maxSteps = 4096
)

// trace follows v, used in block at.
func (t *tracer) trace(v ssa.Value, at *ssa.BasicBlock) {
	if v == nil || at == nil {
		return
	}
	if _, ok := v.(*ssa.Const); ok {
		return
	}
	key := visit{v: v, at: at}
	if !t.enter(key) {
		return
	}
	defer t.leave(key)
	if t.boundedAt(v, at) {
		return
	}
	switch v := v.(type) {
	case *ssa.Parameter:
		if i := paramIndex(t.fn, v); i >= 0 && isNumberOrString(v.Type()) {
			t.addParam(i, "", !t.lower && offGuard(at, func(x ssa.Value) bool { return x == v }))
		}
	case *ssa.Phi:
		for i, e := range v.Edges {
			if i >= len(v.Block().Preds) {
				break
			}
			pred := v.Block().Preds[i]
			if t.lower && edgePositive(e, pred, v.Block()) || !t.lower && t.edgeBounds(e, pred, v.Block()) {
				continue
			}
			t.trace(e, pred)
		}
	case *ssa.Convert:
		t.trace(v.X, v.Block())
	case *ssa.ChangeType:
		t.trace(v.X, v.Block())
	case *ssa.MakeInterface:
		t.trace(v.X, v.Block())
	case *ssa.BinOp:
		switch v.Op {
		case token.ADD, token.MUL, token.OR, token.XOR, token.SHL:
			t.trace(v.X, v.Block())
			t.trace(v.Y, v.Block())
		case token.SUB, token.QUO, token.SHR, token.AND_NOT:
			t.trace(v.X, v.Block())
		}
		// x % k and x & k are bounded by k.
	case *ssa.Call:
		t.call(v.Common(), v.Block())
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			old := t.result
			t.result = v.Index
			t.call(call.Common(), call.Block())
			t.result = old
		}
	case *ssa.Lookup:
		t.lookup(v)
	case *ssa.UnOp:
		if v.Op == token.MUL {
			t.load(v)
		}
	case *ssa.Field:
		t.field(v.X, fieldNameOf(v.X.Type(), v.Field), v, false)
	}
}

// ---- barriers ----

// boundedAt reports whether v is bounded from above wherever block at
// runs: a dominating branch was taken only when v is at most some bound.
func (t *tracer) boundedAt(v ssa.Value, at *ssa.BasicBlock) bool {
	for b := at; b != nil; b = b.Idom() {
		if len(b.Preds) != 1 {
			continue
		}
		if t.lower && edgePositive(v, b.Preds[0], b) || !t.lower && t.edgeBounds(v, b.Preds[0], b) {
			return true
		}
	}
	return false
}

// edgeBounds reports whether the branch from pred to succ is taken only
// when v is at most some bound.
func (t *tracer) edgeBounds(v ssa.Value, pred, succ *ssa.BasicBlock) bool {
	if len(pred.Instrs) == 0 || len(pred.Succs) != 2 || pred.Succs[0] == pred.Succs[1] {
		return false
	}
	ifi, ok := pred.Instrs[len(pred.Instrs)-1].(*ssa.If)
	if !ok {
		return false
	}
	return t.condBounds(ifi.Cond, succ == pred.Succs[0], v)
}

// condBounds reports whether cond having the value branch bounds v from
// above: v < k, v <= k, v == k true, or v > k, v >= k false (either way
// round). A constant bound is recorded for the plan check.
func (t *tracer) condBounds(cond ssa.Value, branch bool, v ssa.Value) bool {
	cond, branch = unNot(cond, branch)
	c, ok := cond.(*ssa.BinOp)
	if !ok {
		return false
	}
	op := c.Op
	var other ssa.Value
	switch {
	case same(c.X, v):
		other = c.Y
	case same(c.Y, v):
		other, op = c.X, mirror(op)
	default:
		return false
	}
	strictTrue := op == token.LSS && branch
	strictFalse := op == token.GEQ && !branch
	upper := strictTrue || strictFalse || op == token.LEQ && branch || op == token.GTR && !branch || op == token.EQL && branch
	if !upper {
		return false
	}
	if k, ok := constInt(strip(other)); ok {
		if strictTrue || strictFalse {
			k--
		}
		t.clamps = append(t.clamps, clamp{pos: c.Pos(), max: k})
	}
	return true
}

// unNot strips the negations of a condition (!c taken true is c taken
// false), a bounded number of them.
func unNot(cond ssa.Value, branch bool) (ssa.Value, bool) {
	for range 16 {
		u, ok := cond.(*ssa.UnOp)
		if !ok || u.Op != token.NOT {
			break
		}
		cond, branch = u.X, !branch
	}
	return cond, branch
}

// mirror turns k < v into v > k.
func mirror(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.LEQ:
		return token.GEQ
	case token.GTR:
		return token.LSS
	case token.GEQ:
		return token.LEQ
	}
	return op
}

// same reports whether a and b hold the same number: the same value up to
// conversions, or loads of the same field of the same struct.
func same(a, b ssa.Value) bool {
	a, b = strip(a), strip(b)
	if a == b {
		return true
	}
	fa, fb := fieldLoad(a), fieldLoad(b)
	return fa != nil && fb != nil && fa.X == fb.X && fa.Field == fb.Field
}

// strip removes numeric conversions (a bounded number of them).
func strip(v ssa.Value) ssa.Value {
	for range 16 {
		switch c := v.(type) {
		case *ssa.Convert:
			v = c.X
		case *ssa.ChangeType:
			v = c.X
		default:
			return v
		}
	}
	return v
}

// fieldLoad returns the field address a value is loaded from, or nil.
func fieldLoad(v ssa.Value) *ssa.FieldAddr {
	u, ok := v.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return nil
	}
	fa, _ := u.X.(*ssa.FieldAddr)
	return fa
}

// ---- calls ----

// call follows the result of a call: request input, a parser of it, a
// min() clamp, a helper whose fact says what its result carries.
func (t *tracer) call(common *ssa.CallCommon, at *ssa.BasicBlock) {
	result := t.result
	t.result = -1 // the values followed from here are not this call's results
	if b, ok := common.Value.(*ssa.Builtin); ok {
		t.builtin(b.Name(), common, at)
		return
	}
	fn := calleeObj(common)
	if fn == nil || fn.Pkg() == nil {
		return
	}
	key := knowledge.FuncKey(fn)
	recv, params := splitArgs(common, fn)
	if in, ok := knowledge.RequestInputs[key]; ok {
		what := in.What
		if key == "(net/url.Values).Get" {
			if what = requestValues(recv); what == "" {
				return
			}
		}
		t.namedSource(what, params, in.NameArg)
		return
	}
	if knowledge.Parsers[key] && len(params) > 0 {
		t.trace(params[0], at)
		return
	}
	if i, ok := knowledge.Formatters[key]; ok && i < len(params) {
		sig, _ := fn.Type().(*types.Signature)
		if sig != nil && sig.Variadic() && i == len(params)-1 {
			args := variadic(params[i])
			if format, ok := constString(params[0]); ok && i == 1 {
				if verbs, ok := countVerbs(format); ok {
					// The offset of LIMIT offset, count is no page size.
					args = pick(args, verbs)
				}
			}
			for _, e := range args {
				t.trace(e, at)
			}
		} else {
			t.trace(params[i], at)
		}
		return
	}
	if recv != nil && isProtoMessage(recv.Type()) && strings.HasPrefix(fn.Name(), "Get") && len(params) == 0 {
		// A generated getter reads the field of the same name.
		t.field(recv, strings.TrimPrefix(fn.Name(), "Get"), nil, false)
		return
	}
	f := t.c.factOf(fn)
	if f == nil {
		return
	}
	all := params
	if recv != nil {
		all = append([]ssa.Value{recv}, params...)
	}
	source, sourceName, returns := f.Source, f.SourceName, f.Returns
	if result >= 0 && len(f.SourceResults) > 0 && !slices.Contains(f.SourceResults, result) {
		source = "" // request input in another result (the offset beside a clamped limit)
	}
	if t.lower {
		source, sourceName, returns = f.LowSource, f.LowSourceName, f.LowReturns
	}
	if source != "" {
		t.namedSource(source, all, sourceName-1)
	}
	for _, i := range returns {
		if i < len(all) {
			t.trace(all[i], at)
		}
	}
}

// namedSource adds request input named by argument i of a call: a
// constant names it; a parameter of the function makes the function a
// request helper whose callers name it.
func (t *tracer) namedSource(what string, args []ssa.Value, i int) {
	if i >= 0 && i < len(args) {
		if p, ok := args[i].(*ssa.Parameter); ok {
			if j := paramIndex(t.fn, p); j >= 0 {
				t.addNamedSource(what, j)
				return
			}
		}
	}
	t.addSource(describe(what, argName(args, i)))
}

// builtin follows min and max: min(v, k) bounds v if k is not itself
// unbounded.
func (t *tracer) builtin(name string, common *ssa.CallCommon, at *ssa.BasicBlock) {
	if t.lower {
		// min(v, k) is 0 or less when v is; max(v, k) is positive if a
		// constant k is.
		for _, a := range common.Args {
			if k, ok := constInt(strip(a)); ok && (name == "max" && k > 0 || name == "min" && k <= 0) {
				return
			}
		}
		for _, a := range common.Args {
			t.trace(a, at)
		}
		return
	}
	switch name {
	case "min":
		for _, a := range common.Args {
			if k, ok := constInt(strip(a)); ok {
				t.clamps = append(t.clamps, clamp{pos: common.Pos(), max: k})
				return
			}
		}
		for _, a := range common.Args {
			// A bound that is not request input (a constant, a setting, a
			// parameter) bounds the minimum.
			sub := t.sub()
			sub.trace(a, at)
			if !sub.hasSource() {
				return
			}
		}
		for _, a := range common.Args {
			t.trace(a, at)
		}
	case "max":
		for _, a := range common.Args {
			t.trace(a, at)
		}
	}
}

// lookup follows m[name] on a map of request input (mux.Vars(r)).
func (t *tracer) lookup(l *ssa.Lookup) {
	call, ok := l.X.(*ssa.Call)
	if !ok {
		return
	}
	if what, ok := knowledge.MapInputs[calleeKey(call.Common())]; ok {
		name, _ := constString(l.Index)
		t.addSource(describe(what, name))
	}
}

// ---- fields ----

// load follows a value loaded from memory: a field of a struct.
func (t *tracer) load(u *ssa.UnOp) {
	if fa, ok := u.X.(*ssa.FieldAddr); ok {
		t.field(fa.X, fieldNameOf(fa.X.Type(), fa.Field), u, true)
	}
}

// field follows field name of the struct base points to (or is): a
// struct bound from the request, a gRPC request message, a local struct
// whose field was set in this function, a parameter.
func (t *tracer) field(base ssa.Value, name string, use ssa.Instruction, pointer bool) {
	if name == "" || base == nil {
		return
	}
	key := visit{v: base, field: name, use: use}
	if !t.enter(key) {
		return
	}
	defer t.leave(key)
	root := base
	if u, ok := root.(*ssa.UnOp); ok && u.Op == token.MUL && !pointer {
		root = u.X // a struct value loaded from a variable
	}
	useBlock := t.fn.Blocks[0]
	if use != nil {
		useBlock = use.Block()
	}
	switch r := root.(type) {
	case *ssa.Alloc:
		if binder := boundFrom(r); binder != nil {
			if t.fieldReaches(r, name, binder, use) {
				t.addSource(describe("request field", name))
			}
			return
		}
		t.fieldWriters(r, name, useBlock, use, true) // a new struct's field is zero on entry
	case *ssa.Parameter:
		if isProtoMessage(r.Type()) && isGRPCMethod(t.fn) {
			if t.fieldReaches(r, name, nil, use) {
				t.addSource(describe("request field", name))
			}
			return
		}
		if dominated, _ := t.fieldWriters(r, name, useBlock, use, false); dominated {
			return
		}
		if i := paramIndex(t.fn, r); i >= 0 {
			t.addParam(i, name, !t.lower && offGuard(useBlock, func(x ssa.Value) bool {
				fa := fieldLoad(x)
				return fa != nil && fa.X == r && fieldNameOf(fa.X.Type(), fa.Field) == name
			}))
		}
	case *ssa.Phi:
		// builder = builder.WithX() under an if: each way the builder
		// comes.
		for _, e := range r.Edges {
			t.field(e, name, use, pointer)
		}
	case *ssa.Call:
		// A builder returned by a call: a constructor, or a method that
		// returns its receiver (b.WithLimit(n).Build()).
		if dominated, ok := t.fieldWriters(r, name, useBlock, use, true); dominated || !ok {
			return
		}
		t.resultField(r, name)
	}
}

// resultField follows field name of the struct a call returns: if the
// callee returns one of its pointer parameters (a builder's method that
// returns its receiver), what it writes there, else that parameter's
// field before the call.
func (t *tracer) resultField(call *ssa.Call, name string) {
	fn := calleeObj(call.Common())
	fact := t.c.factOf(fn)
	if fact == nil || len(fact.Aliases) == 0 {
		return // a constructor: what it sets is not followed
	}
	recv, params := splitArgs(call.Common(), fn)
	all := params
	if recv != nil {
		all = append([]ssa.Value{recv}, params...)
	}
	j := fact.Aliases[0]
	if j >= len(all) {
		return
	}
	if ws := fact.writesTo(j, name); len(ws) > 0 {
		t.applyWrites(ws, all, call.Block())
		return
	}
	t.field(unwrapIface(all[j]), name, call, true)
}

// fieldOfArg follows field name of an argument passed to a helper whose
// fact says that field reaches a sink.
func (t *tracer) fieldOfArg(arg ssa.Value, name string, call ssa.CallInstruction) {
	if mi, ok := arg.(*ssa.MakeInterface); ok {
		arg = mi.X
	}
	t.field(arg, name, call, false)
}

// A writer sets field name of a struct: a store, or a call whose fact
// says it sets the field of the argument the struct is.
type writer struct {
	in     ssa.Instruction
	store  *ssa.Store
	args   []ssa.Value  // the call's arguments, the receiver first
	writes []FieldWrite // the call's writes of the field
}

// fieldWriters follows the values written into field name of the
// struct root points to before use (in block at): stores to the field
// (or, for a local struct, of the whole struct: a parameter spilled to
// memory, a copy), and calls that set it by their fact (a builder's
// WithLimit(n)); the last one before the use if one dominates it, else
// every one. dominated says that one does, so the value on entry does not
// reach the use. A call that gets the struct and that the analyzer cannot
// see into may bound the field (p.Normalize()): if strict, the field is
// then given up on (ok false).
func (t *tracer) fieldWriters(root ssa.Value, name string, at *ssa.BasicBlock, use ssa.Instruction, strict bool) (dominated, ok bool) {
	var ws []writer
	for _, in := range callsWith(root) {
		if in == use {
			continue
		}
		common := in.(ssa.CallInstruction).Common()
		fn := calleeObj(common)
		if fn == nil {
			// A function value or a builtin: what it does is unknown.
			if strict {
				return false, false
			}
			continue
		}
		recv, params := splitArgs(common, fn)
		all := params
		if recv != nil {
			all = append([]ssa.Value{recv}, params...)
		}
		fact := t.c.factOf(fn)
		var writes []FieldWrite
		if fact != nil {
			for i, a := range all {
				if unwrapIface(a) == root {
					writes = append(writes, fact.writesTo(i, name)...)
				}
			}
		}
		switch {
		case len(writes) > 0:
			ws = append(ws, writer{in: in, args: all, writes: writes})
		case t.c.knownCallee(common, fn):
			// It does not set the field.
		case strict:
			return false, false
		}
	}
	var stores []*ssa.Store
	if a, ok := root.(*ssa.Alloc); ok {
		stores = flow.FieldStores(flow.Aliases(a), name)
		for _, ref := range *a.Referrers() {
			if st, ok := ref.(*ssa.Store); ok && st.Addr == a {
				stores = append(stores, st)
			}
		}
	} else {
		stores = storesTo(root, name)
	}
	for _, st := range stores {
		ws = append(ws, writer{in: st, store: st})
	}
	var last *writer
	for i := range ws {
		w := &ws[i]
		if !before(w.in, at, use) {
			continue
		}
		if last == nil || before(last.in, w.in.Block(), w.in) {
			last = w
		}
	}
	if last != nil {
		ws = []writer{*last}
		if last.store != nil && last.store.Addr != root && use != nil && !t.fieldReaches(root, name, last.in, use) {
			// Bounded on every path to the use: a clamp after the store
			// (p.Limit, err = strconv.Atoi(s); if p.Limit > 100 {
			// p.Limit = 100 }, as dendrite's federation backfill writes it).
			return true, true
		}
	}
	for _, w := range ws {
		switch {
		case w.store != nil && w.store.Addr == root:
			t.field(w.store.Val, name, w.store, false) // the field of the stored struct
		case w.store != nil:
			t.trace(w.store.Val, w.store.Block())
		default:
			t.applyWrites(w.writes, w.args, w.in.Block())
		}
	}
	return last != nil, true
}

// applyWrites follows the values a call's writes of a field store.
func (t *tracer) applyWrites(writes []FieldWrite, args []ssa.Value, at *ssa.BasicBlock) {
	for _, w := range writes {
		switch {
		case w.Source != "":
			t.addSource(w.Source)
		case w.From >= 0 && w.From < len(args):
			t.trace(args[w.From], at)
		}
		if t.off && w.Skip > 0 && w.Skip-1 < len(args) {
			// A non-positive value leaves the field as it was (zero on a
			// new builder), and the sink is left out when it is zero.
			t.nonPositive(args[w.Skip-1], at)
		}
	}
}

// nonPositive adds, as origins marked nonPos, the request input and the
// parameters that v (used in block at) may carry with a value of 0 or
// less: no dominating branch ensures v > 0, no max(v, 1) lifts it.
func (t *tracer) nonPositive(v ssa.Value, at *ssa.BasicBlock) {
	sub := t.sub()
	sub.lower = true
	sub.trace(v, at)
	for _, o := range sub.origins {
		switch {
		case o.source != "":
			t.addOrigin(origin{source: o.source, nameParam: o.nameParam, param: -1, nonPos: true})
		case o.param >= 0 && o.field == "":
			t.addOrigin(origin{param: o.param, nameParam: -1, nonPos: true})
		}
	}
}

// edgePositive reports whether the branch from pred to succ is taken only
// when v is positive (v > 0, v >= 1, or v <= 0 not taken).
func edgePositive(v ssa.Value, pred, succ *ssa.BasicBlock) bool {
	ifi := branchOf(pred)
	if ifi == nil {
		return false
	}
	return condPositive(ifi.Cond, succ == pred.Succs[0], func(x ssa.Value) bool { return same(x, v) }, false)
}

// branchOf returns the If that ends block b with two distinct
// successors, or nil.
func branchOf(b *ssa.BasicBlock) *ssa.If {
	if len(b.Instrs) == 0 || len(b.Succs) != 2 || b.Succs[0] == b.Succs[1] {
		return nil
	}
	ifi, _ := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	return ifi
}

// condPositive reports whether cond having the value branch means that
// the value match accepts is positive; with nonZero, that it is not 0
// (v != 0) counts too.
func condPositive(cond ssa.Value, branch bool, match func(ssa.Value) bool, nonZero bool) bool {
	cond, branch = unNot(cond, branch)
	c, ok := cond.(*ssa.BinOp)
	if !ok {
		return false
	}
	op, other := c.Op, c.Y
	switch {
	case match(strip(c.X)):
	case match(strip(c.Y)):
		op, other = mirror(op), c.X
	default:
		return false
	}
	k, ok := constInt(strip(other))
	if !ok {
		return false
	}
	switch {
	case op == token.GTR && branch, op == token.LEQ && !branch:
		return k >= 0
	case op == token.GEQ && branch, op == token.LSS && !branch:
		return k >= 1
	case op == token.NEQ && branch, op == token.EQL && !branch:
		return nonZero && k == 0
	}
	return false
}

// offGuard reports whether block at runs only under an if with no else
// whose condition says the value match accepts is positive (or not 0):
// if e.limit > 0 { q += " LIMIT " + ... }. A value of 0 or less then
// skips what the block does.
func offGuard(at *ssa.BasicBlock, match func(ssa.Value) bool) bool {
	for b := at; b != nil; b = b.Idom() {
		if len(b.Preds) != 1 {
			continue
		}
		pred := b.Preds[0]
		ifi := branchOf(pred)
		if ifi == nil {
			continue
		}
		taken := b == pred.Succs[0]
		other := pred.Succs[0]
		if taken {
			other = pred.Succs[1]
		}
		// No else: the other branch goes straight to where both paths
		// join.
		if len(other.Preds) > 1 && condPositive(ifi.Cond, taken, match, true) {
			return true
		}
	}
	return false
}

// before reports whether instruction s runs before every run of use (in
// block at): s's block dominates at, and within one block s comes first.
func before(s ssa.Instruction, at *ssa.BasicBlock, use ssa.Instruction) bool {
	if s.Block() != at {
		return s.Block().Dominates(at)
	}
	if use == nil {
		return true
	}
	for _, in := range at.Instrs {
		switch in {
		case s:
			return true
		case use:
			return false
		}
	}
	return false
}

// fieldReaches reports whether the request's value of field name of the
// struct at root (set by binder, or on entry if binder is nil) can reach
// use with no upper bound: on some path from one to the other, no branch
// bounds the field and no store replaces it with a bounded value.
func (t *tracer) fieldReaches(root ssa.Value, name string, binder ssa.Instruction, use ssa.Instruction) bool {
	if use == nil {
		return true
	}
	start, startIdx := t.fn.Blocks[0], 0
	if binder != nil {
		start, startIdx = binder.Block(), indexOf(binder)+1
	}
	if tagBounds(root.Type(), name) {
		return false
	}
	// Kills: stores of a bounded value, and calls that get the struct and
	// may normalize it (req.Validate(), normalize(&req)).
	kills := make(map[*ssa.BasicBlock][]int)
	for _, s := range storesTo(root, name) {
		sub := t.sub()
		sub.trace(s.Val, s.Block())
		if len(sub.origins) == 0 {
			kills[s.Block()] = append(kills[s.Block()], indexOf(s))
		}
	}
	for _, call := range callsWith(root) {
		if call != binder && call != use {
			kills[call.Block()] = append(kills[call.Block()], indexOf(call))
		}
	}
	killedBetween := func(b *ssa.BasicBlock, from, to int) bool {
		for _, i := range kills[b] {
			if from <= i && i < to {
				return true
			}
		}
		return false
	}
	target, useIdx := use.Block(), indexOf(use)
	if start == target && startIdx <= useIdx {
		return !killedBetween(start, startIdx, useIdx)
	}
	if killedBetween(start, startIdx, len(start.Instrs)) {
		return false
	}
	bounds := func(pred, succ *ssa.BasicBlock) bool {
		ifi, ok := pred.Instrs[len(pred.Instrs)-1].(*ssa.If)
		if !ok || pred.Succs[0] == pred.Succs[1] {
			return false
		}
		return condBoundsField(ifi.Cond, succ == pred.Succs[0], root, name)
	}
	// A search over the blocks, with a work list rather than recursion:
	// a function may have thousands of blocks.
	seen := map[*ssa.BasicBlock]bool{}
	work := []*ssa.BasicBlock{start}
	for len(work) > 0 {
		from := work[len(work)-1]
		work = work[:len(work)-1]
		for _, succ := range from.Succs {
			if seen[succ] || bounds(from, succ) {
				continue
			}
			seen[succ] = true
			if succ == target {
				if !killedBetween(succ, 0, useIdx) {
					return true
				}
				continue
			}
			if !killedBetween(succ, 0, len(succ.Instrs)) {
				work = append(work, succ)
			}
		}
	}
	return false
}

// callsWith returns the calls that get the struct pointer root, directly
// or converted to an interface.
func callsWith(root ssa.Value) []ssa.Instruction {
	var out []ssa.Instruction
	vals := []ssa.Value{root}
	for _, ref := range *root.Referrers() {
		if mi, ok := ref.(*ssa.MakeInterface); ok {
			vals = append(vals, mi)
		}
	}
	for _, v := range vals {
		for _, ref := range *v.Referrers() {
			call, ok := ref.(ssa.CallInstruction)
			if !ok {
				continue
			}
			c := call.Common()
			args := c.Args
			if c.IsInvoke() {
				args = append([]ssa.Value{c.Value}, args...)
			}
			if slices.Contains(args, v) {
				out = append(out, ref)
			}
		}
	}
	return out
}

// tagBounds reports whether field name of the struct t points to carries
// a validation tag that bounds it from above (binding:"max=100" for gin's
// binders, validate:"lte=100" for go-playground/validator).
func tagBounds(t types.Type, name string) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i).Name() != name {
			continue
		}
		tag := reflect.StructTag(st.Tag(i))
		for _, key := range []string{"binding", "validate"} {
			for rule := range strings.SplitSeq(tag.Get(key), ",") {
				if strings.HasPrefix(rule, "max=") || strings.HasPrefix(rule, "lte=") || strings.HasPrefix(rule, "lt=") {
					return true
				}
			}
		}
	}
	return false
}

// condBoundsField is condBounds for a field of a struct in memory: the
// comparison loads field name of root.
func condBoundsField(cond ssa.Value, branch bool, root ssa.Value, name string) bool {
	cond, branch = unNot(cond, branch)
	c, ok := cond.(*ssa.BinOp)
	if !ok {
		return false
	}
	isField := func(v ssa.Value) bool {
		v = strip(v)
		if fa := fieldLoad(v); fa != nil {
			return fa.X == root && fieldNameOf(fa.X.Type(), fa.Field) == name
		}
		if call, ok := v.(*ssa.Call); ok && !call.Call.IsInvoke() && len(call.Call.Args) == 1 && call.Call.Args[0] == root {
			fn := calleeObj(call.Common())
			return fn != nil && fn.Name() == "Get"+name
		}
		return false
	}
	op := c.Op
	switch {
	case isField(c.X):
	case isField(c.Y):
		op = mirror(op)
	default:
		return false
	}
	return (op == token.LSS || op == token.LEQ || op == token.EQL) && branch || (op == token.GTR || op == token.GEQ) && !branch
}

func indexOf(in ssa.Instruction) int {
	for i, x := range in.Block().Instrs {
		if x == in {
			return i
		}
	}
	return -1
}

// storesTo returns the stores to field name of the struct root points
// to: through its aliases if it is a local variable.
func storesTo(root ssa.Value, name string) []*ssa.Store {
	if a, ok := root.(*ssa.Alloc); ok {
		return flow.FieldStores(flow.Aliases(a), name)
	}
	var out []*ssa.Store
	for _, ref := range *root.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.X != root || fieldNameOf(fa.X.Type(), fa.Field) != name {
			continue
		}
		for _, r2 := range *fa.Referrers() {
			if st, ok := r2.(*ssa.Store); ok && st.Addr == fa {
				out = append(out, st)
			}
		}
	}
	return out
}

// ---- request input ----

// boundFrom returns the call that fills the struct a from the request
// (gin's ShouldBind, echo's Bind, json decoding of the body), or nil.
func boundFrom(a *ssa.Alloc) ssa.Instruction {
	for _, alias := range flow.Aliases(a) {
		for _, ref := range *alias.Referrers() {
			v := ssa.Value(alias)
			if mi, ok := ref.(*ssa.MakeInterface); ok {
				v = mi
				for _, r2 := range *mi.Referrers() {
					if isBinder(r2, v) {
						return r2
					}
				}
				continue
			}
			if isBinder(ref, v) {
				return ref
			}
		}
	}
	return nil
}

// isBinder reports whether instruction in is a call that fills the
// struct v points to from the request.
func isBinder(in ssa.Instruction, v ssa.Value) bool {
	call, ok := in.(ssa.CallInstruction)
	if !ok {
		return false
	}
	fn := calleeObj(call.Common())
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	key := knowledge.FuncKey(fn)
	i, ok := knowledge.Binders[key]
	if !ok {
		return false
	}
	recv, params := splitArgs(call.Common(), fn)
	if i >= len(params) || params[i] != v {
		return false
	}
	switch key {
	case "(*encoding/json.Decoder).Decode":
		dec, ok := recv.(*ssa.Call)
		return ok && calleeKey(dec.Common()) == "encoding/json.NewDecoder" && len(dec.Call.Args) == 1 && fromRequestBody(dec.Call.Args[0], 0)
	case "encoding/json.Unmarshal":
		return fromRequestBody(params[0], 0)
	}
	return true
}

// fromRequestBody reports whether v is an *http.Request's Body, or made
// from one by a few calls (http.MaxBytesReader, io.LimitReader,
// io.ReadAll).
func fromRequestBody(v ssa.Value, depth int) bool {
	if depth > 8 {
		return false
	}
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return fromRequestBody(x.X, depth+1)
	case *ssa.ChangeInterface:
		return fromRequestBody(x.X, depth+1)
	case *ssa.UnOp:
		if fa := fieldLoad(x); fa != nil {
			return fieldNameOf(fa.X.Type(), fa.Field) == "Body" && isNamedPtr(fa.X.Type(), knowledge.NetHTTP, "Request")
		}
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok {
			return fromRequestBody(call, depth+1)
		}
	case *ssa.Call:
		for _, a := range x.Call.Args {
			if fromRequestBody(a, depth+2) {
				return true
			}
		}
	}
	return false
}

// requestValues says what request input v holds if it is a request's
// parameters as url.Values (r.URL.Query(), c.QueryParams(), r.Form,
// r.PostForm), or returns "".
func requestValues(v ssa.Value) string {
	switch x := v.(type) {
	case *ssa.Call:
		return knowledge.ValuesInputs[calleeKey(x.Common())]
	case *ssa.UnOp:
		if fa := fieldLoad(x); fa != nil && isNamedPtr(fa.X.Type(), knowledge.NetHTTP, "Request") {
			return knowledge.RequestFields[fieldNameOf(fa.X.Type(), fa.Field)]
		}
	}
	return ""
}

// describe names request input in findings: `query parameter "limit"`.
func describe(what, name string) string {
	if name == "" {
		return what
	}
	return fmt.Sprintf("%s %q", what, name)
}

// argName returns the constant parameter name argument i, or "".
func argName(params []ssa.Value, i int) string {
	if i < 0 || i >= len(params) {
		return ""
	}
	s, _ := constString(params[i])
	return s
}

// ---- types ----

// paramIndex returns the index of p among f's parameters (a receiver is
// 0), or -1 for a closure's free variable or another function's.
func paramIndex(f *ssa.Function, p *ssa.Parameter) int {
	for i, q := range f.Params {
		if q == p {
			return i
		}
	}
	return -1
}

// fieldNameOf returns the name of field i of the struct t is or points to.
func fieldNameOf(t types.Type, i int) string {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	s, ok := t.Underlying().(*types.Struct)
	if !ok || i < 0 || i >= s.NumFields() {
		return ""
	}
	return s.Field(i).Name()
}

func isNamedPtr(t types.Type, pkg, name string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// isProtoMessage reports whether t is a pointer to a generated protobuf
// message.
func isProtoMessage(t types.Type) bool { return analysisutil.IsProtoMessage(t) }

// pick returns the values at the indexes, those it has.
func pick(vs []ssa.Value, indexes []int) []ssa.Value {
	var out []ssa.Value
	for _, i := range indexes {
		if i < len(vs) {
			out = append(out, vs[i])
		}
	}
	return out
}
