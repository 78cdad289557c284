package plugin_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perfvet/perfvet/analyzers"
	"github.com/perfvet/perfvet/plugin"
)

// build constructs the plugin named name from settings, as golangci-lint
// does, and returns its analyzers.
func build(t *testing.T, name string, settings any) ([]*analysis.Analyzer, error) {
	t.Helper()
	newPlugin, err := register.GetPlugin(name)
	if err != nil {
		t.Fatalf("plugin %q is not registered: %v", name, err)
	}
	p, err := newPlugin(settings)
	if err != nil {
		return nil, err
	}
	if mode := p.GetLoadMode(); mode != register.LoadModeTypesInfo {
		t.Errorf("plugin %s: load mode %q, want %q", name, mode, register.LoadModeTypesInfo)
	}
	return p.BuildAnalyzers()
}

func names(list []*analysis.Analyzer) []string {
	out := make([]string, 0, len(list))
	for _, a := range list {
		out = append(out, a.Name)
	}
	return out
}

// Every analyzer of the suite has a plugin of its own, which runs exactly
// that analyzer, and the perfvet plugin runs them all.
func TestEveryAnalyzerHasAPlugin(t *testing.T) {
	suite := analyzers.Suite(analyzers.Config{})
	if len(suite) == 0 {
		t.Fatal("empty suite")
	}
	var single []string // the analyzers with a plugin of their own
	var shared *analysis.Analyzer
	for _, a := range suite {
		if a.Name == analyzers.DirectiveAnalyzer {
			continue // reports on directives, within the perfvet plugin
		}
		single = append(single, a.Name)
		got, err := build(t, plugin.Name(a.Name), nil)
		if err != nil {
			t.Errorf("plugin %s: %v", plugin.Name(a.Name), err)
			continue
		}
		// The analyzer, and the directive analyzer every single plugin
		// shares (one action per package in golangci-lint).
		if len(got) != 2 || got[0].Name != a.Name || got[1].Name != plugin.SharedDirectiveAnalyzer {
			t.Errorf("plugin %s builds %v, want [%s %s]", plugin.Name(a.Name), names(got), a.Name, plugin.SharedDirectiveAnalyzer)
			continue
		}
		if shared == nil {
			shared = got[1]
		} else if got[1] != shared {
			t.Errorf("plugin %s has a directive analyzer of its own, want the one the single plugins share", a.Name)
		}
		if got[0] == a {
			t.Errorf("plugin %s shares its analyzer with another suite", a.Name)
		}
	}
	if got, want := plugin.Names(), single; !slices.Equal(got, want) {
		t.Errorf("Names() = %v, want %v", got, want)
	}
	all, err := build(t, plugin.SuiteName, map[string]any{})
	if err != nil {
		t.Fatal(err)
	}
	// The suite's analyzers, among them the directive analyzer, named
	// perfvet, which keeps golangci-lint's cache entries of the perfvet
	// plugin apart from the single analyzers'.
	if got, want := names(all), names(suite); !slices.Equal(got, want) || !slices.Contains(got, plugin.SuiteName) {
		t.Errorf("perfvet plugin builds %v, want %v", got, want)
	}
	for _, n := range plugin.Names() {
		if n == plugin.SuiteName {
			t.Errorf("an analyzer's plugin is named %q, as the suite's", n)
		}
	}
}

func writePlan(t *testing.T, content string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "perfplan.yaml")
	if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

