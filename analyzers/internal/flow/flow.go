// Package flow answers perfvet's intraprocedural flow questions over SSA:
// where a context comes from, whether a field of a composite literal is
// set anywhere in the function, where a value escapes.
package flow

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// Index maps source positions to the SSA instructions built from them, for
// the analyzers that walk the syntax tree and ask SSA about what they see.
type Index struct {
	calls  map[token.Pos]ssa.CallInstruction // by CallExpr.Lparen
	allocs map[token.Pos]*ssa.Alloc          // by CompositeLit.Lbrace or new(T)'s Lparen
	fn     map[ssa.Instruction]*ssa.Function
}

// NewIndex indexes the instructions of funcs.
func NewIndex(funcs []*ssa.Function) *Index {
	ix := &Index{
		calls:  make(map[token.Pos]ssa.CallInstruction),
		allocs: make(map[token.Pos]*ssa.Alloc),
		fn:     make(map[ssa.Instruction]*ssa.Function),
	}
	for _, f := range funcs {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case ssa.CallInstruction:
					if pos := instr.Common().Pos(); pos.IsValid() {
						ix.calls[pos] = instr
						ix.fn[instr] = f
					}
				case *ssa.Alloc:
					if pos := instr.Pos(); pos.IsValid() {
						if _, dup := ix.allocs[pos]; !dup {
							ix.allocs[pos] = instr
							ix.fn[instr] = f
						}
					}
				}
			}
		}
	}
	return ix
}

// Call returns the call built from the call expression whose left
// parenthesis is at lparen, or nil.
func (ix *Index) Call(lparen token.Pos) ssa.CallInstruction {
	if ix == nil {
		return nil
	}
	return ix.calls[lparen]
}

// Alloc returns the allocation of the composite literal whose left brace
// is at lbrace (or of new(T) whose left parenthesis is there), or nil.
func (ix *Index) Alloc(pos token.Pos) *ssa.Alloc {
	if ix == nil {
		return nil
	}
	return ix.allocs[pos]
}

// Origin says where a context value comes from.
type Origin int

const (
	// Unknown is a field, a request's context, a call perfvet does not know.
	// Most such contexts come from the caller and are fine.
	Unknown Origin = iota
	// Detached is context.Background or context.TODO on every path, possibly
	// wrapped in values or cancellation, but with no deadline.
	Detached
	// Deadline is a context with a deadline made in this function
	// (context.WithTimeout, WithDeadline) on every path.
	Deadline
	// Param is the function's own context parameter, possibly wrapped in
	// values or cancellation.
	Param
)

// A Source is where a context value comes from.
type Source struct {
	Origin    Origin
	Param     *ssa.Parameter // for Param
	Deadlines []*ssa.Call    // for Deadline: the calls that set it
}

// ContextOrigin follows a context.Context value back through the
// context package's derivations to where it was made. When paths
// disagree the answer is Unknown, so callers report only what holds on
// every path.
func ContextOrigin(v ssa.Value) Source {
	var s Source
	s.Origin = contextOrigin(v, &s, make(map[ssa.Value]*visit))
	if s.Origin != Param {
		s.Param = nil
	}
	return s
}

// A visit is the state of one value in a contextOrigin walk: in progress
// (a cycle through a loop's phi answers Unknown) or done, with its answer,
// so that a value two edges of a phi share (ctx, cancel :=
// context.WithTimeout(ctx, d); if x { ctx = context.WithValue(ctx, k, v) })
// gives both edges the same answer.
type visit struct {
	done   bool
	origin Origin
}

func contextOrigin(v ssa.Value, s *Source, seen map[ssa.Value]*visit) Origin {
	if st := seen[v]; st != nil {
		if !st.done {
			return Unknown
		}
		return st.origin
	}
	st := &visit{}
	seen[v] = st
	st.origin = contextOriginOf(v, s, seen)
	st.done = true
	return st.origin
}

