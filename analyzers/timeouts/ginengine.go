package timeouts

import (
	"fmt"
	"go/ast"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	wp "github.com/perfvet/perfvet/analyzers/internal/reach"
)

// Calls that run with a *gin.Context as their context have one cause: the
// engine does not set ContextWithFallback, and one line where the engine
// is made fixes every handler. A package's calls are one finding, at the
// first, with the others related (alist's OIDC login: 6 calls in one
// file). In the perfvet command, which sees the whole program, the calls
// of several packages are one finding too, at the engine: the packages
// that do not make an engine hold their calls in a package fact, and the
// package that calls gin.New or gin.Default reports them (pocket-id's
// controllers and middleware: 2 findings of one cause), or none when its
// engine sets ContextWithFallback. Calls no engine of the program decides
// on are reported, per package, by the package that decides on the
// program (a main, or one no package of the run imports).

// A ginHeldFact holds a package's calls given a *gin.Context as their
// context, for the package that makes the program's engine.
type ginHeldFact struct {
	Sites []ginHeld
}

// A ginHeld is one held call: its finding, the callee as the finding names
// it, and the edits of its suggested fix.
type ginHeld struct {
	Found wp.Found
	What  string
	Edits []heldEdit
}

// A heldEdit is a text edit at a site.
type heldEdit struct {
	Site    wp.Site
	NewText string
}

func (*ginHeldFact) AFact() {}

func (f *ginHeldFact) String() string { return fmt.Sprintf("holds %d gin calls", len(f.Sites)) }

// A ginEngineFact says that a package makes a gin engine and has decided
// on the held calls of the packages it lists.
type ginEngineFact struct {
	Covered []string
}

func (*ginEngineFact) AFact() {}

func (f *ginEngineFact) String() string {
	return fmt.Sprintf("gin engine of %d packages", len(f.Covered))
}

// reportGinContexts reports the package's calls given a *gin.Context, and
// in the perfvet command decides on those other packages hold.
func (c *checker) reportGinContexts() {
	if c.cfg.WholeProgram && c.cfg.Imported != nil && !c.dependency() {
		switch engine := c.ginEngine(); {
		case engine != nil:
			c.reportAtEngine(engine)
			return
		case c.cfg.Imported(c.pass.Pkg.Path()) && c.pass.Pkg.Name() != "main":
			c.holdGinSites()
			return
		default:
			for _, sites := range c.undecidedGin() {
				c.reportGinGroup(sites)
			}
		}
	}
	c.reportGinGroup(c.ginSites)
}

// reportGinGroup reports one package's calls: one alone where it is;
// several, once, at the first, with the others related and one fix that
// passes c.Request.Context() at each.
func (c *checker) reportGinGroup(sites []ginSite) {
	if len(sites) < 2 {
		for _, g := range sites {
			c.pass.Report(g.diag)
		}
		return
	}
	first := sites[0].diag
	first.Message += fmt.Sprintf("; %d more calls of this package run with a *gin.Context as their context: set ContextWithFallback on the engine once, or pass each its request's context", len(sites)-1)
	var edits []analysis.TextEdit
	var related []analysis.RelatedInformation
	for i, g := range sites {
		for _, f := range g.diag.SuggestedFixes {
			edits = append(edits, f.TextEdits...)
		}
		if i > 0 {
			related = append(related, analysis.RelatedInformation{Pos: g.diag.Pos, End: g.diag.End, Message: g.what + " also runs with a *gin.Context"})
		}
	}
	first.SuggestedFixes = nil
	if len(edits) > 0 {
		first.SuggestedFixes = []analysis.SuggestedFix{{Message: "Pass the request's context at each call", TextEdits: edits}}
	}
	first.Related = analysisutil.BoundedRelated(c.pass.Fset, related)
	c.pass.Report(first)
}

// ginEngine returns the package's first call of gin.New or gin.Default.
func (c *checker) ginEngine() *ast.CallExpr {
	if !analysisutil.ImportsAny(c.pass.Pkg, knowledge.Gin) {
		return nil
	}
	for n := range c.insp.PreorderSeq((*ast.CallExpr)(nil)) {
		call := n.(*ast.CallExpr)
		switch analysisutil.FullName(analysisutil.Callee(c.pass.TypesInfo, call)) {
		case knowledge.Gin + ".New", knowledge.Gin + ".Default":
			if !strings.HasSuffix(c.pass.Fset.Position(call.Pos()).Filename, "_test.go") {
				return call
			}
		}
	}
	return nil
}

