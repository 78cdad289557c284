// Package routes finds the HTTP routes a package registers: the routers
// (a ServeMux, a chi router, a gin engine or group, an echo instance or
// group, a gorilla router or subrouter), the middleware installed on them
// and the routes registered on them, with their patterns and handlers.
// The metrics analyzer checks that the routes are instrumented; the
// budget analyzer estimates their latency.
package routes

import (
	"go/constant"
	"go/token"
	"go/types"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// A Router is a router value of the package, with the middleware
// installed on it and the routes registered on it.
type Router struct {
	Key        any // the SSA value, a package-level variable or field, or DefaultMux
	Parent     *Router
	Middleware []*Middleware
	Routes     []*Route
	// Prefix is the path a group adds before its routes' own (gin's
	// r.Group("/api")); PrefixUnknown, that the group has one that is
	// not a constant.
	Prefix        string
	PrefixUnknown bool
}

// defaultMuxKey is the type of DefaultMux.
type defaultMuxKey struct{}

// DefaultMux is the Key of http.DefaultServeMux.
var DefaultMux any = defaultMuxKey{}

// A Middleware is installed on a router or given to one route.
type Middleware struct {
	Pos token.Pos
	Fn  *ssa.Function // the function the call is in
	// Value is the middleware, or nil for a spread slice (r.Use(mws...))
	// whose elements cannot be seen.
	Value   ssa.Value
	Ordered bool // covers only routes registered after it (gin)
}

// A Route is one registration.
type Route struct {
	Call       *ssa.CallCommon
	Fn         *ssa.Function // the function the registration is in
	Pattern    string        // "GET /users/{id}", or "" if not constant
	Path       string
	Router     *Router
	Handler    ssa.Value
	Middleware []*Middleware // for this route alone

	pathKnown  bool   // Path is the registration's constant ("" included: a group's root)
	callMethod string // the method a gorilla/mux Methods call or a method argument names
	pathText   string // a path that is not a constant, as far as it shows (see pathText)
}

// A Set holds the routers of a package, in the order they are found, and
// its routes.
type Set struct {
	ByKey  map[any]*Router
	Order  []*Router
	Routes []*Route
}

func (s *Set) node(key any) *Router {
	if r := s.ByKey[key]; r != nil {
		return r
	}
	r := &Router{Key: key}
	s.ByKey[key] = r
	s.Order = append(s.Order, r)
	return r
}

// RootOf returns the root router of the tree a router belongs to.
func RootOf(r *Router) *Router {
	for i := 0; r.Parent != nil && i < 64; i++ {
		r = r.Parent
	}
	return r
}

// Collect finds the routers, middleware and routes of a package's
// functions.
func Collect(funcs []*ssa.Function) *Set {
	s := &Set{ByKey: make(map[any]*Router)}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				ci, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				call := ci.Common()
				name := flow.CalleeName(call)
				if op, ok := knowledge.RouterOps[name]; ok {
					s.routerOp(fn, call, ci, op, name)
				}
				if spec, ok := knowledge.Routes[name]; ok {
					s.registration(fn, ci, spec)
				}
			}
		}
	}
	return s
}

// routerOp records the middleware a call installs and the router it
// derives.
func (s *Set) routerOp(fn *ssa.Function, call *ssa.CallCommon, ci ssa.CallInstruction, op knowledge.RouterOp, name string) {
	recv := Key(Receiver(call))
	if recv == nil {
		return
	}
	parent := s.node(recv)
	target := parent
	if op.Child {
		if v, ok := ci.(*ssa.Call); ok {
			target = s.node(v)
			if target != parent {
				target.Parent = parent
				setPrefix(target, call, name)
			}
		}
	}
	if op.Middleware >= 0 {
		for _, mw := range middlewareArgs(call, op.Middleware, fn) {
			mw.Ordered = op.Ordered
			target.Middleware = append(target.Middleware, mw)
		}
	}
	if op.Callback >= 0 {
		a := Args(call)
		if op.Callback < len(a) {
			if cb := FuncOf(a[op.Callback]); cb != nil && len(cb.Params) > 0 {
				child := s.node(ssa.Value(cb.Params[0]))
				if child != parent {
					child.Parent = parent
					setPrefix(child, call, name)
				}
			}
		}
	}
}