func contextOriginOf(v ssa.Value, s *Source, seen map[ssa.Value]*visit) Origin {
	switch v := v.(type) {
	case *ssa.Parameter:
		if s.Param != nil && s.Param != v {
			return Unknown
		}
		s.Param = v
		return Param
	case *ssa.Call:
		name := calleeName(v.Common())
		switch {
		case knowledge.ContextRoots[name]:
			return Detached
		case knowledge.ContextDerivations[name] && len(v.Call.Args) > 0:
			return contextOrigin(v.Call.Args[0], s, seen)
		case programDerivation(v.Common()):
			return contextOrigin(v.Call.Args[0], s, seen)
		}
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok && v.Index == 0 {
			name := calleeName(call.Common())
			if _, ok := knowledge.ContextDeadlines[name]; ok {
				s.Deadlines = append(s.Deadlines, call)
				return Deadline
			}
			if knowledge.ContextDerivations[name] && len(call.Call.Args) > 0 {
				return contextOrigin(call.Call.Args[0], s, seen)
			}
		}
	case *ssa.Phi:
		result := Unknown
		for i, e := range v.Edges {
			o := contextOrigin(e, s, seen)
			if o == Unknown || (i > 0 && o != result) {
				return Unknown
			}
			result = o
		}
		return result
	case *ssa.MakeInterface:
		return contextOrigin(v.X, s, seen)
	case *ssa.ChangeInterface:
		return contextOrigin(v.X, s, seen)
	case *ssa.FreeVar:
		// A literal's context is the one it captured where it is made
		// (the operation handed to a retry helper).
		if b := Binding(v); b != nil {
			return contextOrigin(b, s, seen)
		}
	case *ssa.UnOp:
		// A captured parameter lives in a cell the literal loads from:
		// the one value stored there.
		if v.Op == token.MUL {
			if stored := StoredOnce(v.X); stored != nil {
				return contextOrigin(stored, s, seen)
			}
			if stored := storedBefore(v); stored != nil {
				return contextOrigin(stored, s, seen)
			}
		}
	}
	return Unknown
}

// storedBefore returns the value the last store into a cell before a load
// of it, in the load's block, put there: a parameter that a literal
// captures and that the function then reassigns (gitness'
// executeWebhook: ctx, cancel := context.WithTimeout(ctx, limit), where a
// deferred literal logs with ctx), or nil.
func storedBefore(load *ssa.UnOp) ssa.Value {
	alloc, ok := load.X.(*ssa.Alloc)
	if !ok || load.Block() == nil {
		return nil
	}
	var last ssa.Value
	for _, instr := range load.Block().Instrs {
		if instr == ssa.Instruction(load) {
			return last
		}
		if st, ok := instr.(*ssa.Store); ok && st.Addr == alloc {
			last = st.Val
		}
	}
	return nil
}

// StoredOnce returns the one value stored into a variable's cell (its
// Alloc, or a literal's free variable bound to it), or nil.
func StoredOnce(cell ssa.Value) ssa.Value {
	if fv, ok := cell.(*ssa.FreeVar); ok {
		cell = Binding(fv)
	}
	alloc, ok := cell.(*ssa.Alloc)
	if !ok {
		return nil
	}
	var out ssa.Value
	for _, ref := range Referrers(alloc) {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == alloc {
			if out != nil {
				return nil
			}
			out = st.Val
		}
	}
	return out
}

// programDerivation reports whether a call is of a function of the
// program (not the standard library, not a library the knowledge tables
// describe) that takes a context first and returns one context: a
// helper that derives a context from its argument (3x-ui's
// netsafe.ContextWithAllowPrivate(ctx, allow), a context.WithValue).
func programDerivation(c *ssa.CallCommon) bool {
	fn := c.StaticCallee()
	if fn == nil || fn.Pkg == nil || len(c.Args) == 0 {
		return false
	}
	path := fn.Pkg.Pkg.Path()
	if !strings.Contains(strings.Split(path, "/")[0], ".") || knowledge.IsDescribed(path) {
		return false // the standard library, or a library perfvet knows
	}
	sig := fn.Signature
	return sig.Recv() == nil && sig.Params().Len() > 0 && isContextType(sig.Params().At(0).Type()) &&
		sig.Results().Len() == 1 && isContextType(sig.Results().At(0).Type())
}

