package metrics

import (
	"go/ast"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	wp "github.com/perfvet/perfvet/analyzers/internal/reach"
)

// One program, one missing-metrics finding.
//
// A package that starts a server and is imported by another package of the
// run (not main) is part of a program that its importers decide on: stash's
// DLNA server and alist's embedded frp client run in the same process as
// the main server, and reporting the program's missing metrics at each of
// them reported one cause twice (judged false each time). In the perfvet
// command, which says which packages the run imports, such a package holds
// its starts in a heldStartsFact, and reports nothing itself. The package
// that decides (a main package, or one that no package of the run imports)
// checks the program it sees whole: when it lacks the plan's metrics, it
// reports that once, at its own first start or else the first start held,
// with every other start related; when it defines them, the held starts
// are covered, whatever their own package could see. Under go vet, nogo,
// golangci-lint and perfvet lsp, which do not say what a run imports, each
// package reports its own starts.

// A role says who reports a package's server starts.
type role int

const (
	roleOwn     role = iota // each package reports its own starts
	roleHolds               // imported by the run: its importers decide
	roleDecides             // a main package, or one the run does not import
)

// programRole returns a package's role under the configuration. A
// package of a dependency's module (one with a version) or of the
// standard library is not the run's: it holds nothing (beego's own
// server start is not one of the program's reported starts).
func programRole(cfg Config, pass *analysis.Pass) role {
	pkg := pass.Pkg
	if !cfg.WholeProgram || cfg.Imported == nil || pkg == nil {
		return roleOwn
	}
	if pass.Module != nil && pass.Module.Version != "" || analysisutil.IsStdPath(pkg.Path()) {
		return roleOwn
	}
	if pkg.Name() != "main" && cfg.Imported(pkg.Path()) {
		return roleHolds
	}
	return roleDecides
}

// A heldStartsFact lists the server starts of a package whose program's
// missing metrics its importers report.
type heldStartsFact struct {
	Starts []heldStart
}

// A heldStart is a server start, as a site.
type heldStart struct {
	Site wp.Site
}

func (*heldStartsFact) AFact() {}

func (f *heldStartsFact) String() string {
	keys := make([]string, 0, len(f.Starts))
	for _, s := range f.Starts {
		keys = append(keys, shortFile(s.Site.File))
	}
	return "heldstarts(" + strings.Join(keys, " ") + ")"
}

// holdStarts exports the package's server starts for its importers.
func (c *checker) holdStarts(calls []*ast.CallExpr) {
	var f heldStartsFact
	for _, call := range calls {
		if c.pass.Suppressed != nil && c.pass.Suppressed(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Category: CategoryMissing}) {
			continue // this package's directives and test files govern its starts
		}
		if site, ok := wp.SiteOf(c.pass.Fset, call.Pos(), call.End()); ok {
			f.Starts = append(f.Starts, heldStart{Site: site})
		}
	}
	if len(f.Starts) > 0 {
		c.pass.ExportPackageFact(&f)
	}
}

// heldStarts returns the starts the packages of the program hold, sorted
// by file and offset.
func heldStarts(pass *analysis.Pass) []heldStart {
	var out []heldStart
	for _, pf := range pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*heldStartsFact); ok && pf.Package != pass.Pkg {
			out = append(out, f.Starts...)
		}
	}
	slices.SortFunc(out, func(a, b heldStart) int {
		if c := strings.Compare(a.Site.File, b.Site.File); c != 0 {
			return c
		}
		return a.Site.Off - b.Site.Off
	})
	return out
}
