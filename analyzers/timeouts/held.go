package timeouts

import (
	"go/ast"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/commands"
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
	// Funcs names, by finding key, the exported function that holds a
	// finding when no file of the package but its tests refers to it
	// (unusedFunc): a program that no package of which refers to it
	// outside command code does not run it.
	Funcs map[string]string `json:",omitempty"`
}

func (*heldClientsFact) AFact() {}

func (f *heldClientsFact) String() string { return "holds clients" }

// A usesFact lists the packages, not of the standard library, that a
// package refers to outside the code of its command-line commands. A
// program's held clients are reported only in the packages its serving
// code reaches that way (reached): a held package that only command code
// refers to (permify's schema loader, called by its validate command;
// ntfy's client, called by its publish and subscribe commands) runs at a
// terminal in a serving program too.
type usesFact struct {
	Outside []string
	Funcs   []string `json:",omitempty"` // held functions (heldClientsFact.Funcs) referred to outside command code
}

func (*usesFact) AFact() {}

func (f *usesFact) String() string { return "uses " + strings.Join(f.Outside, " ") }

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
	if e, ok := c.unusedFunc(d); ok {
		if c.heldFuncs == nil {
			c.heldFuncs = make(map[string]string)
		}
		c.heldFuncs[f.Key] = e.Func
	}
}

// concludeClients exports what the package holds and whether it serves,
// and reports what its dependencies hold if it decides (reportHeld).
func (c *checker) concludeClients() {
	if !c.cfg.WholeProgram || c.cfg.Imported == nil || c.dependency() {
		return
	}
	serves := c.servesProgram()
	if len(c.held) > 0 {
		c.pass.ExportPackageFact(&heldClientsFact{Found: c.held, Funcs: c.heldFuncs})
	}
	if serves {
		c.pass.ExportPackageFact(new(servesFact))
	}
	uses := c.usesOutsideCommands()
	if len(uses.Outside) > 0 || len(uses.Funcs) > 0 {
		c.pass.ExportPackageFact(uses)
	}
	c.reportHeld(serves, uses)
}

// usesOutsideCommands returns the paths of the imported packages, not of
// the standard library, that this package refers to outside command code,
// or imports for their side effects only (a driver registered in its init
// by a blank import is live wherever it is imported), and the held
// functions of those packages it refers to there.
func (c *checker) usesOutsideCommands() *usesFact {
	outside := make(map[string]bool)
	inCommands := make(map[string]bool)
	heldFuncs := make(map[*types.Package]map[string]string)
	funcs := make(map[string]bool)
	for cur := range c.insp.Root().Preorder((*ast.Ident)(nil)) {
		obj := c.pass.TypesInfo.Uses[cur.Node().(*ast.Ident)]
		if obj == nil || obj.Pkg() == nil || obj.Pkg() == c.pass.Pkg || analysisutil.IsStdPath(obj.Pkg().Path()) {
			continue
		}
		if fn, ok := obj.(*types.Func); ok {
			held, ok := heldFuncs[fn.Pkg()]
			if !ok {
				var f heldClientsFact
				if c.pass.ImportPackageFact(fn.Pkg(), &f) {
					held = f.Funcs
				}
				heldFuncs[fn.Pkg()] = held
			}
			if len(held) > 0 && !c.inCommand(cur) {
				name := analysisutil.FullName(fn.Origin())
				for _, h := range held {
					if h == name {
						funcs[name] = true
					}
				}
			}
		}
		if outside[obj.Pkg().Path()] {
			continue
		}
		if c.inCommand(cur) || c.inKongSubcommand(cur) {
			inCommands[obj.Pkg().Path()] = true
		} else {
			outside[obj.Pkg().Path()] = true
		}
	}
	for _, imp := range c.pass.Pkg.Imports() {
		if p := imp.Path(); !analysisutil.IsStdPath(p) && !inCommands[p] {
			outside[p] = true
		}
	}
	return &usesFact{Outside: slices.Sorted(maps.Keys(outside)), Funcs: slices.Sorted(maps.Keys(funcs))}
}

// inKongSubcommand reports whether an identifier is in the type of a
// kong subcommand's field (commands.KongSubcommand).
func (c *checker) inKongSubcommand(cur inspector.Cursor) bool {
	for fc := range cur.Enclosing((*ast.Field)(nil)) {
		return commands.KongSubcommand(c.pass.Pkg, fc.Node().(*ast.Field))
	}
	return false
}

// reportHeld reports the client findings that dependencies hold, at their
// own positions, where the program is decided (a package of the module
// that is main, or serves, or that no package of the run imports) and
// serves requests: it or a dependency serves. Only the held packages that
// the deciding package or a serving package reaches outside command code
// are reported.
func (c *checker) reportHeld(serves bool, own *usesFact) {
	if !c.cfg.WholeProgram || c.cfg.Imported == nil || c.dependency() {
		return
	}
	decides := serves || c.pass.Pkg.Name() == "main" || !c.cfg.Imported(c.pass.Pkg.Path())
	if !decides {
		return
	}
	self := c.pass.Pkg.Path()
	heldBy := make(map[string][]wp.Found)             // the findings each package holds
	heldFuncs := make(map[string]string)              // the unused functions that hold them, by key
	uses := map[string][]string{self: own.Outside}    // what each package refers to outside commands
	funcsUsed := map[string][]string{self: own.Funcs} // the held functions each refers to there
	roots := []string{self}                           // the program's serving code
	for _, pf := range c.pass.AllPackageFacts() {
		if pf.Package == c.pass.Pkg {
			continue
		}
		switch f := pf.Fact.(type) {
		case *heldClientsFact:
			heldBy[pf.Package.Path()] = f.Found
			maps.Copy(heldFuncs, f.Funcs)
		case *usesFact:
			uses[pf.Package.Path()] = f.Outside
			funcsUsed[pf.Package.Path()] = f.Funcs
		case *servesFact:
			serves = true
			roots = append(roots, pf.Package.Path())
		}
	}
	if !serves || len(heldBy) == 0 {
		return // a command-line tool: its user watches its requests
	}
	var held []wp.Found
	live := reached(roots, uses)
	used := make(map[string]bool)
	for path := range live {
		for _, fn := range funcsUsed[path] {
			used[fn] = true
		}
	}
	for path := range live {
		for _, f := range heldBy[path] {
			if fn := heldFuncs[f.Key]; fn == "" || used[fn] {
				held = append(held, f)
			}
		}
	}
	slices.SortFunc(held, func(a, b wp.Found) int { return strings.Compare(a.Key, b.Key) })
	wp.ReportFound(wp.NewFiles(c.pass.Fset), held, c.pass.Report)
}

// reached returns the packages that roots refer to outside command code,
// directly or through packages so reached, and the roots.
func reached(roots []string, uses map[string][]string) map[string]bool {
	seen := make(map[string]bool)
	work := slices.Clone(roots)
	for len(work) > 0 {
		p := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[p] {
			continue
		}
		seen[p] = true
		work = append(work, uses[p]...)
	}
	return seen
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
