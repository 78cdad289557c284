package metrics

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/internal/routes"
	"github.com/perfvet/perfvet/analyzers/internal/serverrole"
)

// A router is a router value of the package (a ServeMux, a chi router, a
// gin engine or group, an echo instance or group, a gorilla router or
// subrouter), with the middleware installed on it and the routes
// registered on it.
type router struct {
	key     any // the SSA value, a package-level variable or field, or defaultMux
	parent  *router
	mws     []*middleware
	routes  []*route
	wrapped string // an instrumenting wrapper the router itself is passed to, or ""
}

// defaultMux is the key of http.DefaultServeMux.
var defaultMux = routes.DefaultMux

// A middleware is installed on a router or given to one route.
type middleware struct {
	pos         token.Pos
	fn          *ssa.Function // the function the call is in
	instruments bool
	name        string
	ordered     bool // covers only routes registered after it (gin)
}

// A route is one registration.
type route struct {
	call    *ssa.CallCommon
	fn      *ssa.Function
	pattern string // "GET /users/{id}", "GET …/install" for a path that is not a constant, or "" when none of it is
	path    string
	router  *router
	handler ssa.Value
	mws     []*middleware // for this route alone
	exempt  bool
	covered bool
	via     string // what covers it
	// self: the handler records, and only histograms of unknown name (a
	// database timer it reaches; selfTimed): it covers its own route, and
	// says nothing about how the router's routes are measured.
	self bool
}

// routerSet collects the routers of the package.
type routerSet struct {
	c      *checker
	byKey  map[any]*router
	order  []*router
	routes []*route
}

func (s *routerSet) node(key any) *router {
	if r := s.byKey[key]; r != nil {
		return r
	}
	r := &router{key: key}
	s.byKey[key] = r
	s.order = append(s.order, r)
	return r
}

// checkRoutes reports the routes that no metrics middleware covers, in
// routers where other routes are covered: the program instruments its
// routes, but not this one.
func (c *checker) checkRoutes() {
	s := c.collectRoutersOnce()
	if len(s.routes) == 0 {
		return
	}
	for _, rt := range s.routes {
		c.cover(rt)
	}
	// The evidence is the tree's: a root router and the routers derived
	// from it. A route covered only by its own handler's timers of
	// unknown name (a database timer the handler reaches) is not
	// evidence: statping's setup handler made 7 routes of its root
	// router look uncovered.
	evidence := make(map[*router]string)
	for _, rt := range s.routes {
		if rt.covered && rt.via != "" && !rt.self {
			if root := rootOf(rt.router); evidence[root] == "" {
				evidence[root] = rt.via
			}
		}
	}
	for _, r := range s.order {
		for _, mw := range r.mws {
			if mw.instruments {
				if root := rootOf(r); evidence[root] == "" {
					evidence[root] = mw.name
				}
			}
		}
	}
	// The middleware is the tree's way of measuring its routes only when
	// it covers a fair share of them: a few routes wrapped with a counter
	// of their own among many more that are not (dendrite's MakeHTTPAPI,
	// on 3 of 138 routes) say that the program does not measure its
	// routes, which the server check reports once, not that 135 routes
	// were forgotten, each its own finding. A quarter is the line.
	covered, uncovered := make(map[*router]int), make(map[*router]int)
	for _, rt := range s.routes {
		switch root := rootOf(rt.router); {
		case rt.exempt:
		case rt.covered && !rt.self:
			covered[root]++
		case !rt.covered:
			uncovered[root]++
		}
	}
	for _, rt := range s.routes {
		if rt.covered || rt.exempt {
			continue
		}
		root := rootOf(rt.router)
		via := evidence[root]
		if via == "" {
			continue // nothing in this router is instrumented: the server check says what is missing
		}
		if 3*covered[root] < uncovered[root] {
			continue // a few routes with counters of their own: not the tree's measure
		}
		call := c.callExpr(rt.call.Pos())
		if call == nil {
			continue
		}
		what := "this route"
		if rt.pattern != "" {
			what = "route " + strconvQuote(rt.pattern)
		}
		related := c.coveredSibling(s, rt)
		c.reportRelated(call, CategoryRoute, related, "%s is not covered by the metrics middleware (%s) that covers the other routes of its router, so its requests are missing from the request rates and latencies the plan's SLOs are read from; wrap its handler or register it where the middleware applies", what, via)
	}
}

