package budget

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/analyzers/internal/reach"
	"github.com/perfvet/perfvet/analyzers/plan"
)

// Whole-program resolution of open interface calls (issue 14).
//
// A handler that reaches its storage through the program's own interface
// (store.Store) may be registered in a package that sees no
// implementation of it: main wires the implementation (datastore) in. At
// the registration those calls are open operations and cost nothing, and
// the route is estimated at what remains, often 0. The registering
// package hands such a route on in an openRoutesFact: its registration as
// a reach.Site, its pattern, the objectives its plan holds it to, and its
// operations, the open ones included. Every importing package that sees
// implementations of some of the open calls (the types their implsFact
// list) resolves them as the registering package would have (the median
// implementation, multiplied alike), and, when it resolves more of them
// than any of its dependencies did (or as many, weighing more
// implementations), estimates the route again and reports it at the
// registration, as the registering package would have had it seen the
// implementations. It lists what it resolved in a resolvedRoutesFact,
// with the finding, which the packages that import it report again as it
// is (a run on ./cmd/... shows it), unless they resolve better still. A
// route the registering package reported already (its estimate without
// the open calls was over), or whose finding it would drop (a directive,
// test code, an ignored package), gets no finding from importers; its
// resolved estimate still reaches perfvet budget, through the Result.

// An openRoute is a route whose estimate, where it is registered, has
// interface calls whose implementations the package does not see.
type openRoute struct {
	Site       reach.Site     // the registration
	Posn       token.Position // the registration, for perfvet budget
	Route      string
	Handler    string
	Objectives objectives
	// DefaultPlan: the registering package was held to the embedded
	// default plan (it has no plan file, or it is not a root of the run);
	// the resolving package's plan then gives the objectives.
	DefaultPlan bool
	// Quiet: the registering package reported the route itself, or would
	// drop a finding at its registration.
	Quiet bool
	Ops   []Op // its operations, the open ones included
}

// key identifies a route: its registration and pattern (a gRPC service's
// registration registers every method of it).
func (r *openRoute) key() string { return r.Site.Key() + " " + r.Route }

// An openRoutesFact lists the routes a package registers with open
// interface calls.
type openRoutesFact struct {
	Routes []openRoute
}

func (*openRoutesFact) AFact() {}

func (f *openRoutesFact) String() string {
	parts := make([]string, 0, len(f.Routes))
	for _, r := range f.Routes {
		open := 0
		for _, o := range r.Ops {
			if o.Kind == kindOpen {
				open++
			}
		}
		parts = append(parts, fmt.Sprintf("%s (%d open)", r.Route, open))
	}
	return fmt.Sprintf("openroutes(%s)", strings.Join(parts, "; "))
}

// A resolvedRoute is a dependency's open route as a package resolved it.
type resolvedRoute struct {
	Key        string
	By         string // the package that resolved it
	Resolved   int    // the open calls it resolved
	Impls      int    // the implementations it weighed for them
	Objectives objectives
	Ops        []Op
	Found      []reach.Found // its finding, if it reported one
}

// better reports whether resolving n open calls with impls
// implementations is better than r: more calls resolved, or as many with
// more implementations seen.
func (r *resolvedRoute) better(n, impls int) bool {
	return r == nil || n > r.Resolved || n == r.Resolved && impls > r.Impls
}

// A resolvedRoutesFact lists the open routes of its dependencies a
// package resolved better than any of them.
type resolvedRoutesFact struct {
	Routes []resolvedRoute
}

func (*resolvedRoutesFact) AFact() {}

func (f *resolvedRoutesFact) String() string {
	parts := make([]string, 0, len(f.Routes))
	for _, r := range f.Routes {
		parts = append(parts, fmt.Sprintf("%d resolved, %d found", r.Resolved, len(r.Found)))
	}
	return fmt.Sprintf("resolvedroutes(%s)", strings.Join(parts, "; "))
}

