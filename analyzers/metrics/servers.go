package metrics

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	wp "github.com/perfvet/perfvet/analyzers/internal/reach"
	"github.com/perfvet/perfvet/analyzers/internal/routes"
	"github.com/perfvet/perfvet/analyzers/internal/serverrole"
	"github.com/perfvet/perfvet/analyzers/plan"
)

// checkServers reports each server start whose program (this package and
// everything it imports) does not define the plan's required metrics as
// the plan lists them.
func (c *checker) checkServers() {
	if len(c.pass.Plan.Metrics) == 0 || c.program.Truncated {
		return
	}
	problems := c.programProblems()
	if len(problems) == 0 {
		return
	}
	msg := "the program served here %s, which the plan requires, so its latency and error objectives cannot be checked in production; define the metrics as the plan lists them and record them in the HTTP middleware"
	if c.funcs == nil {
		c.checkServersSyntax(problems, msg)
		return
	}
	// The finding is about the program: once, at the first server start,
	// with the others related.
	var calls []*ast.CallExpr
	for _, s := range c.starts {
		if s.report {
			if call := c.callExpr(s.call.Pos()); call != nil {
				calls = append(calls, call)
			}
		}
	}
	if c.role == roleHolds {
		c.holdStarts(calls)
		return
	}
	c.reportStarts(calls, problems, msg)
}

// reportStarts reports the program's problems at the first of its server
// starts, and relates the others.
func (c *checker) reportStarts(calls []*ast.CallExpr, problems []string, msg string) {
	type span struct{ pos, end token.Pos }
	var at []span
	slices.SortFunc(calls, func(a, b *ast.CallExpr) int { return int(a.Pos() - b.Pos()) })
	for _, call := range calls {
		at = append(at, span{call.Pos(), call.End()})
	}
	// The starts the program's dependencies hold come after its own.
	files := wp.NewFiles(c.pass.Fset)
	for _, h := range c.held {
		if pos, end, ok := files.Pos(h.Site); ok {
			at = append(at, span{pos, end})
		}
	}
	if len(at) == 0 {
		return
	}
	var related []analysis.RelatedInformation
	for _, other := range at[1:] {
		related = append(related, analysis.RelatedInformation{Pos: other.pos, End: other.end, Message: "the program is served here too"})
	}
	c.pass.Report(analysis.Diagnostic{Pos: at[0].pos, End: at[0].end, Category: CategoryMissing, Related: analysisutil.BoundedRelated(c.pass.Fset, related),
		Message: fmt.Sprintf(msg, strings.Join(problems, "; "))})
}

// checkServersSyntax checks the server starts of a package that does not
// type-check (one being edited): those of a main package, and those that
// serve a router made in the same function.
func (c *checker) checkServersSyntax(problems []string, msg string) {
	var calls []*ast.CallExpr
	for cur := range c.insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		start, ok := knowledge.ServerStarts[analysisutil.FullName(analysisutil.Callee(c.pass.TypesInfo, call))]
		if !ok {
			continue
		}
		var served ast.Expr
		switch {
		case start.Handler >= 0 && start.Handler < len(call.Args):
			served = call.Args[start.Handler]
		case start.Handler < 0:
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				served = sel.X
			}
		}
		if served == nil || c.isScrapeCall(served) || isNil(c.pass.TypesInfo, served) {
			continue
		}
		if c.pass.Pkg.Name() != "main" && !c.localVariable(cur, served) {
			continue
		}
		calls = append(calls, call)
	}
	c.reportStarts(calls, problems, msg)
}

// localVariable reports whether e is a variable declared in the body of
// the function the cursor is in (not one of its parameters).
func (c *checker) localVariable(cur inspector.Cursor, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	obj := c.pass.TypesInfo.Uses[id]
	if obj == nil {
		return false
	}
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		_, body := analysisutil.FuncParts(fc.Node())
		return body != nil && body.Pos() <= obj.Pos() && obj.Pos() < body.End()
	}
	return false
}

// isScrapeCall reports, syntactically, whether e is promhttp.Handler() or
// another scrape handler.
func (c *checker) isScrapeCall(e ast.Expr) bool {
	call, ok := c.resolve(e).(*ast.CallExpr)
	return ok && knowledge.ScrapeHandlers[analysisutil.FullName(analysisutil.Callee(c.pass.TypesInfo, call))]
}

