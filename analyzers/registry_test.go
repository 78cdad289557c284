package analyzers_test

import (
	"flag"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/analyzers"
	"github.com/perfvet/perfvet/analyzers/internal/analyzertest"
	"github.com/perfvet/perfvet/analyzers/plan"
)

// TestRegistry checks the registry's shape: sorted, unique names equal to
// the suite's analyzers, every entry documented (the title is doc.go's,
// which Analyzer.Doc carries), and the names a directive accepts.
func TestRegistry(t *testing.T) {
	reg := analyzers.Registry()
	suite := analyzers.Suite(analyzers.Config{})
	if len(reg) != len(suite) {
		t.Fatalf("registry has %d entries, suite %d analyzers", len(reg), len(suite))
	}
	names := make([]string, 0, len(reg))
	for i, e := range reg {
		names = append(names, e.Name)
		a := suite[i]
		if a.Name != e.Name {
			t.Errorf("entry %d is %q, its analyzer %q", i, e.Name, a.Name)
		}
		d := e.Doc
		switch {
		case d == nil:
			t.Errorf("%s: no documentation", e.Name)
			continue
		case d.Title == "" || d.Text == "" || d.Reports == "" || len(d.Categories) == 0:
			t.Errorf("%s: title, text, reports and categories are required: %+v", e.Name, d)
		case (d.Before == "") != (d.After == ""):
			t.Errorf("%s: an example needs both before and after", e.Name)
		case strings.HasSuffix(d.Title, ".") || d.Title != strings.ToLower(d.Title[:1])+d.Title[1:]:
			t.Errorf("%s: title %q must be lowercase with no period", e.Name, d.Title)
		}
		// The directive analyzer's Doc starts with its name, as its
		// go vet help prints it.
		if title, _, _ := strings.Cut(a.Doc, "\n"); strings.TrimPrefix(title, e.Name+": ") != d.Title {
			t.Errorf("%s: the registry's title %q differs from doc.go's %q", e.Name, d.Title, title)
		}
		for _, c := range d.Categories {
			if c.Name == "" || c.Text == "" {
				t.Errorf("%s: category %+v needs a name and a description", e.Name, c)
			}
		}
		if got, ok := analyzers.Lookup(e.Name); !ok || got.Doc != d {
			t.Errorf("Lookup(%q) = %v, %v", e.Name, got.Name, ok)
		}
	}
	if !slices.IsSorted(names) || len(slices.Compact(slices.Clone(names))) != len(names) {
		t.Errorf("registry names %v: want sorted and unique", names)
	}
	want := slices.DeleteFunc(slices.Clone(names), func(n string) bool { return n == analyzers.DirectiveAnalyzer })
	if got := analyzers.Names(); !slices.Equal(got, want) {
		t.Errorf("Names() = %v, want %v", got, want)
	}
	if _, ok := analyzers.Lookup("nosuch"); ok {
		t.Errorf("Lookup(nosuch) found an entry")
	}
}

// TestREADMETable fails when the README's analyzer table is not the one
// the registry generates, and prints the table to paste.
func TestREADMETable(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	got, ok := readmeTable(string(data))
	want := analyzers.READMETable()
	switch {
	case !ok:
		t.Errorf("README.md has no analyzer table (a table whose header starts with \"| analyzer |\" under \"## Analyzers\"); add this one:\n\n%s", want)
	case got != want:
		t.Errorf("README.md's analyzer table differs from the registry (analyzers/suite.go and each analyzer's documentation.go); replace it with:\n\n%s", want)
	}
}

// readmeTable returns the first table under the "## Analyzers" heading.
func readmeTable(readme string) (string, bool) {
	_, section, ok := strings.Cut(readme, "\n## Analyzers\n")
	if !ok {
		return "", false
	}
	var table []string
	for line := range strings.SplitSeq(section, "\n") {
		if strings.HasPrefix(line, "## ") {
			break
		}
		if strings.HasPrefix(line, "|") {
			table = append(table, line)
		} else if len(table) > 0 {
			break
		}
	}
	if len(table) == 0 || !strings.HasPrefix(table[0], "| analyzer |") {
		return "", false
	}
	return strings.Join(table, "\n") + "\n", true
}

// TestCategoriesDeclared checks that each analyzer's categories in the
// registry are the Category* constants its package declares, in order.
func TestCategoriesDeclared(t *testing.T) {
	for _, e := range analyzers.Registry() {
		if e.Name == analyzers.DirectiveAnalyzer {
			continue // lint's "directive" is its only category; TestCategoriesReported runs it
		}
		declared, err := declaredCategories(e.Name)
		if err != nil {
			t.Errorf("%s: %v", e.Name, err)
			continue
		}
		if got := e.Doc.CategoryNames(); !slices.Equal(got, declared) {
			t.Errorf("%s: the registry documents categories %v, the package declares %v", e.Name, got, declared)
		}
	}
}

