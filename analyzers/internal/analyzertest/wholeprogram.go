package analyzertest

import (
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// WholeProgram checks findings that one package reports in the files of
// another: the whole-program findings of internal/reach, which the package
// that sees the implementations (main) reports at the caller's call;
// analysistest checks each package's findings against that package's own
// files only. It analyses the root packages (and their dependencies) and
// matches every finding, whichever package reports it, against the want
// comments of the fixture tree under the first root's top directory. A
// finding that several packages report alike (the same line and message)
// is one, as the perfvet command merges them; one package reporting it
// twice is an error.
func WholeProgram(t *testing.T, a *analysis.Analyzer, roots ...string) {
	t.Helper()
	testdata := analysistest.TestData()
	top := strings.Split(roots[0], "/")[0]
	wholeProgram(t, a, false, testdata, filepath.Join(testdata, "src", top), roots)
}

// WholeProgramModule is WholeProgram for the fixture module in dir (a
// directory that holds go.mod, loaded in module mode, so that passes know
// their module): the want comments are those of every file under dir.
func WholeProgramModule(t *testing.T, dir string, a *analysis.Analyzer, roots ...string) {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	wholeProgram(t, a, false, abs, abs, roots)
}

// RootsOnly is WholeProgram with only the findings of the root packages,
// as a driver asked about them shows: a finding that a dependency reports
// and no root reports again is missing.
func RootsOnly(t *testing.T, a *analysis.Analyzer, roots ...string) {
	t.Helper()
	testdata := analysistest.TestData()
	top := strings.Split(roots[0], "/")[0]
	wholeProgram(t, a, true, testdata, filepath.Join(testdata, "src", top), roots)
}

// wholeProgram runs WholeProgram, or RootsOnly if rootsOnly is set, on the
// packages of dir, with the want comments of the files under root against
// the findings in them.
func wholeProgram(t *testing.T, a *analysis.Analyzer, rootsOnly bool, dir, root string, roots []string) {
	t.Helper()
	pkgs, graph := Program(t, dir, a, roots...)
	type key struct {
		file string
		line int
	}
	var got []string
	seen := make(map[string]bool)
	isRoot := make(map[*checker.Action]bool)
	for _, act := range graph.Roots {
		isRoot[act] = true
	}
	var fset *token.FileSet
	for act := range graph.All() {
		if act.Analyzer != a {
			continue
		}
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
		}
		if rootsOnly && !isRoot[act] {
			continue
		}
		fset = act.Package.Fset
		mine := make(map[string]bool)
		for _, d := range act.Diagnostics {
			posn := fset.Position(d.Pos)
			if !strings.HasPrefix(posn.Filename, root) {
				continue // the standard library's: drivers show the workspace's only
			}
			s := filepath.ToSlash(posn.Filename) + ":" + strconv.Itoa(posn.Line) + "\x00" + d.Message
			if mine[s] {
				t.Errorf("%s: reported twice by %s: %s", posn, act.Package.PkgPath, d.Message)
			}
			mine[s] = true
			if seen[s] {
				continue // another package's finding, alike: one finding
			}
			seen[s] = true
			got = append(got, s)
		}
	}
	// The expectations: // want `re` on the line of the finding.
	want := make(map[key][]*regexp.Regexp)
	wantRx := regexp.MustCompile("// want `([^`]*)`")
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, f := range p.Syntax {
			name := p.Fset.Position(f.Pos()).Filename
			if !strings.HasPrefix(name, root) {
				continue
			}
			for _, cg := range f.Comments {
				for _, c := range cg.List {
					if m := wantRx.FindStringSubmatch(c.Text); m != nil {
						k := key{filepath.ToSlash(name), p.Fset.Position(c.Pos()).Line}
						want[k] = append(want[k], regexp.MustCompile(m[1]))
					}
				}
			}
		}
	})
	slices.Sort(got)
	for _, g := range got {
		where, msg, _ := strings.Cut(g, "\x00")
		i := strings.LastIndex(where, ":")
		line, _ := strconv.Atoi(where[i+1:])
		k := key{where[:i], line}
		j := slices.IndexFunc(want[k], func(rx *regexp.Regexp) bool { return rx.MatchString(msg) })
		if j < 0 {
			t.Errorf("%s: unexpected finding: %s", where, msg)
			continue
		}
		want[k] = slices.Delete(want[k], j, j+1)
	}
	for k, rxs := range want {
		for _, rx := range rxs {
			t.Errorf("%s:%d: no finding matching %s", k.file, k.line, rx)
		}
	}
}