// programProblems compares the program's metrics with the plan's.
func (c *checker) programProblems() []string {
	var missing, out []string
	// Under the embedded default plan, the plan's names are a suggestion:
	// a program that defines them with labels of its own (fider's
	// http_request_duration_seconds{operation}) chose its breakdown, and
	// one whose planned histogram breaks latency down by request
	// measures its requests.
	defaultPlan := c.pass.Plan.Source == plan.DefaultSource
	ownBreakdown := false
	for _, m := range c.pass.Plan.Metrics {
		for _, d := range c.program.Metrics {
			if d.Name == m.Name && (m.Type == knowledge.Histogram || m.Type == knowledge.Summary) && ownRequestLabels(m, d) {
				ownBreakdown = defaultPlan
			}
		}
	}
	for _, m := range c.pass.Plan.Metrics {
		var candidates []Def
		for _, d := range c.program.Metrics {
			if d.Name == m.Name || contains(m.Aliases, d.Name) {
				candidates = append(candidates, d)
			}
		}
		if len(candidates) == 0 {
			missing = append(missing, describeMetric(m.Name, m.Type, m.Labels))
			continue
		}
		if p := mismatch(m, candidates, defaultPlan); p != "" && !(defaultPlan && slices.ContainsFunc(candidates, func(d Def) bool { return ownRequestLabels(m, d) })) {
			out = append(out, p)
		}
	}
	if len(missing) > 0 && !c.ownRequestMetrics() && !ownBreakdown {
		if latency := missingLatency(c.pass.Plan.Metrics, missing); c.ownRequestCounter() && len(latency) > 0 {
			// The program counts its requests under a name of its own
			// (ntfy's ntfy_http_requests_total{http_code,ntfy_code,http_method}):
			// what remains missing is the latency.
			out = append([]string{"counts its requests in " + c.program.OwnCounter + " but measures no request latency: it does not define " + joinOr(latency)}, out...)
		} else if !c.ownRequestCounter() {
			out = append([]string{"does not define " + joinOr(missing)}, out...)
		}
	}
	return out
}

// missingLatency returns the descriptions, among missing, of the plan's
// histograms and summaries: the metrics that measure latency.
func missingLatency(planned []plan.Metric, missing []string) []string {
	var out []string
	for _, m := range planned {
		if m.Type != knowledge.Histogram && m.Type != knowledge.Summary {
			continue
		}
		if d := describeMetric(m.Name, m.Type, m.Labels); slices.Contains(missing, d) {
			out = append(out, d)
		}
	}
	return out
}

// ownRequestCounter reports whether, under the embedded default plan, the
// program counts its requests under a name of its own (countsRequests).
func (c *checker) ownRequestCounter() bool {
	return c.pass.Plan.Source == plan.DefaultSource && c.program.OwnCounter != ""
}

// countsRequests reports whether a definition is a counter of the
// program's own, not one of the plan's, with a label naming the request's
// method, path, route, handler or endpoint (ntfy's
// ntfy_http_requests_total{http_code,ntfy_code,http_method}): the
// program's request rate and error counts, by request.
func (c *checker) countsRequests(d *definition) bool {
	if d.library || d.Kind != knowledge.Counter || !d.LabelsKnown {
		return false
	}
	if _, _, planned := c.planMetricFor(d.Name); planned && d.Name != "" {
		return false
	}
	for _, l := range d.Labels {
		l = strings.ToLower(l)
		for _, r := range requestLabels {
			if l == r || strings.HasSuffix(l, "_"+r) {
				return true
			}
		}
	}
	return false
}

// semconvRequestDurations are the names OpenTelemetry's semantic
// conventions give the histogram of each HTTP request's duration, the
// current one and the one before it: a program's own histogram of such a
// name measures its requests, by the route and method attributes its
// recordings carry, which the definition does not show (gotosocial's gin
// middleware records http.server.duration; judged false when reported).
var semconvRequestDurations = map[string]bool{
	"http.server.request.duration": true,
	"http.server.duration":         true,
}

// requestLabels are the label names by which a histogram breaks request
// latencies down by route or method.
var requestLabels = []string{"path", "route", "method", "handler", "endpoint", "url", "uri", "operation"}

// isRequestLabel reports whether a label names the request's route or
// method (requestLabels).
func isRequestLabel(l string) bool { return contains(requestLabels, strings.ToLower(l)) }

