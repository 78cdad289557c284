// Package plugin registers perfvet's analyzers as golangci-lint v2 module
// plugins (github.com/golangci/plugin-module-register), for a custom
// golangci-lint built with `golangci-lint custom` or for cmd/perfvet-gcl.
//
// golangci-lint names a finding after the plugin that produced it, so every
// analyzer is its own plugin, named as the analyzer (timeouts, nplusone,
// ...): a finding reads "message (timeouts)", //nolint:timeouts suppresses
// it, and each analyzer is enabled on its own. The plugin named perfvet runs
// the whole suite as one linter (//nolint:perfvet). Enable either perfvet or
// the single analyzers, not both: each enabled plugin runs its own copy of
// an analyzer, and the findings would be reported twice.
//
// A malformed //perfvet:ignore directive (an unknown analyzer, no reason)
// is reported whichever plugins are enabled, and once: by the perfvet
// plugin under its own name, or, with single plugins, by the directive
// analyzer they share, under the name of one of them, with the message
// starting "perfvetignore: ".
//
// Settings (linters.settings.custom.<name>.settings) are decoded strictly:
// an unknown key is an error that names it. A single analyzer's plugin
// accepts:
//
//	plan: ops/perfplan.yaml   # the plan of every package (relative: where golangci-lint runs, then the module root)
//	inline-plan: |            # or the plan itself, as YAML
//	  limits: {request_timeout: 10s}
//	tests: true               # also report findings in test code
//	options: {tests: true}    # any of the analyzer's flags (perfvet help <analyzer>)
//
// With neither plan nor inline-plan, each package's perfplan.yaml is found
// by walking up from its directory to its module root, as the perfvet
// command does, and the embedded default applies where there is none.
// The perfvet plugin accepts plan, inline-plan and tests, and:
//
//	enable: [timeouts]        # run only these (default: every analyzer)
//	disable: [nplusone]       # never run these
//	analyzers:                # per-analyzer settings: tests and options
//	  timeouts: {tests: true}
package plugin

import (
	"errors"
	"flag"
	"fmt"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/analyzers"
	"github.com/perfvet/perfvet/analyzers/plan"
)

// SuiteName is the name of the plugin that runs every analyzer.
const SuiteName = "perfvet"

// renamed maps an analyzer whose name is taken by one of golangci-lint's
// own linters to the name of its plugin. It is empty: no analyzer name
// clashes with golangci-lint v2.15.0's linters (cmd/perfvet-gcl's tests
// check every analyzer against them, and fail when a new one needs an
// entry here, such as "perfvet" + name).
var renamed = map[string]string{}

// Name returns the name of the plugin that runs the analyzer named analyzer.
func Name(analyzer string) string {
	if n, ok := renamed[analyzer]; ok {
		return n
	}
	return analyzer
}

// Names returns the names of the single-analyzer plugins, one for each
// analyzer of the suite, in the suite's order.
func Names() []string {
	suite := analyzers.Suite(analyzers.Config{})
	names := make([]string, 0, len(suite))
	for _, a := range suite {
		if a.Name != analyzers.DirectiveAnalyzer { // part of the suite plugin, perfvet
			names = append(names, Name(a.Name))
		}
	}
	return names
}

func init() {
	register.Plugin(SuiteName, newSuite)
	for _, a := range analyzers.Suite(analyzers.Config{}) {
		if a.Name != analyzers.DirectiveAnalyzer { // part of the suite plugin, perfvet
			register.Plugin(Name(a.Name), newAnalyzer(a.Name))
		}
	}
}

// Settings are the settings of a single analyzer's plugin.
type Settings struct {
	// Plan is the plan file of every package; relative paths are resolved
	// against the directory golangci-lint runs in.
	Plan string `json:"plan"`
	// InlinePlan is a plan written into the settings, as YAML.
	InlinePlan string `json:"inline-plan"`
	AnalyzerSettings
}

// AnalyzerSettings are one analyzer's options.
type AnalyzerSettings struct {
	// Tests reports findings in test code too (the analyzer's tests flag).
	Tests *bool `json:"tests"`
	// Options sets the analyzer's flags by name ("tests": true).
	Options map[string]any `json:"options"`
}

// SuiteSettings are the settings of the perfvet plugin.
type SuiteSettings struct {
	Plan       string `json:"plan"`
	InlinePlan string `json:"inline-plan"`
	// Tests reports findings in test code too, for every analyzer.
	Tests *bool `json:"tests"`
	// Enable lists the analyzers to run; empty means all.
	Enable []string `json:"enable"`
	// Disable lists analyzers not to run.
	Disable []string `json:"disable"`
	// Analyzers holds per-analyzer settings, by analyzer name.
	Analyzers map[string]AnalyzerSettings `json:"analyzers"`
}