func isContextType(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

// RequestContextOrigin follows an *http.Request value back to the
// context it was made with: http.NewRequestWithContext(ctx, ...),
// req.WithContext(ctx) and req.Clone(ctx).
func RequestContextOrigin(v ssa.Value) Source {
	return requestOrigin(v, make(map[ssa.Value]bool))
}

func requestOrigin(v ssa.Value, seen map[ssa.Value]bool) Source {
	if seen[v] {
		return Source{}
	}
	seen[v] = true
	switch v := v.(type) {
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			if v.Index == 0 && calleeName(call.Common()) == "net/http.NewRequestWithContext" && len(call.Call.Args) > 0 {
				return ContextOrigin(call.Call.Args[0])
			}
			return helperRequestOrigin(call, v.Index, seen)
		}
	case *ssa.Call:
		switch calleeName(v.Common()) {
		case "(*net/http.Request).WithContext", "(*net/http.Request).Clone":
			if len(v.Call.Args) > 1 {
				return ContextOrigin(v.Call.Args[1])
			}
		}
		return helperRequestOrigin(v, 0, seen)
	case *ssa.Phi:
		var result Source
		for i, e := range v.Edges {
			o := requestOrigin(e, seen)
			if o.Origin == Unknown || (i > 0 && o.Origin != result.Origin) {
				return Source{}
			}
			result.Origin = o.Origin
			result.Deadlines = append(result.Deadlines, o.Deadlines...)
		}
		return result
	}
	return Source{}
}

// helperRequestOrigin is the context origin of a request that a function
// of the package returns as its result idx, made on every path that
// returns one with the context of one of its parameters (gitness'
// prepareHTTPRequest(ctx, ...), which calls http.NewRequestWithContext
// with it): the origin of what the call hands that parameter. A nil
// result (returned with an error) is no request.
func helperRequestOrigin(call *ssa.Call, idx int, seen map[ssa.Value]bool) Source {
	fn := call.Call.StaticCallee()
	if fn == nil || len(fn.Blocks) == 0 {
		return Source{}
	}
	k := -1
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || idx >= len(ret.Results) {
			continue
		}
		if c, ok := ret.Results[idx].(*ssa.Const); ok && c.IsNil() {
			continue
		}
		o := requestOrigin(ret.Results[idx], seen)
		i := slices.Index(fn.Params, o.Param)
		if o.Origin != Param || i < 0 || k >= 0 && k != i {
			return Source{}
		}
		k = i
	}
	if k < 0 || k >= len(call.Call.Args) {
		return Source{}
	}
	return ContextOrigin(call.Call.Args[k])
}

// calleeName returns the full name of a statically called function.
func calleeName(c *ssa.CallCommon) string {
	if fn := c.StaticCallee(); fn != nil {
		if obj, ok := fn.Object().(*types.Func); ok && obj != nil {
			return obj.Origin().FullName()
		}
		if fn.Origin() != nil {
			if obj, ok := fn.Origin().Object().(*types.Func); ok && obj != nil {
				return obj.FullName()
			}
		}
		return ""
	}
	if c.IsInvoke() && c.Method != nil {
		return c.Method.FullName()
	}
	return ""
}

// CalleeName returns the full name of the function or interface method a
// call instruction invokes, or "".
func CalleeName(c *ssa.CallCommon) string { return calleeName(c) }

// Aliases returns the allocations that hold the value of the composite
// literal alloc: alloc itself, and the variables its value is copied into
// (c := http.Client{...} copies the literal into c's own storage).
func Aliases(alloc *ssa.Alloc) []*ssa.Alloc {
	out := []*ssa.Alloc{alloc}
	for i := 0; i < len(out); i++ {
		for _, ref := range Referrers(out[i]) {
			load, ok := ref.(*ssa.UnOp)
			if !ok || load.Op != token.MUL {
				continue
			}
			for _, r2 := range Referrers(load) {
				if st, ok := r2.(*ssa.Store); ok && st.Val == load {
					if dst, ok := st.Addr.(*ssa.Alloc); ok && !containsAlloc(out, dst) {
						out = append(out, dst)
					}
				}
			}
		}
	}
	return out
}

