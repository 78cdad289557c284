package timeouts

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// A callIndex lists, for each function of the package, the calls of it
// made in the package, and the functions used as values (stored, passed,
// returned: called from where the package cannot see).
type callIndex struct {
	calls   map[*ssa.Function][]ssa.CallInstruction
	escapes map[*ssa.Function]bool
	syntax  map[ast.Node]*ssa.Function // functions by their FuncDecl or FuncLit
}

// callers returns the package's call index, built on first use.
func (c *checker) callers() *callIndex {
	if c.calls != nil {
		return c.calls
	}
	c.calls = &callIndex{
		calls:   make(map[*ssa.Function][]ssa.CallInstruction),
		escapes: make(map[*ssa.Function]bool),
		syntax:  make(map[ast.Node]*ssa.Function),
	}
	if c.ssa == nil {
		return c.calls
	}
	_, funcs := c.ssa.SSA()
	var operands []*ssa.Value
	for _, fn := range funcs {
		if syn := fn.Syntax(); syn != nil {
			c.calls.syntax[syn] = fn
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				callee := ssa.Value(nil)
				if ci, ok := instr.(ssa.CallInstruction); ok {
					common := ci.Common()
					if sc := common.StaticCallee(); sc != nil {
						c.calls.calls[sc] = append(c.calls.calls[sc], ci)
						callee = common.Value
					}
				}
				for _, op := range instr.Operands(operands[:0]) {
					if op == nil || *op == nil || *op == callee {
						continue
					}
					if f, ok := (*op).(*ssa.Function); ok {
						c.calls.escapes[f] = true
					}
				}
			}
		}
	}
	return c.calls
}