// linterPlugin is a register.LinterPlugin with its analyzers built.
type linterPlugin struct{ analyzers []*analysis.Analyzer }

func (p *linterPlugin) BuildAnalyzers() ([]*analysis.Analyzer, error) { return p.analyzers, nil }

// GetLoadMode asks for type information: the analyzers match APIs by
// type and build SSA.
func (p *linterPlugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// newAnalyzer returns the constructor of the plugin of the analyzer named
// name.
func newAnalyzer(name string) register.NewPlugin {
	return func(conf any) (register.LinterPlugin, error) {
		s, err := register.DecodeSettings[Settings](conf)
		if err != nil {
			return nil, settingsError(err)
		}
		plans, err := planProvider(s.Plan, s.InlinePlan, Name(name))
		if err != nil {
			return nil, err
		}
		a := find(analyzers.Suite(analyzers.Config{Plans: plans, WholeProgram: true, PerSite: true}), name)
		if a == nil {
			return nil, fmt.Errorf("perfvet has no analyzer named %q", name)
		}
		if err := configure(a, s.AnalyzerSettings, nil); err != nil {
			return nil, err
		}
		// The analyzer's tests option, however it was set.
		tests := a.Flags.Lookup(analyzers.TestsFlag).Value.String() == "true"
		d, err := sharedDirectives(s.Plan, s.InlinePlan, tests, plans)
		if err != nil {
			return nil, err
		}
		return &linterPlugin{[]*analysis.Analyzer{a, d}}, nil
	}
}

// SharedDirectiveAnalyzer is the name of the directive analyzer the single
// plugins share; golangci-lint starts its messages with it.
const SharedDirectiveAnalyzer = "perfvetignore"

// directiveAnalyzers holds the directive analyzer the single plugins share,
// keyed by the plan settings and the tests option.
var directiveAnalyzers struct {
	sync.Mutex
	byKey map[string]*analysis.Analyzer
}

// sharedDirectives returns the analyzer of malformed //perfvet:ignore
// directives that every single plugin with these plan settings lists. A
// typo in a directive must be reported whichever analyzers are enabled,
// and once: golangci-lint makes one action per analyzer and package
// however many linters list the analyzer, and names its findings after
// one of them (the last enabled in name order; the message starts with
// "perfvetignore: "). Plugins given different plans get analyzers of their own,
// which then report a malformed directive once each.
func sharedDirectives(file, inline string, tests bool, plans plan.Provider) (*analysis.Analyzer, error) {
	key := fmt.Sprintf("%q %q %t", file, inline, tests)
	directiveAnalyzers.Lock()
	defer directiveAnalyzers.Unlock()
	if a := directiveAnalyzers.byKey[key]; a != nil {
		return a, nil
	}
	a := find(analyzers.Suite(analyzers.Config{Plans: plans}), analyzers.DirectiveAnalyzer)
	if err := configure(a, AnalyzerSettings{Tests: &tests}, nil); err != nil {
		return nil, err
	}
	// Not named perfvet: golangci-lint caches a package's issues, with
	// the linter that reported each, under the names of the analyzers
	// that ran, and the perfvet plugin with enable: [timeouts] runs
	// perfvet and timeouts.
	a.Name = SharedDirectiveAnalyzer
	if directiveAnalyzers.byKey == nil {
		directiveAnalyzers.byKey = make(map[string]*analysis.Analyzer)
	}
	directiveAnalyzers.byKey[key] = a
	return a, nil
}

// newSuite is the constructor of the perfvet plugin.
func newSuite(conf any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[SuiteSettings](conf)
	if err != nil {
		return nil, settingsError(err)
	}
	plans, err := planProvider(s.Plan, s.InlinePlan, SuiteName)
	if err != nil {
		return nil, err
	}
	suite := analyzers.Suite(analyzers.Config{Plans: plans, WholeProgram: true, PerSite: true})
	var names []string
	for _, a := range suite {
		names = append(names, a.Name)
	}
	known := func(key string, list []string) error {
		for _, n := range list {
			if !slices.Contains(names, n) {
				return fmt.Errorf("settings: %s: perfvet has no analyzer named %q (analyzers: %s)", key, n, strings.Join(names, ", "))
			}
		}
		return nil
	}
	if err := known("enable", s.Enable); err != nil {
		return nil, err
	}
	if err := known("disable", s.Disable); err != nil {
		return nil, err
	}
	if err := known("analyzers", slices.Sorted(maps.Keys(s.Analyzers))); err != nil {
		return nil, err
	}
	var out []*analysis.Analyzer
	for _, a := range suite {
		keep := a.Name == analyzers.DirectiveAnalyzer && !slices.Contains(s.Disable, a.Name) // a typo in a directive is never silent
		if !keep && (len(s.Enable) > 0 && !slices.Contains(s.Enable, a.Name) || slices.Contains(s.Disable, a.Name)) {
			continue
		}
		if err := configure(a, s.Analyzers[a.Name], s.Tests); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	if !slices.ContainsFunc(out, func(a *analysis.Analyzer) bool { return a.Name != analyzers.DirectiveAnalyzer }) {
		return nil, errors.New("settings: every analyzer is disabled")
	}
	if !slices.ContainsFunc(out, func(a *analysis.Analyzer) bool { return a.Name == SuiteName }) {
		out = append(out, newSuiteMarker())
	}
	return &linterPlugin{out}, nil
}

// newSuiteMarker returns an analyzer named perfvet that does nothing, the
// last of the perfvet plugin's analyzers. golangci-lint caches a package's
// issues under the names of the analyzers that produced them, not of the
// linters: without the marker, the perfvet plugin and the timeouts plugin
// would run analyzers of the same names, share cache entries, and show
// issues cached by one under the other's name (where the other's
// //nolint does not apply).
func newSuiteMarker() *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: SuiteName,
		Doc:  "perfvet: marks the perfvet plugin's results in golangci-lint's cache (reports nothing)",
		Run:  func(*analysis.Pass) (any, error) { return nil, nil },
	}
}

