package metrics

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/internal/routes"
	"github.com/perfvet/perfvet/analyzers/internal/serverrole"
)

// A servesFact says that a function serves HTTP with the handler (or the
// *http.Server, gin Engine or Echo) its caller passes as parameter Param
// (an SSA index: a receiver is 0). Calling it starts a server, which is
// checked where the caller builds what it serves: gin's Run on the engine
// a program makes, a helper serve(h) on the router a main package makes.
//
// Checked says that the function also starts a server of its own that its
// package checks (a router it builds, as ntfy's (*Server).Run serves its
// mux): the program is reported there, and a caller's start through it
// (cmd's s.Run()) is not reported again. The caller's program imports the
// callee's, so it lacks no metric the callee's program has.
type servesFact struct {
	Param   int
	Checked bool
}

func (*servesFact) AFact() {}

func (f *servesFact) String() string {
	if f.Checked {
		return fmt.Sprintf("serves(param %d, checked)", f.Param)
	}
	return fmt.Sprintf("serves(param %d)", f.Param)
}

// A start is a call that starts a server.
type start struct {
	call   *ssa.CallCommon
	fn     *ssa.Function
	served ssa.Value // the handler, server, engine or Echo it serves
	field  bool      // served is an *http.Server whose Handler is served
	report bool      // the server is checked here
	// checked: a call of a function of another package that checks its
	// own server start (servesFact.Checked).
	checked bool
}

// origins of what a server serves
const (
	originOther = iota // a global, a field of something else, a value from another package
	originLocal        // made by this package: a router, a handler, a server literal
	originParam        // passed in by the caller
)

// findStarts finds the package's server starts: calls of the functions
// the knowledge tables list and of functions whose fact says they serve a
// parameter. A start that serves what its caller passes makes its
// function one of those (to a fixed point); the others are checked where
// they are, in a main package, or when this package made what they
// serve. A package that serves a one-off setup wizard (serverrole.Setup)
// has none.
func (c *checker) findStarts() {
	c.serves = make(map[*types.Func]int)
	if serverrole.Setup(c.pass.Fset, c.pass.TypesInfo, c.pass.Files) {
		return // a one-off setup wizard's server is not the service's
	}
	flow.Rounds(func() bool {
		c.starts = nil
		changed := false
		for fn, ci := range callsIn(c.funcs) {
			s := c.startOf(ci.Common(), fn)
			if s == nil || internalStart(s) || c.metricsServerField(s) {
				continue
			}
			what := s.served
			if h := serverHandler(what); s.field && h != nil {
				what = h // the Handler of a server literal made here
			}
			origin, param := c.originOf(what, fn, 0)
			if origin == originParam {
				if decl := declaredFunc(outermost(fn)); decl != nil {
					if old, ok := c.serves[decl]; !ok || old != param {
						c.serves[decl] = param
						changed = true
					}
				}
				continue
			}
			s.report = (c.pass.Pkg.Name() == "main" || origin == originLocal) && !s.checked && !c.servesOnlyMetrics(s)
			c.starts = append(c.starts, s)
		}
		return changed
	})
}

// metricsServerField reports whether a start serves an *http.Server held
// in a field of a struct of this package (wg-portal's MetricsServer
// embeds one, and its Run calls m.ListenAndServe()) that every value
// stored there is a server literal made here serving the scrape
// endpoint alone.
func (c *checker) metricsServerField(s *start) bool {
	if !s.field {
		return false
	}
	load, ok := unwrap(s.served).(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	st := structOf(fa.X.Type())
	if st == nil || st.Obj().Pkg() != c.pass.Pkg {
		return false
	}
	stored := 0
	for _, fn := range c.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				store, ok := instr.(*ssa.Store)
				if !ok {
					continue
				}
				addr, ok := store.Addr.(*ssa.FieldAddr)
				if !ok {
					continue
				}
				if viaField(addr.X, fa.Field, st) {
					return false // srv.Handler = h through the field (gophish's servers)
				}
				if addr.Field != fa.Field || structOf(addr.X.Type()) != st {
					continue
				}
				// The literal's own Handler, a mux serving the
				// scrape endpoint alone: not the default mux, which
				// a literal with no Handler serves until one is set.
				if serverHandler(store.Val) == nil || !c.servesOnlyMetrics(&start{served: store.Val, field: true}) {
					return false
				}
				stored++
			}
		}
	}
	return stored > 0
}

// viaField reports whether v is the value of field i of a struct of type
// st, loaded (x.server in x.server.Handler = h).
func viaField(v ssa.Value, i int, st *types.Named) bool {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	return ok && fa.Field == i && structOf(fa.X.Type()) == st
}

