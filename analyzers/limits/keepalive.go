package limits

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/internal/ssabuild"
)

// Outbound keep-alive. An http.Transport keeps the connections it opened
// and reuses them for the next request to the same host; a program gets
// that reuse only if its requests share one transport. Two shapes lose it
// where the code shows it:
//
//   - a transport built on every call (a literal, or a clone of
//     http.DefaultTransport, in a function that sends through it and then
//     drops it): each request pays a new TCP and TLS handshake, and the
//     idle connections each transport keeps stay open until the server
//     drops them;
//   - a transport the program builds for a single-host reverse proxy
//     (httputil.NewSingleHostReverseProxy) with MaxIdleConnsPerHost left at
//     Go's 2: every request goes to that one host, and beyond two at a
//     time each one opens a connection and closes it after.
//
// A transport is followed through the values that can carry it (a Client
// holding it, a wrapper a call returns, an option closure, a slice of
// options), within a function and, for a function that returns what it
// built, into its callers through a fact. It is shared, and not reported,
// once it is stored where it outlives the call: a package variable, a
// field of a parameter or receiver (a constructor's), a map (a cache per
// host), a channel; or when the function that holds it sends through it in
// a loop the build is outside of (a worker's client).

// A transportFact marks a function that returns a transport it builds on
// every call, directly or through a function with the fact: where it is
// built (the finding's position) and the function that builds it.
type transportFact struct {
	Build   site
	Builder string
}

func (*transportFact) AFact() {}

func (f *transportFact) String() string { return "builds transport at " + f.Build.Posn }

// checkTransports finds the package's per-call transports and reverse
// proxy transports, adding the per-call ones to the program's sites (they
// concern programs that serve requests) and reporting the proxies.
func (c *checker) checkTransports() {
	if c.dependency || !analysisutil.ImportsAny(c.pass.Pkg, knowledge.NetHTTP) || !c.mayBuildTransport() {
		return
	}
	res, ok := c.pass.ResultOf[ssabuild.Analyzer].(*ssabuild.Result)
	if !ok || res == nil {
		return
	}
	_, funcs := res.SSA()
	if len(funcs) == 0 {
		return
	}
	t := &transports{c: c, summaries: map[*types.Func]*transportFact{}}
	declared := flow.DeclaredFuncs(funcs)
	flow.Fixpoint(declared, t.summaries, func(f *ssa.Function) (*transportFact, bool) {
		for _, b := range t.builds(f) {
			if u := t.follow(b); u.returned && !u.shared && !u.closed && !u.disabled {
				return &transportFact{Build: b.site, Builder: b.builder}, true
			}
		}
		return nil, false
	})
	for _, f := range declared {
		if s, ok := t.summaries[f.Object().(*types.Func)]; ok {
			c.pass.ExportObjectFact(f.Object(), s)
		}
	}
	for _, f := range funcs {
		for _, b := range t.builds(f) {
			u := t.follow(b)
			if t.perCall(f, b, u) {
				s := b.site
				s.Category = CategoryKeepAlive
				s.Msg = perCallMessage(f, b, u)
				if obj, ok := f.Object().(*types.Func); ok {
					s.Func = analysisutil.FullName(obj) // for startupOnly
				}
				c.own.Transports = append(c.own.Transports, s)
			} else if u.proxy != nil && !u.perHost && !u.disabled {
				c.reportProxy(b, u.proxy)
			}
		}
	}
}

// perCall reports whether f builds (or has built) a transport it sends
// through and drops, each time it runs.
func (t *transports) perCall(f *ssa.Function, b build, u usage) bool {
	switch {
	case runsOnce(f), u.shared, u.closed, u.returned, u.disabled, len(u.sends) == 0, u.inLoop, closesEach(u.sends):
		return false
	case !b.local && !requestScoped(f):
		// What a constructor returns, used by a function that may run
		// once (a command's run, a set-up step).
		return false
	case b.local && t.c.builtOnArgumentBranch(f, b.v.Pos()):
		return false
	}
	return true
}