// settingsError rewords the decoder's errors, which name the unknown key
// (`decoding settings: json: unknown field "nme"`), as errors about the
// settings.
func settingsError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "decoding settings: ")
	return fmt.Errorf("settings: %s", strings.TrimPrefix(msg, "json: "))
}

// planProvider returns the plans the settings name: a file, an inline plan,
// or, with neither, discovery of each package's perfplan.yaml. A plan that
// does not load is an error now, before anything is analysed.
func planProvider(file, inline, pluginName string) (plan.Provider, error) {
	switch {
	case file != "" && inline != "":
		return nil, errors.New("settings: plan and inline-plan are exclusive: name a plan file or write the plan inline, not both")
	case file != "":
		// The rule of every host (plan.Resolve): where golangci-lint
		// runs, then the module root.
		cwd, _ := os.Getwd()
		abs, err := plan.Resolve(file, cwd)
		if err != nil {
			return nil, fmt.Errorf("settings: plan: %w", err)
		}
		file = abs
		p, err := plan.Load(file)
		if err != nil {
			return nil, fmt.Errorf("settings: plan: %w", err)
		}
		return plan.Static(p), nil
	case inline != "":
		source := fmt.Sprintf("linters.settings.custom.%s.settings.inline-plan", pluginName)
		p, err := plan.Parse(source, []byte(inline))
		if err != nil {
			return nil, fmt.Errorf("settings: inline-plan: %w", err)
		}
		return plan.Static(p), nil
	}
	return plan.NewFinder(""), nil
}

// configure sets an analyzer's flags from its settings; tests, when not
// nil, is the suite-wide default of the tests flag.
func configure(a *analysis.Analyzer, s AnalyzerSettings, tests *bool) error {
	if s.Tests != nil {
		tests = s.Tests
	}
	if tests != nil {
		if err := a.Flags.Set(analyzers.TestsFlag, strconv.FormatBool(*tests)); err != nil {
			return fmt.Errorf("settings: tests: %w", err)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(s.Options)) {
		if a.Flags.Lookup(name) == nil {
			var known []string
			a.Flags.VisitAll(func(f *flag.Flag) { known = append(known, f.Name) })
			return fmt.Errorf("settings: options: unknown option %q of %s (options: %s)", name, a.Name, strings.Join(known, ", "))
		}
		v, err := optionValue(s.Options[name])
		if err != nil {
			return fmt.Errorf("settings: options: %s: %w", name, err)
		}
		if err := a.Flags.Set(name, v); err != nil {
			return fmt.Errorf("settings: options: %s: %w", name, err)
		}
	}
	return nil
}

// optionValue renders a settings value as a flag value: scalars as
// written, lists of scalars joined by commas.
func optionValue(v any) (string, error) {
	switch v := v.(type) {
	case string:
		return v, nil
	case bool, float64, int, int64:
		return fmt.Sprint(v), nil
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			s, err := optionValue(e)
			if err != nil {
				return "", err
			}
			if _, nested := e.([]any); nested {
				return "", errors.New("a list of lists is not an option value")
			}
			parts[i] = s
		}
		return strings.Join(parts, ","), nil
	case nil:
		return "", errors.New("no value")
	}
	return "", fmt.Errorf("%T is not an option value (want a string, number, boolean or list)", v)
}

func find(suite []*analysis.Analyzer, name string) *analysis.Analyzer {
	for _, a := range suite {
		if a.Name == name {
			return a
		}
	}
	return nil
}
