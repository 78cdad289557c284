// Package serverrole tells a program's public HTTP server from the
// internal ones it also runs: a listener on a loopback address, a
// listener whose port only the program knows (it reads the port back to
// hand it on), and a server whose whole handler tree serves operators only (Prometheus'
// scrape handler, net/http/pprof, expvar). timeouts, metrics and limits
// hold the public server to the plan; an internal server is reached by a
// scraper, a profiler or the user's own browser, not by the Internet, and
// a finding there was judged false on every real service of
// bench/realworld (ntfy's metrics and pprof listeners, woodpecker's metrics
// listener and its CLI's token receiver on 127.0.0.1).
//
// Everything is decided by type and flow in the function that makes the
// server: the constant address it gets, the values its Handler holds, the
// routes registered on a router made there. A value perfvet cannot follow
// (an address from the configuration, a router from a parameter) is
// public.
package serverrole

import (
	"go/constant"
	"go/token"
	"go/types"
	"net"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/internal/routes"
)

// maxDepth bounds every walk over SSA values.
const maxDepth = 8

// Server says why an http.Server held by allocs (a literal and the
// variables it is copied into) is internal, or "" when it may be public:
// its Addr is a loopback address on every store, or its Handler is an
// operators' handler on every store.
func Server(allocs []*ssa.Alloc) string {
	if stores := flow.FieldStores(allocs, "Addr"); len(stores) > 0 && every(stores, LoopbackAddr) {
		return "it listens on a loopback address"
	}
	if stores := flow.FieldStores(allocs, "Handler"); len(stores) > 0 && every(stores, OpsHandler) {
		return "it serves only metrics or profiling handlers"
	}
	if servesOnlyEphemeral(allocs) {
		return "it listens on a port only the program knows"
	}
	return ""
}

// Serve says why a call that serves handler on addr or on listener (either
// may be nil) is internal, or "" when it may be public.
func Serve(addr, listener, handler ssa.Value) string {
	switch {
	case addr != nil && LoopbackAddr(addr):
		return "it listens on a loopback address"
	case listener != nil && LoopbackListener(listener):
		return "it listens on a loopback address"
	case listener != nil && EphemeralListener(listener):
		return "it listens on a port only the program knows"
	case handler != nil && OpsHandler(handler):
		return "it serves only metrics or profiling handlers"
	}
	return ""
}

func every(stores []*ssa.Store, ok func(ssa.Value) bool) bool {
	for _, st := range stores {
		if !ok(st.Val) {
			return false
		}
	}
	return true
}