// closesEach reports whether every request sent through the transport
// asks for its connection to be closed after it (req.Close = true): a
// connection per request on purpose, as with DisableKeepAlives
// (syncthing's UPnP SOAP calls, for routers that mishandle keep-alive).
func closesEach(sends []ssa.Instruction) bool {
	for _, s := range sends {
		ci, ok := s.(ssa.CallInstruction)
		if !ok || flow.CalleeName(ci.Common()) != "(*net/http.Client).Do" || len(ci.Common().Args) != 2 || !setsClose(ci.Common().Args[1]) {
			return false
		}
	}
	return len(sends) > 0
}

// setsClose reports whether the function stores true into a request's
// Close field.
func setsClose(req ssa.Value) bool {
	for _, ref := range flow.Referrers(req) {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.X != req {
			continue
		}
		ptr, ok := fa.X.Type().Underlying().(*types.Pointer)
		if !ok || !analysisutil.IsNamed(ptr.Elem(), knowledge.NetHTTP, "Request") {
			continue
		}
		st, ok := ptr.Elem().Underlying().(*types.Struct)
		if !ok || st.Field(fa.Field).Name() != "Close" {
			continue
		}
		for _, use := range flow.Referrers(fa) {
			if store, ok := use.(*ssa.Store); ok && store.Addr == ssa.Value(fa) {
				if k, ok := store.Val.(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.Bool && constant.BoolVal(k.Value) {
					return true
				}
			}
		}
	}
	return false
}

// builtOnArgumentBranch reports whether the transport built at pos is
// built only on a branch that the call's own values choose: an if (or an
// early return before the build) whose condition tests a parameter or a
// local of f, and no field of its
// receiver nor a package variable (1Panel's wget builds one only when the
// admin asks to ignore the certificate; gin-vue-admin's request helper
// only for an event stream's request; both judged false). The other calls
// share the default transport. A branch on the receiver's configuration
// (woodpecker's if c.skipVerify) is taken on every call once set, and
// stays reported.
func (c *checker) builtOnArgumentBranch(f *ssa.Function, pos token.Pos) bool {
	_, body := flow.FuncSyntax(f)
	if body == nil || !pos.IsValid() {
		return false
	}
	var recv types.Object
	if sig := f.Signature; sig.Recv() != nil {
		recv = sig.Recv()
	}
	info := c.pass.TypesInfo
	found := false
	visit := func(n ast.Node) bool {
		if found || n == nil || pos < n.Pos() || pos >= n.End() {
			return false
		}
		if ifs, ok := n.(*ast.IfStmt); ok && ifs.Body.Pos() <= pos && pos < ifs.Body.End() && perCallCondition(info, body, ifs.Cond, recv, 0) {
			found = true
			return false
		}
		if block, ok := n.(*ast.BlockStmt); ok {
			// if cond { return ... } before the build: the build runs
			// only on the other branch (crowdsec's createTransport
			// returns early unless the URL names a Unix socket).
			for _, st := range block.List {
				if st.End() <= pos && earlyReturn(st, f.Signature) && perCallCondition(info, body, st.(*ast.IfStmt).Cond, recv, 0) {
					found = true
					return false
				}
			}
		}
		return true
	}
	ast.Inspect(body, visit)
	return found
}

// earlyReturn reports whether st is an if with no else whose body ends
// in a return that is another way to serve the call, not a failure: it
// returns no error other than nil (a guard that rejects an invalid URL
// before the build fails the call; it does not choose another transport).
func earlyReturn(st ast.Stmt, sig *types.Signature) bool {
	ifs, ok := st.(*ast.IfStmt)
	if !ok || ifs.Else != nil || len(ifs.Body.List) == 0 {
		return false
	}
	ret, ok := ifs.Body.List[len(ifs.Body.List)-1].(*ast.ReturnStmt)
	if !ok || sig.Results().Len() == 0 {
		return false // a handler's return after an error response fails the call too
	}
	if len(ret.Results) == 1 && sig.Results().Len() > 1 {
		_, call := ast.Unparen(ret.Results[0]).(*ast.CallExpr)
		return call // return shared.Get(url): the call served another way
	}
	if len(ret.Results) != sig.Results().Len() {
		return false // a bare return of named results: not told
	}
	for i, r := range ret.Results {
		if isErrorType(sig.Results().At(i).Type()) && !isNilIdent(r) {
			return false
		}
	}
	return true
}

func isErrorType(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

func isNilIdent(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && id.Name == "nil"
}

// perCallCondition reports whether a condition tests a value of the call
// (a parameter, or a local variable made from one) and no receiver nor
// package variable, directly or through the locals it tests (gogs'
// trans := r.setting.Transport; if trans == nil { build one } tests the
// receiver's settings: every call of a request without a transport).
func perCallCondition(info *types.Info, body *ast.BlockStmt, cond ast.Expr, recv types.Object, depth int) bool {
	perCall, fixed := conditionValues(info, body, cond, recv, depth)
	return perCall && !fixed
}

// conditionValues reports whether an expression uses a value of the call
// (perCall) and whether it uses a receiver or package variable (fixed),
// following the locals it uses to what they are assigned.
func conditionValues(info *types.Info, body *ast.BlockStmt, e ast.Expr, recv types.Object, depth int) (perCall, fixed bool) {
	ast.Inspect(e, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || fixed {
			return !fixed
		}
		v, ok := info.Uses[id].(*types.Var)
		switch {
		case !ok || v.IsField():
		case v == recv || v.Pkg() != nil && v.Parent() == v.Pkg().Scope():
			fixed = true
		case isLocalIn(v, body):
			perCall = true
			if depth < 2 {
				for _, rhs := range assignedTo(info, body, v) {
					if _, f := conditionValues(info, body, rhs, recv, depth+1); f {
						fixed = true
					}
				}
			}
		default:
			perCall = true // a parameter
		}
		return !fixed
	})
	return perCall, fixed
}

// isLocalIn reports whether v is declared inside body.
func isLocalIn(v *types.Var, body *ast.BlockStmt) bool {
	return body.Pos() <= v.Pos() && v.Pos() < body.End()
}

// assignedTo returns the values body assigns to v (v := e, v = e).
func assignedTo(info *types.Info, body *ast.BlockStmt, v *types.Var) []ast.Expr {
	var out []ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != len(as.Rhs) {
			if ok && len(as.Rhs) == 1 {
				for _, lhs := range as.Lhs {
					if id, ok := lhs.(*ast.Ident); ok && (info.Defs[id] == v || info.Uses[id] == v) {
						out = append(out, as.Rhs[0]) // v, err := f(...)
					}
				}
			}
			return true
		}
		for i, lhs := range as.Lhs {
			if id, ok := lhs.(*ast.Ident); ok && (info.Defs[id] == v || info.Uses[id] == v) {
				out = append(out, as.Rhs[i])
			}
		}
		return true
	})
	return out
}

