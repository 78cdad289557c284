// Package lint is what every perfvet analyzer does around its own logic:
// it finds the package's plan, keeps the analyzer quiet on ignored packages
// and generated files, honours //perfvet:ignore directives (and reports the
// malformed and unused ones), and turns a panic into an error.
package lint

import (
	"flag"
	"fmt"
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/plan"
)

// A Pass is an analysis.Pass with the package's plan. Its Report (and so
// Reportf and ReportRangef) drops findings in generated files, in ignored
// packages, in dependencies' source (the module cache, GOROOT, vendor/)
// and under a //perfvet:ignore directive.
type Pass struct {
	*analysis.Pass
	Plan *plan.Plan

	// Generated reports whether a file is generated code. Facts are
	// computed for generated code; nothing is reported in it.
	Generated map[*ast.File]bool

	// Suppressed reports whether Report would drop a finding of this
	// package (generated file, test code, ignored package, directive; a
	// directive it matches counts as used). An analyzer that hands a
	// finding to another package to report, once that package knows more,
	// asks here first: the other package cannot see this one's directives.
	Suppressed func(analysis.Diagnostic) bool

	// reportable is set by Wrap; see Reportable.
	reportable func(d analysis.Diagnostic) bool
}

// Reportable reports whether a finding at pos in this package would be
// reported: not in an ignored package, a generated or test file, nor under
// a //perfvet:ignore directive naming the analyzer (which it then marks
// used). An analyzer whose finding for a cause in this package is reported
// by an importing package (at this package's position) asks here, and
// records the answer in a fact, so that the cause package's directives and
// plan govern the finding.
func (p *Pass) Reportable(pos token.Pos) bool {
	if p.reportable == nil {
		return true
	}
	return p.reportable(analysis.Diagnostic{Pos: pos, End: pos})
}

// A RunFunc is an analyzer's logic.
type RunFunc func(*Pass) (any, error)

// Options are what every perfvet analyzer accepts.
type Options struct {
	// Plans gives the plan of each package. Nil means the embedded default.
	Plans plan.Provider
	// Tests reports findings in test and development code too: _test.go
	// files, development tooling, examples and end-to-end harnesses
	// (packages under devtools/, hack/, examples/, e2e/, and integration/
	// at the module's root or under test/), test helper packages (named *test(s), *testing,
	// *testutil(s), *testhelper(s), as httptest, or as mock generators
	// name theirs: *mocks, *fakes, mock_*, mock, fake), files that
	// import testing or a test framework (knowledge.TestFrameworks), and
	// functions named as test support (NewTest..., ...ForTest(s|ing)).
	// perfvet checks what runs in production; test code dials local
	// servers, serves without timeouts and queries in loops on purpose, so
	// by default it is analysed (for facts) but not reported on.
	Tests bool
}

// TestsFlag is the name of the flag that sets Options.Tests.
const TestsFlag = "tests"

// PlanFlag is the name of the flag that names one plan file for every
// package, for drivers that configure an analyzer only through its flags
// (Bazel's nogo, go vet -vettool with -NAME.plan).
const PlanFlag = "plan"

// BindFlags registers the flags every perfvet analyzer has, -tests and
// -plan, on fs (an Analyzer's Flags).
func (o *Options) BindFlags(fs *flag.FlagSet) {
	fs.BoolVar(&o.Tests, TestsFlag, o.Tests, "also report findings in test code")
	fs.Var(&planFlag{o: o}, PlanFlag, "plan file for every package (default: each package's perfplan.yaml, else the embedded plan)")
}

// planFlag loads the plan when the flag is set, so that a malformed plan
// is an error of the command line, with its position, not of every
// package.
type planFlag struct {
	o    *Options
	file string
}

func (f *planFlag) String() string {
	if f == nil {
		return ""
	}
	return f.file
}

func (f *planFlag) Set(s string) error {
	if s == "" {
		return fmt.Errorf("empty plan file name")
	}
	// Drivers may analyse packages from another working directory.
	abs, err := filepath.Abs(s)
	if err != nil {
		return err
	}
	p, err := plan.Load(abs)
	if err != nil {
		return err
	}
	f.file = s
	f.o.Plans = plan.Static(p)
	return nil
}