// localCalls returns every call of fn when the package sees them all: fn
// is unexported, never used as a value, and called at least once.
func (c *checker) localCalls(fn *ssa.Function) []ssa.CallInstruction {
	if fn == nil || fn.Pkg == nil || fn.Pkg.Pkg != c.pass.Pkg {
		return nil
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj == nil || obj.Exported() || fn.Parent() != nil {
		return nil
	}
	ix := c.callers()
	if ix.escapes[fn] {
		return nil
	}
	return ix.calls[fn]
}

// unboundedParam reports whether a *http.Client parameter only ever
// receives clients the client rule reports: the function is one only
// this package calls (localCalls), and every call passes such a client
// (casdoor's downloadImage, handed proxy.ProxyHttpClient through
// getFaviconFileBuffer: the client's Timeout, reported at proxy.go, is
// the one fix).
func (c *checker) unboundedParam(p *ssa.Parameter, depth int) bool {
	fn := p.Parent()
	idx := -1
	for i, q := range fn.Params {
		if q == p {
			idx = i
		}
	}
	calls := c.localCalls(fn)
	if idx < 0 || len(calls) == 0 {
		return false
	}
	for _, call := range calls {
		args := call.Common().Args
		if idx >= len(args) || !c.unboundedClientDepth(args[idx], depth+1) {
			return false
		}
	}
	return true
}

// returnedToHandOff reports whether a client literal is returned by its
// function, and every caller, in this package, of that function passes
// the result on to another function (after a nil check at most), as it
// would the literal itself: woodpecker's httpClientOfOpts, whose caller
// hands the client to the Docker SDK (client.WithHTTPClient), where
// every call takes a context and image pulls and log streams last as
// long as they must. A callee may configure the client, as for a
// literal handed off where it is made (flow.HandedOff).
func (c *checker) returnedToHandOff(allocs []*ssa.Alloc) bool {
	var fn *ssa.Function
	for _, a := range allocs {
		if returnsValue(a, 0) {
			fn = a.Parent()
		}
	}
	calls := c.localCalls(fn)
	if len(calls) == 0 {
		return false
	}
	isClient := isMethodOf(knowledge.NetHTTP, "Client")
	for _, call := range calls {
		v := call.Value()
		if v == nil || !handedOnly(v, isClient, make(map[ssa.Value]bool)) {
			return false
		}
	}
	return true
}

// returnsValue reports whether v reaches a return of its function,
// through conversions to an interface and phis.
func returnsValue(v ssa.Value, depth int) bool {
	if depth > maxClientDepth {
		return false
	}
	for _, ref := range flow.Referrers(v) {
		switch ref := ref.(type) {
		case *ssa.Return:
			return true
		case *ssa.Phi:
			if returnsValue(ref, depth+1) {
				return true
			}
		case *ssa.MakeInterface:
			if returnsValue(ref, depth+1) {
				return true
			}
		}
	}
	return false
}

// handedOnly reports whether a value is only compared (with nil), and
// passed, at least once, to functions that isClient does not accept.
func handedOnly(v ssa.Value, isClient func(*ssa.CallCommon) bool, seen map[ssa.Value]bool) bool {
	if seen[v] || len(seen) > 32 {
		return false
	}
	seen[v] = true
	passed := false
	for _, ref := range flow.Referrers(v) {
		switch ref := ref.(type) {
		case *ssa.BinOp, *ssa.DebugRef:
		case *ssa.Phi, *ssa.MakeInterface:
			if !handedOnly(ref.(ssa.Value), isClient, seen) {
				return false
			}
			passed = true
		case ssa.CallInstruction:
			common := ref.Common()
			if isClient(common) || common.Value == v {
				return false // the client used here, not handed on
			}
			passed = true
		default:
			return false
		}
	}
	return passed
}

// defaultClientUsesBounded reports whether every use of http.DefaultClient
// in the function around sel (held in a local variable, perhaps merged
// with another client: if client == nil { client = http.DefaultClient })
// sends requests that are bounded (boundedRequest): pocketbase's S3
// client sends the requests its callers made with their context. A
// DefaultClient that is returned or stored is followed as a client
// literal is (sendsBounded): gitness' newHTTPClient returns it or a
// client of its own, and both go into fields whose every send is made
// under a deadline.
func (c *checker) defaultClientUsesBounded(fn *ssa.Function) bool {
	return everyDefaultClientUse(fn, func(v ssa.Value, n *int, seen map[ssa.Value]bool) bool {
		if boundedClientUses(v, n, seen) {
			return true
		}
		k, ok := c.sendsBounded(v, 0, nil)
		*n += k
		return ok && k > 0
	})
}

// everyDefaultClientUse reports whether every load of http.DefaultClient
// in fn passes use, which counts what it finds (a send, a copy), and at
// least one was counted.
func everyDefaultClientUse(fn *ssa.Function, use func(v ssa.Value, n *int, seen map[ssa.Value]bool) bool) bool {
	if fn == nil {
		return false
	}
	n := 0
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			load, ok := instr.(*ssa.UnOp)
			if !ok || load.Op != token.MUL || !isDefaultClient(load.X) {
				continue
			}
			if !use(load, &n, make(map[ssa.Value]bool)) {
				return false
			}
		}
	}
	return n > 0
}

// defaultClientCopied reports whether every use of http.DefaultClient in
// fn is copied into a client of its own whose Timeout is set, compared
// with nil on the way (casdoor's notification client: client :=
// *httpClient; if client.Timeout == 0 { client.Timeout = d }).
func defaultClientCopied(fn *ssa.Function) bool {
	return everyDefaultClientUse(fn, copiedWithTimeout)
}

// defaultClientTimed reports whether fn sets a Timeout on http.DefaultClient
// itself wherever it loads it (vela's client := http.DefaultClient;
// client.Timeout = 30 * time.Second; client.Do(req)): the shared client
// then has a timeout, set from a place other code may not expect, but
// not none.
func defaultClientTimed(fn *ssa.Function) bool {
	return everyDefaultClientUse(fn, func(v ssa.Value, n *int, _ map[ssa.Value]bool) bool {
		for _, ref := range flow.Referrers(v) {
			fa, ok := ref.(*ssa.FieldAddr)
			if !ok || fa.X != v || flow.FieldName(fa) != "Timeout" {
				continue
			}
			for _, r := range flow.Referrers(fa) {
				if st, ok := r.(*ssa.Store); ok && st.Addr == fa && !isZeroConst(st.Val) {
					*n++
					return true
				}
			}
		}
		return false
	})
}