// mayBuildTransport reports whether the package names http.Transport or
// calls a function that returns a transport it builds: the others need
// no SSA for this check.
func (c *checker) mayBuildTransport() bool {
	for _, obj := range c.pass.TypesInfo.Uses {
		if tn, ok := obj.(*types.TypeName); ok && tn.Pkg() != nil && tn.Pkg().Path()+"."+tn.Name() == knowledge.Transport {
			return true
		}
	}
	for _, f := range c.pass.AllObjectFacts() {
		if _, ok := f.Fact.(*transportFact); ok {
			return true
		}
	}
	return false
}

type transports struct {
	c         *checker
	summaries map[*types.Func]*transportFact
	holds     map[holdKey]bool
}

// A build is a value that holds a transport new at each call: a literal,
// a clone, or the result of a function with a transportFact.
type build struct {
	v       ssa.Value
	site    site   // where the transport is built
	builder string // the function that builds it
	local   bool   // built in this function (its fields are seen here)
	idle    bool   // a clone of http.DefaultTransport: its IdleConnTimeout is 90s
}

func (t *transports) builds(f *ssa.Function) []build {
	var out []build
	for _, b := range f.Blocks {
		for _, instr := range b.Instrs {
			switch v := instr.(type) {
			case *ssa.Alloc:
				if v.Heap && analysisutil.TypeName(v.Type()) == knowledge.Transport {
					out = append(out, build{v: v, site: t.siteAt(v.Pos()), builder: funcName(f), local: true})
				}
			case *ssa.Call:
				name := flow.CalleeName(v.Common())
				if name == knowledge.TransportClone {
					out = append(out, build{v: v, site: t.siteAt(v.Pos()), builder: funcName(f), local: true, idle: clonesDefault(v.Common())})
				} else if fact := t.fact(v.Common()); fact != nil {
					out = append(out, build{v: v, site: fact.Build, builder: fact.Builder})
				}
			}
		}
	}
	return out
}

