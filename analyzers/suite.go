// Package analyzers assembles perfvet's analyzers into a suite built from
// one plan provider, from one registry: each analyzer's name, constructor
// and structured documentation (with the categories of its findings).
// The suite, the names //perfvet:ignore directives accept, `perfvet help`,
// the SARIF rules and the README's analyzer table are derived from it.
package analyzers

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/analyzers/budget"
	"github.com/perfvet/perfvet/analyzers/cacheinval"
	"github.com/perfvet/perfvet/analyzers/internal/lint"
	"github.com/perfvet/perfvet/analyzers/internal/ssabuild"
	"github.com/perfvet/perfvet/analyzers/limits"
	"github.com/perfvet/perfvet/analyzers/metrics"
	"github.com/perfvet/perfvet/analyzers/nplusone"
	"github.com/perfvet/perfvet/analyzers/pagesize"
	"github.com/perfvet/perfvet/analyzers/plan"
	"github.com/perfvet/perfvet/analyzers/timeouts"
)

// TestsFlag is the name of every analyzer's flag that reports findings in
// test code (_test.go files and test helper packages) too.
const TestsFlag = lint.TestsFlag

// DirectiveAnalyzer is the name of the suite's analyzer that reports
// malformed //perfvet:ignore directives. Drivers keep it on when a user
// selects analyzers (-timeouts), so that a typo in a directive is never
// silent; only -perfvet=false turns it off.
const DirectiveAnalyzer = lint.DirectiveAnalyzerName

// SSAAnalyzer is the name of the analyzer that builds, lazily, the SSA
// form the flow-based analyzers share; drivers count each build as its
// time, not as the time of the analyzer that first asked for it.
var SSAAnalyzer = ssabuild.Analyzer.Name

// Documentation is an analyzer's structured documentation: title, why it
// costs, an example before and after, what it reports, the plan keys it
// reads, the categories of its findings and its limits.
type Documentation = lint.Documentation

// Category documents a category of an analyzer's findings.
type Category = lint.Category

// UnusedDirective is the category every analyzer reports an unused
// //perfvet:ignore directive naming it under, besides its own.
var UnusedDirective = lint.UnusedDirective

// An Entry is one analyzer of the registry.
type Entry struct {
	Name string
	// New returns a fresh instance of the analyzer for a suite's
	// configuration (cfg.Plans is never nil here).
	New func(cfg Config) *analysis.Analyzer
	Doc *Documentation
}

// Registry returns the registry: every perfvet analyzer, sorted by name.
// It is the one list of analyzers; a new analyzer is added here (and its
// documentation.go written), and the suite, help, SARIF and the README
// table follow.
func Registry() []Entry {
	return []Entry{
		{budget.Name, func(c Config) *analysis.Analyzer { return budget.New(budget.Config{Plans: c.Plans}) }, &budget.Documentation},
		{cacheinval.Name, func(c Config) *analysis.Analyzer { return cacheinval.New(cacheinval.Config{Plans: c.Plans}) }, &cacheinval.Documentation},
		{limits.Name, func(c Config) *analysis.Analyzer {
			return limits.New(limits.Config{Plans: c.Plans, PerSite: c.PerSite})
		}, &limits.Documentation},
		{metrics.Name, func(c Config) *analysis.Analyzer {
			return metrics.New(metrics.Config{Plans: c.Plans, WholeProgram: c.WholeProgram, Imported: c.Imported})
		}, &metrics.Documentation},
		{nplusone.Name, func(c Config) *analysis.Analyzer {
			return nplusone.New(nplusone.Config{Plans: c.Plans, WholeProgram: c.WholeProgram, Imported: c.Imported, Each: c.PerSite})
		}, &nplusone.Documentation},
		{pagesize.Name, func(c Config) *analysis.Analyzer { return pagesize.New(pagesize.Config{Plans: c.Plans}) }, &pagesize.Documentation},
		// "perfvet": malformed //perfvet:ignore directives, checked
		// against the names of the others.
		{DirectiveAnalyzer, func(c Config) *analysis.Analyzer {
			return lint.NewDirectives(lint.Options{Plans: c.Plans}, Names())
		}, &lint.DirectiveDocumentation},
		{timeouts.Name, func(c Config) *analysis.Analyzer {
			return timeouts.New(timeouts.Config{Plans: c.Plans, WholeProgram: c.WholeProgram, Imported: c.Imported, PerSite: c.PerSite})
		}, &timeouts.Documentation},
	}
}