// LoopbackAddr reports whether an address value is a constant host:port
// whose host is a loopback address or localhost ("127.0.0.1:8080",
// "localhost:0", "[::1]:9000"), directly, formatted by fmt.Sprintf from a
// constant format that starts with such a host ("127.0.0.1:%d"), or joined
// by net.JoinHostPort from such a constant host.
func LoopbackAddr(v ssa.Value) bool {
	v = flow.Unwrap(v)
	if s, ok := constString(v); ok {
		return loopbackHostPort(s)
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	args := call.Common().Args
	switch flow.CalleeName(call.Common()) {
	case "fmt.Sprintf":
		if len(args) == 0 {
			return false
		}
		format, ok := constString(args[0])
		if !ok {
			return false
		}
		i := strings.LastIndex(format, ":")
		if i < 0 || strings.ContainsAny(format[:i], "%") {
			return false
		}
		return loopbackHost(format[:i])
	case "net.JoinHostPort":
		if len(args) != 2 {
			return false
		}
		host, ok := constString(args[0])
		return ok && loopbackHost(host)
	}
	return false
}

// LoopbackListener reports whether a listener value is the result of
// net.Listen (or a net.ListenTCP) on a loopback address.
func LoopbackListener(v ssa.Value) bool {
	if stores, ok := fieldStores(flow.Unwrap(v)); ok {
		return len(stores) > 0 && !slices.ContainsFunc(stores, func(l ssa.Value) bool { return !loopbackListen(l) })
	}
	return loopbackListen(v)
}

// loopbackListen reports whether v is the result of net.Listen on a
// loopback address.
func loopbackListen(v ssa.Value) bool {
	call, _ := listenCall(flow.Unwrap(v))
	if call == nil {
		return false
	}
	args := call.Common().Args
	return len(args) >= 2 && LoopbackAddr(args[len(args)-1])
}

// fieldStores returns, for a load of an unexported struct field, the
// values every function of the field's package stores into it, nil ones
// aside (p.listener, set by the constructor that listens: gotenberg's
// LibreOffice proxy, served from its Start method); ok is false when v is
// not such a load. Another package cannot store an unexported field.
func fieldStores(v ssa.Value) (stores []ssa.Value, ok bool) {
	load, isLoad := v.(*ssa.UnOp)
	if !isLoad || load.Op != token.MUL {
		return nil, false
	}
	fa, isField := load.X.(*ssa.FieldAddr)
	if !isField || load.Parent() == nil || load.Parent().Pkg == nil {
		return nil, false
	}
	field := flow.FieldVar(fa)
	if field == nil || field.Exported() {
		return nil, false
	}
	for _, v := range flow.StoredIn(packageFuncs(load.Parent().Pkg), field) {
		if k, ok := v.(*ssa.Const); ok && k.IsNil() {
			continue // cleared, as on shutdown
		}
		stores = append(stores, v)
	}
	return stores, true
}

// packageFuncs returns the functions of pkg: its functions, the methods
// of its types, and the function literals in them.
func packageFuncs(pkg *ssa.Package) []*ssa.Function {
	var out []*ssa.Function
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		if fn == nil || fn.Blocks == nil {
			return
		}
		out = append(out, fn)
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
	}
	for _, m := range pkg.Members {
		switch m := m.(type) {
		case *ssa.Function:
			add(m)
		case *ssa.Type:
			for _, t := range []types.Type{m.Type(), types.NewPointer(m.Type())} {
				ms := pkg.Prog.MethodSets.MethodSet(t)
				for i := range ms.Len() {
					// Declared here, not promoted: no wrapper is built.
					if sel := ms.At(i); len(sel.Index()) == 1 && sel.Obj().Pkg() == pkg.Pkg {
						if fn := pkg.Prog.MethodValue(sel); fn != nil && fn.Synthetic == "" {
							add(fn)
						}
					}
				}
			}
		}
	}
	return out
}

// listenCall returns the net.Listen (or ListenConfig.Listen) call whose
// listener v is, and the listener, or nil.
func listenCall(v ssa.Value) (*ssa.Call, *ssa.Extract) {
	ex, ok := v.(*ssa.Extract)
	if !ok || ex.Index != 0 {
		return nil, nil
	}
	call, ok := ex.Tuple.(*ssa.Call)
	if !ok {
		return nil, nil
	}
	switch flow.CalleeName(call.Common()) {
	case "net.Listen", "(*net.ListenConfig).Listen":
		return call, ex
	}
	return nil, nil
}

// EphemeralListener reports whether a listener value is the result of
// net.Listen whose port the program reads back from it
// (l.Addr().(*net.TCPAddr).Port): a port the system chose (":0") or the
// user gave for one run, which only the program knows and hands on. alist
// serves decrypted downloads to its own proxy that way, and shiori's open
// command serves one archive to the browser it opens; a public server
// listens on the port its operators publish, and has no need to ask.
func EphemeralListener(v ssa.Value) bool {
	v = flow.Unwrap(v)
	if fv, ok := v.(*ssa.FreeVar); ok {
		v = binding(fv)
	} else if alloc := capturedVar(v, parentOf(v)); alloc != nil {
		v = routes.OnlyStore(alloc)
	}
	call, ex := listenCall(v)
	return call != nil && portReadBack(ex)
}

// portReadBack reports whether the program asserts a listener's Addr to
// *net.TCPAddr and reads its Port, also from the variable a function
// literal captures it in.
func portReadBack(l ssa.Value) bool {
	uses := slices.Clone(flow.Referrers(l))
	for _, r := range uses {
		if st, ok := r.(*ssa.Store); ok && st.Val == l {
			for _, u := range flow.Referrers(st.Addr) {
				if load, ok := u.(*ssa.UnOp); ok && load.Op == token.MUL {
					uses = append(uses, flow.Referrers(load)...)
				}
			}
		}
	}
	for _, r := range uses {
		addr, ok := r.(*ssa.Call)
		if !ok || !addr.Call.IsInvoke() || addr.Call.Method.Name() != "Addr" {
			continue
		}
		for _, u := range flow.Referrers(addr) {
			ta, ok := u.(*ssa.TypeAssert)
			if !ok || !isPtrTo(ta.AssertedType, "net", "TCPAddr") {
				continue
			}
			for _, w := range flow.Referrers(ta) {
				if fa, ok := w.(*ssa.FieldAddr); ok && flow.FieldName(fa) == "Port" {
					return true
				}
			}
		}
	}
	return false
}