func (t *transports) siteAt(pos token.Pos) site {
	return site{Posn: posnOf(t.c.pass.Fset.Position(pos)), Pos: pos}
}

// fact returns the transportFact of a static callee, of this package or
// another.
func (t *transports) fact(call *ssa.CallCommon) *transportFact {
	callee := call.StaticCallee()
	if callee == nil {
		return nil
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok || obj == nil {
		return nil
	}
	if s, ok := t.summaries[obj]; ok {
		return s
	}
	if obj.Pkg() == nil || obj.Pkg() == t.c.pass.Pkg {
		return nil
	}
	var f transportFact
	if t.c.pass.ImportObjectFact(obj, &f) {
		return &f
	}
	return nil
}

// A usage is what a function does with a transport it builds.
type usage struct {
	sends    []ssa.Instruction // the requests sent through it: a send, or a method of what holds it
	returned bool              // returned to the caller
	shared   bool              // stored where it outlives the call
	closed   bool              // its idle connections dropped (CloseIdleConnections)
	inLoop   bool              // sent through in a loop that does not build it
	disabled bool              // DisableKeepAlives set: built per call on purpose
	perHost  bool              // MaxIdleConnsPerHost set
	idleTime bool              // IdleConnTimeout set: idle connections are closed in time
	proxy    ssa.Instruction   // stored as a single-host reverse proxy's Transport
}

// follow tracks the values that hold b's transport through f (and the
// closures f makes) and says what becomes of it.
func (t *transports) follow(b build) usage {
	var u usage
	if b.local {
		u.disabled, u.perHost, u.idleTime = t.fields(b.v)
		u.idleTime = u.idleTime || b.idle
	}
	seen := map[ssa.Value]bool{}
	work := []ssa.Value{b.v}
	add := func(v ssa.Value) {
		if v != nil && !seen[v] {
			seen[v] = true
			work = append(work, v)
		}
	}
	seen[b.v] = true
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		refs := v.Referrers()
		if refs == nil {
			continue
		}
		for _, instr := range *refs {
			switch r := instr.(type) {
			case *ssa.Store:
				if r.Val != v {
					continue
				}
				switch base := addrBase(r.Addr).(type) {
				case *ssa.Alloc:
					add(base)
				case *ssa.Call:
					if isProxyTransport(r.Addr) && flow.CalleeName(base.Common()) == knowledge.SingleHostProxy {
						u.proxy = r
						add(base)
						continue
					}
					u.shared = true
				default:
					u.shared = true // a global, a parameter's or receiver's field, a captured variable
				}
			case *ssa.MapUpdate, *ssa.Send:
				u.shared = true
			case *ssa.Phi, *ssa.MakeInterface, *ssa.ChangeType, *ssa.ChangeInterface, *ssa.Convert, *ssa.TypeAssert, *ssa.Slice:
				add(r.(ssa.Value)) // the same value, seen as another type
			case *ssa.FieldAddr, *ssa.IndexAddr, *ssa.Extract:
				if val := r.(ssa.Value); t.carries(val.Type()) {
					add(val) // a part of it that can hold the transport
				}
			case *ssa.UnOp:
				if r.Op == token.MUL && t.carries(r.Type()) {
					add(r)
				}
			case *ssa.MakeClosure, *ssa.Go:
				// A callback or a goroutine holding it (a handler, a
				// worker) runs many times on one transport.
				u.shared = true
			case *ssa.Return:
				switch {
				case t.clientType(v.Type()):
					u.returned = true
				case t.carries(v.Type()):
					// A service of the program's own that keeps a
					// client: it lives as long as whoever built it.
					u.shared = true
				}
			case ssa.CallInstruction:
				call := r.Common()
				name := flow.CalleeName(call)
				if knowledge.IdleClosers[name] {
					u.closed = true
					continue
				}
				val := r.Value()
				carried := val != nil && t.carries(val.Type())
				if knowledge.ExternalCalls[name] || isReceiver(call, v) || !carried && t.ownHelper(call) {
					u.sends = append(u.sends, r)
				}
				if carried {
					add(val)
				}
			}
		}
	}
	for _, use := range u.sends {
		if loopWithout(use, b.v) {
			u.inLoop = true
		}
	}
	return u
}

