package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/packages"

	"github.com/perfvet/perfvet/analyzers"
	"github.com/perfvet/perfvet/analyzers/plan"
	"github.com/perfvet/perfvet/internal/driver"
	"github.com/perfvet/perfvet/internal/engine"
)

const usage = `perfvet checks Go code against its optimization plan (perfplan.yaml).

Usage:
	perfvet [flags] [packages]        analyse packages (default ./...); flags go first
	perfvet help [command | analyzer] list the commands and analyzers, or document one
	perfvet plan init [-force] [FILE] write the default plan, commented
	perfvet plan check [FILE]         validate a plan
	perfvet budget [-json | -html F]  every endpoint's estimated latency against the plan
	perfvet lsp [flags]               serve editors as a Language Server
	perfvet cache clean|dir|stats     manage the result cache (PERFVET_CACHE=off disables it)
	perfvet version                   print the version
	go vet -vettool=$(which perfvet) [packages]

Exit codes: 0 no findings, 1 findings, 2 bad usage, invalid plan or
nothing to analyse, 3 load, type or analysis errors (results incomplete).

Flags:
`

// analyzeFlags are the flags of a run.
type analyzeFlags struct {
	chdir      string
	plan       string
	json       bool
	sarif      string
	fix        bool
	tests      bool
	unused     bool
	tags       string
	timing     bool
	cpuprofile string
	memprofile string
	floor      bool
	checker    bool
	baseline   baselineFlags
	enabled    map[string]*triState
	cache      *engine.Store // the result cache, nil if off
}

func newFlagSet(out io.Writer, suite []*analysis.Analyzer) (*flag.FlagSet, *analyzeFlags) {
	fs := flag.NewFlagSet("perfvet", flag.ContinueOnError)
	fs.SetOutput(out)
	f := &analyzeFlags{enabled: make(map[string]*triState)}
	fs.StringVar(&f.chdir, "C", "", "change to this directory before doing anything")
	fs.StringVar(&f.plan, "plan", "", "plan file for every package (default: the perfplan.yaml found from each package up to its module root, else the embedded default); a relative path is looked up here (after -C), then at the module root")
	fs.BoolVar(&f.json, "json", false, "print findings as JSON, in the go/analysis (multichecker -json) shape")
	fs.StringVar(&f.sarif, "sarif", "", "also write the findings as a SARIF 2.1.0 log to this file (- for stdout, instead of the text), with paths relative to the repository root")
	fs.BoolVar(&f.fix, "fix", false, "apply suggested fixes, then print the findings that have none")
	fs.BoolVar(&f.tests, "test", false, "also load test files (implied by an analyzer's -NAME.tests flag; nothing is reported in test code without it)")
	fs.BoolVar(&f.unused, "unused", false, "also report the packages that no package of the run imports (dead code, or an API for programs built elsewhere), which a run that builds a program of their module leaves out")
	fs.StringVar(&f.tags, "tags", "", "comma-separated build tags")
	fs.BoolVar(&f.timing, "timing", false, "print load and per-analyzer times to stderr")
	fs.StringVar(&f.cpuprofile, "cpuprofile", "", "write a CPU profile to this file")
	fs.StringVar(&f.memprofile, "memprofile", "", "write a heap profile to this file")
	fs.BoolVar(&f.checker, "checker", false, "for benchmarks: load with go/packages and analyse with go/analysis/checker, holding every package in memory, instead of streaming")
	fs.BoolVar(&f.floor, "floor", false, "for benchmarks: load and type-check as usual, but run only the inspect analyzer and report nothing (the cost floor of any analysis)")
	f.baseline.bind(fs)
	for _, a := range suite {
		ts := new(triState)
		f.enabled[a.Name] = ts
		fs.Var(ts, a.Name, fmt.Sprintf("enable the %s analyzer (-%s=false disables it)", a.Name, a.Name))
		a.Flags.VisitAll(func(fl *flag.Flag) {
			fs.Var(fl.Value, a.Name+"."+fl.Name, fl.Usage)
		})
	}
	fs.Usage = func() {
		fmt.Fprint(out, usage)
		fs.PrintDefaults()
	}
	return fs, f
}

