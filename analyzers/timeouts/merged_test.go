package timeouts_test

import (
	"go/token"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/perfvet/perfvet/analyzers/internal/analyzertest"
	"github.com/perfvet/perfvet/internal/driver"
)

// runMerged runs an analyzer the way the perfvet command does (every
// package loaded from source in one file set, the findings assembled and
// merged by internal/driver) and checks the result against the // want
// comments of every root package's files: a finding reported by one
// package at another package's position (a cause) is expected where it
// sits, which analysistest, checking each package on its own, cannot
// express. Object facts (// want Name:`...`) are checked as analysistest
// does; package facts are not.
func runMerged(t *testing.T, dir string, a *analysis.Analyzer, patterns ...string) *driver.Result {
	t.Helper()
	cfg := &packages.Config{Mode: driver.LoadMode, Dir: dir, Env: append(os.Environ(), analyzertest.Env(dir)...)}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pkgs {
		for _, e := range p.Errors {
			t.Errorf("%s: %v", p.ID, e)
		}
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	outcomes := make([]driver.Outcome, 0, len(graph.Roots))
	wants := make(map[string][]want)
	var fset *token.FileSet
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Errorf("%s: %v", act.Package.ID, act.Err)
		}
		outcomes = append(outcomes, driver.Outcome{Package: act.Package.ID, Analyzer: a.Name, Err: act.Err, Diagnostics: act.Diagnostics})
		fset = act.Package.Fset
		for _, f := range act.Package.Syntax {
			for _, cg := range f.Comments {
				for _, c := range cg.List {
					posn := fset.Position(c.Pos())
					collectWants(t, wants, posn, c.Text)
				}
			}
		}
		for _, of := range act.AllObjectFacts() {
			if of.Object.Pkg() != act.Package.Types {
				continue
			}
			posn := fset.Position(of.Object.Pos())
			matchWant(t, wants, posn, of.Object.Name(), factString(of.Fact), "fact")
		}
	}
	res := driver.Assemble(pkgs, outcomes)
	for _, f := range res.Findings {
		matchWant(t, wants, res.Fset.Position(f.Diag.Pos), "", f.Diag.Message, "diagnostic")
	}
	for k, ws := range wants {
		for _, w := range ws {
			t.Errorf("%s: no %s matching %q", k, kindOf(w), w.rx)
		}
	}
	return res
}

// assembled runs an analyzer on the analysistest fixtures as the perfvet
// command does, like runMerged, and returns the merged findings without
// checking // want comments: for runs whose options change what the
// fixtures expect.
func assembled(t *testing.T, a *analysis.Analyzer, patterns ...string) *driver.Result {
	t.Helper()
	testdata := analysistest.TestData()
	cfg := &packages.Config{Mode: driver.LoadMode, Dir: testdata, Env: append(os.Environ(), analyzertest.Env(testdata)...)}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	outcomes := make([]driver.Outcome, 0, len(graph.Roots))
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Errorf("%s: %v", act.Package.ID, act.Err)
		}
		outcomes = append(outcomes, driver.Outcome{Package: act.Package.ID, Analyzer: a.Name, Err: act.Err, Diagnostics: act.Diagnostics})
	}
	return driver.Assemble(pkgs, outcomes)
}

type want struct {
	name string // object name of a fact expectation, "" for a diagnostic
	rx   *regexp.Regexp
}

func kindOf(w want) string {
	if w.name != "" {
		return "fact " + w.name
	}
	return "diagnostic"
}

func factString(f analysis.Fact) string {
	if s, ok := f.(interface{ String() string }); ok {
		return s.String()
	}
	return ""
}

// wantToken is one expectation of a want comment: an optional "Name:"
// and a back-quoted or double-quoted regexp.
var wantToken = regexp.MustCompile("(\\w+:)?(`[^`]*`|\"(?:[^\"\\\\]|\\\\.)*\")")

func collectWants(t *testing.T, wants map[string][]want, posn token.Position, text string) {
	t.Helper()
	text = strings.TrimPrefix(text, "//")
	i := strings.Index(text, "want ")
	if i < 0 || strings.TrimSpace(text[:i]) != "" && !strings.HasSuffix(strings.TrimSpace(text[:i]), "//") {
		return
	}
	key := posn.Filename + ":" + strconv.Itoa(posn.Line)
	for _, m := range wantToken.FindAllStringSubmatch(text[i+len("want "):], -1) {
		lit := m[2]
		var s string
		if lit[0] == '`' {
			s = lit[1 : len(lit)-1]
		} else {
			var err error
			if s, err = strconv.Unquote(lit); err != nil {
				t.Errorf("%s: %v", key, err)
				continue
			}
		}
		rx, err := regexp.Compile(s)
		if err != nil {
			t.Errorf("%s: %v", key, err)
			continue
		}
		wants[key] = append(wants[key], want{name: strings.TrimSuffix(m[1], ":"), rx: rx})
	}
}

func matchWant(t *testing.T, wants map[string][]want, posn token.Position, name, msg, kind string) {
	t.Helper()
	key := posn.Filename + ":" + strconv.Itoa(posn.Line)
	for i, w := range wants[key] {
		if w.name == name && w.rx.MatchString(msg) {
			wants[key] = append(wants[key][:i], wants[key][i+1:]...)
			if len(wants[key]) == 0 {
				delete(wants, key)
			}
			return
		}
	}
	t.Errorf("%s: unexpected %s: %s", key, kind, msg)
}