// fields reports whether a transport built here sets DisableKeepAlives
// to true, and whether it sets MaxIdleConnsPerHost and IdleConnTimeout.
func (t *transports) fields(v ssa.Value) (disabled, perHost, idleTime bool) {
	refs := v.Referrers()
	if refs == nil {
		return false, false, false
	}
	for _, instr := range *refs {
		fa, ok := instr.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		switch flow.FieldName(fa) {
		case knowledge.FieldPerHost:
			perHost = true
		case knowledge.FieldIdleTimeout:
			idleTime = true
		case knowledge.FieldDisableKeepAlive:
			for _, s := range *fa.Referrers() {
				if st, ok := s.(*ssa.Store); ok {
					if k, ok := st.Val.(*ssa.Const); !ok || k.Value == nil || k.Value.Kind() != constant.Bool || constant.BoolVal(k.Value) {
						disabled = true // true, or a setting the program decides
					}
				}
			}
		}
	}
	return disabled, perHost, idleTime
}

// carries reports whether a value of type t can hold a transport: a type
// that reaches an *http.Transport, *http.Client or RoundTripper through
// its fields, an empty interface, a RoundTripper, or a function (an option
// closure that captured a client). A response, a request, an error or a
// repository a client returned cannot.
func (t *transports) carries(typ types.Type) bool {
	if t.holds == nil {
		t.holds = map[holdKey]bool{}
	}
	return t.reaches(typ, 4)
}

// A holdKey memoises reaches: a type cut at one depth may reach a
// transport from a shallower one.
type holdKey struct {
	typ   types.Type
	depth int
}

func (t *transports) reaches(typ types.Type, depth int) bool {
	key := holdKey{typ, depth}
	if held, ok := t.holds[key]; ok {
		return held
	}
	t.holds[key] = false // a recursive type holds what its other fields hold
	held := false
	switch u := typ.Underlying().(type) {
	case *types.Pointer:
		held = t.reaches(u.Elem(), depth)
	case *types.Signature:
		held = true
	case *types.Tuple:
		for v := range u.Variables() {
			held = held || t.reaches(v.Type(), depth)
		}
	case *types.Interface:
		held = u.Empty() || hasMethod(u, "RoundTrip")
	case *types.Slice:
		held = t.reaches(u.Elem(), depth)
	case *types.Array:
		held = t.reaches(u.Elem(), depth)
	case *types.Struct:
		switch analysisutil.TypeName(typ) {
		case knowledge.Transport, "net/http.Client":
			held = true
		case "net/http.Request", "net/http.Response":
		default:
			for i := 0; i < u.NumFields() && depth > 0 && !held; i++ {
				held = t.reaches(u.Field(i).Type(), depth-1)
			}
		}
	}
	t.holds[key] = held
	return held
}

// clientType reports whether a returned type is a client: a transport, an
// http.Client or a RoundTripper, a struct with one of those in a field
// (forge.Client), or a struct whose fields reach one through types of
// other modules (a library's client: gitlab.Client over retryablehttp).
// A struct of the program's own that holds a client in turn is a service,
// built to be kept.
func (t *transports) clientType(typ types.Type) bool {
	if tuple, ok := typ.(*types.Tuple); ok {
		for v := range tuple.Variables() {
			if t.clientType(v.Type()) {
				return true
			}
		}
		return false
	}
	if transportLike(typ) {
		return true
	}
	st, ok := analysisutil.Deref(typ).Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		if transportLike(f.Type()) || t.foreign(f.Type()) && holdsClient(f.Type(), 3) {
			return true
		}
	}
	return false
}