// copiedWithTimeout reports whether a client pointer is only compared,
// merged, and dereferenced into variables whose Timeout is set (counted
// in copies).
func copiedWithTimeout(v ssa.Value, copies *int, seen map[ssa.Value]bool) bool {
	if seen[v] {
		return true
	}
	seen[v] = true
	for _, ref := range flow.Referrers(v) {
		switch ref := ref.(type) {
		case *ssa.BinOp, *ssa.DebugRef:
		case *ssa.Phi:
			if !copiedWithTimeout(ref, copies, seen) {
				return false
			}
		case *ssa.UnOp:
			if ref.Op != token.MUL {
				return false
			}
			for _, use := range flow.Referrers(ref) {
				store, ok := use.(*ssa.Store)
				if !ok || store.Val != ref {
					if _, debug := use.(*ssa.DebugRef); debug {
						continue
					}
					return false
				}
				alloc, ok := store.Addr.(*ssa.Alloc)
				if !ok || !setsNonZero(flow.FieldStores(flow.Aliases(alloc), "Timeout")) {
					return false
				}
				*copies++
			}
		default:
			return false
		}
	}
	return true
}

// isDefaultClient reports whether v is the package variable
// http.DefaultClient.
func isDefaultClient(v ssa.Value) bool {
	g, ok := v.(*ssa.Global)
	return ok && g.Pkg != nil && g.Pkg.Pkg.Path() == knowledge.NetHTTP && g.Name() == "DefaultClient"
}

// boundedClientUses reports whether a client value is only compared,
// converted, merged, and used to send bounded requests (counted in sends)
// or close idle connections.
func boundedClientUses(v ssa.Value, sends *int, seen map[ssa.Value]bool) bool {
	if seen[v] {
		return true
	}
	if len(seen) > 32 {
		return false
	}
	seen[v] = true
	for _, ref := range flow.Referrers(v) {
		switch ref := ref.(type) {
		case *ssa.BinOp, *ssa.DebugRef:
		case *ssa.Phi:
			if !boundedClientUses(ref, sends, seen) {
				return false
			}
		case *ssa.MakeInterface:
			if !boundedClientUses(ref, sends, seen) {
				return false
			}
		case *ssa.ChangeInterface:
			if !boundedClientUses(ref, sends, seen) {
				return false
			}
		case ssa.CallInstruction:
			common := ref.Common()
			switch {
			case flow.CalleeName(common) == "(*net/http.Client).CloseIdleConnections":
			case flow.CalleeName(common) == "(*net/http.Client).Do" && len(common.Args) == 2 && common.Args[0] == v:
				if !boundedRequest(common.Args[1]) {
					return false
				}
				*sends++
			case common.IsInvoke() && common.Value == v && common.Method.Name() == "Do" && len(common.Args) == 1 && isPointerTo(common.Args[0].Type(), knowledge.NetHTTP, "Request"):
				// An interface of the program's own (type HTTPClient
				// interface{ Do(*http.Request) (*http.Response, error) }).
				if !boundedRequest(common.Args[0]) {
					return false
				}
				*sends++
			default:
				return false
			}
		default:
			return false
		}
	}
	return true
}

// ssaFunc returns the SSA function of the innermost function declaration
// or literal around the cursor's node, or nil.
func (c *checker) ssaFunc(cur inspector.Cursor) *ssa.Function {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return c.callers().syntax[fc.Node()]
	}
	return nil
}

// userChosenDefault reports whether every http.DefaultClient the function
// uses goes, as it is or wrapped by a call that returns an *http.Client
// (httputil.WrapClient), into struct fields that the package also lets
// its users set: an exported function or method stores an *http.Client
// parameter there (a SetClient, a NewClient(url, client)). The default
// client is then an SDK's convenience, the standard library's own default,
// and a user who needs a timeout passes a client (woodpecker's Go SDK:
// New(url) wraps http.DefaultClient, NewClient(url, client) and SetClient
// take the user's; judged false).
func (c *checker) userChosenDefault(fn *ssa.Function) bool {
	if fn == nil {
		return false
	}
	found := false
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			load, ok := instr.(*ssa.UnOp)
			if !ok || load.Op != token.MUL || !isDefaultClient(load.X) {
				continue
			}
			fields, ok := clientFields(load, 0)
			if !ok || len(fields) == 0 {
				return false
			}
			for _, f := range fields {
				if !c.userSettable(f) {
					return false
				}
			}
			found = true
		}
	}
	return found
}