// structOf returns the named struct type a pointer to a struct points to.
func structOf(t types.Type) *types.Named {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok {
		return nil
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return nil
	}
	return n
}

// declaredFunc returns the declared function whose parameter a value of
// fn denotes (fn itself), or nil for a function literal.
func declaredFunc(fn *ssa.Function) *types.Func {
	if fn.Parent() != nil {
		return nil
	}
	obj, _ := fn.Object().(*types.Func)
	return obj
}

// outermost returns the declared function a function literal is in.
func outermost(fn *ssa.Function) *ssa.Function {
	for i := 0; fn.Parent() != nil && i < 64; i++ {
		fn = fn.Parent()
	}
	return fn
}

// startOf returns the start a call is, or nil.
func (c *checker) startOf(call *ssa.CallCommon, fn *ssa.Function) *start {
	if st, ok := knowledge.ServerStarts[flow.CalleeName(call)]; ok {
		s := &start{call: call, fn: fn, field: st.ServerField}
		if st.Handler >= 0 {
			if a := args(call); st.Handler < len(a) {
				s.served = a[st.Handler]
			}
		} else {
			s.served = receiver(call)
		}
		if s.served == nil {
			return nil
		}
		return s
	}
	callee := call.StaticCallee()
	if callee == nil || call.IsInvoke() {
		return nil
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok || obj == nil {
		return nil
	}
	param, checked := -1, false
	if obj.Pkg() == c.pass.Pkg {
		if p, ok := c.serves[obj]; ok {
			param = p
		}
	} else if obj.Pkg() != nil && !knowledge.IsMetricsLibrary(obj.Pkg().Path()) {
		var f servesFact
		if c.pass.ImportObjectFact(obj, &f) {
			param, checked = f.Param, f.Checked
		}
	}
	if param < 0 || param >= len(call.Args) {
		return nil
	}
	return &start{call: call, fn: fn, served: call.Args[param], checked: checked}
}

// originOf says where what a server serves comes from: the caller (a
// parameter, a field or method result of one, a wrapper around one), this
// package (a router, handler or server made here), or elsewhere.
func (c *checker) originOf(v ssa.Value, fn *ssa.Function, depth int) (int, int) {
	if v == nil || depth > 8 {
		return originOther, -1
	}
	switch x := unwrap(v).(type) {
	case *ssa.Extract:
		return c.originOf(x.Tuple, fn, depth+1)
	case *ssa.Parameter:
		if x.Parent() != fn || fn.Parent() != nil {
			return originOther, -1 // a function literal's parameter
		}
		return originParam, slices.Index(fn.Params, x)
	case *ssa.FreeVar:
		if parent := fn.Parent(); parent != nil {
			return c.originOf(c.freeVarBinding(x), parent, depth+1)
		}
	case *ssa.Const:
		return originLocal, -1 // nil: http.DefaultServeMux
	case *ssa.Alloc:
		if x.Comment != "complit" {
			// A variable (one a closure captures): what it holds.
			for _, val := range storedValues(x) {
				if o, p := c.originOf(val, fn, depth+1); o == originParam {
					return o, p
				}
			}
		}
		return originLocal, -1
	case *ssa.Function:
		return originLocal, -1
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return originOther, -1
		}
		switch addr := x.X.(type) {
		case *ssa.FieldAddr:
			return c.originOf(addr.X, fn, depth+1)
		case *ssa.Alloc:
			if val := routes.OnlyStore(addr); val != nil {
				return c.originOf(val, fn, depth+1)
			}
			return originLocal, -1
		case *ssa.FreeVar:
			return c.originOf(addr, fn, depth+1)
		}
		return originOther, -1
	case *ssa.FieldAddr:
		return c.originOf(x.X, fn, depth+1)
	case *ssa.Field:
		return c.originOf(x.X, fn, depth+1)
	case *ssa.MakeClosure:
		for _, b := range x.Bindings {
			vals := []ssa.Value{b}
			if a, ok := b.(*ssa.Alloc); ok {
				vals = storedValues(a) // a captured variable: what it holds
			}
			for _, v := range vals {
				if !servable(v.Type()) {
					continue // the closure's configuration, not a handler it calls
				}
				if o, p := c.originOf(v, fn, depth+1); o == originParam {
					return o, p // a handler that calls the caller's
				}
			}
		}
		return originLocal, -1
	case *ssa.Phi:
		result, param := originOther, -1
		for _, e := range x.Edges {
			o, p := c.originOf(e, fn, depth+1)
			if o == originParam {
				return o, p
			}
			if o == originLocal {
				result = originLocal
			}
		}
		return result, param
	case *ssa.Call:
		return c.callOrigin(x.Common(), fn, depth)
	}
	return originOther, -1
}