// ownRequestMetrics reports whether, under the embedded default plan (no
// perfplan.yaml), the program measures request latency under names of its
// own (see measuresRequests). The default plan's names are a suggestion,
// and renaming a metric a service already exports breaks its dashboards;
// a plan file makes the plan's names the contract.
func (c *checker) ownRequestMetrics() bool {
	return c.pass.Plan.Source == plan.DefaultSource && c.program.OwnRequest != ""
}

// measuresRequests reports whether a definition is a histogram or summary
// of the program's own, not one of the plan's, labelled by path, route,
// method, handler or endpoint (casdoor's casdoor_api_latency{path,method},
// navidrome's http_request_latency{endpoint,method,client}, ory/x's
// prometheusx histograms, whose names are built from a prefix): a latency
// broken down by request. So is the request-duration histogram an
// instrumentation library records for the program (otelhttp's
// http.server.request.duration, by route and method: flipt wraps its API
// in otelhttp.NewHandler and exports OTel metrics to Prometheus).
func (c *checker) measuresRequests(d *definition) bool {
	if d.library {
		return d.latency
	}
	if d.Kind != knowledge.Histogram && d.Kind != knowledge.Summary {
		return false
	}
	if _, _, planned := c.planMetricFor(d.Name); planned && d.Name != "" {
		return false // the plan's own histogram: checked as such
	}
	if semconvRequestDurations[d.Name] {
		return true
	}
	if d.Lib == knowledge.LibTally {
		// A timer of uber-go/tally: its tags come from the scope it is
		// made on, chosen at run time (nakama's per-RPC latency under
		// Tagged({"rpc_id": id}), atlantis' command and API timers), so
		// the definition does not show what it breaks latency down by.
		// A program that times its work with tally measures it (2
		// findings judged false when reported missing).
		return true
	}
	if !d.LabelsKnown {
		return false
	}
	for _, l := range d.Labels {
		if contains(requestLabels, strings.ToLower(l)) {
			return true
		}
	}
	return false
}

// requestObservation describes the first observation, in this package,
// of a Prometheus histogram or summary vector of no name the package
// knows (made where its name is a descriptor's field, or out of sight)
// whose label values include
// the request's method or path (r.Method, r.URL.Path, gin's FullPath),
// under the embedded default plan: a latency broken down by request,
// whatever the definition shows (chartmuseum's and zincsearch's copies
// of go-gin-prometheus define their metrics from descriptor structs, with
// names and labels in fields: 2 findings judged false when reported);
// "" when there is none.
func (c *checker) requestObservation() string {
	if c.pass.Plan.Source != plan.DefaultSource {
		return ""
	}
	for _, ci := range callsIn(c.funcs) {
		if !observerVecWith[flow.CalleeName(ci.Common())] {
			continue
		}
		if d := c.metricOf(receiver(ci.Common())); d != nil && d.Name != "" {
			continue // a definition of known name: measuresRequests decides
		}
		for _, v := range labelValues(ci.Common()) {
			if requestAttr(v) {
				return "a histogram observed by request method or path (" + c.posn(ci.Pos()) + ")"
			}
		}
	}
	return ""
}

// observerVecWith are the methods that pick a histogram or summary of a
// Prometheus vector by its label values.
var observerVecWith = map[string]bool{
	"(*" + knowledge.Prometheus + ".HistogramVec).WithLabelValues": true,
	"(*" + knowledge.Prometheus + ".SummaryVec).WithLabelValues":   true,
	"(" + knowledge.Prometheus + ".ObserverVec).WithLabelValues":   true,
}

// labelValues returns the values a WithLabelValues call passes through
// its variadic slice, when it is built at the call.
func labelValues(call *ssa.CallCommon) []ssa.Value {
	a := args(call)
	if len(a) == 0 {
		return nil
	}
	elems, _ := routes.VariadicElems(a[len(a)-1])
	return elems
}

// requestAttr reports whether v is the method or the URL path of the
// request being served (r.Method, r.URL.Path), or gin's matched route
// (c.FullPath()).
func requestAttr(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.UnOp:
		fa, ok := v.X.(*ssa.FieldAddr)
		if !ok || v.Op != token.MUL {
			return false
		}
		f := fieldVar(fa.X.Type(), fa.Field)
		if f == nil {
			return false
		}
		recv := types.Unalias(fa.X.Type()).Underlying().(*types.Pointer).Elem()
		switch {
		case analysisutil.IsNamed(recv, knowledge.NetHTTP, "Request"):
			return f.Name() == "Method"
		case analysisutil.IsNamed(recv, "net/url", "URL"):
			return f.Name() == "Path"
		}
	case *ssa.Call:
		return flow.CalleeName(v.Common()) == "(*"+knowledge.Gin+".Context).FullPath"
	}
	return false
}

