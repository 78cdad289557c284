package timeouts

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	wp "github.com/perfvet/perfvet/analyzers/internal/reach"
)

// A heldClientsFact holds a package's client findings (category client)
// for the programs that import it to decide: the package serves nothing
// itself, so whether its clients wait on behalf of a request depends on
// the program. A program that serves requests reports them, at their own
// positions; a program that serves nothing is a command-line tool whose
// user watches and interrupts it (gokapi's cli-uploader, whose API
// package builds its clients: 3 findings, judged false).
type heldClientsFact struct {
	Found []wp.Found
}

func (*heldClientsFact) AFact() {}

func (f *heldClientsFact) String() string { return "holds clients" }

// A servesFact says that a package of the module serves requests: it
// declares a request handler or starts a server. A program that imports
// one serves.
type servesFact struct{}

func (*servesFact) AFact() {}

func (*servesFact) String() string { return "serves" }

// holdsClients reports whether the package's client findings are held for
// its importers (heldClientsFact): only in drivers that see the whole
// program, report in any package's files and say which packages the run
// imports (the perfvet command), for a package of the module, not main,
// that serves nothing itself and that a package of the run imports. A
// driver that does not say (golangci-lint, perfvet lsp) could not tell a
// package that no package of the run imports, which nobody would decide
// on, from one that main will: there, findings are reported where they
// are.
func (c *checker) holdsClients() bool {
	if c.holdClients == 0 {
		c.holdClients = 1
		pkg := c.pass.Pkg
		if c.cfg.WholeProgram && c.cfg.Imported != nil && c.cfg.Imported(pkg.Path()) &&
			pkg.Name() != "main" && !c.dependency() && !c.servesProgram() {
			c.holdClients = 2
		}
	}
	return c.holdClients == 2
}

// hold records a client finding for the package's importers, unless this
// package's directives or test files suppress it: the importer that
// reports it cannot see them.
func (c *checker) hold(d analysis.Diagnostic) {
	if c.pass.Suppressed != nil && c.pass.Suppressed(d) {
		return
	}
	f, ok := wp.FoundOf(c.pass.Fset, "", d)
	if !ok {
		c.pass.Report(d) // a position that cannot travel: report it here
		return
	}
	f.Key = f.Site.Key()
	c.held = append(c.held, f)
}

// concludeClients exports what the package holds and whether it serves,
// and reports what its dependencies hold if it decides (reportHeld).
func (c *checker) concludeClients() {
	if !c.cfg.WholeProgram || c.cfg.Imported == nil || c.dependency() {
		return
	}
	serves := c.servesProgram()
	if len(c.held) > 0 {
		c.pass.ExportPackageFact(&heldClientsFact{Found: c.held})
	}
	if serves {
		c.pass.ExportPackageFact(new(servesFact))
	}
	c.reportHeld(serves)
}

// reportHeld reports the client findings that dependencies hold, at their
// own positions, where the program is decided (a package of the module
// that is main, or serves, or that no package of the run imports) and
// serves requests: it or a dependency serves.
func (c *checker) reportHeld(serves bool) {
	if !c.cfg.WholeProgram || c.cfg.Imported == nil || c.dependency() {
		return
	}
	decides := serves || c.pass.Pkg.Name() == "main" || !c.cfg.Imported(c.pass.Pkg.Path())
	if !decides {
		return
	}
	var held []wp.Found
	for _, pf := range c.pass.AllPackageFacts() {
		if pf.Package == c.pass.Pkg {
			continue
		}
		switch f := pf.Fact.(type) {
		case *heldClientsFact:
			held = append(held, f.Found...)
		case *servesFact:
			serves = true
		}
	}
	if !serves || len(held) == 0 {
		return // a command-line tool: its user watches its requests
	}
	slices.SortFunc(held, func(a, b wp.Found) int { return strings.Compare(a.Key, b.Key) })
	wp.ReportFound(wp.NewFiles(c.pass.Fset), held, c.pass.Report)
}

// servesProgram reports whether the package serves requests: it declares
// a request handler, or starts an HTTP or gRPC server.
func (c *checker) servesProgram() bool {
	if c.servesRequests() {
		return true
	}
	if c.starts == 0 {
		c.starts = 1
		for cur := range c.insp.Root().Preorder((*ast.CallExpr)(nil)) {
			if startsServer(analysisutil.Callee(c.pass.TypesInfo, cur.Node().(*ast.CallExpr))) {
				c.starts = 2
				break
			}
		}
	}
	return c.starts == 2
}

// startsServer reports whether calling fn starts a server.
func startsServer(fn *types.Func) bool {
	name := analysisutil.FullName(fn)
	_, ok := knowledge.ServerStarts[name]
	return ok || knowledge.UnboundedServers[name] || name == knowledge.GRPCServe
}

// dependency reports whether the package is of the standard library or
// of a required module, not of the module analysed: its servers and
// clients are its authors'.
func (c *checker) dependency() bool {
	return c.pass.Module != nil && c.pass.Module.Version != "" || analysisutil.IsStdPath(c.pass.Pkg.Path())
}