// nilFallbackAssign reports whether http.DefaultClient (sel) is assigned
// to an *http.Client parameter under if param == nil: the caller chooses
// the client, and a caller that passes nil is where the default is
// chosen (pocket-id's SCIM service and OIDC redirect client are given the
// application's client). Decided from the syntax, so that a package that
// does not type-check whole (no SSA form) is judged the same.
func nilFallbackAssign(info *types.Info, cur inspector.Cursor, sel *ast.SelectorExpr) bool {
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 || as.Rhs[0] != ast.Expr(sel) {
		return false
	}
	id, ok := ast.Unparen(as.Lhs[0]).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || !isPointerTo(v.Type(), knowledge.NetHTTP, "Client") {
		return false
	}
	for anc := range cur.Enclosing((*ast.IfStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		ifs, ok := anc.Node().(*ast.IfStmt)
		if !ok {
			return false // reached the function: not under an if
		}
		cond, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
		if !ok || cond.Op != token.EQL {
			return false
		}
		x, ok := ast.Unparen(cond.X).(*ast.Ident)
		return ok && info.Uses[x] == v && isNil(info, cond.Y) && isParam(anc, v)
	}
	return false
}

// isNil reports whether e is the predeclared nil.
func isNil(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, ok = info.Uses[id].(*types.Nil)
	return ok
}

// isParam reports whether v is a parameter of the function around cur.
func isParam(cur inspector.Cursor, v *types.Var) bool {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		ft, _ := analysisutil.FuncParts(fc.Node())
		for _, field := range ft.Params.List {
			for _, name := range field.Names {
				if name.Pos() == v.Pos() {
					return true
				}
			}
		}
		return false
	}
	return false
}

// clientFields returns the struct fields a client value is stored into,
// directly or once wrapped by calls that take it and return an
// *http.Client; ok is false when the value has any other use.
func clientFields(v ssa.Value, depth int) (fields []*types.Var, ok bool) {
	if depth > 2 {
		return nil, false
	}
	for _, ref := range flow.Referrers(v) {
		switch ref := ref.(type) {
		case *ssa.DebugRef:
		case *ssa.Store:
			fa, isField := ref.Addr.(*ssa.FieldAddr)
			if !isField || ref.Val != v {
				return nil, false
			}
			f := flow.FieldVar(fa)
			if f == nil {
				return nil, false
			}
			fields = append(fields, f)
		case *ssa.Call:
			if !isPointerTo(ref.Type(), knowledge.NetHTTP, "Client") || ref.Call.Value == v {
				return nil, false
			}
			more, ok := clientFields(ref, depth+1)
			if !ok {
				return nil, false
			}
			fields = append(fields, more...)
		default:
			return nil, false
		}
	}
	return fields, true
}

// userSettable reports whether an exported function or method of the
// package stores an *http.Client parameter, as it is or wrapped
// (clientFields), into the struct field f.
func (c *checker) userSettable(f *types.Var) bool {
	if c.ssa == nil {
		return false
	}
	if done, ok := c.settable[f]; ok {
		return done
	}
	_, funcs := c.ssa.SSA()
	result := false
	for _, fn := range funcs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || obj == nil || !obj.Exported() || fn.Parent() != nil {
			continue
		}
		for _, p := range fn.Params {
			if !isPointerTo(p.Type(), knowledge.NetHTTP, "Client") {
				continue
			}
			for _, g := range storedFields(p, 0) {
				if g == f {
					result = true
				}
			}
		}
	}
	if c.settable == nil {
		c.settable = make(map[*types.Var]bool)
	}
	c.settable[f] = result
	return result
}

