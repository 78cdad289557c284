// Package driver runs perfvet's analyzers over packages named by go-style
// patterns: it loads them with go/packages, checks the plans that apply to
// them before anything is analysed, runs the analyzers with facts across
// packages, and collects findings and errors.
package driver

import (
	"cmp"
	"errors"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/perfvet/perfvet/analyzers/plan"
)

// Options control a run.
type Options struct {
	Dir        string   // working directory for package patterns; "" = current
	Patterns   []string // go-style package patterns; none = "./..."
	Tests      bool     // also analyse test files
	BuildFlags []string // passed to the go command (-tags=...)
	Env        []string // environment of the go command; nil = os.Environ()
	Sequential bool     // analyse one package at a time (for profiling)
}

// A Finding is one diagnostic of one analyzer.
type Finding struct {
	Analyzer string
	Package  string // package ID
	Diag     analysis.Diagnostic
}

// A PackageError is a problem loading, parsing or type-checking a package,
// or an analyzer's failure on it.
type PackageError struct {
	Package  string
	Analyzer string // "" for load and type errors
	Pos      string // file:line:col, if known
	Msg      string
}

func (e PackageError) Error() string {
	var b strings.Builder
	if e.Pos != "" {
		b.WriteString(e.Pos + ": ")
	}
	if e.Analyzer != "" {
		b.WriteString(e.Analyzer + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// A Result is the outcome of a run.
type Result struct {
	Fset     *token.FileSet
	Findings []Finding      // sorted by position, duplicates (test variants) removed
	Errors   []PackageError // load, type and analysis errors
	Packages []*packages.Package
	// Incomplete lists packages analysed despite errors: only the rules
	// that need no flow analysis ran on them.
	Incomplete []string
	Timing     map[string]time.Duration // per analyzer, summed over packages
	Load       time.Duration
	Analyze    time.Duration
}

// PlanError reports plans that failed validation; nothing was analysed.
type PlanError struct{ Errs []error }

func (e *PlanError) Error() string {
	msgs := make([]string, len(e.Errs))
	for i, err := range e.Errs {
		msgs[i] = err.Error()
	}
	return strings.Join(msgs, "\n")
}

// LoadMode is what the analyzers need: syntax and types of every package,
// dependencies included, so that facts can be computed for them.
const LoadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedTypes | packages.NeedTypesSizes |
	packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedDeps | packages.NeedModule

// Load loads the packages the options name.
func Load(opts Options) ([]*packages.Package, error) {
	patterns := opts.Patterns
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	env := opts.Env
	if env == nil {
		env = os.Environ()
	}
	cfg := &packages.Config{
		Mode:       LoadMode,
		Dir:        opts.Dir,
		Tests:      opts.Tests,
		BuildFlags: opts.BuildFlags,
		Env:        env,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("no packages match %s", strings.Join(patterns, " "))
	}
	return pkgs, nil
}

// CheckPlans loads, through finder, the plan of every root package's
// directory (and the override, if set), and returns every plan error. It
// runs before any analysis: a malformed plan stops the run.
func CheckPlans(finder *plan.Finder, pkgs []*packages.Package) error {
	files := make(map[string]bool)
	if o := finder.Override(); o != "" {
		files[o] = true
	}
	for _, dir := range PackageDirs(pkgs) {
		if f := finder.FileFor(dir); f != "" {
			files[f] = true
		}
	}
	var errs []error
	for _, f := range slices.Sorted(mapsKeys(files)) {
		if _, err := plan.Load(f); err != nil {
			var list plan.ErrorList
			if errors.As(err, &list) {
				for _, e := range list {
					errs = append(errs, e)
				}
				continue
			}
			errs = append(errs, fmt.Errorf("plan: %w", err))
		}
	}
	if len(errs) > 0 {
		return &PlanError{Errs: errs}
	}
	return nil
}

func mapsKeys(m map[string]bool) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// PackageDirs returns the directories of the root packages' source files.
func PackageDirs(pkgs []*packages.Package) []string {
	seen := make(map[string]bool)
	var dirs []string
	for _, p := range pkgs {
		if len(p.GoFiles) == 0 {
			continue
		}
		if d := filepath.Dir(p.GoFiles[0]); !seen[d] {
			seen[d] = true
			dirs = append(dirs, d)
		}
	}
	sort.Strings(dirs)
	return dirs
}

// RootsOnly returns a Provider that gives the plans of finder for the root
// packages' directories and the embedded default elsewhere: dependencies
// are analysed only for facts, which do not depend on the plan, and a
// dependency's own perfplan.yaml must not break the run.
func RootsOnly(finder *plan.Finder, pkgs []*packages.Package) plan.Provider {
	roots := make(map[string]bool)
	for _, d := range PackageDirs(pkgs) {
		roots[d] = true
	}
	return rootsOnly{finder, roots}
}

type rootsOnly struct {
	finder *plan.Finder
	roots  map[string]bool
}

func (r rootsOnly) PlanFor(dir string) (*plan.Plan, error) {
	if r.roots[dir] || r.finder.Override() != "" {
		return r.finder.PlanFor(dir)
	}
	return plan.Default(), nil
}

// Analyze runs the analyzers on the loaded packages.
func Analyze(analyzers []*analysis.Analyzer, pkgs []*packages.Package, opts Options) (*Result, error) {
	start := time.Now()
	graph, err := checker.Analyze(analyzers, pkgs, &checker.Options{Sequential: opts.Sequential})
	if err != nil {
		return nil, err
	}
	elapsed := time.Since(start)
	outcomes := make([]Outcome, 0, len(graph.Roots))
	for _, act := range graph.Roots {
		outcomes = append(outcomes, Outcome{Package: act.Package.ID, Analyzer: act.Analyzer.Name, Err: act.Err, Diagnostics: act.Diagnostics})
	}
	res := Assemble(pkgs, outcomes)
	res.Analyze = elapsed
	for act := range graph.All() {
		res.Timing[act.Analyzer.Name] += act.Duration
		if l, ok := act.Result.(interface{ BuildTime() time.Duration }); ok {
			// A lazy result's work (the SSA build) is counted as its
			// analyzer's too; the checker does not say which analyzer's
			// question triggered it, so that one's time still holds it
			// (the engine subtracts it there).
			res.Timing[act.Analyzer.Name] += l.BuildTime()
		}
	}
	return res, nil
}

// An Outcome is what one analyzer gave on one root package.
type Outcome struct {
	Package     string // package ID
	Analyzer    string
	Err         error
	Diagnostics []analysis.Diagnostic
}

// Assemble makes the result of a run from the type-checked root packages
// (whose Imports lead to their type-checked dependencies) and the
// analyzers' outcomes on them, in go/analysis/checker's order (analyzer by
// analyzer, each over the roots in order): the errors of every package,
// then the analyzers' errors, and the findings, sorted, without the
// duplicates of test variants, and findings of several packages at one
// cause merged (MergeFindings). Every driver (go/packages and checker, or
// the streaming engine) assembles its result here, so that they print
// alike.
func Assemble(pkgs []*packages.Package, outcomes []Outcome) *Result {
	res := &Result{Packages: pkgs, Timing: make(map[string]time.Duration)}
	if len(pkgs) > 0 {
		res.Fset = pkgs[0].Fset
	}
	res.Errors = append(res.Errors, loadErrors(pkgs)...)
	illTyped := make(map[string]bool)
	for _, p := range pkgs {
		if p.IllTyped {
			illTyped[p.ID] = true
			res.Incomplete = append(res.Incomplete, p.ID)
		}
	}

	for _, o := range outcomes {
		if o.Err != nil {
			if illTyped[o.Package] && strings.Contains(o.Err.Error(), "analysis skipped due to errors") {
				continue // already reported as the package's errors
			}
			res.Errors = append(res.Errors, PackageError{Package: o.Package, Analyzer: o.Analyzer, Msg: o.Err.Error()})
			continue
		}
		for _, d := range o.Diagnostics {
			res.Findings = append(res.Findings, Finding{Analyzer: o.Analyzer, Package: o.Package, Diag: d})
		}
	}
	// The same file in a package and its test variant, and one cause
	// reported by several packages, make one finding.
	res.Findings = MergeFindings(res.Fset, res.Findings)
	sort.SliceStable(res.Findings, func(i, j int) bool {
		a, b := res.Fset.Position(res.Findings[i].Diag.Pos), res.Fset.Position(res.Findings[j].Diag.Pos)
		if c := cmp.Compare(a.Filename, b.Filename); c != 0 {
			return c < 0
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return res.Findings[i].Analyzer < res.Findings[j].Analyzer
	})
	return res
}

// loadErrors collects the errors of the packages and their dependencies,
// once each.
func loadErrors(pkgs []*packages.Package) []PackageError {
	var out []PackageError
	seen := make(map[string]bool)
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			k := e.Pos + "\x00" + e.Msg
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, PackageError{Package: p.ID, Pos: e.Pos, Msg: e.Msg})
		}
	})
	return out
}
