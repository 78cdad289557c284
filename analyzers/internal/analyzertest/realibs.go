package analyzertest

import (
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/internal/fixturemod"
)

// Module returns the absolute path of the real-libraries fixture module
// testdata/realibs (one package per analyzer), once its dependencies are
// in the module cache (fixturemod.Ensure: the test is skipped if the
// module proxy cannot be reached). Tests run in an analyzer's package
// directory, analyzers/<name>.
func Module(tb testing.TB) string {
	tb.Helper()
	abs, err := filepath.Abs("../../testdata/realibs")
	if err != nil {
		tb.Fatal(err)
	}
	fixturemod.Ensure(tb, abs)
	return abs
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
	pkgs := load(tb, dir, packages.LoadAllSyntax, "./...")
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

// RequireDemo runs an analyzer on the demo service (Demo) and compares
// its findings, "file:line:col: message" sorted, each followed by its
// related positions (a line "\tfile:line:col: message" each) if related
// is set, with want.
func RequireDemo(t *testing.T, a *analysis.Analyzer, related bool, want ...string) {
	t.Helper()
	findings := Demo(t, a)
	got := make([]string, 0, len(findings))
	for _, d := range findings {
		line := d.Position(d.Pos).String() + ": " + d.Message
		if related {
			for _, r := range d.Related {
				line += "\n\t" + d.Position(r.Pos).String() + ": " + r.Message
			}
		}
		got = append(got, line)
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("findings on the demo:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// RequireDeclared checks the names of a knowledge table (knowledge.FuncKey:
// "(*gorm.io/gorm.DB).Limit") against the real libraries of the fixture
// module dir: every name of a package among libs must be declared there
// (a function, a method or an interface method), so that a typo or an
// API change cannot leave an entry that silently matches nothing. Names
// of other packages are libraries the module does not use; fewer than
// atLeast names checked means the tables or the loading shrank. It
// returns the loaded libraries by path.
func RequireDeclared(t *testing.T, dir string, libs, names []string, atLeast int) map[string]*types.Package {
	t.Helper()
	declared, loaded := declarations(t, dir, libs...)
	checked := 0
	for _, name := range names {
		if loaded[namePackage(name)] == nil {
			continue
		}
		checked++
		if !declared[name] {
			t.Errorf("knowledge names %s, which the real library does not declare", name)
		}
	}
	if checked < atLeast {
		t.Errorf("checked %d names against the real libraries, want at least %d; the tables or the loading shrank", checked, atLeast)
	}
	return loaded
}

// declarations loads packages by path in the fixture module dir and
// returns the names (knowledge.FuncKey) of the functions, methods and
// interface methods they declare, and the packages by path.
func declarations(tb testing.TB, dir string, paths ...string) (map[string]bool, map[string]*types.Package) {
	tb.Helper()
	pkgs := load(tb, dir, packages.NeedName|packages.NeedTypes|packages.NeedImports|packages.NeedDeps, paths...)
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
				for m := range named.Methods() {
					names[knowledge.FuncKey(m)] = true
				}
				if iface, ok := named.Underlying().(*types.Interface); ok {
					for m := range iface.Methods() {
						names[knowledge.FuncKey(m)] = true
					}
				}
			}
		}
	}
	return names, loaded
}

// namePackage returns the package path of a name as the knowledge tables
// write it: "(*gorm.io/gorm.DB).Limit" and "(gorm.io/gorm.ChainInterface[T]).Limit"
// are in gorm.io/gorm, "github.com/go-chi/chi/v5.URLParam" in chi.
func namePackage(name string) string {
	s := strings.TrimPrefix(strings.TrimPrefix(name, "("), "*")
	if i := strings.Index(s, ")"); i >= 0 {
		s = s[:i]
	}
	if i := strings.Index(s, "["); i >= 0 {
		s = s[:i]
	}
	if i := strings.LastIndex(s, "."); i >= 0 {
		return s[:i]
	}
	return s
}