// isPtrTo reports whether t is a pointer to the named type path.name.
func isPtrTo(t types.Type, path, name string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == path && n.Obj().Name() == name
}

// servesOnlyEphemeral reports whether the server allocs hold is served,
// in the function that makes it and the function literals made there,
// only by Serve or ServeTLS on ephemeral listeners, and at least once. The
// server may be reached through a field it is stored in (d.srv = &http.
// Server{...}; go func() { d.srv.Serve(l) }()).
func servesOnlyEphemeral(allocs []*ssa.Alloc) bool {
	if len(allocs) == 0 || allocs[0].Parent() == nil {
		return false
	}
	type fieldKey struct {
		t types.Type
		i int
	}
	var fields []fieldKey
	for _, a := range allocs {
		for _, r := range flow.Referrers(a) {
			if st, ok := r.(*ssa.Store); ok && st.Val == a {
				if fa, ok := st.Addr.(*ssa.FieldAddr); ok {
					fields = append(fields, fieldKey{fa.X.Type(), fa.Field})
				}
			}
		}
	}
	isServer := func(v ssa.Value) bool {
		v = flow.Unwrap(v)
		if a, ok := v.(*ssa.Alloc); ok && slices.Contains(allocs, a) {
			return true
		}
		load, ok := v.(*ssa.UnOp)
		if !ok || load.Op != token.MUL {
			return false
		}
		if fa, ok := load.X.(*ssa.FieldAddr); ok {
			for _, k := range fields {
				if k.i == fa.Field && types.Identical(k.t, fa.X.Type()) {
					return true
				}
			}
		}
		return false
	}
	serves := 0
	only := true
	var walk func(fn *ssa.Function, depth int)
	walk = func(fn *ssa.Function, depth int) {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				args := call.Common().Args
				switch flow.CalleeName(call.Common()) {
				case "(*net/http.Server).Serve", "(*net/http.Server).ServeTLS":
					if len(args) >= 2 && isServer(args[0]) {
						serves++
						only = only && EphemeralListener(args[1])
					}
				case "(*net/http.Server).ListenAndServe", "(*net/http.Server).ListenAndServeTLS":
					if len(args) >= 1 && isServer(args[0]) {
						only = false
					}
				}
			}
		}
		if depth < maxDepth {
			for _, anon := range fn.AnonFuncs {
				walk(anon, depth+1)
			}
		}
	}
	walk(allocs[0].Parent(), 0)
	return only && serves > 0
}

// binding returns the value a function literal's free variable is bound
// to where the literal is made, or nil.
func binding(fv *ssa.FreeVar) ssa.Value { return flow.Binding(fv) }

// parentOf returns the function an instruction's value is computed in.
func parentOf(v ssa.Value) *ssa.Function {
	if in, ok := v.(ssa.Instruction); ok {
		return in.Parent()
	}
	return nil
}

func constString(v ssa.Value) (string, bool) {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(k.Value), true
}

func loopbackHostPort(s string) bool {
	host, _, err := net.SplitHostPort(s)
	return err == nil && loopbackHost(host)
}

// LoopbackHost reports whether a host name is localhost or a loopback
// address.
func LoopbackHost(host string) bool { return loopbackHost(host) }