// Names returns the names of the analyzers a //perfvet:ignore directive
// may name: the registry's, but the directive analyzer's own.
func Names() []string {
	reg := Registry()
	names := make([]string, 0, len(reg))
	for _, e := range reg {
		if e.Name != DirectiveAnalyzer {
			names = append(names, e.Name)
		}
	}
	return names
}

// Lookup returns the registry's entry of the named analyzer.
func Lookup(name string) (Entry, bool) {
	for _, e := range Registry() {
		if e.Name == name {
			return e, true
		}
	}
	return Entry{}, false
}

// Config configures the suite.
type Config struct {
	// Plans gives the plan of each package. Nil means the embedded default.
	Plans plan.Provider
	// WholeProgram says the driver analyses the whole program in one
	// process and shows findings in any package's files (perfvet, perfvet
	// lsp, golangci-lint): nplusone then lets the packages that use an
	// internal package's unused exported functions decide whether their
	// loops are request work. False for go vet -vettool and nogo, which
	// analyse each package in its own process.
	WholeProgram bool
	// Imported, if set, reports whether the run analyses a package that
	// imports the package at a path. nplusone reports the findings it
	// would hold back for the users of an internal package's functions in
	// place when none does (a run on that package alone). Nil: assume one
	// does.
	Imported func(pkgPath string) bool
	// PerSite reports each site of a finding that groups sites at its own
	// position: timeouts' groups per function (timeouts.Config.PerSite),
	// limits' unlimited reads of a program (limits.Config.PerSite) and
	// nplusone's round trips of a loop and loops through one helper
	// (nplusone.Config.Each). For drivers that filter findings by position
	// after the analysis (golangci-lint's //nolint and exclusion rules),
	// where a group's first site filtered out would take the others with
	// it.
	PerSite bool
	// Unused, if set, reports whether a package is one that no package of
	// the run imports, in a run that builds a program of its module (a
	// main package of the module among the run's packages): dead code,
	// or an API for other modules' programs (slash's plugin/httpgetter,
	// left over and used by its tests only; stash's plugin client
	// helpers, which only plugins built elsewhere call: 4 findings judged
	// false). Its findings are not reported; its facts are computed as
	// any package's. Imports from test files do not count. Nil: none is.
	Unused func(pkgPath string) bool
}

// Suite returns a fresh instance of every perfvet analyzer, sorted by name.
// Instances share nothing with other suites, so a program may hold several
// (with different plans) at once.
func Suite(cfg Config) []*analysis.Analyzer {
	if cfg.Plans == nil {
		cfg.Plans = plan.Static(plan.Default())
	}
	reg := Registry()
	suite := make([]*analysis.Analyzer, 0, len(reg))
	for _, e := range reg {
		a := e.New(cfg)
		if cfg.Unused != nil && e.Name != DirectiveAnalyzer {
			a.Run = silenceUnused(a.Run, cfg.Unused)
		}
		suite = append(suite, a)
	}
	return suite
}

// silenceUnused runs an analyzer with no findings reported in the
// packages that unused says nothing of the run imports.
func silenceUnused(run func(*analysis.Pass) (any, error), unused func(string) bool) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (any, error) {
		if pass.Pkg == nil || !unused(pass.Pkg.Path()) {
			return run(pass)
		}
		report := pass.Report
		defer func() { pass.Report = report }()
		pass.Report = func(analysis.Diagnostic) {}
		return run(pass)
	}
}

// READMETable returns the README's analyzer table, in Markdown: one row
// per analyzer of the registry, with what it reports and the categories
// of its findings. A test holds README.md to it.
func READMETable() string {
	var b strings.Builder
	b.WriteString("| analyzer | reports | categories |\n")
	b.WriteString("|----------|---------|------------|\n")
	for _, e := range Registry() {
		cats := make([]string, 0, len(e.Doc.Categories))
		for _, c := range e.Doc.Categories {
			cats = append(cats, "`"+c.Name+"`")
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", e.Name, cellEscaper.Replace(e.Doc.Reports), strings.Join(cats, ", "))
	}
	return b.String()
}

// cellEscaper keeps a text within its Markdown table cell.
var cellEscaper = strings.NewReplacer("|", `\|`, "\n", " ")