// Wrap returns the Run function of the analyzer named name: it resolves the
// plan and calls run with a filtering Pass. opts is read at each run, so
// flags bound to it after Wrap take effect.
func Wrap(name string, opts *Options, run RunFunc) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (result any, err error) {
		defer func() {
			if r := recover(); r != nil {
				result = nil
				err = fmt.Errorf("internal error: %s panicked on package %s: %v\n%s\nplease report this at https://github.com/perfvet/perfvet/issues", name, pkgPath(pass), r, debug.Stack())
			}
		}()
		p, err := planFor(pass, opts.Plans)
		if err != nil {
			return nil, err
		}
		lp := &Pass{Pass: pass, Plan: p, Generated: make(map[*ast.File]bool)}
		for _, f := range pass.Files {
			if analysisutil.IsGenerated(f) {
				lp.Generated[f] = true
			}
		}
		ignored := pass.Pkg != nil && (p.Ignored(pass.Pkg.Path()) || !opts.Tests && (isTestHelperPackage(pass.Pkg.Name()) || isDevPackage(pass.Pkg.Path(), modulePath(pass))))
		support := testSupportFiles(pass)
		supportFuncs := testSupportFuncs(pass)
		dirs := parseDirectives(pass, lp.Generated)

		report := pass.Report
		defer func() { pass.Report = report }()
		var diags []analysis.Diagnostic
		lp.Suppressed = func(d analysis.Diagnostic) bool {
			return ignored || lp.inGenerated(d) || inDependency(pass, d.Pos) || !opts.Tests && (inTestFile(pass, d.Pos) || support[pass.Fset.File(d.Pos)] || inFuncs(supportFuncs, d.Pos)) || dirs.suppress(pass.Fset, name, d)
		}
		lp.reportable = func(d analysis.Diagnostic) bool { return !lp.Suppressed(d) }
		pass.Report = func(d analysis.Diagnostic) {
			if !lp.Suppressed(d) {
				diags = append(diags, d)
			}
		}
		result, err = run(lp)
		if ignored {
			return result, err
		}
		if err == nil {
			// An unused directive is only meaningful when the analysis
			// finished: a failed run may have stopped before its finding.
			diags = append(diags, dirs.problems(name)...)
		}
		sort.SliceStable(diags, func(i, j int) bool { return diags[i].Pos < diags[j].Pos })
		for _, d := range diags {
			report(d)
		}
		return result, err
	}
}

// isTestHelperPackage reports whether a package, by Go's naming convention
// (httptest, iotest, fstest, testutil, testing; testhelpers, as ory
// kratos names its own; a suite of tests, as focalboard's
// integrationtests and storetests, pocketbase's tests), or by the names
// mock generators give theirs (mockery's mocks, mockgen's mock_store,
// counterfeiter's storefakes; and mock or fake), exists to support tests:
// openfga's internal/mocks holds a mock OIDC server beside its generated
// mocks.
func isTestHelperPackage(name string) bool {
	for _, suffix := range []string{"test", "tests", "testing", "testutil", "testutils", "testhelper", "testhelpers", "mocks", "fakes"} {
		if strings.HasSuffix(name, suffix) && !notTests[name] {
			return true
		}
	}
	return name == "mock" || name == "fake" || strings.HasPrefix(name, "mock_")
}