func TestSettingsErrors(t *testing.T) {
	good := writePlan(t, "limits: {request_timeout: 5s, query_timeout: 5s}\n")
	bad := writePlan(t, "limits:\n  request_timeout: 30\n")
	tests := []struct {
		plugin   string
		settings map[string]any
		want     string // substring of the error; "" = no error
	}{
		{"timeouts", nil, ""},
		{"timeouts", map[string]any{"plan": good, "tests": true}, ""},
		{"timeouts", map[string]any{"inline-plan": "limits: {query_timeout: 2s}\n"}, ""},
		{"timeouts", map[string]any{"options": map[string]any{"tests": "true"}}, ""},
		{"timeouts", map[string]any{"nme": "x"}, `unknown field "nme"`},
		{"timeouts", map[string]any{"enable": []any{"timeouts"}}, `unknown field "enable"`},
		{"timeouts", map[string]any{"plan": good, "inline-plan": "version: 1\n"}, "exclusive"},
		{"timeouts", map[string]any{"plan": bad}, `perfplan.yaml:2:20: limits.request_timeout: malformed duration "30"`},
		{"timeouts", map[string]any{"plan": filepath.Join(t.TempDir(), "nope.yaml")}, "nope.yaml"},
		{"timeouts", map[string]any{"inline-plan": "limits: {max_page_sise: 1}\n"}, `linters.settings.custom.timeouts.settings.inline-plan:1:10: unknown key "max_page_sise" in limits`},
		{"timeouts", map[string]any{"options": map[string]any{"depth": 3}}, `unknown option "depth" of timeouts (options: layers, persite, plan, tests)`},
		{"timeouts", map[string]any{"options": map[string]any{"tests": "maybe"}}, "options: tests"},
		{"timeouts", map[string]any{"tests": "yes"}, "tests"},
		{"perfvet", map[string]any{"enable": []any{"timeouts"}, "tests": true}, ""},
		{"perfvet", map[string]any{"analyzers": map[string]any{"timeouts": map[string]any{"tests": true}}}, ""},
		{"perfvet", map[string]any{"enable": []any{"timeout"}}, `enable: perfvet has no analyzer named "timeout"`},
		{"perfvet", map[string]any{"disable": []any{"speed"}}, `disable: perfvet has no analyzer named "speed"`},
		{"perfvet", map[string]any{"analyzers": map[string]any{"speed": map[string]any{}}}, `analyzers: perfvet has no analyzer named "speed"`},
		{"perfvet", map[string]any{"analyzers": map[string]any{"timeouts": map[string]any{"test": true}}}, `unknown field "test"`},
		{"perfvet", map[string]any{"disable": plugin.Names()}, "every analyzer is disabled"},
		{"perfvet", map[string]any{"plans": good}, `unknown field "plans"`},
	}
	for _, tt := range tests {
		_, err := build(t, tt.plugin, tt.settings)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s %v: unexpected error: %v", tt.plugin, tt.settings, err)
		case tt.want != "" && err == nil:
			t.Errorf("%s %v: no error, want one containing %q", tt.plugin, tt.settings, tt.want)
		case tt.want != "" && !strings.Contains(err.Error(), tt.want):
			t.Errorf("%s %v: error %q, want one containing %q", tt.plugin, tt.settings, err, tt.want)
		}
	}
}

// Options reach the analyzer's flags, per analyzer and suite-wide.
func TestOptions(t *testing.T) {
	testsFlag := func(a *analysis.Analyzer) string { return a.Flags.Lookup(analyzers.TestsFlag).Value.String() }
	got, err := build(t, "timeouts", map[string]any{"tests": true})
	if err != nil {
		t.Fatal(err)
	}
	if testsFlag(got[0]) != "true" {
		t.Errorf("tests: true did not set the tests flag")
	}
	got, err = build(t, plugin.SuiteName, map[string]any{
		"tests":     true,
		"analyzers": map[string]any{"timeouts": map[string]any{"tests": false}},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range got {
		if a.Name == plugin.SuiteName {
			continue // the marker
		}
		want := "true"
		if a.Name == "timeouts" {
			want = "false"
		}
		if testsFlag(a) != want {
			t.Errorf("%s: tests flag %s, want %s", a.Name, testsFlag(a), want)
		}
	}
	got, err = build(t, plugin.SuiteName, map[string]any{"disable": []any{"timeouts"}})
	if err != nil && !strings.Contains(err.Error(), "every analyzer is disabled") {
		t.Fatal(err)
	}
	if slices.Contains(names(got), "timeouts") {
		t.Errorf("disable: [timeouts] still runs timeouts")
	}
}

// The plugins' analyzers report, with the plan of their settings.
func TestPluginAnalyzerRuns(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"example.com/p/p.go": `package p

import (
	"net/http"
	"time"
)

// The package serves HTTP, so its clients' timeouts are held to the
// plan's request_timeout.
var c = &http.Client{Timeout: 20 * time.Second} // want "http.Client Timeout of 20s is longer than the plan's request_timeout \\(5s\\)"

func Handle(w http.ResponseWriter, r *http.Request) {}
`,
	}
	for name, content := range files {
		path := filepath.Join(dir, "src", name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"timeouts", plugin.SuiteName} {
		got, err := build(t, name, map[string]any{"inline-plan": "limits: {request_timeout: 5s, query_timeout: 5s}\n"})
		if err != nil {
			t.Fatal(err)
		}
		a := got[slices.Index(names(got), "timeouts")]
		analysistest.Run(t, dir, a, "example.com/p")
	}
}