func containsAlloc(list []*ssa.Alloc, a *ssa.Alloc) bool {
	for _, x := range list {
		if x == a {
			return true
		}
	}
	return false
}

// FieldStores returns the stores to the named field of the struct that
// the allocations hold, anywhere in the function.
func FieldStores(allocs []*ssa.Alloc, field string) []*ssa.Store {
	var out []*ssa.Store
	for _, a := range allocs {
		for _, ref := range Referrers(a) {
			fa, ok := ref.(*ssa.FieldAddr)
			if !ok || fa.X != a || FieldName(fa) != field {
				continue
			}
			for _, r2 := range Referrers(fa) {
				if st, ok := r2.(*ssa.Store); ok && st.Addr == fa {
					out = append(out, st)
				}
			}
		}
	}
	return out
}

// FieldName returns the name of the struct field a FieldAddr addresses.
func FieldName(fa *ssa.FieldAddr) string {
	if f := FieldVar(fa); f != nil {
		return f.Name()
	}
	return ""
}

// StoredIn returns the values that funcs store into struct field f.
func StoredIn(funcs []*ssa.Function, f *types.Var) []ssa.Value {
	var out []ssa.Value
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				st, ok := instr.(*ssa.Store)
				if !ok {
					continue
				}
				if fa, ok := st.Addr.(*ssa.FieldAddr); ok && FieldVar(fa) == f {
					out = append(out, st.Val)
				}
			}
		}
	}
	return out
}

// FieldVar returns the struct field a FieldAddr addresses, or nil.
func FieldVar(fa *ssa.FieldAddr) *types.Var {
	ptr, ok := types.Unalias(fa.X.Type()).Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	st, ok := ptr.Elem().Underlying().(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return nil
	}
	return st.Field(fa.Field)
}

// HandedOff reports whether the pointer held by one of allocs, or the
// struct itself, is passed to a function other than the ones ok accepts,
// where it is made or in a function literal that captures it (spicedb's
// telemetry reporter, a closure handing its client to the helper that
// sends); a callee may then configure it (set its Timeout), so a check of
// the literal alone would be a guess. Loads of a captured variable's cell
// in the function that makes it are not followed.
func HandedOff(allocs []*ssa.Alloc, ok func(*ssa.CallCommon) bool) bool {
	vals := make([]ssa.Value, 0, len(allocs))
	for _, a := range allocs {
		vals = append(vals, a)
	}
	for i := 0; i < len(vals) && i < 16; i++ {
		v := vals[i]
		for _, ref := range Referrers(v) {
			switch ref := ref.(type) {
			case ssa.CallInstruction:
				c := ref.Common()
				if c.Value == v && !c.IsInvoke() {
					continue
				}
				if _, isFV := v.(*ssa.FreeVar); isFV && isCell(v) {
					continue // a cell, handed nowhere: its loads below are
				}
				if !ok(c) {
					return true
				}
			case *ssa.MakeClosure:
				if fv := BoundFreeVar(ref, v); fv != nil {
					vals = append(vals, fv)
				}
			case *ssa.Store:
				// A captured variable lives in a cell, which literals bind.
				if cell, isAlloc := ref.Addr.(*ssa.Alloc); isAlloc && ref.Val == v && cell.Heap {
					for _, cref := range Referrers(cell) {
						if mc, isMC := cref.(*ssa.MakeClosure); isMC {
							if fv := BoundFreeVar(mc, cell); fv != nil {
								vals = append(vals, fv)
							}
						}
					}
				}
			case *ssa.UnOp:
				// The literal's load of the captured variable.
				if _, isFV := v.(*ssa.FreeVar); isFV && ref.Op == token.MUL && isCell(v) {
					vals = append(vals, ref)
				}
			}
		}
	}
	return false
}