// mismatch returns what is wrong with the program's definitions of a
// planned metric, or "" if one of them matches.
func mismatch(m plan.Metric, defs []Def, synonyms bool) string {
	var problem string
	for _, d := range defs {
		alias := d.Name != m.Name
		switch {
		case d.Kind != "" && d.Kind != m.Type:
			if problem == "" {
				problem = fmt.Sprintf("defines %s as a %s, not a %s (%s)", d.Name, d.Kind, m.Type, d.Posn)
			}
		case !alias && d.LabelsKnown && len(missingLabels(m.Labels, d.Labels, synonyms)) > 0:
			if problem == "" {
				missing := missingLabels(m.Labels, d.Labels, synonyms)
				problem = fmt.Sprintf("defines %s without %s %s (%s)", d.Name, plural(len(missing), "label", "labels"), strings.Join(missing, ", "), d.Posn)
			}
		default:
			return ""
		}
	}
	return problem
}

// missingLabels returns the labels of want that have lacks; with
// synonyms (under the embedded default plan), a label named the way
// promhttp and the routers' middlewares name it counts as the plan's.
func missingLabels(want, have []string, synonyms bool) []string {
	var out []string
	for _, l := range want {
		if !hasLabel(have, l, synonyms) {
			out = append(out, l)
		}
	}
	return out
}

// hasLabel reports whether have holds the label l or, with synonyms, one
// of labelSynonyms[l].
func hasLabel(have []string, l string, synonyms bool) bool {
	if contains(have, l) {
		return true
	}
	return synonyms && slices.ContainsFunc(labelSynonyms[l], func(s string) bool { return contains(have, s) })
}

// labelSynonyms are the names that request metrics give the default
// plan's labels by convention: promhttp's InstrumentHandler* fill "code"
// with the status and are curried with a "handler" (dex's
// http_requests_total{code,method,handler}, judged false when reported);
// routers' middlewares name the route "route" or "endpoint". A plan file
// makes its own names the contract: the alert rules it exports query
// them.
var labelSynonyms = map[string][]string{
	"status": {"code", "status_code"},
	"path":   {"handler", "route", "endpoint"},
}

// servesOnlyMetrics reports whether a server start serves the scrape
// endpoint alone (a metrics server beside the application's).
func (c *checker) servesOnlyMetrics(s *start) bool {
	h := s.served
	defaultHandler := false // a server literal with no Handler
	if s.field || isServerValue(h) {
		// Its Handler: also a server handed to a helper that starts it
		// (sftpgo's util.HTTPListenAndServe(httpServer, ...)).
		h, defaultHandler = serverHandler(h), servesDefaultMux(h)
	}
	if h == nil && !defaultHandler {
		return false
	}
	if h != nil && c.isScrapeHandler(h, 0) {
		return true
	}
	// A mux made here (or http.DefaultServeMux, for a nil handler) whose
	// routes are all exempt; on the default mux, a route whose handler
	// ignores its request (a probe, or tinode's exporter's /push trigger
	// beside its scrape endpoint) counts as one, as timeouts counts it.
	var key any
	if k, ok := h.(*ssa.Const); defaultHandler || ok && k.IsNil() {
		key = defaultMux
	} else {
		key = c.routerKey(h)
	}
	if key == nil {
		return false
	}
	rs := c.collectRoutersOnce()
	r := rs.byKey[key]
	if key == defaultMux && (r == nil || len(r.routes) == 0) {
		// http.DefaultServeMux with no route of this package: what it
		// serves is registered elsewhere, usually net/http/pprof or
		// expvar, a debug server.
		return true
	}
	if r == nil {
		return false
	}
	// The routes of the router and of its groups and sub-routers
	// (sftpgo's telemetry router serves /healthz and pprof in chi groups).
	var all []*route
	for _, sub := range rs.order {
		for p := sub; p != nil; p = p.parent {
			if p == r {
				all = append(all, sub.routes...)
				break
			}
		}
	}
	if len(all) == 0 {
		return false
	}
	for _, rt := range all {
		if !rt.exempt && !probeRoute(key, rt) {
			return false
		}
	}
	return true
}