func runAnalyze(args []string) int {
	finder := plan.NewFinder("")
	// The suite is built before flags are parsed so that its analyzers'
	// flags can be registered; plans are resolved lazily, per package.
	var provider switchProvider
	provider.p = finder
	imported := new(importedSet)
	suite := analyzers.Suite(analyzers.Config{Plans: &provider, WholeProgram: true, Imported: imported.has, Unused: imported.unused})
	fs, f := newFlagSet(os.Stderr, suite)
	if code := parseFlags(fs, args, "perfvet", fs.Usage); code >= 0 {
		return code
	}
	imported.reportUnused = f.unused
	if f.chdir != "" {
		if err := os.Chdir(f.chdir); err != nil {
			fmt.Fprintf(os.Stderr, "perfvet: -C: %v\n", err)
			return driver.ExitUsage
		}
	}
	if err := misplacedFlags(fs.Args()); err != nil {
		fmt.Fprintf(os.Stderr, "perfvet: %v\n", err)
		return driver.ExitUsage
	}
	if err := f.baseline.prepare(); err != nil {
		fmt.Fprintf(os.Stderr, "perfvet: %v\n", err)
		return driver.ExitUsage
	}
	selected, err := selectAnalyzers(suite, f.enabled)
	if err != nil {
		fmt.Fprintf(os.Stderr, "perfvet: %v\n", err)
		return driver.ExitUsage
	}
	if f.floor {
		// The same load, type-checking and driver, with the cheapest
		// analyzer every perfvet analyzer requires: what perfvet costs
		// beyond this is its own.
		selected = []*analysis.Analyzer{inspect.Analyzer}
	}
	if err := checkOutputs(f); err != nil {
		fmt.Fprintf(os.Stderr, "perfvet: %v\n", err)
		return driver.ExitUsage
	}
	if f.plan != "" {
		cwd, _ := os.Getwd()
		file, err := resolvePlanFlag("perfvet: -plan", f.plan, cwd)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return driver.ExitUsage
		}
		if _, err := plan.Load(file); err != nil {
			printPlanError(err)
			return driver.ExitUsage
		}
		finder.SetOverride(file)
	}
	if f.cpuprofile != "" {
		stop, err := startCPUProfile(f.cpuprofile)
		if err != nil {
			fmt.Fprintf(os.Stderr, "perfvet: %v\n", err)
			return driver.ExitUsage
		}
		defer stop()
	}

	cwd, _ := os.Getwd()
	// Findings in test code are off by default, so test files are loaded
	// only when an analyzer reports on them: loading them roughly
	// quadruples the packages to type-check.
	opts := driver.Options{Patterns: fs.Args(), Tests: f.tests || reportsTests(selected)}
	if f.tags != "" {
		opts.BuildFlags = []string{"-tags=" + f.tags}
	}
	f.cache = openResultCache(f, selected, cacheOptions(f, opts), os.Stderr)
	res, code := analyze(f, finder, &provider, imported, selected, opts)
	if f.cache != nil {
		_ = f.cache.Close() // trims old entries; a failure loses nothing
	}
	if res == nil {
		return code
	}
	if f.memprofile != "" {
		if err := writeHeapProfile(f.memprofile); err != nil {
			fmt.Fprintf(os.Stderr, "perfvet: %v\n", err)
		}
	}
	if f.timing {
		printTiming(os.Stderr, res)
		printCacheStats(os.Stderr, f.cache)
	}
	if f.fix {
		rep := res.ApplyFixes()
		for _, p := range rep.Problems {
			fmt.Fprintf(os.Stderr, "perfvet: %v\n", p)
		}
		fmt.Fprintln(os.Stderr, rep)
		res.Findings = rep.Unfixed
	}
	if f.baseline.file != "" {
		if code, done := f.baseline.apply(res, cwd); done {
			return code
		}
	}
	if f.sarif != "" {
		if err := writeSARIF(f.sarif, res, cwd, selected); err != nil {
			fmt.Fprintf(os.Stderr, "perfvet: -sarif: %v\n", err)
			return driver.ExitUsage
		}
	}
	switch {
	case f.sarif == "-":
		res.WriteErrors(os.Stderr, cwd)
	case f.json:
		if err := res.WriteJSON(os.Stdout); err != nil {
			fmt.Fprintf(os.Stderr, "perfvet: %v\n", err)
			return driver.ExitFailed
		}
	default:
		res.WriteText(os.Stdout, cwd)
		res.WriteErrors(os.Stderr, cwd)
	}
	if !f.floor {
		printSkippedChecks(os.Stderr, res, selected)
	}
	return res.ExitCode()
}