// BoundFreeVar returns the free variable of a literal that a closure
// binds to v, or nil (the inverse of Binding).
func BoundFreeVar(mc *ssa.MakeClosure, v ssa.Value) *ssa.FreeVar {
	fn, _ := mc.Fn.(*ssa.Function)
	for j, b := range mc.Bindings {
		if b == v && fn != nil && j < len(fn.FreeVars) {
			return fn.FreeVars[j]
		}
	}
	return nil
}

// isCell reports whether a free variable holds the address of a captured
// variable (a pointer to the client pointer), not the value itself.
func isCell(v ssa.Value) bool {
	p, ok := v.Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	_, inner := p.Elem().Underlying().(*types.Pointer)
	return inner
}

// Referrers returns the instructions that refer to v (none for a value
// without referrers, such as a constant or a function).
func Referrers(v ssa.Value) []ssa.Instruction {
	if v == nil {
		return nil
	}
	refs := v.Referrers()
	if refs == nil {
		return nil
	}
	return *refs
}

// ConstValue returns the constant a value has, if it is one.
func ConstValue(v ssa.Value) (*ssa.Const, bool) {
	c, ok := v.(*ssa.Const)
	return c, ok
}

// ContextUses calls visit for every call that receives the context v, or
// a context derived from it without a new deadline, as argument i (the
// index into CallCommon.Args).
func ContextUses(v ssa.Value, visit func(call ssa.CallInstruction, i int)) {
	seen := make(map[ssa.Value]bool)
	var walk func(v ssa.Value)
	walk = func(v ssa.Value) {
		if v == nil || seen[v] {
			return
		}
		seen[v] = true
		for _, ref := range Referrers(v) {
			switch ref := ref.(type) {
			case *ssa.Phi:
				walk(ref)
			case *ssa.MakeInterface:
				walk(ref)
			case *ssa.ChangeInterface:
				walk(ref)
			case ssa.CallInstruction:
				c := ref.Common()
				name := calleeName(c)
				for i, arg := range c.Args {
					if arg != v {
						continue
					}
					if i == 0 && knowledge.ContextDerivations[name] {
						if call, ok := ref.(*ssa.Call); ok {
							walk(call)
							for _, r2 := range Referrers(call) {
								if ex, ok := r2.(*ssa.Extract); ok && ex.Index == 0 {
									walk(ex)
								}
							}
						}
						continue
					}
					visit(ref, i)
				}
			}
		}
	}
	walk(v)
}

// Unconvert strips the conversions that keep what a value denotes: to an
// interface (boxing), between types of one underlying type, and value
// conversions. SSA values are built before their uses, so the chain ends.
func Unconvert(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.Convert:
			v = x.X
		default:
			return v
		}
	}
}

// Unwrap strips what Unconvert does, and also conversions between
// interfaces and type assertions: the value a router, a server or a
// client was made from, whatever interface it travelled in.
func Unwrap(v ssa.Value) ssa.Value {
	for {
		switch x := Unconvert(v).(type) {
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.TypeAssert:
			v = x.X
		default:
			return x
		}
	}
}

// Binding returns the value a function literal's free variable is bound
// to where the literal is made, or nil.
func Binding(fv *ssa.FreeVar) ssa.Value {
	fn := fv.Parent()
	i := slices.Index(fn.FreeVars, fv)
	if i < 0 || fn.Parent() == nil {
		return nil
	}
	for _, r := range *fn.Referrers() {
		if mc, ok := r.(*ssa.MakeClosure); ok && mc.Fn == fn && i < len(mc.Bindings) {
			return mc.Bindings[i]
		}
	}
	return nil
}

// FuncSyntax returns the type and body of the function declaration or
// literal fn was built from, or nils for a function with no syntax (a
// wrapper, or one built from export data).
func FuncSyntax(fn *ssa.Function) (*ast.FuncType, *ast.BlockStmt) {
	switch syn := fn.Syntax().(type) {
	case *ast.FuncDecl:
		return syn.Type, syn.Body
	case *ast.FuncLit:
		return syn.Type, syn.Body
	}
	return nil, nil
}