// isServerValue reports whether v is an *http.Server.
func isServerValue(v ssa.Value) bool {
	p, ok := v.Type().Underlying().(*types.Pointer)
	return ok && analysisutil.IsNamed(p.Elem(), knowledge.NetHTTP, "Server")
}

// probeRoute reports whether a route of http.DefaultServeMux has a
// handler that ignores its request.
func probeRoute(key any, rt *route) bool {
	return key == defaultMux && serverrole.IgnoresRequest(rt.handler)
}

func (c *checker) collectRoutersOnce() *routerSet {
	if c.routers == nil {
		c.routers = c.collectRouters()
	}
	return c.routers
}

// serverHandler returns the Handler an *http.Server literal of this
// function is given.
func serverHandler(srv ssa.Value) ssa.Value {
	alloc := serverrole.ServerAlloc(srv, nil)
	if alloc == nil {
		return nil
	}
	stores := flow.FieldStores(flow.Aliases(alloc), "Handler")
	if len(stores) != 1 {
		return nil
	}
	return stores[0].Val
}

// servesDefaultMux reports whether srv is an http.Server literal made here
// whose Handler is never set: it serves http.DefaultServeMux (woodpecker's
// agent health-check server).
func servesDefaultMux(srv ssa.Value) bool {
	alloc := serverrole.ServerAlloc(srv, nil)
	return alloc != nil && alloc.Comment == "complit" && len(flow.FieldStores(flow.Aliases(alloc), "Handler")) == 0
}

// ---- gRPC ----

// checkGRPC reports gRPC services registered on a server created here
// with no instrumenting interceptor or stats handler, in a program that
// defines metrics.
func (c *checker) checkGRPC() {
	if len(c.program.Metrics) == 0 {
		return
	}
	for _, ci := range callsIn(c.funcs) {
		callee := ci.Common().StaticCallee()
		if callee == nil || !isGRPCRegister(callee) || len(ci.Common().Args) == 0 {
			continue
		}
		newServer, ok := unwrap(ci.Common().Args[0]).(*ssa.Call)
		if !ok || flow.CalleeName(newServer.Common()) != knowledge.GRPCNewServer {
			continue
		}
		instrumented, known := c.grpcOptionsInstrument(newServer.Common())
		if instrumented || !known {
			continue
		}
		if call := c.callExpr(ci.Common().Pos()); call != nil {
			c.report(call, CategoryGRPC, "%s registers a gRPC service on a server with no metrics interceptor or stats handler, so its calls are missing from the request rates and latencies the plan's SLOs are read from; pass grpc.StatsHandler(otelgrpc.NewServerHandler()) or a Prometheus interceptor to grpc.NewServer", callee.Name())
		}
	}
}

// isGRPCRegister reports whether fn is a generated RegisterXServer
// function: its first parameter is a grpc.ServiceRegistrar.
func isGRPCRegister(fn *ssa.Function) bool { return routes.IsGRPCRegister(fn) }

// grpcOptionsInstrument reports whether grpc.NewServer's options include
// an instrumenting interceptor or stats handler, and whether the options
// could all be seen.
func (c *checker) grpcOptionsInstrument(call *ssa.CallCommon) (instrumented, known bool) {
	if len(call.Args) == 0 {
		return false, true
	}
	opts, ok := variadicElems(call.Args[len(call.Args)-1])
	if !ok {
		return false, false
	}
	for _, o := range opts {
		oc, ok := unwrap(o).(*ssa.Call)
		if !ok {
			return false, false
		}
		name := flow.CalleeName(oc.Common())
		if !knowledge.GRPCServerOptions[name] {
			if c.valueInstruments(oc, 0) {
				return true, true // a helper returning the option
			}
			continue
		}
		for _, a := range oc.Common().Args {
			elems, ok := variadicElems(a)
			if !ok {
				elems = []ssa.Value{a}
			}
			for _, e := range elems {
				if c.valueInstruments(e, 0) {
					return true, true
				}
			}
		}
	}
	return false, true
}

// ---- outbound clients and pools ----

// checkClients reports, when the plan requires client metrics, the
// http.Client literals whose Transport records none, and, when it requires
// pool metrics, the database pools opened in a program that registers no
// pool collector.
func (c *checker) checkClients() {
	wantClient, wantPool := c.planWants()
	if wantClient {
		c.checkHTTPClients()
	}
	if wantPool {
		c.checkPools()
	}
}