// callOrigin says where the result of a call comes from: through a
// function of this package, from what it returns; from a library, the
// caller's if it wraps a parameter, this package's otherwise.
func (c *checker) callOrigin(call *ssa.CallCommon, fn *ssa.Function, depth int) (int, int) {
	if call.IsInvoke() {
		return c.originOf(call.Value, fn, depth+1)
	}
	callee := call.StaticCallee()
	if callee == nil {
		return originOther, -1
	}
	if callee.Pkg != nil && callee.Pkg.Pkg == c.pass.Pkg && callee.Parent() == nil {
		// What does the callee return: something it makes, or one of
		// its parameters (gin's engine.Handler() returns the engine)?
		result := originOther
		for _, ret := range returns(callee) {
			if len(ret.Results) == 0 {
				continue
			}
			o, p := c.originOf(ret.Results[0], callee, depth+1)
			switch o {
			case originParam:
				if p >= 0 && p < len(call.Args) {
					if o2, p2 := c.originOf(call.Args[p], fn, depth+1); o2 == originParam {
						return o2, p2
					}
				}
				result = originLocal
			case originLocal:
				result = originLocal
			}
		}
		return result, -1
	}
	for _, a := range call.Args {
		if !servable(a.Type()) {
			continue // a name, a configuration: not what is served
		}
		if o, p := c.originOf(a, fn, depth+1); o == originParam {
			return o, p // a library wrapping the caller's handler
		}
	}
	return originLocal, -1
}

// servable reports whether a value of type t can be served: a handler
// (it has a ServeHTTP method) or an *http.Server, or a variable holding
// one.
func servable(t types.Type) bool {
	if analysisutil.IsNamed(t, knowledge.NetHTTP, "Server") {
		return true
	}
	candidates := []types.Type{t, types.NewPointer(t)}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		candidates = append(candidates, p.Elem()) // a variable a closure captures
	}
	for _, t := range candidates {
		if sel := types.NewMethodSet(t).Lookup(nil, "ServeHTTP"); sel != nil {
			return true
		}
	}
	return false
}

// mayStartServers reports whether the package calls a function that
// starts a server.
func (c *checker) mayStartServers() bool {
	for n := range c.insp.PreorderSeq((*ast.CallExpr)(nil)) {
		fn := analysisutil.Callee(c.pass.TypesInfo, n.(*ast.CallExpr))
		if fn == nil {
			continue
		}
		if _, ok := knowledge.ServerStarts[analysisutil.FullName(fn)]; ok {
			return true
		}
		if fn.Pkg() != nil && fn.Pkg() != c.pass.Pkg && !knowledge.IsMetricsLibrary(fn.Pkg().Path()) {
			var f servesFact
			if c.pass.ImportObjectFact(fn, &f) {
				return true
			}
		}
	}
	return false
}

// internalStart reports whether a start serves an internal server
// (serverrole.Start): an http.Server literal made here with a loopback
// Addr or an operators-only Handler, or http.ListenAndServe (http.Serve)
// on a loopback address (listener). Its users are the operator's own
// browser or a scraper, not the public whose latency the plan's metrics
// measure.
func internalStart(s *start) bool {
	return serverrole.Start(s.call, s.fn) != "" || redirectsOnly(s.call)
}

// redirectsOnly reports whether a start serves, by a function of net/http
// (http.ListenAndServe(":80", m.HTTPHandler(nil))), an ACME handler with
// no fallback: challenges and redirects to HTTPS, no request of the
// application (fider's and writefreely's port-80 servers).
func redirectsOnly(call *ssa.CallCommon) bool {
	st, ok := knowledge.ServerStarts[flow.CalleeName(call)]
	args := routes.Args(call)
	if !ok || st.ServerField || st.Handler < 0 || st.Handler >= len(args) {
		return false
	}
	h, ok := args[st.Handler].(*ssa.Call)
	if !ok {
		return false
	}
	fallback, ok := knowledge.ACMEHandlers[flow.CalleeName(h.Common())]
	hargs := routes.Args(h.Common())
	return ok && fallback < len(hargs) && isNilValue(hargs[fallback])
}

// isNilValue reports whether v is the constant nil (of an interface
// type, possibly converted).
func isNilValue(v ssa.Value) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	c, ok := v.(*ssa.Const)
	return ok && c.IsNil()
}