// selfTimed reports whether a handler value that instruments does so only
// through handler functions whose recordings are histograms of unknown
// name (a database timer they reach), whether given as they are or to a
// wrapper that records nothing itself (authenticated(h)): such a route
// covers itself, and says nothing of how its router's routes are
// measured.
func (c *checker) selfTimed(v ssa.Value, depth int) bool {
	if v == nil || depth > 8 {
		return false
	}
	switch v := unwrap(v).(type) {
	case *ssa.Function:
		return c.timesOnlyUnnamed(v)
	case *ssa.MakeClosure:
		fn, _ := v.Fn.(*ssa.Function)
		return fn != nil && c.timesOnlyUnnamed(fn)
	case *ssa.Phi:
		for _, e := range v.Edges {
			if c.valueInstruments(e, depth+1) && !c.selfTimed(e, depth+1) {
				return false
			}
		}
		return true
	case *ssa.Extract:
		return c.selfTimed(v.Tuple, depth+1)
	case *ssa.Call:
		if _, ok := knowledge.Instrumenters[flow.CalleeName(v.Common())]; ok {
			return false
		}
		callee := v.Common().StaticCallee()
		if callee == nil {
			return !v.Common().IsInvoke() && c.selfTimed(v.Common().Value, depth+1)
		}
		if c.funcInstruments(callee) {
			// A wrapper that records: the router's way of measuring. A
			// factory that wraps nothing of its caller's makes the
			// handler itself, and what it records is that handler's own
			// (dendrite's makeDownloadAPI, with its media size
			// histograms), unless it is the plan's.
			return !wrapsHandler(callee) && c.recordsOwn(callee)
		}
		for _, a := range v.Common().Args {
			if c.valueInstruments(a, depth+1) && !c.selfTimed(a, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// timesOnlyUnnamed reports whether calling fn records histograms of
// unknown name only (no metric of the plan, no instrumentation library).
func (c *checker) timesOnlyUnnamed(fn *ssa.Function) bool {
	f, library := c.funcRecords(fn)
	return !library && f != nil && f.Unnamed && f.Library == "" && !c.recordsPlanned(f)
}

// recordsOwn reports whether calling fn records metrics of its own only:
// no metric of the plan, and no instrumentation library but one that
// records into the program's own metric (dendrite's makeDownloadAPI
// hands its counter to promhttp.InstrumentHandlerCounter).
func (c *checker) recordsOwn(fn *ssa.Function) bool {
	f, library := c.funcRecords(fn)
	return !library && f != nil && (f.Library == "" || ownMetricLibrary(f.Library)) && !c.recordsPlanned(f)
}

// ownMetricLibrary reports whether an instrumentation library call, as
// a recordsFact names it, records into a metric the program hands it
// (knowledge.Instrumenter.MetricArg).
func ownMetricLibrary(display string) bool {
	for name, in := range knowledge.Instrumenters {
		if in.MetricArg >= 0 && displayName(name) == display {
			return true
		}
	}
	return false
}

// wrapsHandler reports whether fn takes something to wrap: a function (a
// handler func, a handler of the program's own shape) or an
// http.Handler.
func wrapsHandler(fn *ssa.Function) bool {
	params := fn.Signature.Params()
	for i := range params.Len() {
		t := params.At(i).Type()
		if _, ok := t.Underlying().(*types.Signature); ok || analysisutil.IsNamed(t, knowledge.NetHTTP, "Handler") {
			return true
		}
	}
	return false
}

// coveredSibling points at a covered route of the same tree.
func (c *checker) coveredSibling(s *routerSet, rt *route) []analysis.RelatedInformation {
	root := rootOf(rt.router)
	for _, other := range s.routes {
		if other != rt && other.covered && !other.self && rootOf(other.router) == root {
			if call := c.callExpr(other.call.Pos()); call != nil {
				return []analysis.RelatedInformation{{Pos: call.Pos(), End: call.End(), Message: "a route the middleware covers"}}
			}
		}
	}
	return nil
}

func rootOf(r *router) *router {
	for i := 0; r.parent != nil && i < 64; i++ {
		r = r.parent
	}
	return r
}

// cover decides whether a route is covered: its handler or its own
// middleware instruments, or a router above it has instrumenting
// middleware, or is itself wrapped in an instrumenting handler.
func (c *checker) cover(rt *route) {
	if rt.exempt {
		return
	}
	if c.valueInstruments(rt.handler, 0) {
		rt.covered, rt.via, rt.self = true, c.valueName(rt.handler), c.selfTimed(rt.handler, 0)
		return
	}
	for _, mw := range rt.mws {
		if mw.instruments {
			rt.covered, rt.via = true, mw.name
			return
		}
	}
	for r, i := rt.router, 0; r != nil && i < 64; r, i = r.parent, i+1 {
		if r.wrapped != "" {
			rt.covered = true // the router as a whole is wrapped
			return
		}
		for _, mw := range r.mws {
			if !mw.instruments {
				continue
			}
			if mw.ordered && mw.fn == rt.fn && mw.pos > rt.call.Pos() {
				continue // gin: installed after the route was registered
			}
			rt.covered = true
			return
		}
	}
}

// collectRouters finds the package's routers, middleware and routes
// (routes.Collect) and decides which middleware instruments and which
// routes are exempt.
func (c *checker) collectRouters() *routerSet {
	s := &routerSet{c: c, byKey: make(map[any]*router)}
	found := routes.Collect(c.funcs)
	conv := make(map[*routes.Router]*router, len(found.Order))
	for _, fr := range found.Order {
		r := s.node(fr.Key)
		conv[fr] = r
		for _, mw := range fr.Middleware {
			r.mws = append(r.mws, c.middleware(mw))
		}
	}
	for _, fr := range found.Order {
		if fr.Parent != nil {
			conv[fr].parent = conv[fr.Parent]
		}
	}
	for _, frt := range found.Routes {
		// Named with its groups' prefixes, as a client calls it.
		rt := &route{call: frt.Call, fn: frt.Fn, pattern: frt.Name(), path: frt.Path, router: conv[frt.Router], handler: frt.Handler}
		for _, mw := range frt.Middleware {
			rt.mws = append(rt.mws, c.middleware(mw))
		}
		rt.exempt = c.isExempt(rt)
		rt.router.routes = append(rt.router.routes, rt)
		s.routes = append(s.routes, rt)
	}
	// Routers passed, as a whole, to an instrumenting wrapper.
	for _, r := range s.order {
		if v, ok := r.key.(ssa.Value); ok {
			r.wrapped = c.wrappedBy(v)
		}
	}
	return s
}

// middleware says whether a middleware instruments, and names it.
func (c *checker) middleware(mw *routes.Middleware) *middleware {
	if mw.Value == nil {
		// A spread slice (r.Use(mws...)): we cannot tell; assume it
		// instruments rather than report its routes.
		return &middleware{pos: mw.Pos, fn: mw.Fn, instruments: true, name: "middleware", ordered: mw.Ordered}
	}
	return &middleware{pos: mw.Pos, fn: mw.Fn, instruments: c.valueInstruments(mw.Value, 0), name: c.valueName(mw.Value), ordered: mw.Ordered}
}

// routerKey returns the identity of the router a value denotes.
func (c *checker) routerKey(v ssa.Value) any { return routes.Key(v) }

// wrappedBy returns the instrumenting call a router value is passed to as
// a whole (metrics.Instrument(mux), otelhttp.NewHandler(r, "api")).
func (c *checker) wrappedBy(v ssa.Value) string {
	vals := []ssa.Value{v}
	for _, ref := range flow.Referrers(v) {
		switch ref := ref.(type) {
		case *ssa.MakeInterface:
			vals = append(vals, ref)
		case *ssa.ChangeType:
			vals = append(vals, ref)
		}
	}
	for _, val := range vals {
		for _, ref := range flow.Referrers(val) {
			call, ok := ref.(*ssa.Call)
			if !ok {
				continue
			}
			isArg := slices.Contains(args(call.Common()), val)
			if isArg && c.valueInstruments(call, 0) {
				return c.valueName(call)
			}
		}
	}
	return ""
}

// isExempt reports whether a route needs no metrics middleware: its path
// is one of the exemptions (the scrape endpoint, health checks), or its
// handler serves the metrics or serves operators (profiling, runtime
// variables: flipt mounts chi's middleware.Profiler at /debug).
func (c *checker) isExempt(rt *route) bool {
	if c.isScrapeHandler(rt.handler, 0) || serverrole.OpsHandler(rt.handler) {
		return true
	}
	path := routes.PathOf(rt.path)
	if path == "" {
		return false
	}
	for _, e := range c.exempt {
		if prefix, ok := strings.CutSuffix(e, "*"); ok {
			if strings.HasPrefix(path, prefix) {
				return true
			}
			continue
		}
		if exemptPath(path, e) {
			return true
		}
	}
	return false
}

// exemptPath reports whether a route's path is the exempt path e, or ends
// with it after a prefix of the service's own (cerbos' /_cerbos/health,
// /api/v1/healthz): a trailing slash is ignored on both.
func exemptPath(path, e string) bool {
	path, e = strings.TrimSuffix(path, "/"), strings.TrimSuffix(e, "/")
	if path == e {
		return true
	}
	return strings.HasPrefix(e, "/") && len(e) > 1 && strings.HasSuffix(path, e)
}

// isScrapeHandler reports whether a handler serves the metrics for
// scraping (promhttp.Handler(), or a function that writes them).
func (c *checker) isScrapeHandler(v ssa.Value, depth int) bool {
	if v == nil || depth > 6 {
		return false
	}
	switch x := unwrap(v).(type) {
	case *ssa.Call:
		if knowledge.ScrapeHandlers[flow.CalleeName(x.Common())] {
			return true
		}
		if x.Common().StaticCallee() == nil && !x.Common().IsInvoke() {
			return c.isScrapeHandler(x.Common().Value, depth+1) // http.HandlerFunc(f)
		}
		if fn := x.Common().StaticCallee(); fn != nil && fn.Pkg != nil && fn.Pkg.Pkg == c.pass.Pkg {
			return c.returnsScrape(fn, depth+1) // a helper: func Handler() http.Handler { return promhttp.Handler() }
		}
	case *ssa.Function:
		return c.callsScrape(x)
	case *ssa.MakeClosure:
		return c.callsScrape(x.Fn.(*ssa.Function))
	}
	return false
}

func (c *checker) returnsScrape(fn *ssa.Function, depth int) bool {
	found := false
	for _, ret := range returns(fn) {
		if len(ret.Results) == 1 {
			if !c.isScrapeHandler(ret.Results[0], depth) {
				return false
			}
			found = true
		}
	}
	return found
}

// callsScrape reports whether a handler function writes the metrics
// (VictoriaMetrics' WritePrometheus, promhttp.Handler().ServeHTTP).
func (c *checker) callsScrape(fn *ssa.Function) bool {
	for _, ci := range callsIn([]*ssa.Function{fn}) {
		if knowledge.ScrapeHandlers[flow.CalleeName(ci.Common())] {
			return true
		}
	}
	return false
}

// variadicElems returns the elements of a variadic argument built at the
// call (f(a, b) packs [a b]); false for a spread slice (f(s...)).
func variadicElems(v ssa.Value) ([]ssa.Value, bool) { return routes.VariadicElems(v) }

// valueName names a handler or middleware value for messages.
func (c *checker) valueName(v ssa.Value) string {
	for range 8 {
		v = unwrap(v)
		switch x := v.(type) {
		case *ssa.Function:
			if obj, ok := x.Object().(*types.Func); ok && obj != nil {
				return analysisutil.Display(obj)
			}
			return "a function literal"
		case *ssa.MakeClosure:
			v = x.Fn
			continue
		case *ssa.Extract:
			v = x.Tuple
			continue
		case *ssa.Call:
			if callee := x.Common().StaticCallee(); callee != nil {
				if obj, ok := callee.Object().(*types.Func); ok && obj != nil {
					// The middleware call wrapping the handler, not the
					// conversion inside it.
					return analysisutil.Display(obj)
				}
			}
			if name := flow.CalleeName(x.Common()); name != "" {
				return displayName(name)
			}
		}
		break
	}
	return "middleware"
}

// callExpr returns the call expression whose left parenthesis is at pos.
func (c *checker) callExpr(pos token.Pos) *ast.CallExpr {
	if c.callsByLparen == nil {
		c.callsByLparen = make(map[token.Pos]*ast.CallExpr)
		for n := range c.insp.PreorderSeq((*ast.CallExpr)(nil)) {
			call := n.(*ast.CallExpr)
			c.callsByLparen[call.Lparen] = call
		}
	}
	return c.callsByLparen[pos]
}

func strconvQuote(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
}