// isDevPackage reports whether a package is development tooling, an
// example shipped with the service or an end-to-end test harness, by the
// directories Go projects keep them in: devtools (goalert's mock Slack,
// Twilio and OIDC servers, its process wrapper and proxy for local runs:
// 15 findings, judged false), hack (Kubernetes' convention for
// development scripts), examples, example and _examples (documentation
// for users), a directory with the word demo in its name (dendrite's
// cmd/dendrite-demo-pinecone and contrib/dendrite-demo-tor, peer-to-peer
// demos: 11 findings, judged false; gokapi's cmd/demoData), e2e, and
// integration at the module's root or under test/
// or tests/ (nezha's integration/agentcompat harness, headscale's
// integration suite: 2 findings, judged false), and test/ or tests/ at
// the module's root (autobrr's test/mockindexer, a fake tracker run by
// hand: 2 findings, judged false). An integration directory
// deeper in the tree holds the service's integrations with other
// services (miniflux's internal/integration, 3x-ui's NordVPN and WARP
// clients, judged true) and is production code. A name heuristic, the
// last resort: nothing in the types tells a mock server from a service.
// tools is not among them: pocketbase's tools are its production
// libraries.
func isDevPackage(path, module string) bool {
	for _, elem := range strings.Split(path, "/") {
		switch elem {
		case "devtools", "hack", "examples", "example", "_examples":
			return true
		}
	}
	// The newer names are looked for inside the module only: a module
	// may be named e2e (perfvet's own example.com/e2e) or demo.
	if module == "" || !strings.HasPrefix(path, module+"/") {
		return false
	}
	rel := strings.Split(strings.TrimPrefix(path, module+"/"), "/")
	if rel[0] == "test" || rel[0] == "tests" {
		return true // the module's own test tree: mock servers, fixtures
	}
	for i, elem := range rel {
		if elem == "e2e" || elem == "integration" && (i == 0 || rel[i-1] == "test" || rel[i-1] == "tests") {
			return true
		}
		if slices.ContainsFunc(nameWords(elem), func(w string) bool { return w == "demo" || w == "demos" }) {
			return true
		}
	}
	return false
}

// nameWords returns the lower-case words of a directory name, split at
// '-', '_', '.' and lower-to-upper case changes (demoData: demo, data).
func nameWords(name string) []string {
	var words []string
	start := 0
	for i, r := range name {
		switch {
		case r == '-' || r == '_' || r == '.':
			if i > start {
				words = append(words, strings.ToLower(name[start:i]))
			}
			start = i + 1
		case unicode.IsUpper(r) && i > start && unicode.IsLower(rune(name[i-1])):
			words = append(words, strings.ToLower(name[start:i]))
			start = i
		}
	}
	if start < len(name) {
		words = append(words, strings.ToLower(name[start:]))
	}
	return words
}

// modulePath returns the path of the module a package belongs to, or ""
// when the driver does not say (golangci-lint).
func modulePath(pass *analysis.Pass) string {
	if pass.Module == nil {
		return ""
	}
	return pass.Module.Path
}

// notTests are the words that end in "test" or "tests" and name no test
// code.
var notTests = map[string]bool{
	"contest": true, "contests": true, "protest": true, "protests": true,
	"attest": true, "attests": true, "detest": true, "latest": true,
}

// testSupportFiles returns the package's files that import the testing
// package or a test framework (knowledge.TestFrameworks): test support
// code, whatever the file or package is named (a test database's seeding
// helpers, a ginkgo harness).
func testSupportFiles(pass *analysis.Pass) map[*token.File]bool {
	var files map[*token.File]bool
	for _, f := range pass.Files {
		for _, imp := range f.Imports {
			if path, err := strconv.Unquote(imp.Path.Value); err == nil && knowledge.TestFrameworks[path] {
				if files == nil {
					files = make(map[*token.File]bool)
				}
				files[pass.Fset.File(f.Pos())] = true
				break
			}
		}
	}
	return files
}

// testSupportFuncs returns the declarations of the package's functions
// named as test support: NewTest..., newTest... (pocketbase's
// tests.NewTestApp, vela's scm/github.NewTestAppClient, which points a
// client at an httptest server for the tests of other packages: judged
// false when reported), and ...ForTest, ...ForTests, ...ForTesting
// (headscale's RegisterNodeForTest). A name heuristic, as the package
// names are: a function in a production file that only tests call cannot
// be told otherwise from one package. So is a function that returns an
// *httptest.Server, a fake of a service for tests (harbor's
// MockKrakenProvider, in a production file of its preheat providers: its
// body read was judged false when reported).
func testSupportFuncs(pass *analysis.Pass) []*ast.FuncDecl {
	var out []*ast.FuncDecl
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && (isTestSupportFunc(fd.Name.Name) || returnsTestServer(pass.TypesInfo, fd)) {
				out = append(out, fd)
			}
		}
	}
	return out
}

// returnsTestServer reports whether a function returns an
// *httptest.Server.
func returnsTestServer(info *types.Info, fd *ast.FuncDecl) bool {
	fn, ok := info.Defs[fd.Name].(*types.Func)
	if !ok {
		return false
	}
	res := fn.Signature().Results()
	for i := range res.Len() {
		if p, ok := res.At(i).Type().(*types.Pointer); ok && analysisutil.IsNamed(p.Elem(), "net/http/httptest", "Server") {
			return true
		}
	}
	return false
}

