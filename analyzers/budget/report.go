package budget

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/routes"
	"github.com/perfvet/perfvet/analyzers/plan"
)

// maxHandlerDepth bounds the middleware and helpers followed from a
// route's handler value to the functions that serve it.
const maxHandlerDepth = 8

// checkRoutes estimates every route the package registers, and reports
// those above their objectives.
func (c *checker) checkRoutes(res *Result, funcs []*ssa.Function) {
	set := routes.Collect(funcs)
	services := routes.GRPCServices(funcs)
	if len(set.Routes) == 0 && len(services) == 0 {
		return
	}
	calls := make(map[token.Pos]*ast.CallExpr)
	for n := range c.insp.PreorderSeq((*ast.CallExpr)(nil)) {
		call := n.(*ast.CallExpr)
		calls[call.Lparen] = call
	}
	for _, rt := range set.Routes {
		call := calls[rt.Call.Pos()]
		if call == nil {
			continue
		}
		p, name := c.handlerPath(rt.Handler, 0)
		s := c.resolveOpens(&summary{ops: compact(p.ops())}, 0)
		// The pattern with its groups' prefixes: what a plan's
		// endpoints: entry names, and what a client calls.
		pattern, _ := rt.FullPattern()
		res.Endpoints = append(res.Endpoints, c.checkRoute(call, pattern, rt.Name(), name, s.ops))
	}
	for _, svc := range services {
		call := calls[svc.Call.Pos()]
		if call == nil {
			continue
		}
		impl := flow.Unwrap(svc.Impl).Type()
		iface := svc.Iface.Underlying().(*types.Interface)
		for m := range iface.Methods() {
			if !m.Exported() {
				continue // mustEmbedUnimplementedXServer
			}
			obj, _, _ := types.LookupFieldOrMethod(impl, true, m.Pkg(), m.Name())
			fn, ok := obj.(*types.Func)
			if !ok {
				continue
			}
			s := c.resolveOpens(&summary{ops: compact(c.factOf(fn).path().ops())}, 0)
			res.Endpoints = append(res.Endpoints, c.checkRoute(call, svc.FullMethod(m.Name()), svc.FullMethod(m.Name()), analysisutil.Display(fn), s.ops))
		}
	}
}

// handlerPath is the costliest path of a handler value: a function or
// method, a function literal, a handler type's ServeHTTP, or a middleware
// call that wraps one.
func (c *checker) handlerPath(v ssa.Value, depth int) (path, string) {
	if v == nil || depth > maxHandlerDepth {
		return path{}, ""
	}
	if fn := routes.FuncOf(v); fn != nil {
		return c.funcPath(fn)
	}
	v = flow.Unwrap(v)
	if call, ok := v.(*ssa.Call); ok {
		// A middleware (or a handler constructor) and the handlers it is given.
		var p path
		name := ""
		if callee := call.Common().StaticCallee(); callee != nil {
			if obj, ok := callee.Object().(*types.Func); ok {
				name = analysisutil.Display(obj)
			}
		}
		for _, a := range call.Common().Args {
			if !handlerLike(a.Type()) {
				continue
			}
			q, n := c.handlerPath(a, depth+1)
			p = p.then(q)
			if n != "" {
				name = n
			}
		}
		return p, name
	}
	// A value of a type that serves HTTP itself.
	if obj, _, _ := types.LookupFieldOrMethod(v.Type(), true, nil, "ServeHTTP"); obj != nil {
		if fn, ok := obj.(*types.Func); ok {
			return c.factOf(fn).path(), analysisutil.Display(fn)
		}
	}
	return path{}, ""
}

// funcPath is the path of an SSA function that serves a route.
func (c *checker) funcPath(fn *ssa.Function) (path, string) {
	if obj, ok := fn.Object().(*types.Func); ok && obj != nil {
		return c.factOf(obj).path(), analysisutil.Display(obj) // a declared function, or a bound method
	}
	if o := fn.Origin(); o != nil && o != fn {
		return c.funcPath(o)
	}
	if lit, ok := fn.Syntax().(*ast.FuncLit); ok && fn.Pkg != nil && fn.Pkg.Pkg == c.pass.Pkg {
		return c.litSummary(lit).path(), "a function literal"
	}
	return path{}, ""
}

