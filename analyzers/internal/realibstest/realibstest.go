// Package realibstest helps the analyzers' tests that run against the real
// libraries: the fixture module testdata/realibs, one package per
// analyzer, and the demo service testdata/demo.
package realibstest

import (
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/internal/fixturemod"
)

// dir is the fixture module, relative to an analyzer's package directory
// (analyzers/<name>), where go test runs its tests.
const dir = "../../testdata/realibs"

// Module returns the absolute path of the real-libraries fixture module,
// once its dependencies are in the module cache (fixturemod.Ensure: the
// test is skipped if the module proxy cannot be reached). The patterns
// name the packages the caller loads; the dependencies of the whole module
// are downloaded, once per test binary, whatever they are.
func Module(tb testing.TB, patterns ...string) string {
	tb.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		tb.Fatal(err)
	}
	fixturemod.Ensure(tb, abs)
	return abs
}

// RequireModulesCached makes sure the dependencies of a fixture module
// (such as testdata/demo) are in the module cache: it is
// fixturemod.Ensure, which downloads all of them; patterns are not needed.
func RequireModulesCached(tb testing.TB, dir string, patterns ...string) {
	tb.Helper()
	fixturemod.Ensure(tb, dir)
}

// A Finding is a diagnostic of a root package, with its positions made
// relative to the fixture module ("internal/api/orders.go:43:17").
type Finding struct {
	analysis.Diagnostic
	fset *token.FileSet
	dir  string
}

// Position returns a position of the finding (its own, or a related one)
// with the file name relative to the module, in slash form.
func (f Finding) Position(pos token.Pos) token.Position {
	p := f.fset.Position(pos)
	if rel, err := filepath.Rel(f.dir, p.Filename); err == nil {
		p.Filename = filepath.ToSlash(rel)
	}
	return p
}

// Demo runs an analyzer on every package of the demo service
// (testdata/demo), loaded offline, with the checker's sanity check, which
// also gob-encodes every fact twice and compares, as go vet and nogo need
// facts to be serializable and deterministic. It fails on any analysis
// error and returns the findings on the demo's packages.
func Demo(tb testing.TB, a *analysis.Analyzer) []Finding {
	tb.Helper()
	dir, err := filepath.Abs("../../testdata/demo")
	if err != nil {
		tb.Fatal(err)
	}
	fixturemod.Ensure(tb, dir)
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  dir,
		Env:  append(os.Environ(), "GOWORK=off", "GOPROXY=off"),
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		tb.Fatal(err)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, &checker.Options{SanityCheck: true})
	if err != nil {
		tb.Fatal(err)
	}
	var out []Finding
	for act := range graph.All() {
		if act.Err != nil {
			tb.Errorf("%s: %v", act, act.Err)
		}
		if !act.IsRoot || act.Analyzer != a {
			continue
		}
		for _, d := range act.Diagnostics {
			out = append(out, Finding{Diagnostic: d, fset: act.Package.Fset, dir: dir})
		}
	}
	return out
}

// Declared loads packages by path in the fixture module dir (offline) and
// returns the names, as the knowledge tables write them
// (knowledge.FuncKey), of the functions, methods and interface methods
// they declare, and the packages by path; a knowledge table's entry for a
// loaded package that is not among the names matches nothing.
func Declared(tb testing.TB, dir string, paths ...string) (map[string]bool, map[string]*types.Package) {
	tb.Helper()
	fixturemod.Ensure(tb, dir)
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedTypes | packages.NeedImports | packages.NeedDeps,
		Dir:  dir,
		Env:  append(os.Environ(), "GO111MODULE=on", "GOPROXY=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, paths...)
	if err != nil {
		tb.Fatal(err)
	}
	names := make(map[string]bool)
	loaded := make(map[string]*types.Package)
	for _, p := range pkgs {
		if len(p.Errors) > 0 || p.Types == nil {
			tb.Fatalf("loading %s: %v", p.PkgPath, p.Errors)
		}
		loaded[p.PkgPath] = p.Types
		scope := p.Types.Scope()
		for _, name := range scope.Names() {
			switch obj := scope.Lookup(name).(type) {
			case *types.Func:
				names[knowledge.FuncKey(obj)] = true
			case *types.TypeName:
				named, ok := obj.Type().(*types.Named)
				if !ok {
					continue
				}
				for i := 0; i < named.NumMethods(); i++ {
					names[knowledge.FuncKey(named.Method(i))] = true
				}
				if iface, ok := named.Underlying().(*types.Interface); ok {
					for i := 0; i < iface.NumMethods(); i++ {
						names[knowledge.FuncKey(iface.Method(i))] = true
					}
				}
			}
		}
	}
	return names, loaded
}