// declaredCategories returns the values of the string constants named
// Category* in the analyzer's package, in source order.
func declaredCategories(name string) ([]string, error) {
	fset := token.NewFileSet()
	files, err := filepath.Glob(filepath.Join(name, "*.go"))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, id := range vs.Names {
					if !strings.HasPrefix(id.Name, "Category") || i >= len(vs.Values) {
						continue
					}
					if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						out = append(out, constant.StringVal(constant.MakeFromLiteral(lit.Value, lit.Kind, 0)))
					}
				}
			}
		}
	}
	return out, nil
}

// extraPlans are plan files that some categories need beyond the
// default written out (TestClientAndPoolMetrics' plan, for metrics).
var extraPlans = map[string]string{
	"metrics": "metrics:\n  - {name: http_client_request_duration_seconds, type: histogram, labels: [method, host, status]}\n  - {name: go_sql_open_connections, type: gauge}\n",
}

// TestCategoriesReported runs each analyzer on its analysistest
// fixtures (every scenario under testdata/src) under a plan file that
// writes every default (so the checks against the plan run) with every
// boolean flag on, and again under extraPlans; the directive analyzer on
// testdata/e2e/suppress. It checks that the categories each reports are
// the registry's: none undocumented, none documented that no fixture
// shows. When a documented category is not shown there, the analyzer's
// package of testdata/realibs is run too (loading real libraries is the
// costly part, so only then). The fixtures' own tests check what is
// reported where; here their expectations are not checked.
func TestCategoriesReported(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every analyzer on all its fixtures")
	}
	written := plan.Static(analyzertest.WrittenPlan(t, string(plan.DefaultYAML())))
	for _, e := range analyzers.Registry() {
		t.Run(e.Name, func(t *testing.T) {
			configure := func(plans plan.Provider, flagsOn bool) *analysis.Analyzer {
				a := e.New(analyzers.Config{Plans: plans})
				if flagsOn {
					setBoolFlags(t, a)
				}
				return a
			}
			got := make(map[string]bool)
			add := func(diags []analysis.Diagnostic) {
				for _, d := range diags {
					got[d.Category] = true
				}
			}
			if e.Name == analyzers.DirectiveAnalyzer {
				add(moduleDiagnostics(t, filepath.Join("..", "testdata", "e2e"), configure(written, true), "./suppress/..."))
			} else {
				add(fixtureDiagnostics(t, e.Name, configure(written, true)))
				if src, ok := extraPlans[e.Name]; ok {
					add(fixtureDiagnostics(t, e.Name, configure(plan.Static(analyzertest.WrittenPlan(t, src)), false)))
				}
			}
			documented := e.Doc.CategoryNames()
			realibs := filepath.Join("..", "testdata", "realibs")
			if _, err := os.Stat(filepath.Join(realibs, e.Name)); err == nil && slices.ContainsFunc(documented, func(c string) bool { return !got[c] }) {
				add(moduleDiagnostics(t, realibs, configure(written, true), "./"+e.Name+"/..."))
			}
			for c := range got {
				if !slices.Contains(documented, c) && c != analyzers.UnusedDirective.Name {
					t.Errorf("%s reports category %q in its fixtures; the registry documents %v", e.Name, c, documented)
				}
			}
			for _, c := range documented {
				if !got[c] {
					t.Errorf("%s's category %q is documented but reported in none of its fixtures", e.Name, c)
				}
			}
		})
	}
}

// fixtureDiagnostics returns what a reports on the analysistest
// scenarios of the analyzer name.
func fixtureDiagnostics(t *testing.T, name string, a *analysis.Analyzer) []analysis.Diagnostic {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join(name, "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	var out []analysis.Diagnostic
	if patterns := scenarios(t, dir); len(patterns) > 0 {
		for _, r := range analyzertest.Results(t, dir, a, patterns...) {
			out = append(out, r.Diagnostics...)
		}
	}
	return out
}

// moduleDiagnostics runs a on the packages of the fixture module in dir.
func moduleDiagnostics(t *testing.T, dir string, a *analysis.Analyzer, patterns ...string) []analysis.Diagnostic {
	t.Helper()
	_, graph := analyzertest.Program(t, dir, a, patterns...)
	var out []analysis.Diagnostic
	for _, act := range graph.Roots {
		out = append(out, act.Diagnostics...)
	}
	return out
}

// scenarios returns the patterns of the fixture scenarios under
// dir/src: each top-level directory but the stubs of libraries (whose
// first path element is a domain, as github.com).
func scenarios(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(dir, "src"))
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var out []string
	for _, ent := range entries {
		if ent.IsDir() && !strings.Contains(ent.Name(), ".") {
			out = append(out, ent.Name()+"/...")
		}
	}
	return out
}

// setBoolFlags turns on every boolean flag of a that is off by default
// (those on by default turn a rule off when cleared).
func setBoolFlags(t *testing.T, a *analysis.Analyzer) {
	t.Helper()
	a.Flags.VisitAll(func(f *flag.Flag) {
		if f.DefValue != "false" {
			return
		}
		if err := a.Flags.Set(f.Name, "true"); err != nil {
			t.Fatalf("-%s.%s: %v", a.Name, f.Name, err)
		}
	})
}