// handlerLike reports whether a value may be a handler: a function or a
// value with a ServeHTTP method.
func handlerLike(t types.Type) bool {
	if _, ok := t.Underlying().(*types.Signature); ok {
		return true
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP")
	return obj != nil
}

// checkRoute estimates a route the package registers, reports it if it is
// above its objectives, and hands it on to the importing packages when
// its estimate has interface calls the package cannot resolve (see
// whole.go). pattern names its endpoints: entry ("" for a path that is not
// a constant); name is how it prints (routes.Route.Name).
func (c *checker) checkRoute(call *ast.CallExpr, pattern, name, handler string, ops []Op) *Estimate {
	obj := c.objectivesOf(pattern)
	est := newEstimate(name, handler, c.pass.Fset.Position(call.Pos()), ops, obj)
	d, over := c.finding(call.Pos(), call.End(), est, ops, obj.Wrote)
	if over {
		c.pass.Report(d)
	}
	if est.Open > 0 {
		c.handOn(call, est, ops, obj, over)
	}
	return est
}

// objectives are what a route is held to: its p95 objective and where it
// comes from ("endpoints" or "slo"), the layer budgets, and the categories
// whose objective the team wrote (only those are reported, see
// objectiveWritten).
type objectives struct {
	P95      time.Duration
	From     string
	Database time.Duration
	External time.Duration
	Wrote    []string
}

// objectivesOf returns the objectives the package's plan holds a route to.
func (c *checker) objectivesOf(pattern string) objectives {
	o := objectives{Database: c.plan.Budget.Database, External: c.plan.Budget.External}
	o.P95, o.From = c.objective(pattern)
	for _, cat := range []string{CategoryEndpoint, CategoryDatabase, CategoryExternal} {
		if c.objectiveWritten(cat, o.From) {
			o.Wrote = append(o.Wrote, cat)
		}
	}
	return o
}

// newEstimate builds a route's estimate from its operations.
func newEstimate(pattern, handler string, posn token.Position, ops []Op, obj objectives) *Estimate {
	est := &Estimate{Route: pattern, Handler: handler, Pos: posn, Objective: obj.P95, ObjectiveFrom: obj.From}
	db := Layer{Name: LayerDatabase, Budget: obj.Database}
	ext := Layer{Name: LayerExternal, Budget: obj.External}
	for _, o := range ops {
		if o.Kind == kindOpen {
			est.Open++
			continue
		}
		if o.Layer() == LayerExternal {
			ext.Ops = append(ext.Ops, o)
			ext.Total += o.Total()
		} else {
			db.Ops = append(db.Ops, o)
			db.Total += o.Total()
		}
	}
	est.Layers = []Layer{db, ext}
	est.Total = db.Total + ext.Total
	if est.Objective > 0 && est.Total > est.Objective {
		est.Over = append(est.Over, CategoryEndpoint)
	}
	if db.Budget > 0 && db.Total > db.Budget {
		est.Over = append(est.Over, CategoryDatabase)
	}
	if ext.Budget > 0 && ext.Total > ext.Budget {
		est.Over = append(est.Over, CategoryExternal)
	}
	est.Unbounded = est.Objective > 0 && est.Total > UnboundedFactor*est.Objective
	est.CatchAll = catchAll(pattern)
	return est
}

// catchAll reports whether a pattern matches every request: net/http's "/"
// (or "/{path...}") with no method, a router's "/*". Its handler
// dispatches every route of the service (ntfy's server.handle), so its
// estimate is the costliest of them, not one endpoint's.
func catchAll(pattern string) bool {
	m, p := splitRoute(pattern)
	if m != "" {
		return false
	}
	if p == "/" || p == "/*" {
		return true
	}
	rest, ok := strings.CutPrefix(p, "/{")
	return ok && strings.HasSuffix(rest, "...}") && !strings.Contains(rest, "/")
}

// objective is the p95 a route is held to: its plan entry's, else the
// SLO's.
func (c *checker) objective(pattern string) (time.Duration, string) {
	if pattern != "" {
		for _, e := range c.plan.Endpoints {
			if e.Latency.P95 > 0 && sameRoute(e.Route, pattern) {
				return e.Latency.P95, "endpoints"
			}
		}
	}
	return c.plan.SLO.Latency.P95, "slo"
}

// sameRoute reports whether a plan's route names a registered pattern:
// the same method (or none on either side) and the same path, wildcards
// compared by position (gin's :id and chi's {id} alike).
func sameRoute(planRoute, pattern string) bool {
	pm, pp := splitRoute(planRoute)
	rm, rp := splitRoute(pattern)
	if pm != "" && rm != "" && pm != rm {
		return false
	}
	return normPath(pp) == normPath(rp)
}

func splitRoute(r string) (method, path string) {
	r = strings.TrimSpace(r)
	if m, p, ok := strings.Cut(r, " "); ok && !strings.Contains(m, "/") {
		return strings.ToUpper(m), strings.TrimSpace(p)
	}
	return "", r
}

func normPath(p string) string {
	p = strings.TrimSuffix(routes.PathOf("GET "+p), "/")
	segs := strings.Split(p, "/")
	for i, s := range segs {
		if strings.HasPrefix(s, ":") || strings.HasPrefix(s, "{") || strings.HasPrefix(s, "*") {
			segs[i] = "*"
		}
	}
	return strings.Join(segs, "/")
}

// finding is the finding of a route whose estimate exceeds its objective,
// or whose database or external part exceeds its layer's budget, in the
// categories whose objective the team wrote: one finding per route, at its
// registration [pos, end). It reports whether the route gets one.
func (c *checker) finding(pos, end token.Pos, est *Estimate, ops []Op, wrote []string) (analysis.Diagnostic, bool) {
	over := slices.DeleteFunc(slices.Clone(est.Over), func(cat string) bool { return !slices.Contains(wrote, cat) })
	if len(over) == 0 || est.CatchAll {
		return analysis.Diagnostic{}, false
	}
	what := "this route"
	if est.Route != "" {
		what = "route " + strconvQuote(est.Route)
	}
	db, ext := est.Layers[0], est.Layers[1]
	var msg string
	switch {
	case est.Unbounded:
		msg = fmt.Sprintf("%s has no credible latency estimate: its loops multiply its operations to more than %d× its p95 objective of %s, so a large input takes it past any objective; bound its costliest loops (a LIMIT, one batched query or call for all the elements)",
			what, UnboundedFactor, formatDuration(est.Objective))
	case over[0] == CategoryEndpoint:
		var parts []string
		for _, l := range est.Layers {
			if l.Budget > 0 && l.Total > l.Budget {
				parts = append(parts, fmt.Sprintf("%s ~%s of budget.%s %s", l.Name, formatDuration(l.Total), l.Name, formatDuration(l.Budget)))
			}
		}
		detail := ""
		if len(parts) > 0 {
			detail = " (" + strings.Join(parts, ", ") + ")"
		}
		from := "slo.latency.p95"
		if est.ObjectiveFrom == "endpoints" {
			from = "its endpoints entry"
		}
		msg = fmt.Sprintf("%s is estimated at ~%s from its code, above its p95 objective of %s (%s)%s, so its requests miss the objective; batch, cache or run concurrently its costliest operations",
			what, formatDuration(est.Total), formatDuration(est.Objective), from, detail)
	case over[0] == CategoryDatabase:
		msg = fmt.Sprintf("%s spends an estimated ~%s in the database, above budget.database %s, which leaves the other layers less than the plan gives them; batch its queries, cache their results or run independent ones concurrently",
			what, formatDuration(db.Total), formatDuration(db.Budget))
	case over[0] == CategoryExternal:
		msg = fmt.Sprintf("%s spends an estimated ~%s in outbound calls, above budget.external %s, which leaves the other layers less than the plan gives them; run independent calls concurrently, cache their answers or move them off the request path",
			what, formatDuration(ext.Total), formatDuration(ext.Budget))
	}
	return analysis.Diagnostic{
		Pos: pos, End: end, Category: over[0], Message: msg,
		Related: c.related(pos, est.Total, ops),
	}, true
}

// objectiveWritten reports whether the objective a category holds a route
// to is one the team wrote: an endpoints entry, or slo.latency.p95,
// budget.database or budget.external given in the plan file. The estimate
// is a worst case (loops at max_page_size, the costliest branch, a flat
// price per transaction); measured on real services against the embedded
// default's 500ms, most routes it put over were rare or admin paths, not
// hot ones. So the analyzer holds code only to numbers the team chose;
// perfvet budget still prints every estimate against the default.
func (c *checker) objectiveWritten(category, from string) bool {
	switch category {
	case CategoryEndpoint:
		return from == "endpoints" || plan.Wrote(c.plan, func(p *plan.Plan) time.Duration { return p.SLO.Latency.P95 })
	case CategoryDatabase:
		return plan.Wrote(c.plan, func(p *plan.Plan) time.Duration { return p.Budget.Database })
	case CategoryExternal:
		return plan.Wrote(c.plan, func(p *plan.Plan) time.Duration { return p.Budget.External })
	}
	return false
}

// related points at the three costliest operations, with their share.
func (c *checker) related(at token.Pos, total time.Duration, ops []Op) []analysis.RelatedInformation {
	ops = slices.Clone(ops)
	ops = slices.DeleteFunc(ops, func(o Op) bool { return o.Kind == kindOpen })
	slices.SortStableFunc(ops, func(a, b Op) int { return cmp.Compare(b.Total(), a.Total()) })
	top := ops[:min(3, len(ops))]
	out := make([]analysis.RelatedInformation, 0, len(top))
	for _, o := range top {
		share := 0.0
		if total > 0 {
			share = 100 * float64(o.Total()) / float64(total)
		}
		pos := c.posOf(o)
		if !pos.IsValid() {
			pos = at
		}
		out = append(out, analysis.RelatedInformation{Pos: pos, Message: fmt.Sprintf("%s = %s (%s%%), at %s", o.Describe(), formatDuration(o.Total()), trimFloat(share, 0), o.Posn())})
	}
	return out
}

// posOf returns an operation's position: kept for this package's, found
// by file and line for another package's when the file set holds it.
func (c *checker) posOf(o Op) token.Pos {
	if o.pos.IsValid() {
		return o.pos
	}
	if o.File == "" {
		return token.NoPos
	}
	if c.files == nil {
		c.files = make(map[string]*token.File)
		c.pass.Fset.Iterate(func(f *token.File) bool {
			c.files[f.Name()] = f
			return true
		})
	}
	f := c.files[o.File]
	if f == nil || o.Line < 1 || o.Line > f.LineCount() {
		return token.NoPos
	}
	pos := f.LineStart(o.Line)
	if o.Col > 1 && f.Offset(pos)+o.Col-1 <= f.Size() {
		pos += token.Pos(o.Col - 1) // as the package that computed it has it
	}
	return pos
}

func strconvQuote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

func sortStrings(s []string) { slices.Sort(s) }