// isTestSupportFunc reports whether a function's name marks it as test
// support: NewTest or newTest followed by a word or nothing (not
// NewTestament), or a name ending in ForTest, ForTests or ForTesting.
func isTestSupportFunc(name string) bool {
	for _, prefix := range []string{"NewTest", "newTest"} {
		if rest, ok := strings.CutPrefix(name, prefix); ok && (rest == "" || unicode.IsUpper(rune(rest[0])) || strings.HasPrefix(rest, "ing") && (len(rest) == 3 || unicode.IsUpper(rune(rest[3])))) {
			return true
		}
	}
	for _, suffix := range []string{"ForTest", "ForTests", "ForTesting"} {
		if strings.HasSuffix(name, suffix) && len(name) > len(suffix) {
			return true
		}
	}
	return false
}

// inFuncs reports whether pos is inside one of the declarations.
func inFuncs(decls []*ast.FuncDecl, pos token.Pos) bool {
	for _, fd := range decls {
		if fd.Pos() <= pos && pos <= fd.End() {
			return true
		}
	}
	return false
}

func inTestFile(pass *analysis.Pass, pos token.Pos) bool {
	return strings.HasSuffix(pass.Fset.Position(pos).Filename, "_test.go")
}

// inDependency reports whether pos lies in another package's file that is
// a dependency's source, which the team running perfvet does not edit
// (dependencyFile). A whole-program analysis may conclude a finding there:
// moira's build imports carbonapi, whose aliasByPostgres function runs a
// query per argument.
func inDependency(pass *analysis.Pass, pos token.Pos) bool {
	f := pass.Fset.File(pos)
	if f == nil {
		return false
	}
	for _, own := range pass.Files {
		if own.FileStart <= pos && pos <= own.FileEnd {
			return false
		}
	}
	return dependencyFile(f.Name(), dependencyRoots())
}

// dependencyFile reports whether a file, by its name, is a dependency's
// source: a module in the module cache, the standard library (roots), or
// a copy vendored into the module.
func dependencyFile(name string, roots []string) bool {
	name = filepath.Clean(name)
	for _, r := range roots {
		if r != "" && strings.HasPrefix(name, filepath.Clean(r)+string(filepath.Separator)) {
			return true
		}
	}
	return slices.Contains(strings.Split(filepath.ToSlash(filepath.Dir(name)), "/"), "vendor")
}

// dependencyRoots are the module cache and GOROOT's source tree, as the
// environment and go/build's defaults give them (an analyzer does not run
// the go command).
var dependencyRoots = sync.OnceValue(func() []string {
	cache := os.Getenv("GOMODCACHE")
	if gopath := filepath.SplitList(build.Default.GOPATH); cache == "" && len(gopath) > 0 && gopath[0] != "" {
		cache = filepath.Join(gopath[0], "pkg", "mod")
	}
	var roots []string
	if cache != "" {
		roots = append(roots, cache)
	}
	if build.Default.GOROOT != "" {
		roots = append(roots, filepath.Join(build.Default.GOROOT, "src"))
	}
	return roots
})

func (p *Pass) inGenerated(d analysis.Diagnostic) bool {
	if len(p.Generated) == 0 {
		return false
	}
	for f := range p.Generated {
		if f.FileStart <= d.Pos && d.Pos <= f.FileEnd {
			return true
		}
	}
	return false
}

// planFor finds the plan for the package, from the directory of its first
// source file (through //line directives, so cgo files count as their
// originals).
func planFor(pass *analysis.Pass, plans plan.Provider) (*plan.Plan, error) {
	if plans == nil {
		return plan.Default(), nil
	}
	dir := ""
	for _, f := range pass.Files {
		if name := pass.Fset.Position(f.Package).Filename; name != "" {
			dir = filepath.Dir(name)
			break
		}
	}
	p, err := plans.PlanFor(dir)
	if err != nil {
		return nil, err
	}
	if p == nil {
		return plan.Default(), nil
	}
	return p, nil
}

func pkgPath(pass *analysis.Pass) string {
	if pass.Pkg == nil {
		return "?"
	}
	return pass.Pkg.Path()
}