// analyze loads, checks the plans of and analyses the packages: by default
// with the streaming engine of internal/engine, which keeps only the
// types and facts of analysed packages, or with go/packages and
// go/analysis/checker (-checker), which hold every package's syntax and
// type information to the end. A nil result comes with the exit code.
func analyze(f *analyzeFlags, finder *plan.Finder, provider *switchProvider, imported *importedSet, selected []*analysis.Analyzer, opts driver.Options) (*driver.Result, int) {
	if f.checker {
		loadStart := nowFunc()
		pkgs, err := driver.Load(opts)
		if err != nil {
			fmt.Fprintf(os.Stderr, "perfvet: %v\n", err)
			return nil, driver.ExitFailed
		}
		loadTime := nowFunc().Sub(loadStart)
		if err := checkMatched(pkgs, opts.Patterns); err != nil {
			fmt.Fprintf(os.Stderr, "perfvet: %v\n", err)
			return nil, driver.ExitUsage
		}
		if err := driver.CheckPlans(finder, pkgs); err != nil {
			printPlanError(err)
			return nil, driver.ExitUsage
		}
		provider.p = driver.RootsOnly(finder, pkgs)
		imported.set(pkgs)
		res, err := driver.Analyze(selected, pkgs, opts)
		if err != nil {
			fmt.Fprintf(os.Stderr, "perfvet: %v\n", err)
			return nil, driver.ExitFailed
		}
		res.Load = loadTime
		return res, 0
	}
	res, err := engine.Run(engine.Options{
		Patterns:   opts.Patterns,
		Analyzers:  selected,
		Tests:      opts.Tests,
		BuildFlags: opts.BuildFlags,
		Cache:      f.cache,
		KeyExtra:   imported.key(planKey(finder)),
	}, func(roots []*packages.Package) error {
		if err := checkMatched(roots, opts.Patterns); err != nil {
			return err
		}
		if err := driver.CheckPlans(finder, roots); err != nil {
			return err
		}
		provider.p = driver.RootsOnly(finder, roots)
		imported.set(roots)
		return nil
	})
	if err != nil {
		if pe := (*driver.PlanError)(nil); errors.As(err, &pe) {
			printPlanError(pe)
			return nil, driver.ExitUsage
		}
		fmt.Fprintf(os.Stderr, "perfvet: %v\n", err)
		if ue := (*usageError)(nil); errors.As(err, &ue) {
			return nil, driver.ExitUsage
		}
		return nil, driver.ExitFailed
	}
	return res, 0
}

// An importedSet holds the import paths of the packages that some package
// of the run imports, once the run's packages are loaded. nplusone holds
// back the findings in an internal package's unused exported functions for
// the packages that use them to decide: in a run with no such package (a
// run on the one package), nobody would, so it reports them in place.
type importedSet struct {
	reportUnused bool // -unused: no package is left out
	paths        map[string]bool
	modules      map[string]string // the module of each root package that is not main
	programs     map[string]bool   // the modules with a main package among the roots
}

// set records what the packages of the run, roots and their dependencies,
// import, and which root packages belong to a module that the run builds
// a program of.
func (s *importedSet) set(roots []*packages.Package) {
	s.paths = make(map[string]bool)
	s.modules = make(map[string]string)
	s.programs = make(map[string]bool)
	packages.Visit(roots, nil, func(p *packages.Package) {
		for path := range p.Imports {
			s.paths[path] = true
		}
	})
	for _, r := range roots {
		if r.Module == nil || r.Module.Path == "" || strings.HasSuffix(r.ID, ".test]") || strings.HasSuffix(r.ID, ".test") {
			continue
		}
		if r.Name == "main" {
			s.programs[r.Module.Path] = true
		} else {
			s.modules[r.PkgPath] = r.Module.Path
		}
	}
}

// unused reports whether no package of the run imports the root package
// at path, which is not main, while the run builds a program of its
// module: dead code, or an API for programs built elsewhere
// (analyzers.Config.Unused).
func (s *importedSet) unused(path string) bool {
	if s.reportUnused || s.paths == nil || s.paths[path] {
		return false
	}
	mod, ok := s.modules[path]
	return ok && s.programs[mod]
}