func loopbackHost(host string) bool {
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// OpsHandler reports whether a handler value serves operators only: a
// Prometheus scrape handler (knowledge.ScrapeHandlers), a function of
// net/http/pprof or expvar, such a handler adapted for gin (gin.WrapH,
// gin.WrapF), converted (http.HandlerFunc), taken as a method value
// (pprof.Handler("heap").ServeHTTP), wrapped in a middleware of the
// program (wrapsOps) or served by a handler function of the program that
// does nothing else with its request and writer (servesOps: syncthing's
// handleMetrics), or a router made in the same function
// (http.NewServeMux, gin.New), also kept in a variable that a literal
// captures, on which every handler registered, there or by a function it
// is handed to, is one of those.
func OpsHandler(v ssa.Value) bool { return opsHandler(v, 0) }

func opsHandler(v ssa.Value, depth int) bool {
	if v == nil || depth > maxDepth {
		return false
	}
	switch x := flow.Unwrap(v).(type) {
	case *ssa.Function:
		return opsPackage(x.Pkg) || servesOps(x, depth+1)
	case *ssa.MakeClosure:
		// A bound method: pprof.Handler("heap").ServeHTTP serves what
		// its receiver does.
		if len(x.Bindings) == 1 && strings.HasPrefix(x.Fn.(*ssa.Function).Synthetic, "bound method wrapper") {
			return opsHandler(x.Bindings[0], depth+1)
		}
	case *ssa.UnOp:
		// A variable captured by a literal (the mux made in a goroutine
		// that serves it: notifuse's metrics port), loaded from its cell:
		// the value stored there.
		if v := storedOnce(x); v != nil {
			return opsHandler(v, depth+1)
		}
	case *ssa.Extract:
		// exporter, err := prometheus.NewExporter(...) (OpenCensus's
		// Prometheus exporter is the scrape handler itself).
		if call, ok := x.Tuple.(*ssa.Call); ok && x.Index == 0 {
			return knowledge.ScrapeHandlers[flow.CalleeName(call.Common())]
		}
	case *ssa.Call:
		name := flow.CalleeName(x.Common())
		switch {
		case knowledge.ScrapeHandlers[name], knowledge.OpsHandlers[name]:
			return true
		case name == knowledge.Gin+".WrapH", name == knowledge.Gin+".WrapF":
			return len(x.Common().Args) == 1 && opsHandler(x.Common().Args[0], depth+1)
		case name == "net/http.NewServeMux", name == knowledge.Gin+".New", name == knowledge.Gin+".Default":
			return opsRouter(x, depth+1)
		}
		return wrapsOps(x.Common(), depth+1)
	}
	return false
}

// servesOps reports whether a handler function of the program serves an
// operators' handler with the request it is given
// (promhttp.Handler().ServeHTTP(w, r) under a lock and a timer:
// syncthing's handleMetrics) and sends nothing else to the client.
func servesOps(fn *ssa.Function, depth int) bool {
	if len(fn.Blocks) == 0 || len(fn.Params) != 2 || depth > maxDepth {
		return false
	}
	served := false
	for _, p := range fn.Params {
		for _, ref := range flow.Referrers(p) {
			if _, ok := ref.(*ssa.DebugRef); ok {
				continue
			}
			call, ok := ref.(ssa.CallInstruction)
			if !ok || !isServeHTTP(call.Common()) {
				return false // the request or the writer used otherwise
			}
			common := call.Common()
			h := common.Value
			if !common.IsInvoke() && len(common.Args) > 0 {
				h = common.Args[0]
			}
			if !opsHandler(h, depth+1) {
				return false
			}
			served = true
		}
	}
	return served
}

// isServeHTTP reports whether a call is a handler's ServeHTTP, through
// http.Handler or on a concrete handler.
func isServeHTTP(common *ssa.CallCommon) bool {
	if common.IsInvoke() {
		return common.Method.Name() == "ServeHTTP"
	}
	fn := common.StaticCallee()
	return fn != nil && fn.Name() == "ServeHTTP" && fn.Signature.Recv() != nil
}

// wrapsOps reports whether a call is of a middleware of the program
// (passesThrough) handed an operators' handler: what it returns serves
// that handler (crowdsec's computeDynamicMetrics(promhttp.Handler(), db)
// refreshes gauges, then serves the scrape).
func wrapsOps(call *ssa.CallCommon, depth int) bool {
	fn := call.StaticCallee()
	if fn == nil || len(fn.Blocks) == 0 || len(fn.Params) != len(call.Args) || depth > maxDepth {
		return false
	}
	for i, arg := range call.Args {
		if isHandlerType(arg.Type()) && passesThrough(fn, i) && opsHandler(arg, depth) {
			return true
		}
	}
	return false
}

// passesThrough reports whether fn is a middleware of its parameter i:
// every value it returns is a function literal, converted at most
// (http.HandlerFunc(func(w, r) {...})), that captures the parameter (or
// the cell it is spilled to) and only calls its ServeHTTP; fn uses the
// parameter for nothing else.
func passesThrough(fn *ssa.Function, i int) bool {
	var held ssa.Value = fn.Params[i]
	refs := flow.Referrers(held)
	if len(refs) == 1 {
		// A parameter a literal captures is spilled to a cell.
		if st, ok := refs[0].(*ssa.Store); ok && st.Val == held {
			if cell, ok := st.Addr.(*ssa.Alloc); ok {
				held = cell
				refs = flow.Referrers(cell)
			}
		}
	}
	var lits []*ssa.MakeClosure
	for _, ref := range refs {
		switch ref := ref.(type) {
		case *ssa.MakeClosure:
			lits = append(lits, ref)
		case *ssa.Store:
			if ref.Addr != held {
				return false
			}
		default:
			return false
		}
	}
	return len(lits) > 0 && returnsOnly(fn, lits) && slices.IndexFunc(lits, func(mc *ssa.MakeClosure) bool { return !servesOnly(mc, held) }) < 0
}

// returnsOnly reports whether every value fn returns is one of lits,
// converted at most, and it returns one.
func returnsOnly(fn *ssa.Function, lits []*ssa.MakeClosure) bool {
	returns := 0
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		for _, r := range ret.Results {
			mc, ok := flow.Unwrap(r).(*ssa.MakeClosure)
			if !ok || !slices.Contains(lits, mc) {
				return false
			}
			returns++
		}
	}
	return returns > 0
}