// callerChosen reports whether the function that makes the client
// literal stores it into field f as a default that the same function
// replaces with a client its caller hands in, a parameter or an options
// struct's field (autobrr's NewClientWithOpts: httpClient: &http.Client{},
// then if opts.HTTPClient != nil { c.httpClient = opts.HTTPClient }; its
// callers all pass a client with a Timeout, judged false when reported).
// A setter of its own (SetHttpClient) is not enough: the program may
// build the value and never call it (casdoor's WeChat mini-program
// provider, judged true).
func callerChosen(allocs []*ssa.Alloc, f *types.Var) bool {
	for _, a := range allocs {
		fn := a.Parent()
		if fn == nil {
			continue
		}
		for _, p := range fn.Params {
			for _, v := range clientsOfParam(p) {
				if slices.Contains(storedFields(v, 0), f) {
					return true
				}
			}
		}
	}
	return false
}

// clientsOfParam returns the clients a parameter hands in: itself, if it
// is an *http.Client, or the *http.Client fields loaded from it, if it is
// a pointer to an options struct (autobrr's NewClientWithOpts(endpoint,
// opts), which replaces its default client with opts.HTTPClient).
func clientsOfParam(p *ssa.Parameter) []ssa.Value {
	if isPointerTo(p.Type(), knowledge.NetHTTP, "Client") {
		return []ssa.Value{p}
	}
	var out []ssa.Value
	for _, ref := range flow.Referrers(p) {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.X != ssa.Value(p) {
			continue
		}
		if f := flow.FieldVar(fa); f == nil || !isPointerTo(f.Type(), knowledge.NetHTTP, "Client") {
			continue
		}
		for _, r := range flow.Referrers(fa) {
			if load, ok := r.(*ssa.UnOp); ok && load.Op == token.MUL {
				out = append(out, load)
			}
		}
	}
	return out
}

// storedFields returns the struct fields a client value is stored into,
// directly or once wrapped by calls that take it and return an
// *http.Client, whatever its other uses.
func storedFields(v ssa.Value, depth int) []*types.Var {
	if depth > 2 {
		return nil
	}
	var fields []*types.Var
	for _, ref := range flow.Referrers(v) {
		switch ref := ref.(type) {
		case *ssa.Store:
			if fa, ok := ref.Addr.(*ssa.FieldAddr); ok && ref.Val == v {
				if f := flow.FieldVar(fa); f != nil {
					fields = append(fields, f)
				}
			}
		case *ssa.Call:
			if isPointerTo(ref.Type(), knowledge.NetHTTP, "Client") && ref.Call.Value != v {
				fields = append(fields, storedFields(ref, depth+1)...)
			}
		}
	}
	return fields
}

// returnedWithDeadline reports whether a client literal, or what a call
// builds from it (an SDK client given it as an option), is returned by
// its function beside a context that context.WithTimeout or WithDeadline
// made there, or returned by a function of this package that is the
// only caller and does so: headscale's CLI builds its API client in
// newSocketClient and newRemoteClient, and newHeadscaleCLIWithConfig
// hands the commands that client with a context bounded by the CLI's
// timeout, under which every request runs.
func (c *checker) returnedWithDeadline(allocs []*ssa.Alloc) bool {
	for _, a := range allocs {
		if c.derivedReturnedWithDeadline(a, 0) {
			return true
		}
	}
	return false
}

// returnedToBoundedSends reports whether the client is returned by a
// function only this package calls (localCalls), and every call's result
// is used only to Do requests that are bounded (boundedRequest), at least
// one: the client's users give each request its deadline or the caller's
// context (dex's backchannel Notifier.client, whose one use sends the
// logout token under its caller's context: judged false when reported).
func (c *checker) returnedToBoundedSends(allocs []*ssa.Alloc) bool {
	for _, a := range allocs {
		idx, ret := returnedAs(a, 0, make(map[ssa.Value]bool))
		if ret == nil || ret.Parent() != a.Parent() {
			continue
		}
		calls := c.localCalls(a.Parent())
		if len(calls) == 0 {
			return false
		}
		sends := 0
		for _, call := range calls {
			res := resultOf(call, idx, len(ret.Results))
			if res == nil {
				return false
			}
			n, ok := c.sendsBounded(res, 1, nil)
			if !ok {
				return false
			}
			sends += n
		}
		return sends > 0
	}
	return false
}