// has reports whether a package of the run imports the package at path;
// before the run is loaded, that it may.
func (s *importedSet) has(path string) bool {
	return s.paths == nil || s.paths[path]
}

// key adds to each root package's result-cache key whether the run
// imports it, on which its held findings depend.
func (s *importedSet) key(extra func(*packages.Package, bool) ([]byte, error)) func(*packages.Package, bool) ([]byte, error) {
	return func(meta *packages.Package, root bool) ([]byte, error) {
		b, err := extra(meta, root)
		if err == nil && root && !s.has(meta.PkgPath) {
			b = append(b, "\nnot imported in this run"...)
			if s.unused(meta.PkgPath) {
				b = append(b, "\nunused by the run's programs"...)
			}
		}
		return b, err
	}
}

// switchProvider lets the command choose the plan provider after the
// analyzers are built: first discovery, then discovery for root packages
// only, once they are known.
type switchProvider struct{ p plan.Provider }

func (s *switchProvider) PlanFor(dir string) (*plan.Plan, error) { return s.p.PlanFor(dir) }

// reportsTests reports whether an analyzer's -tests flag is set.
func reportsTests(suite []*analysis.Analyzer) bool {
	for _, a := range suite {
		if fl := a.Flags.Lookup(analyzers.TestsFlag); fl != nil && fl.Value.String() == "true" {
			return true
		}
	}
	return false
}

// selectAnalyzers applies -NAME flags as multichecker does: if any is
// true, only those run; otherwise all but the false ones run.
func selectAnalyzers(suite []*analysis.Analyzer, enabled map[string]*triState) ([]*analysis.Analyzer, error) {
	var anyTrue bool
	for _, ts := range enabled {
		if *ts == setTrue {
			anyTrue = true
		}
	}
	var out []*analysis.Analyzer
	for _, a := range suite {
		switch ts := *enabled[a.Name]; {
		case anyTrue && ts == setTrue, !anyTrue && ts != setFalse,
			// Selecting analyzers keeps the check of the directives
			// themselves, so that a typo in one is never silent.
			a.Name == analyzers.DirectiveAnalyzer && ts != setFalse:
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("every analyzer is disabled")
	}
	return out, nil
}

func printPlanError(err error) {
	fmt.Fprintln(os.Stderr, err)
	fmt.Fprintln(os.Stderr, "perfvet: the plan is invalid; nothing was analysed")
}

func printTiming(w io.Writer, res *driver.Result) {
	fmt.Fprintf(w, "perfvet: %d packages, load %v, analysis %v\n", len(res.Packages), res.Load.Round(msRound), res.Analyze.Round(msRound))
	names := make([]string, 0, len(res.Timing))
	for n := range res.Timing {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool { return res.Timing[names[i]] > res.Timing[names[j]] })
	for _, n := range names {
		what := "run time summed over packages"
		if n == analyzers.SSAAnalyzer {
			what = "SSA builds the flow-based analyzers share, summed over packages"
		}
		fmt.Fprintf(w, "perfvet: %-12s %v (%s)\n", n, res.Timing[n].Round(msRound), what)
	}
}

func startCPUProfile(file string) (func(), error) {
	out, err := os.Create(file)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(out); err != nil {
		_ = out.Close() // the profile failed first; its error says why
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		if err := out.Close(); err != nil {
			fmt.Fprintf(os.Stderr, "perfvet: -cpuprofile: %v\n", err)
		}
	}, nil
}

func writeHeapProfile(file string) error {
	out, err := os.Create(file)
	if err != nil {
		return err
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(out); err != nil {
		_ = out.Close()
		return err
	}
	return out.Close()
}

// triState is a boolean flag that remembers whether it was set.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (ts *triState) IsBoolFlag() bool { return true }

func (ts *triState) String() string {
	switch *ts {
	case setTrue:
		return "true"
	case setFalse:
		return "false"
	}
	return "unset"
}

func (ts *triState) Set(v string) error {
	switch strings.ToLower(v) {
	case "true", "1", "t":
		*ts = setTrue
	case "false", "0", "f":
		*ts = setFalse
	default:
		return fmt.Errorf("want true or false, got %q", v)
	}
	return nil
}