// servesOnly reports whether the literal mc makes uses the handler it
// binds as held (directly, or loaded from its cell) only to call its
// ServeHTTP.
func servesOnly(mc *ssa.MakeClosure, held ssa.Value) bool {
	lit, _ := mc.Fn.(*ssa.Function)
	if lit == nil {
		return false
	}
	serveCall := func(v ssa.Value, ref ssa.Instruction) bool {
		call, ok := ref.(ssa.CallInstruction)
		return ok && call.Common().IsInvoke() && call.Common().Value == v && call.Common().Method.Name() == "ServeHTTP"
	}
	for j, b := range mc.Bindings {
		if b != held || j >= len(lit.FreeVars) {
			continue
		}
		fv := lit.FreeVars[j]
		for _, ref := range flow.Referrers(fv) {
			if load, ok := ref.(*ssa.UnOp); ok && load.Op == token.MUL {
				for _, r2 := range flow.Referrers(load) {
					if !serveCall(load, r2) {
						return false
					}
				}
				continue
			}
			if !serveCall(fv, ref) {
				return false
			}
		}
	}
	return true
}

// isHandlerType reports whether t is net/http's Handler or HandlerFunc.
func isHandlerType(t types.Type) bool {
	return analysisutil.IsNamed(t, knowledge.NetHTTP, "Handler") || analysisutil.IsNamed(t, knowledge.NetHTTP, "HandlerFunc")
}

// storedOnce returns, for a load of a variable's cell (*x, where x is the
// variable's Alloc or a literal's free variable bound to it), the one
// value stored into the cell, or nil.
func storedOnce(load *ssa.UnOp) ssa.Value {
	if load.Op != token.MUL {
		return nil
	}
	return flow.StoredOnce(load.X)
}

func opsPackage(p *ssa.Package) bool {
	if p == nil || p.Pkg == nil {
		return false
	}
	switch p.Pkg.Path() {
	case "net/http/pprof", "expvar":
		return true
	}
	return false
}

// opsRouter reports whether every handler registered on a router made by
// call is an operators' handler, and at least one is.
func opsRouter(router *ssa.Call, depth int) bool {
	registered := 0
	// The router and its embedded fields (gin's Engine registers through
	// its RouterGroup): the receivers of its registrations.
	receivers := []ssa.Value{router}
	for _, ref := range flow.Referrers(router) {
		if fa, ok := ref.(*ssa.FieldAddr); ok && fa.X == ssa.Value(router) {
			receivers = append(receivers, fa)
		}
		// A router in a variable that a literal captures lives in a
		// cell: its registrations load it from there (syncthing's
		// metrics mux, served from a goroutine).
		if st, ok := ref.(*ssa.Store); ok && st.Val == ssa.Value(router) && flow.StoredOnce(st.Addr) == ssa.Value(router) {
			for _, use := range flow.Referrers(st.Addr) {
				if load, ok := use.(*ssa.UnOp); ok && load.Op == token.MUL {
					receivers = append(receivers, load)
				}
			}
		}
	}
	for _, recv := range receivers {
		n, ok := registrations(recv, depth)
		if !ok {
			return false
		}
		registered += n
	}
	return registered > 0
}