// setPrefix records the path prefix of a group a call derives, if the
// call is one that takes a prefix.
func setPrefix(r *Router, call *ssa.CallCommon, name string) {
	if name == knowledge.GorillaSubrouter {
		// The prefix is the path of the route the subrouter is made
		// from: r.PathPrefix("/api").Subrouter().
		if p := strings.TrimSuffix(gorillaPath(Receiver(call)), "*"); p != "" {
			r.Prefix = p
		}
		return
	}
	i, ok := knowledge.GroupPrefixes[name]
	if !ok {
		return
	}
	a := Args(call)
	if i >= len(a) {
		return
	}
	if k, ok := a[i].(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
		r.Prefix = constant.StringVal(k.Value)
		return
	}
	r.PrefixUnknown = true
}

// FullPattern is the route's pattern with the prefixes of the groups it
// is registered on (GET /api/users for a GET /users on r.Group("/api")),
// and whether they are all known; its own Pattern when a group's prefix
// is not a constant. A route registered on a router handed in from
// elsewhere (a parameter, a field) gets no prefix: the groups above it
// are not seen.
func (rt *Route) FullPattern() (string, bool) {
	if !rt.pathKnown {
		return rt.Pattern, false // a path that is not a constant: not the group's root
	}
	path := rt.Path
	for r, i := rt.Router, 0; r != nil && i < 64; r, i = r.Parent, i+1 {
		if r.PrefixUnknown {
			return rt.Pattern, false
		}
		if r.Prefix != "" {
			path = joinRoute(r.Prefix, path)
		}
	}
	if path == rt.Path {
		return rt.Pattern, true
	}
	if m := rt.method(); m != "" {
		return m + " " + path, true
	}
	return path, true
}

// Name is the route's name for people: its FullPattern when its path is
// a constant, else its method and what its path shows ("GET …/install"
// for c.BaseURL+"/install", "GET …" for the root of a group whose prefix
// is not seen), or "" when nothing of it does. Only a FullPattern names a
// plan's endpoints: entry.
func (rt *Route) Name() string {
	p, _ := rt.FullPattern()
	if p != "" {
		return p
	}
	text := rt.pathText
	if rt.pathKnown && rt.Path == "" {
		text = unknownPart // the root of a group whose prefix is not seen: group.Any("", h)
	}
	if text == "" {
		return ""
	}
	if m := rt.method(); m != "" {
		return m + " " + text
	}
	return text
}

// unknownPart stands for a part of a route's path that is not a constant.
const unknownPart = "…"

// pathText renders a path that is not a constant as far as the code shows
// it: the constant parts of a concatenation, of path.Join or of
// fmt.Sprintf's format, with "…" for the rest; "" when no part is a
// constant.
func pathText(v ssa.Value, depth int) string {
	s := renderPath(v, depth)
	if strings.Trim(s, unknownPart+"/") == "" {
		return ""
	}
	return s
}

func renderPath(v ssa.Value, depth int) string {
	if depth > 8 {
		return unknownPart
	}
	switch x := v.(type) {
	case *ssa.Const:
		if x.Value != nil && x.Value.Kind() == constant.String {
			return constant.StringVal(x.Value)
		}
	case *ssa.BinOp:
		if x.Op == token.ADD {
			return renderPath(x.X, depth+1) + renderPath(x.Y, depth+1)
		}
	case *ssa.Call:
		switch flow.CalleeName(&x.Call) {
		case "path.Join":
			elems, ok := VariadicElems(Args(&x.Call)[0])
			if !ok {
				break
			}
			parts := make([]string, len(elems))
			for i, e := range elems {
				parts[i] = renderPath(e, depth+1)
			}
			return path.Join(parts...) // "…" is an element like any other
		case "fmt.Sprintf":
			if a := Args(&x.Call); len(a) > 0 {
				if k, ok := a[0].(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
					return sprintfVerbs.ReplaceAllString(constant.StringVal(k.Value), unknownPart)
				}
			}
		}
	}
	return unknownPart
}