// derivedReturnedWithDeadline is returnedWithDeadline for a value v of
// its function: v, or a value derived from it, reaches a return.
func (c *checker) derivedReturnedWithDeadline(v ssa.Value, depth int) bool {
	if depth > 2 {
		return false
	}
	fn := v.Parent()
	idx, ret := returnedAs(v, 0, make(map[ssa.Value]bool))
	if ret == nil {
		return false
	}
	if returnsDeadlineContext(ret) {
		return true
	}
	calls := c.localCalls(fn)
	if len(calls) == 0 {
		return false
	}
	for _, call := range calls {
		res := resultOf(call, idx, len(ret.Results))
		if res == nil || !c.derivedReturnedWithDeadline(res, depth+1) {
			return false
		}
	}
	return true
}

// returnedAs follows v through conversions, phis and the calls it is an
// argument of (a constructor that wraps it) to a return of its function,
// and returns the result's index and the return.
func returnedAs(v ssa.Value, depth int, seen map[ssa.Value]bool) (int, *ssa.Return) {
	if depth > 2*maxClientDepth || seen[v] { // an option, its variadic slice, the constructor, its result
		return -1, nil
	}
	seen[v] = true
	for _, ref := range flow.Referrers(v) {
		switch ref := ref.(type) {
		case *ssa.Return:
			if i := slices.Index(ref.Results, v); i >= 0 {
				return i, ref
			}
		case *ssa.Phi, *ssa.MakeInterface, *ssa.ChangeType:
			if i, r := returnedAs(ref.(ssa.Value), depth+1, seen); r != nil {
				return i, r
			}
		case *ssa.Call:
			if i, r := returnedAs(ref, depth+1, seen); r != nil {
				return i, r
			}
			for _, x := range flow.Referrers(ref) {
				if ex, ok := x.(*ssa.Extract); ok && ex.Index == 0 {
					if i, r := returnedAs(ex, depth+1, seen); r != nil {
						return i, r
					}
				}
			}
		case *ssa.Slice, *ssa.Store, *ssa.IndexAddr:
			// A variadic option slice: what is stored in it is handed on
			// with it.
			var next ssa.Value
			switch x := ref.(type) {
			case *ssa.Slice:
				next = x
			case *ssa.IndexAddr:
				next = x
			case *ssa.Store:
				if x.Val == v {
					next = x.Addr
				}
			}
			if next == nil {
				continue
			}
			if ia, ok := next.(*ssa.IndexAddr); ok {
				next = ia.X // the array the option is stored in
			}
			if i, r := returnedAs(next, depth+1, seen); r != nil {
				return i, r
			}
		}
	}
	return -1, nil
}

// returnsDeadlineContext reports whether a return hands back a context
// made in its function by context.WithTimeout or WithDeadline.
func returnsDeadlineContext(ret *ssa.Return) bool {
	for _, r := range ret.Results {
		for _, v := range phiEdges(r) {
			ex, ok := v.(*ssa.Extract)
			if !ok || ex.Index != 0 {
				continue
			}
			if call, ok := ex.Tuple.(*ssa.Call); ok {
				switch flow.CalleeName(call.Common()) {
				case "context.WithTimeout", "context.WithDeadline":
					return true
				}
			}
		}
	}
	return false
}

// phiEdges returns v, or the edges of the phi v is.
func phiEdges(v ssa.Value) []ssa.Value {
	if phi, ok := v.(*ssa.Phi); ok {
		return phi.Edges
	}
	return []ssa.Value{v}
}

// resultOf returns result i of a call that returns n results.
func resultOf(call ssa.CallInstruction, i, n int) ssa.Value {
	v := call.Value()
	if v == nil {
		return nil
	}
	if n == 1 {
		return v
	}
	for _, ref := range flow.Referrers(v) {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == i {
			return ex
		}
	}
	return nil
}