// opsOrProbe reports whether a handler registered on an operators'
// router serves operators, or is a probe beside such handlers (a health
// endpoint that ignores its request: notifuse's /health beside its
// /metrics); probe says which.
func opsOrProbe(h ssa.Value, depth int) (ok, probe bool) {
	if opsHandler(h, depth) {
		return true, false
	}
	if IgnoresRequest(h) {
		return true, true
	}
	return false, false
}

// registrations counts the operators' handlers registered by the calls
// whose receiver is recv; ok is false when one registers another handler
// or recv is handed to a function that may.
func registrations(recv ssa.Value, depth int) (int, bool) {
	registered := 0
	for _, ref := range flow.Referrers(recv) {
		call, ok := ref.(ssa.CallInstruction)
		if !ok {
			continue
		}
		common := call.Common()
		if !methodOn(common, recv) {
			if !passes(common, recv) {
				continue
			}
			// Handed to a function that may register more: count what
			// a helper of the program registers on its parameter
			// (moira's configureTelemetry(config, service, mux) mounts
			// pprof and the scrape handler).
			n, ok := helperRegistrations(common, recv, depth)
			if !ok {
				return 0, false
			}
			registered += n
			continue
		}
		for _, arg := range routes.Args(common) {
			handlers, ok := handlerArgs(arg)
			if !ok {
				return 0, false
			}
			for _, h := range handlers {
				ok, probe := opsOrProbe(h, depth)
				if !ok {
					return 0, false
				}
				if !probe {
					registered++ // probes alone make no operators' router
				}
			}
		}
	}
	return registered, true
}

// methodOn reports whether call calls a method of recv (a registration
// on the router, if any).
func methodOn(call *ssa.CallCommon, recv ssa.Value) bool {
	if call.IsInvoke() {
		return false // the router is a concrete value here
	}
	return call.Signature().Recv() != nil && len(call.Args) > 0 && call.Args[0] == recv
}

// helperRegistrations is registrations for a router handed to a
// function with a body, as its parameters: ok is false when the callee is
// dynamic or external, or registers another handler.
func helperRegistrations(call *ssa.CallCommon, recv ssa.Value, depth int) (int, bool) {
	callee := call.StaticCallee()
	if callee == nil || len(callee.Blocks) == 0 || depth >= maxDepth || len(callee.Params) != len(call.Args) {
		return 0, false
	}
	registered := 0
	for i, arg := range call.Args {
		if arg != recv {
			continue
		}
		n, ok := registrations(callee.Params[i], depth+1)
		if !ok {
			return 0, false
		}
		registered += n
	}
	return registered, true
}

// passes reports whether call takes v as an argument other than its
// receiver.
func passes(call *ssa.CallCommon, v ssa.Value) bool {
	for i, arg := range call.Args {
		if arg == v && (i > 0 || call.Signature() == nil || call.Signature().Recv() == nil) {
			return true
		}
	}
	return false
}

// handlerArgs returns the handlers an argument of a registration holds: the
// argument itself when it is a function or handler, the elements of a
// variadic slice built in place (gin's handlers ...HandlerFunc), none for
// a string or another plain value; ok is false when a slice cannot be
// followed.
func handlerArgs(arg ssa.Value) ([]ssa.Value, bool) {
	if _, ok := arg.(*ssa.Const); ok {
		return nil, true
	}
	if _, ok := arg.Type().Underlying().(*types.Basic); ok {
		return nil, true
	}
	if _, ok := arg.(*ssa.Slice); !ok {
		return []ssa.Value{arg}, true
	}
	return routes.VariadicElems(arg)
}