// holdsClient reports whether a struct holds a transport, a client or a
// RoundTripper in its fields, through at most depth structs.
func holdsClient(typ types.Type, depth int) bool {
	if transportLike(typ) {
		return true
	}
	st, ok := analysisutil.Deref(typ).Underlying().(*types.Struct)
	if !ok || depth == 0 {
		return false
	}
	for f := range st.Fields() {
		if holdsClient(f.Type(), depth-1) {
			return true
		}
	}
	return false
}

// transportLike reports whether typ is a transport, a client or a
// RoundTripper.
func transportLike(typ types.Type) bool {
	switch analysisutil.TypeName(typ) {
	case knowledge.Transport, "net/http.Client", "net/http.RoundTripper":
		return true
	}
	return false
}

// foreign reports whether a named type is declared outside the analysed
// package's module (outside the package where the module is unknown).
func (t *transports) foreign(typ types.Type) bool {
	n, ok := types.Unalias(analysisutil.Deref(typ)).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	path := n.Obj().Pkg().Path()
	if m := t.c.pass.Module; m != nil && m.Path != "" {
		return path != m.Path && !strings.HasPrefix(path, m.Path+"/")
	}
	return n.Obj().Pkg() != t.c.pass.Pkg
}

func hasMethod(it *types.Interface, name string) bool {
	for m := range it.Methods() {
		if m.Name() == name {
			return true
		}
	}
	return false
}

// clonesDefault reports whether a Clone call clones http.DefaultTransport.
func clonesDefault(call *ssa.CallCommon) bool {
	if len(call.Args) == 0 {
		return false
	}
	v := call.Args[0]
	for {
		switch x := v.(type) {
		case *ssa.TypeAssert:
			v = x.X
		case *ssa.UnOp:
			v = x.X
		case *ssa.Global:
			return x.Pkg != nil && x.Pkg.Pkg.Path() == knowledge.NetHTTP && x.Name() == "DefaultTransport"
		default:
			return false
		}
	}
}

// isReceiver reports whether v is the receiver of a method call: the
// holder of the transport sends through it (client.Do, repo.Get).
func isReceiver(call *ssa.CallCommon, v ssa.Value) bool {
	if call.IsInvoke() {
		return call.Value == v
	}
	callee := call.StaticCallee()
	return callee != nil && callee.Signature.Recv() != nil && len(call.Args) > 0 && call.Args[0] == v
}

// ownHelper reports whether call calls a function of the package: one
// handed the client and returning nothing that holds it sends through it
// (gitlab's g.getProject(ctx, client, ...)).
func (t *transports) ownHelper(call *ssa.CallCommon) bool {
	callee := call.StaticCallee()
	return callee != nil && callee.Pkg != nil && callee.Pkg.Pkg == t.c.pass.Pkg
}

// addrBase returns the value an address is computed from: the variable,
// the global or the parameter whose field or element it is.
func addrBase(addr ssa.Value) ssa.Value {
	for {
		switch a := addr.(type) {
		case *ssa.FieldAddr:
			addr = a.X
		case *ssa.IndexAddr:
			addr = a.X
		case *ssa.UnOp:
			if a.Op != token.MUL {
				return a
			}
			addr = a.X
		default:
			return addr
		}
	}
}

// isProxyTransport reports whether addr is the Transport field of an
// httputil.ReverseProxy.
func isProxyTransport(addr ssa.Value) bool {
	fa, ok := addr.(*ssa.FieldAddr)
	return ok && flow.FieldName(fa) == "Transport" && analysisutil.TypeName(fa.X.Type()) == knowledge.ReverseProxy
}