// holdGinSites records the package's calls for the engine's package,
// unless this package's directives suppress them.
func (c *checker) holdGinSites() {
	var held []ginHeld
	for _, g := range c.ginSites {
		if c.pass.Suppressed != nil && c.pass.Suppressed(g.diag) {
			continue
		}
		f, ok := wp.FoundOf(c.pass.Fset, "", g.diag)
		if !ok {
			c.pass.Report(g.diag) // a position that cannot travel: report it here
			continue
		}
		h := ginHeld{Found: f, What: g.what}
		for _, fix := range g.diag.SuggestedFixes {
			for _, e := range fix.TextEdits {
				if site, ok := wp.SiteOf(c.pass.Fset, e.Pos, e.End); ok {
					h.Edits = append(h.Edits, heldEdit{Site: site, NewText: string(e.NewText)})
				}
			}
		}
		held = append(held, h)
	}
	if len(held) > 0 {
		c.pass.ExportPackageFact(&ginHeldFact{Sites: held})
	}
}

// heldGin returns the calls the package's dependencies hold, by package,
// and the packages an engine of the dependencies has decided on.
func (c *checker) heldGin() (held map[string][]ginHeld, decided map[string]bool) {
	held = make(map[string][]ginHeld)
	decided = make(map[string]bool)
	for _, pf := range c.pass.AllPackageFacts() {
		if pf.Package == c.pass.Pkg {
			continue
		}
		switch f := pf.Fact.(type) {
		case *ginHeldFact:
			held[pf.Package.Path()] = f.Sites
		case *ginEngineFact:
			for _, p := range f.Covered {
				decided[p] = true
			}
		}
	}
	return held, decided
}

// reportAtEngine decides on the calls of this package and of the packages
// it imports that hold theirs: none when the engine sets
// ContextWithFallback; one package's as reportGinGroup does; several
// packages' once, at the engine.
func (c *checker) reportAtEngine(engine *ast.CallExpr) {
	held, decided := c.heldGin()
	for p := range decided {
		delete(held, p)
	}
	c.pass.ExportPackageFact(&ginEngineFact{Covered: slices.Sorted(maps.Keys(held))})
	if c.ginFallback {
		return // the engine cancels the *gin.Context with its request
	}
	groups := c.ginGroups(held)
	if len(c.ginSites) > 0 {
		groups = append([][]ginSite{c.ginSites}, groups...)
	}
	if len(groups) < 2 {
		for _, g := range groups {
			c.reportGinGroup(g)
		}
		return
	}
	n := 0
	var related []analysis.RelatedInformation
	for _, g := range groups {
		for _, s := range g {
			n++
			related = append(related, analysis.RelatedInformation{Pos: s.diag.Pos, End: s.diag.End, Message: s.what + " runs with a *gin.Context as its context"})
		}
	}
	c.pass.Report(analysis.Diagnostic{
		Pos: engine.Pos(), End: engine.End(), Category: CategoryRequest, Related: analysisutil.BoundedRelated(c.pass.Fset, related),
		Message: fmt.Sprintf("the gin engine made here does not set ContextWithFallback, so %d calls in %d packages that run with a *gin.Context as their context (%s, and others) are never canceled and keep running after the client has gone; set ContextWithFallback = true on the engine, one line for every handler, or pass c.Request.Context() at each",
			n, len(groups), groups[0][0].what),
	})
}

// undecidedGin returns, by package, the calls held by dependencies that
// no engine has decided on.
func (c *checker) undecidedGin() [][]ginSite {
	held, decided := c.heldGin()
	for p := range decided {
		delete(held, p)
	}
	return c.ginGroups(held)
}

// ginGroups turns held calls into sites of this pass, one group per
// package in path order; calls whose files this pass does not hold are
// left out.
func (c *checker) ginGroups(held map[string][]ginHeld) [][]ginSite {
	files := wp.NewFiles(c.pass.Fset)
	var out [][]ginSite
	for _, p := range slices.Sorted(maps.Keys(held)) {
		var group []ginSite
		for _, h := range held[p] {
			pos, end, ok := files.Pos(h.Found.Site)
			if !ok {
				continue
			}
			d := analysis.Diagnostic{Pos: pos, End: end, Category: h.Found.Category, Message: h.Found.Message}
			var edits []analysis.TextEdit
			for _, e := range h.Edits {
				if ep, ee, ok := files.Pos(e.Site); ok {
					edits = append(edits, analysis.TextEdit{Pos: ep, End: ee, NewText: []byte(e.NewText)})
				}
			}
			if len(edits) > 0 {
				d.SuggestedFixes = []analysis.SuggestedFix{{Message: "Pass the request's context", TextEdits: edits}}
			}
			group = append(group, ginSite{diag: d, what: h.What})
		}
		if len(group) > 0 {
			out = append(out, group)
		}
	}
	return out
}