// Start says why a server start of the knowledge tables
// (knowledge.ServerStarts), called in fn, serves an internal server, or ""
// when it may be public: a method of an http.Server literal made here
// (Server), or http.ListenAndServe and http.Serve on a loopback address
// or listener or with an operators' handler (Serve).
func Start(call *ssa.CallCommon, fn *ssa.Function) string {
	name := flow.CalleeName(call)
	st, ok := knowledge.ServerStarts[name]
	if !ok {
		return ""
	}
	if st.ServerField {
		if name == "(*net/http.Server).Serve" || name == "(*net/http.Server).ServeTLS" {
			if args := routes.Args(call); len(args) > 0 {
				if why := Serve(nil, args[0], nil); why != "" {
					return why // whatever the server: the listener decides
				}
			}
		}
		alloc := ServerAlloc(routes.Receiver(call), fn)
		if alloc == nil {
			return ""
		}
		return Server(flow.Aliases(alloc))
	}
	args := routes.Args(call)
	if len(args) == 0 {
		return ""
	}
	var handler ssa.Value
	if st.Handler >= 0 && st.Handler < len(args) {
		handler = args[st.Handler]
	}
	switch name {
	case "net/http.ListenAndServe", "net/http.ListenAndServeTLS":
		return Serve(args[0], nil, handler)
	case "net/http.Serve", "net/http.ServeTLS":
		return Serve(nil, args[0], handler)
	}
	return ""
}

// ServerAlloc returns the http.Server literal a server value is: the
// literal, a local variable stored to once with it, or, in a function
// literal fn, the variable of the enclosing function it captures (go
// func() { srv.ListenAndServe() }()); nil when it is none of these.
func ServerAlloc(srv ssa.Value, fn *ssa.Function) *ssa.Alloc {
	if srv == nil {
		return nil
	}
	if load, ok := srv.(*ssa.UnOp); ok && load.Op == token.MUL {
		if v, ok := load.X.(*ssa.Alloc); ok {
			if alloc, ok := routes.OnlyStore(v).(*ssa.Alloc); ok {
				return alloc
			}
		}
	}
	if alloc, ok := srv.(*ssa.Alloc); ok {
		return alloc
	}
	if v := capturedVar(srv, fn); v != nil {
		alloc, _ := routes.OnlyStore(v).(*ssa.Alloc)
		return alloc
	}
	return nil
}

// capturedVar returns, for a load of a variable a function literal
// captures, the variable as its parent function allocates it, or nil.
func capturedVar(v ssa.Value, fn *ssa.Function) *ssa.Alloc {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL || fn == nil || fn.Parent() == nil {
		return nil
	}
	fv, ok := load.X.(*ssa.FreeVar)
	if !ok {
		return nil
	}
	i := slices.Index(fn.FreeVars, fv)
	if i < 0 {
		return nil
	}
	for _, b := range fn.Parent().Blocks {
		for _, instr := range b.Instrs {
			mc, ok := instr.(*ssa.MakeClosure)
			if !ok || mc.Fn != fn || i >= len(mc.Bindings) {
				continue
			}
			if alloc, ok := mc.Bindings[i].(*ssa.Alloc); ok {
				return alloc
			}
		}
	}
	return nil
}

// IgnoresRequest reports whether a handler value is a function (declared,
// a literal, or converted to http.HandlerFunc) whose *http.Request
// parameter it never uses: a probe (a health, version or stats endpoint)
// answers every caller alike.
func IgnoresRequest(v ssa.Value) bool {
	var fn *ssa.Function
	switch x := flow.Unwrap(v).(type) {
	case *ssa.Function:
		fn = x
	case *ssa.MakeClosure:
		fn, _ = x.Fn.(*ssa.Function)
	}
	fn = boundMethod(fn)
	if fn == nil || len(fn.Blocks) == 0 {
		return false
	}
	found := false
	for _, p := range fn.Params {
		if !isPtrTo(p.Type(), knowledge.NetHTTP, "Request") {
			continue
		}
		found = true
		for _, ref := range flow.Referrers(p) {
			if _, debug := ref.(*ssa.DebugRef); !debug {
				return false
			}
		}
	}
	return found
}

// boundMethod returns the method a bound method wrapper calls (the
// handler ctx.homeHandler is a closure over ctx calling
// (Context).homeHandler, which the wrapper hands the request on to), or fn
// itself.
func boundMethod(fn *ssa.Function) *ssa.Function {
	if fn == nil || !strings.HasPrefix(fn.Synthetic, "bound method wrapper") {
		return fn
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(ssa.CallInstruction); ok {
				if callee := call.Common().StaticCallee(); callee != nil {
					return callee
				}
			}
		}
	}
	return fn
}