// loopWithout reports whether use runs in a loop of its function that
// does not also build the transport (v): the transport then serves every
// iteration.
func loopWithout(use ssa.Instruction, v ssa.Value) bool {
	fn := use.Parent()
	syntax := fn.Syntax()
	if syntax == nil || !use.Pos().IsValid() {
		return false
	}
	built := token.NoPos
	if instr, ok := v.(ssa.Instruction); ok && instr.Parent() == fn {
		built = v.Pos()
	}
	found := false
	ast.Inspect(syntax, func(n ast.Node) bool {
		if found || n == nil {
			return false
		}
		if lit, ok := n.(*ast.FuncLit); ok && lit != syntax {
			return false // a function of its own
		}
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			inside := func(p token.Pos) bool { return p.IsValid() && n.Pos() <= p && p < n.End() }
			if inside(use.Pos()) && !inside(built) {
				found = true
			}
		}
		return true
	})
	return found
}

// runsOnce reports whether f runs once per process (a package's
// initialisation, an init function, a command's main, or a function
// literal inside them): what it builds is not built per call.
func runsOnce(f *ssa.Function) bool {
	for f.Parent() != nil {
		f = f.Parent()
	}
	name := f.Name()
	return f.Synthetic != "" || name == "init" || strings.HasPrefix(name, "init#") ||
		name == "main" && f.Signature.Recv() == nil && f.Pkg != nil && f.Pkg.Pkg.Name() == "main"
}

// requestScoped reports whether f (or the function it is a literal of)
// takes a request, a request context or a context: its work is a
// request's, and runs again with the next one.
func requestScoped(f *ssa.Function) bool {
	for ; f != nil; f = f.Parent() {
		for _, p := range f.Params {
			t := p.Type()
			if analysisutil.IsNamed(t, "context", "Context") || analysisutil.IsNamed(t, knowledge.NetHTTP, "Request") ||
				analysisutil.IsNamed(t, knowledge.Gin, "Context") || analysisutil.IsNamed(t, knowledge.Echo4, "Context") {
				return true
			}
		}
	}
	return false
}

func funcName(f *ssa.Function) string {
	for f.Parent() != nil {
		f = f.Parent()
	}
	if obj, ok := f.Object().(*types.Func); ok && obj != nil {
		return analysisutil.Display(obj)
	}
	return f.Name()
}

func perCallMessage(f *ssa.Function, b build, u usage) string {
	user := funcName(f)
	who := user + " builds a new http.Transport on every call"
	if b.builder != user {
		who = fmt.Sprintf("%s builds a new http.Transport on every call, and %s uses it for its requests and drops it", b.builder, user)
	}
	idle := ", and each transport's idle connections stay open until the server closes them"
	if u.idleTime {
		idle = ", and each transport's idle connections stay open until its IdleConnTimeout"
	}
	return who + ": no connection is kept for the next call, so every request pays a new TCP and TLS handshake" + idle + "; build the transport once (a package variable, or a field set where the service starts) and share it"
}

// reportProxy reports a program-built transport of a single-host reverse
// proxy that leaves MaxIdleConnsPerHost at Go's default.
func (c *checker) reportProxy(b build, at ssa.Instruction) {
	c.report(site{Posn: b.site.Posn, Pos: b.site.Pos, Category: CategoryKeepAlive,
		Msg: fmt.Sprintf("this http.Transport serves a single-host reverse proxy (%s) with MaxIdleConnsPerHost at Go's default of 2: every request goes to one host, and beyond two at a time each opens a connection and closes it after; set MaxIdleConnsPerHost to the concurrency the proxy serves",
			posnOf(c.pass.Fset.Position(at.Pos())))})
}

// reportTransports reports a serving program's per-call transports once
// per place they are built (several functions may use one builder's),
// and returns the positions reported.
func (c *checker) reportTransports(sites []site, reported map[string]bool) []string {
	byPosn := map[string][]site{}
	var order []string
	for _, s := range sites {
		if reported[s.Posn] {
			continue
		}
		if _, ok := byPosn[s.Posn]; !ok {
			order = append(order, s.Posn)
		}
		byPosn[s.Posn] = append(byPosn[s.Posn], s)
	}
	for _, posn := range order {
		s := byPosn[posn][0]
		if n := len(byPosn[posn]) - 1; n > 0 {
			s.Msg += fmt.Sprintf(" (%d more functions use what it builds the same way)", n)
		}
		c.report(s)
	}
	return order
}