// sprintfVerbs matches fmt's verbs in a format ("%s", "%d", "%v").
var sprintfVerbs = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z]`)

// method is the method the route's registration names, if any.
func (rt *Route) method() string {
	if spec, ok := knowledge.Routes[flow.CalleeName(rt.Call)]; ok && spec.Method != "" {
		return spec.Method
	}
	return rt.callMethod
}

// joinRoute joins a group's prefix and a route's path as gin and echo do:
// /api and /users make /api/users; /api and "" make /api.
func joinRoute(prefix, path string) string {
	if path == "" {
		return prefix
	}
	return strings.TrimSuffix(prefix, "/") + "/" + strings.TrimPrefix(path, "/")
}

// passedNone reports whether v is the variadic parameter of fn and every
// call of fn in its package passes it no element (dkron's
// APIRoutes(r, middleware ...gin.HandlerFunc), which v1.Use(middleware...)
// installs, and whose one call, h.APIRoutes(rootPath), gives none: judged
// false when its routes were taken as covered), with fn not used as a
// value there.
func passedNone(v ssa.Value, fn *ssa.Function) bool {
	p, ok := v.(*ssa.Parameter)
	if !ok || fn == nil || fn.Pkg == nil || !fn.Signature.Variadic() || len(fn.Params) == 0 || fn.Params[len(fn.Params)-1] != p {
		return false
	}
	calls := 0
	for _, m := range fn.Pkg.Members {
		f, ok := m.(*ssa.Function)
		var funcs []*ssa.Function
		if ok {
			funcs = append(funcs, f)
		} else if t, ok := m.(*ssa.Type); ok {
			mset := fn.Prog.MethodSets.MethodSet(types.NewPointer(t.Type()))
			for i := range mset.Len() {
				if mf := fn.Prog.MethodValue(mset.At(i)); mf != nil && mf.Pkg == fn.Pkg {
					funcs = append(funcs, mf)
				}
			}
		}
		for _, f := range funcs {
			n, ok := callsPassingNone(f, fn)
			if !ok {
				return false
			}
			calls += n
		}
	}
	return calls > 0
}

// callsPassingNone counts the calls of callee in f and its function
// literals, not ok when one passes a variadic element or f uses callee
// otherwise than by calling it.
func callsPassingNone(f, callee *ssa.Function) (int, bool) {
	n := 0
	for _, b := range f.Blocks {
		for _, instr := range b.Instrs {
			for _, op := range instr.Operands(nil) {
				if op == nil || *op != ssa.Value(callee) {
					continue
				}
				call, ok := instr.(ssa.CallInstruction)
				if !ok || call.Common().Value != callee {
					return 0, false // used as a value
				}
				last := call.Common().Args[len(call.Common().Args)-1]
				if k, ok := last.(*ssa.Const); !ok || !k.IsNil() {
					return 0, false
				}
				n++
			}
		}
	}
	for _, anon := range f.AnonFuncs {
		k, ok := callsPassingNone(anon, callee)
		if !ok {
			return 0, false
		}
		n += k
	}
	return n, true
}

// middlewareArgs returns the middleware among a call's arguments from
// index on (a variadic slice, or single values).
func middlewareArgs(call *ssa.CallCommon, index int, fn *ssa.Function) []*Middleware {
	a := Args(call)
	if index >= len(a) {
		return nil
	}
	var vals []ssa.Value
	if sig := calleeSig(call); sig != nil && sig.Variadic() && index == len(a)-1 {
		elems, ok := VariadicElems(a[index])
		if !ok && passedNone(a[index], fn) {
			return nil // the function's middleware parameter, never given any
		}
		if !ok {
			return []*Middleware{{Pos: call.Pos(), Fn: fn}} // a spread slice
		}
		vals = elems
	} else {
		vals = a[index:]
	}
	var out []*Middleware
	for _, v := range vals {
		out = append(out, &Middleware{Pos: call.Pos(), Fn: fn, Value: v})
	}
	return out
}

// registration records one route.
func (s *Set) registration(fn *ssa.Function, ci ssa.CallInstruction, spec knowledge.RouteSpec) {
	call := ci.Common()
	var key any
	if call.Signature().Recv() == nil && !call.IsInvoke() && call.StaticCallee() != nil && call.StaticCallee().Signature.Recv() == nil {
		key = DefaultMux // http.Handle, http.HandleFunc
	} else {
		key = Key(Receiver(call))
	}
	if key == nil {
		return
	}
	rt := &Route{Call: call, Fn: fn, Router: s.node(key)}
	a := Args(call)
	if spec.Pattern >= 0 && spec.Pattern < len(a) {
		if k, ok := a[spec.Pattern].(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
			rt.Path, rt.pathKnown = constant.StringVal(k.Value), true
		} else {
			rt.pathText = pathText(a[spec.Pattern], 0)
		}
	}
	if spec.OnRoute {
		rt.Path = gorillaPath(Receiver(call))
		rt.pathKnown = rt.Path != ""
	}
	rt.Pattern = rt.Path
	if strings.Contains(flow.CalleeName(call), knowledge.GorillaMx+".") {
		rt.callMethod = gorillaMethod(ci, spec.OnRoute)
	}
	if spec.MethodArg && len(a) > 0 {
		if k, ok := a[0].(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
			rt.callMethod = strings.ToUpper(constant.StringVal(k.Value)) // r.Handle("PROPFIND", ...)
		}
	}
	if m := rt.method(); m != "" && rt.Path != "" {
		rt.Pattern = m + " " + rt.Path
	}
	if spec.Handler < len(a) {
		if spec.Variadic {
			elems, ok := VariadicElems(a[spec.Handler])
			if !ok || len(elems) == 0 {
				return // handlers we cannot see
			}
			rt.Handler = elems[len(elems)-1]
			for _, v := range elems[:len(elems)-1] {
				rt.Middleware = append(rt.Middleware, &Middleware{Pos: call.Pos(), Fn: fn, Value: v})
			}
		} else {
			rt.Handler = a[spec.Handler]
		}
	}
	if spec.Middleware >= 0 {
		rt.Middleware = append(rt.Middleware, middlewareArgs(call, spec.Middleware, fn)...)
	}
	rt.Router.Routes = append(rt.Router.Routes, rt)
	s.Routes = append(s.Routes, rt)
}

// Key returns the identity of the router a value denotes: the value
// itself, the package-level variable or field it is loaded from, the
// router a gorilla route or a gin Use result belongs to, the Engine of a
// gin RouterGroup promoted method.
func Key(v ssa.Value) any {
	for range 16 {
		v = flow.Unwrap(v)
		switch x := v.(type) {
		case nil:
			return nil
		case *ssa.FieldAddr:
			if f := fieldVar(x.X.Type(), x.Field); f != nil && f.Embedded() {
				v = x.X // gin: &engine.RouterGroup
				continue
			}
			return x
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return x
			}
			switch addr := x.X.(type) {
			case *ssa.Global:
				if obj := addr.Object(); obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == knowledge.NetHTTP && obj.Name() == "DefaultServeMux" {
					return DefaultMux
				}
				return addr.Object()
			case *ssa.FieldAddr:
				if f := fieldVar(addr.X.Type(), addr.Field); f != nil {
					if f.Embedded() {
						v = addr.X
						continue
					}
					return f
				}
			case *ssa.Alloc:
				if val := OnlyStore(addr); val != nil {
					v = val
					continue
				}
			}
			return x
		case *ssa.Call:
			if op, ok := knowledge.RouterOps[flow.CalleeName(x.Common())]; ok && op.Same {
				v = Receiver(x.Common())
				continue
			}
			return x
		case *ssa.Global:
			if obj := x.Object(); obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == knowledge.NetHTTP && obj.Name() == "DefaultServeMux" {
				return DefaultMux
			}
			return x
		case *ssa.Phi:
			if base := phiBase(x); base != nil {
				return base
			}
			return x
		default:
			return v
		}
	}
	return v
}

// phiBase returns the router a Phi of routers stands for when each of its
// values is that router or one derived from it (statping's
// r = r.PathPrefix(base).Subrouter() under a condition: the root's
// middleware covers both), or nil.
func phiBase(phi *ssa.Phi) any {
	var base any
	for _, e := range phi.Edges {
		if e == ssa.Value(phi) {
			continue
		}
		if _, ok := flow.Unwrap(e).(*ssa.Phi); ok {
			return nil // Phis of Phis (loops) are not followed
		}
		k := Key(e)
		for range 16 {
			call, ok := k.(*ssa.Call)
			if !ok {
				break
			}
			op, ok := knowledge.RouterOps[flow.CalleeName(call.Common())]
			if !ok || !op.Child {
				break
			}
			k = Key(Receiver(call.Common()))
		}
		switch {
		case k == nil:
			return nil
		case base == nil:
			base = k
		case base != k:
			return nil
		}
	}
	return base
}

// gorillaPath returns the path template of a gorilla/mux route built with
// Path or PathPrefix.
func gorillaPath(v ssa.Value) string {
	for range 16 {
		call, ok := v.(*ssa.Call)
		if !ok {
			return ""
		}
		name := flow.CalleeName(call.Common())
		if strings.HasSuffix(name, ".Path") || strings.HasSuffix(name, ".PathPrefix") {
			if a := Args(call.Common()); len(a) > 0 {
				if k, ok := a[0].(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
					p := constant.StringVal(k.Value)
					if strings.HasSuffix(name, ".PathPrefix") {
						p += "*"
					}
					return p
				}
			}
			return ""
		}
		if _, ok := knowledge.RouterOps[name]; !ok {
			return ""
		}
		v = Receiver(call.Common())
	}
	return ""
}

// gorillaMethod returns the one method a gorilla/mux route is restricted
// to by Methods, called on the route's chain before a registration on the
// route (r.Methods("GET").Path("/x").HandlerFunc(h)) or on the route a
// registration returns (r.HandleFunc("/x", h).Methods("GET")); "" when
// it lists none or several, or is not a constant.
func gorillaMethod(ci ssa.CallInstruction, onRoute bool) string {
	var found []string
	collect := func(call *ssa.CallCommon) {
		for _, a := range Args(call) {
			elems, ok := VariadicElems(a)
			if !ok {
				found = append(found, "?", "?")
				return
			}
			for _, e := range elems {
				k, ok := e.(*ssa.Const)
				if !ok || k.Value == nil || k.Value.Kind() != constant.String {
					found = append(found, "?", "?")
					return
				}
				found = append(found, strings.ToUpper(constant.StringVal(k.Value)))
			}
		}
	}
	// chained reports whether c refines the route (a RouterOp of
	// gorilla's), collecting the methods it names.
	chained := func(c *ssa.Call) bool {
		name := flow.CalleeName(c.Common())
		if _, ok := knowledge.RouterOps[name]; !ok {
			return false
		}
		if knowledge.GorillaMethods[name] {
			collect(c.Common())
		}
		return true
	}
	if onRoute {
		v := Receiver(ci.Common())
		for range 16 {
			c, ok := v.(*ssa.Call)
			if !ok || !chained(c) {
				break
			}
			v = Receiver(c.Common())
		}
	}
	v, _ := ci.(*ssa.Call)
	for i := 0; v != nil && i < 16; i++ {
		var next *ssa.Call
		for _, ref := range flow.Referrers(v) {
			if c, ok := ref.(*ssa.Call); ok && Receiver(c.Common()) == ssa.Value(v) && chained(c) {
				next = c
			}
		}
		v = next
	}
	if len(found) != 1 {
		return ""
	}
	return found[0]
}

// PathOf returns the path of a ServeMux pattern ("GET host/p/{$}"),
// without method, host and {$}.
func PathOf(pattern string) string {
	p := strings.TrimSpace(pattern)
	if i := strings.IndexAny(p, " \t"); i >= 0 {
		p = strings.TrimSpace(p[i+1:])
	}
	if i := strings.Index(p, "/"); i > 0 {
		p = p[i:] // drop the host
	}
	return strings.TrimSuffix(p, "{$}")
}

// VariadicElems returns the elements of a variadic argument built at the
// call (f(a, b) packs [a b]); false for a spread slice (f(s...)).
func VariadicElems(v ssa.Value) ([]ssa.Value, bool) {
	if k, ok := v.(*ssa.Const); ok && k.IsNil() {
		return nil, true
	}
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil, false
	}
	alloc, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil, false
	}
	type elem struct {
		i int64
		v ssa.Value
	}
	var elems []elem
	for _, ref := range flow.Referrers(alloc) {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		idx, ok := ia.Index.(*ssa.Const)
		if !ok || idx.Value == nil {
			return nil, false
		}
		i, _ := constant.Int64Val(idx.Value)
		for _, r2 := range flow.Referrers(ia) {
			if st, ok := r2.(*ssa.Store); ok && st.Addr == ia {
				elems = append(elems, elem{i, st.Val})
			}
		}
	}
	slices.SortFunc(elems, func(a, b elem) int { return int(a.i - b.i) })
	out := make([]ssa.Value, len(elems))
	for i, e := range elems {
		out[i] = e.v
	}
	return out, true
}

func calleeSig(call *ssa.CallCommon) *types.Signature {
	if call.IsInvoke() {
		if call.Method != nil {
			sig, _ := call.Method.Type().(*types.Signature)
			return sig
		}
		return nil
	}
	if fn := call.StaticCallee(); fn != nil {
		return fn.Signature
	}
	return call.Signature()
}

// FuncOf returns the function a value denotes: a function or a closure.
func FuncOf(v ssa.Value) *ssa.Function {
	switch x := flow.Unwrap(v).(type) {
	case *ssa.Function:
		return x
	case *ssa.MakeClosure:
		fn, _ := x.Fn.(*ssa.Function)
		return fn
	}
	return nil
}

// Receiver returns the receiver of a method call, static or dynamic.
func Receiver(call *ssa.CallCommon) ssa.Value {
	if call.IsInvoke() {
		return call.Value
	}
	if len(call.Args) > 0 {
		return call.Args[0]
	}
	return nil
}

// Args returns a call's arguments without the receiver of a static method
// call, so that they line up with the parameters the knowledge tables
// index.
func Args(call *ssa.CallCommon) []ssa.Value {
	if call.IsInvoke() {
		return call.Args
	}
	if fn := call.StaticCallee(); fn != nil && fn.Signature.Recv() != nil && len(call.Args) > 0 {
		return call.Args[1:]
	}
	return call.Args
}

// OnlyStore returns the value stored in a local variable that is stored
// to once.
func OnlyStore(a *ssa.Alloc) ssa.Value {
	var out ssa.Value
	n := 0
	for _, ref := range flow.Referrers(a) {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == a {
			out = st.Val
			n++
		}
	}
	if n == 1 {
		return out
	}
	return nil
}

// fieldVar returns field i of the struct t points to (or is).
func fieldVar(t types.Type, i int) *types.Var {
	t = types.Unalias(t)
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || i < 0 || i >= st.NumFields() {
		return nil
	}
	return st.Field(i)
}

// MayRegister reports whether a package's code may register a route or
// a gRPC service: it names a function or method of knowledge.Routes or
// knowledge.RouterOps, or a function named as a generated
// RegisterXServer. Collect and GRPCServices find nothing in a package that
// does not (they match calls by those names), and building its SSA form
// only to look is, for most dependencies, the costliest part of their
// analysis.
func MayRegister(info *types.Info) bool {
	pkgs := routerPackages()
	for _, obj := range info.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() == nil {
			continue
		}
		if strings.HasPrefix(fn.Name(), "Register") && strings.HasSuffix(fn.Name(), "Server") {
			return true
		}
		if !pkgs[fn.Pkg().Path()] {
			continue // most uses: no name to build
		}
		name := fn.Origin().FullName()
		if _, ok := knowledge.Routes[name]; ok {
			return true
		}
		if _, ok := knowledge.RouterOps[name]; ok {
			return true
		}
	}
	return false
}

// routerPackages are the packages that declare the functions and methods
// of knowledge.Routes and knowledge.RouterOps.
var routerPackages = sync.OnceValue(func() map[string]bool {
	pkgs := make(map[string]bool)
	add := func(name string) {
		// "net/http.HandleFunc", "(*github.com/gin-gonic/gin.RouterGroup).GET"
		if inner, ok := strings.CutPrefix(name, "("); ok {
			name, _, _ = strings.Cut(strings.TrimPrefix(inner, "*"), ")")
		}
		if i := strings.LastIndex(name, "."); i > 0 {
			pkgs[name[:i]] = true
		}
	}
	for name := range knowledge.Routes {
		add(name)
	}
	for name := range knowledge.RouterOps {
		add(name)
	}
	return pkgs
})