// handOn records a route with open interface calls for the importing
// packages; reported says whether the package reported it.
func (c *checker) handOn(call *ast.CallExpr, est *Estimate, ops []Op, obj objectives, reported bool) {
	site, ok := reach.SiteOf(c.pass.Fset, call.Pos(), call.End())
	if !ok {
		return
	}
	quiet := reported
	if !quiet && c.pass.Suppressed != nil {
		quiet = c.pass.Suppressed(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Category: CategoryEndpoint})
	}
	c.open = append(c.open, openRoute{
		Site: site, Posn: est.Pos, Route: est.Route, Handler: est.Handler,
		Objectives: obj, DefaultPlan: c.plan.Source == plan.DefaultSource,
		Quiet: quiet, Ops: ops,
	})
}

// resolveRoutes exports the package's open routes, resolves those of its
// dependencies whose open calls it sees implementations of, reports them
// (or a dependency's better resolution again), and adds their estimates
// to the result.
func (c *checker) resolveRoutes(res *Result) {
	if len(c.open) > 0 {
		c.pass.ExportPackageFact(&openRoutesFact{Routes: c.open})
	}
	var pending []*openRoute
	seen := make(map[string]bool)
	best := make(map[string]*resolvedRoute)
	for _, pf := range c.pass.AllPackageFacts() {
		if pf.Package == c.pass.Pkg {
			continue
		}
		switch f := pf.Fact.(type) {
		case *openRoutesFact:
			for i := range f.Routes {
				r := &f.Routes[i]
				if k := r.key(); !seen[k] { // a package and its test variant
					seen[k] = true
					pending = append(pending, r)
				}
			}
		case *resolvedRoutesFact:
			for i := range f.Routes {
				r := &f.Routes[i]
				if b := best[r.Key]; b.better(r.Resolved, r.Impls) || r.Resolved == b.Resolved && r.Impls == b.Impls && r.By < b.By {
					best[r.Key] = r // the best resolution; of equals, the first package by path
				}
			}
		}
	}
	if len(pending) == 0 {
		return
	}
	slices.SortFunc(pending, func(a, b *openRoute) int {
		return cmp.Or(cmp.Compare(a.Site.File, b.Site.File), cmp.Compare(a.Site.Off, b.Site.Off), cmp.Compare(a.Route, b.Route))
	})
	files := reach.NewFiles(c.pass.Fset)
	var mine []resolvedRoute
	var again []reach.Found
	for _, r := range pending {
		k := r.key()
		s, n, impls := c.resolveOpensN(&summary{ops: r.Ops, done: true}, 0)
		b := best[k]
		if n == 0 || !b.better(n, impls) {
			if b != nil {
				// A dependency resolved it better: its estimate, and its
				// finding again.
				res.Endpoints = append(res.Endpoints, resolvedEstimate(r, b.Ops, b.Objectives, b.By, b.Resolved))
				again = append(again, b.Found...)
			}
			continue
		}
		obj := r.Objectives
		if r.DefaultPlan && c.plan.Source != plan.DefaultSource {
			obj = c.objectivesOf(r.Route)
		}
		est := resolvedEstimate(r, s.ops, obj, c.pass.Pkg.Path(), n)
		rr := resolvedRoute{Key: k, By: c.pass.Pkg.Path(), Resolved: n, Impls: impls, Objectives: obj, Ops: s.ops}
		if pos, end, ok := files.Pos(r.Site); ok {
			est.Pos = c.pass.Fset.Position(pos)
			if d, over := c.finding(pos, end, est, s.ops, obj.Wrote); over && !r.Quiet {
				c.pass.Report(d)
				if f, ok := reach.FoundOf(c.pass.Fset, k, d); ok {
					rr.Found = []reach.Found{f}
				}
			}
		}
		res.Endpoints = append(res.Endpoints, est)
		mine = append(mine, rr)
	}
	reach.ReportFound(files, again, c.pass.Report)
	if len(mine) > 0 {
		c.pass.ExportPackageFact(&resolvedRoutesFact{Routes: mine})
	}
}

// resolvedEstimate is the estimate of an open route, resolved by the
// package by.
func resolvedEstimate(r *openRoute, ops []Op, obj objectives, by string, resolved int) *Estimate {
	est := newEstimate(r.Route, r.Handler, r.Posn, ops, obj)
	est.ResolvedBy, est.Resolved = by, resolved
	return est
}