// planWants reports whether the plan requires client metrics and pool
// metrics.
func (c *checker) planWants() (client, pool bool) {
	for _, m := range c.pass.Plan.Metrics {
		for _, n := range append([]string{m.Name}, m.Aliases...) {
			client = client || strings.HasPrefix(n, "http_client_") || strings.HasPrefix(n, "http.client.")
			pool = pool || strings.HasPrefix(n, knowledge.PoolMetricPrefix) || strings.HasPrefix(n, "db.client.connection")
		}
	}
	return client, pool
}

func (c *checker) wantsClientMetrics() bool {
	client, pool := c.planWants()
	return client || pool
}

func (c *checker) checkHTTPClients() {
	for n := range c.insp.PreorderSeq((*ast.CompositeLit)(nil)) {
		lit := n.(*ast.CompositeLit)
		if !analysisutil.IsNamed(c.pass.TypesInfo.TypeOf(lit), knowledge.NetHTTP, "Client") {
			continue
		}
		if t := analysisutil.KeyedValue(lit, "Transport"); t != nil {
			if !c.uninstrumentedTransport(t) {
				continue
			}
		} else if alloc := c.ix.Alloc(lit.Lbrace); alloc == nil || len(flow.FieldStores(flow.Aliases(alloc), "Transport")) > 0 || flow.HandedOff(flow.Aliases(alloc), func(*ssa.CallCommon) bool { return false }) {
			continue // set later, or handed to code that may set it
		}
		c.report(lit, CategoryClient, "http.Client has no instrumented Transport, so its calls are missing from the client request metrics the plan requires; wrap its Transport with otelhttp.NewTransport or promhttp.InstrumentRoundTripperDuration")
	}
}

// uninstrumentedTransport reports whether a Transport value is known to
// record nothing: an http.Transport literal or http.DefaultTransport.
func (c *checker) uninstrumentedTransport(e ast.Expr) bool {
	e = c.resolve(e)
	switch x := e.(type) {
	case *ast.CompositeLit:
		return analysisutil.IsNamed(c.pass.TypesInfo.TypeOf(x), knowledge.NetHTTP, "Transport")
	case *ast.SelectorExpr:
		v, ok := c.pass.TypesInfo.Uses[x.Sel].(*types.Var)
		return ok && v.Pkg() != nil && v.Pkg().Path() == knowledge.NetHTTP && v.Name() == "DefaultTransport"
	}
	return false
}

// checkPools reports sql.Open and sql.OpenDB in a program that registers
// no pool collector, unless the pool is handed to code that may register
// one.
func (c *checker) checkPools() {
	for _, d := range c.program.Metrics {
		if strings.HasPrefix(d.Name, knowledge.PoolMetricPrefix) || strings.HasPrefix(d.Name, "db.client.connection") {
			return
		}
	}
	for _, ci := range callsIn(c.funcs) {
		call, ok := ci.(*ssa.Call)
		if !ok {
			continue
		}
		name := flow.CalleeName(call.Common())
		if name != "database/sql.Open" && name != "database/sql.OpenDB" || poolHandedOff(call) {
			continue
		}
		if e := c.callExpr(call.Common().Pos()); e != nil {
			c.report(e, CategoryPool, "this database pool's statistics are exported by no collector, so the pool metrics the plan requires (open, in-use and waiting connections) are missing; register collectors.NewDBStatsCollector(db, name)")
		}
	}
}

// poolHandedOff reports whether the *sql.DB a call returns is passed to a
// function other than its own methods, which may register a collector.
func poolHandedOff(call *ssa.Call) bool {
	var vals []ssa.Value
	if _, isTuple := call.Type().(*types.Tuple); isTuple {
		for _, ref := range flow.Referrers(call) {
			if ex, ok := ref.(*ssa.Extract); ok && ex.Index == 0 {
				vals = append(vals, ex)
			}
		}
	} else {
		vals = append(vals, call)
	}
	for _, v := range vals {
		for _, ref := range flow.Referrers(v) {
			switch ref := ref.(type) {
			case ssa.CallInstruction:
				c := ref.Common()
				if fn := c.StaticCallee(); fn != nil && fn.Signature.Recv() != nil && analysisutil.IsNamed(fn.Signature.Recv().Type(), knowledge.SQL, "DB") {
					continue
				}
				return true
			case *ssa.Store, *ssa.MakeInterface, *ssa.MakeClosure, *ssa.Return:
				return true
			}
		}
	}
	return false
}
