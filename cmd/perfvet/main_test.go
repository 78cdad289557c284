package main_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/perfvet/perfvet/internal/clitest"
	"github.com/perfvet/perfvet/internal/driver"
	"github.com/perfvet/perfvet/internal/sarifschema"
)

// perfvetBin is the command under test, built once by TestMain.
var perfvetBin string

func TestMain(m *testing.M) {
	os.Exit(clitest.Main(m, &perfvetBin))
}

func testdata(name string) string {
	root, err := clitest.RepoRoot()
	if err != nil {
		panic(err)
	}
	return filepath.Join(root, "testdata", name)
}

type result = clitest.Result

func perfvet(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return runIn(t, dir, perfvetBin, args...)
}

func runIn(t *testing.T, dir, name string, args ...string) result {
	t.Helper()
	return clitest.Run(t, dir, nil, name, args...)
}

// The findings expected on testdata/e2e, as "file:line:col: message prefix".
var wantE2E = []string{
	"api/api.go:16:15: (*store.Store).UserName runs a database query ((*sql.DB).QueryRowContext) with context.Background() in a request path",
	"api/api.go:38:9: http.ListenAndServe serves with no read or write timeouts",
	"api/api.go:38:9: the program served here does not define http_request_duration_seconds (histogram: method, path, status), http_requests_total (counter: method, path, status) or http_errors_total (counter: method, path, error_type), which the plan requires",
	"store/store.go:20:17: (*store.Store).Count runs a database query with no context ((*sql.DB).QueryRow at store.go:22); 1 request path reaches it",
	"suppress/suppress.go:15:2: perfvet:ignore directive has no reason",
	"suppress/suppress.go:16:9: http.Get sends the request through http.DefaultClient",
	"suppress/suppress.go:21:2: perfvet:ignore directive suppresses no timeouts finding",
	"suppress/suppress.go:27:2: perfvet:ignore names unknown analyzer \"speed\"",
}

// analyzerSuffix is the " (analyzer)" that ends a finding line; e2e has
// findings of timeouts and of metrics (the api package serves a program
// that defines none of the plan's metrics).
var analyzerSuffix = regexp.MustCompile(` \((metrics|timeouts|perfvet)\)$`)

// parseText returns "file:line:col: message" for each finding line, with
// the trailing " (analyzer)" removed and paths made relative to dir.
func parseText(dir, out string) []string {
	got := clitest.VetFindings(dir, out)
	for i, f := range got {
		got[i] = analyzerSuffix.ReplaceAllString(f, "")
	}
	slices.Sort(got)
	return got
}

func checkFindings(t *testing.T, how string, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: got %d findings, want %d:\n%s", how, len(got), len(want), strings.Join(got, "\n"))
		return
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("%s: finding %d:\n got %s\nwant %s...", how, i, got[i], want[i])
		}
	}
}

func TestStandaloneText(t *testing.T) {
	t.Parallel()
	dir := testdata("e2e")
	r := perfvet(t, dir, "./...")
	if r.Code != 1 {
		t.Errorf("exit code %d, want 1 (findings); stderr:\n%s", r.Code, r.Stderr)
	}
	for _, line := range strings.Split(strings.TrimSpace(r.Stdout), "\n") {
		if strings.HasPrefix(line, "\t") {
			continue // a related position
		}
		if !analyzerSuffix.MatchString(line) {
			t.Errorf("finding line does not name its analyzer: %q", line)
		}
	}
	checkFindings(t, "perfvet", parseText(dir, r.Stdout), wantE2E)
}

// The findings expected on testdata/e2e-reach: the handler's calls
// through interfaces whose implementations only cmd/server imports
// (nplusone's loops, and pagesize's page size through store.Pages).
var wantReach = []string{
	"handler/handler.go:22:11: (*store.Store).GetMemo may run a query ((store.Driver).ListMemos, implemented by (*postgres.DB).ListMemos and (*sqlite.DB).ListMemos → (*sql.DB).QueryContext in postgres/postgres.go:15) once per element of ids",
	"handler/handler.go:37:12: (store.Driver).ListMemos, implemented by (*postgres.DB).ListMemos and (*sqlite.DB).ListMemos, may run a query",
	"handler/handler.go:58:11: (store.DB).GetUser, implemented by (*postgres.DB).GetUser, may run a query",
	"handler/pages.go:16:2: page size from query parameter \"limit\" reaches LIMIT through (store.Pages).ListPage, implemented by (*postgres.Pages).ListPage (postgres/pages.go:14) without an upper bound",
}

// The command resolves interface calls against the whole program: the
// handler's findings are reported though only main imports the
// implementations. go vet, one process per package, cannot (doc.go says
// so): it reports nothing there, and the suppressing directive is not
// reported as unused.
func TestWholeProgram(t *testing.T) {
	t.Parallel()
	dir := testdata("e2e-reach")
	r := perfvet(t, dir, "./...")
	if r.Code != 1 {
		t.Errorf("exit code %d, want 1; stderr:\n%s", r.Code, r.Stderr)
	}
	checkFindings(t, "perfvet", parseText(dir, strings.ReplaceAll(r.Stdout, " (nplusone)", "")), wantReach)

	v := runIn(t, dir, "go", "vet", "-vettool="+perfvetBin, "./...")
	if v.Code != 0 || strings.TrimSpace(v.Stderr) != "" {
		t.Errorf("go vet: exit code %d, want 0 and no output (whole-program findings are the command's):\n%s", v.Code, v.Stderr)
	}
}

func TestJSON(t *testing.T) {
	t.Parallel()
	dir := testdata("e2e")
	r := perfvet(t, dir, "-json", "./...")
	if r.Code != 1 {
		t.Errorf("exit code %d, want 1; stderr:\n%s", r.Code, r.Stderr)
	}
	var tree map[string]map[string][]struct {
		Posn     string `json:"posn"`
		Message  string `json:"message"`
		Category string `json:"category"`
	}
	if err := json.Unmarshal([]byte(r.Stdout), &tree); err != nil {
		t.Fatalf("-json output is not the go/analysis JSON tree: %v\n%s", err, r.Stdout)
	}
	var got []string
	for pkg, byAnalyzer := range tree {
		if !strings.HasPrefix(pkg, "example.com/e2e/") {
			t.Errorf("unexpected package key %q", pkg)
		}
		for name, diags := range byAnalyzer {
			if name != "timeouts" && name != "metrics" && name != "perfvet" {
				t.Errorf("unexpected analyzer key %q", name)
			}
			for _, d := range diags {
				rel, _ := filepath.Rel(dir, d.Posn)
				got = append(got, filepath.ToSlash(rel)+": "+d.Message)
				if d.Category == "" {
					t.Errorf("finding without category: %s", d.Message)
				}
			}
		}
	}
	slices.Sort(got)
	checkFindings(t, "perfvet -json", got, wantE2E)
}

func TestSARIF(t *testing.T) {
	t.Parallel()
	dir := testdata("e2e")
	out := filepath.Join(t.TempDir(), "perfvet.sarif")
	r := perfvet(t, dir, "-sarif", out, "./...")
	if r.Code != 1 {
		t.Errorf("exit code %d, want 1; stderr:\n%s", r.Code, r.Stderr)
	}
	checkFindings(t, "perfvet -sarif (text)", parseText(dir, r.Stdout), wantE2E)
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := sarifschema.Validate(data); err != nil {
		t.Fatalf("invalid SARIF 2.1.0: %v", err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Name  string
					Rules []struct {
						ID   string
						Help struct{ Text string }
					}
				}
			}
			Results []struct {
				RuleID    string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name != "perfvet" {
		t.Errorf("tool %q", run.Tool.Driver.Name)
	}
	rules := make(map[string]bool)
	for _, rule := range run.Tool.Driver.Rules {
		rules[rule.ID] = true
		timeoutsRule := strings.HasPrefix(rule.ID, "timeouts/") && strings.Contains(rule.Help.Text, "Slowloris")
		metricsRule := strings.HasPrefix(rule.ID, "metrics/") && strings.Contains(rule.Help.Text, "plan")
		directiveRule := rule.ID == "perfvet/directive" && strings.Contains(rule.Help.Text, "perfvet:ignore")
		if !timeoutsRule && !metricsRule && !directiveRule {
			t.Errorf("rule %s: want an id <analyzer>/<category> and the analyzer's documentation as help", rule.ID)
		}
	}
	// URIs are relative to the repository root, so the e2e module's files
	// are under testdata/e2e/ (or at the top outside a git checkout).
	prefix, err := filepath.Rel(driver.RepoRoot(dir), dir)
	if err != nil {
		t.Fatal(err)
	}
	got := make([]string, 0, len(run.Results))
	for _, res := range run.Results {
		if !rules[res.RuleID] {
			t.Errorf("result of undeclared rule %s", res.RuleID)
		}
		loc := res.Locations[0].PhysicalLocation
		rel, ok := loc.ArtifactLocation.URI, true
		if prefix != "." {
			rel, ok = strings.CutPrefix(rel, filepath.ToSlash(prefix)+"/")
		}
		if !ok || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("artifact %+v is not relative to the repository root", loc.ArtifactLocation)
		}
		got = append(got, fmt.Sprintf("%s:%d:%d: %s", rel, loc.Region.StartLine, loc.Region.StartColumn, res.Message.Text))
	}
	slices.Sort(got)
	checkFindings(t, "perfvet -sarif", got, wantE2E)

	// -sarif - prints the log instead of the text.
	r = perfvet(t, dir, "-sarif", "-", "./clean")
	if r.Code != 0 {
		t.Errorf("-sarif - on clean code: exit %d: %s", r.Code, r.Stderr)
	}
	if err := sarifschema.Validate([]byte(r.Stdout)); err != nil {
		t.Errorf("-sarif -: invalid SARIF: %v\n%s", err, r.Stdout)
	}
}

func TestGoVetVettool(t *testing.T) {
	t.Parallel()
	dir := testdata("e2e")
	r := runIn(t, dir, "go", "vet", "-vettool="+perfvetBin, "./...")
	if r.Code == 0 {
		t.Errorf("go vet exited 0; want a failure for the findings")
	}
	// go vet prints findings on stderr, with "# pkg" headers.
	checkFindings(t, "go vet -vettool", clitest.NormalizeCauses(parseText(dir, r.Stderr)), clitest.NormalizeCauses(wantE2E))
}

func TestGoVetPlanFlag(t *testing.T) {
	t.Parallel()
	dir := testdata("e2e")
	r := runIn(t, dir, "go", "vet", "-vettool="+perfvetBin, "-plan=relative.yaml", "./clean")
	if r.Code == 0 || !strings.Contains(r.Stderr, "absolute path") {
		t.Errorf("a relative -plan under go vet should be refused; code %d, stderr:\n%s", r.Code, r.Stderr)
	}
	plan := filepath.Join(t.TempDir(), "perfplan.yaml")
	if err := os.WriteFile(plan, []byte("limits: {request_timeout: 1s, query_timeout: 1s}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = runIn(t, dir, "go", "vet", "-vettool="+perfvetBin, "-plan="+plan, "./clean")
	if !strings.Contains(r.Stderr, "WriteTimeout of 10s is longer than the plan's request_timeout (1s)") {
		t.Errorf("-plan was not applied under go vet; stderr:\n%s", r.Stderr)
	}

	// An analyzer's own -NAME.plan flag is how per-package drivers that
	// only set Analyzer.Flags (Bazel's nogo analyzer_flags) give the plan.
	r = runIn(t, dir, "go", "vet", "-vettool="+perfvetBin, "-timeouts.plan="+plan, "./clean")
	if !strings.Contains(r.Stderr, "WriteTimeout of 10s is longer than the plan's request_timeout (1s)") {
		t.Errorf("-timeouts.plan was not applied under go vet; stderr:\n%s", r.Stderr)
	}
	bad := filepath.Join(t.TempDir(), "perfplan.yaml")
	if err := os.WriteFile(bad, []byte("limits: {request_timeout: 30}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = runIn(t, dir, "go", "vet", "-vettool="+perfvetBin, "-timeouts.plan="+bad, "./clean")
	if r.Code == 0 || !strings.Contains(r.Stderr, "perfplan.yaml:1:27") {
		t.Errorf("a malformed -timeouts.plan should fail with its position; code %d, stderr:\n%s", r.Code, r.Stderr)
	}
}

func TestExitCodes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, dir string
		args      []string
		code      int
		stdout    string // substring; "" = must be empty
		stderr    string // substring
	}{
		{"clean", "e2e", []string{"./clean"}, 0, "", ""},
		{"findings", "e2e", []string{"./api"}, 1, "http.ListenAndServe serves with no", ""},
		{"invalid plan", "e2e-badplan", []string{"./..."}, 2, "", "perfplan.yaml:3:20: limits.request_timeout: malformed duration \"30\": missing unit"},
		{"bad flag", "e2e", []string{"-nosuchflag", "./..."}, 2, "", "flag provided but not defined"},
		{"missing -plan file", "e2e", []string{"-plan", "nope.yaml", "./..."}, 2, "", "nope.yaml"},
		{"type errors", "e2e-broken", []string{"./..."}, 3, "http.Get sends the request", "undefined: undefined"},
		{"no such package", "e2e", []string{"./nosuchdir"}, 2, "", "./nosuchdir matches no packages"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := perfvet(t, testdata(tt.dir), tt.args...)
			if r.Code != tt.code {
				t.Errorf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", r.Code, tt.code, r.Stdout, r.Stderr)
			}
			if tt.stdout == "" && r.Stdout != "" {
				t.Errorf("want no findings, got:\n%s", r.Stdout)
			}
			if !strings.Contains(r.Stdout, tt.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.stdout, r.Stdout)
			}
			if !strings.Contains(r.Stderr, tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, r.Stderr)
			}
			if tt.name == "invalid plan" && strings.Contains(r.Stdout+r.Stderr, "ListenAndServe") {
				t.Errorf("an invalid plan must stop the run before analysis")
			}
		})
	}
}

const fixme = `package main

import (
	"context"
	"database/sql"
	"net/http"
)

var db *sql.DB

func handler(w http.ResponseWriter, r *http.Request) {
	_, _ = db.Query("SELECT 1")
	_, _ = db.ExecContext(context.Background(), "DELETE FROM x")
}

func main() {
	http.HandleFunc("/", handler)
}
`

func TestFix(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, "example.com/fixme", fixme)
	r := perfvet(t, dir, "-fix", "./...")
	// The handler's two context-less queries are one finding, whose one
	// fix edits both.
	if !strings.Contains(r.Stderr, "applied 1 fix(es) in 1 file(s)") {
		t.Errorf("-fix: stderr:\n%s", r.Stderr)
	}
	if r.Code != 0 {
		t.Errorf("after -fix nothing unfixable remains; exit %d, stdout:\n%s", r.Code, r.Stdout)
	}
	fixed, _ := os.ReadFile(filepath.Join(dir, "main.go"))
	for _, want := range []string{`db.QueryContext(r.Context(), "SELECT 1")`, `db.ExecContext(r.Context(), "DELETE FROM x")`} {
		if !bytes.Contains(fixed, []byte(want)) {
			t.Errorf("fixed file lacks %s:\n%s", want, fixed)
		}
	}
	if bytes.Contains(fixed, []byte(`"context"`)) {
		t.Errorf("the fix left the unused context import:\n%s", fixed)
	}
	if b := runIn(t, dir, "go", "build", "./..."); b.Code != 0 {
		t.Errorf("fixed code does not build:\n%s", b.Stderr)
	}
	if r := perfvet(t, dir, "./..."); r.Code != 0 {
		t.Errorf("findings remain after -fix:\n%s", r.Stdout)
	}
}

func TestHelp(t *testing.T) {
	t.Parallel()
	r := perfvet(t, ".", "help")
	if r.Code != 0 || !strings.Contains(r.Stdout, "timeouts") || !strings.Contains(r.Stdout, "report network and database work with no time bound") {
		t.Errorf("perfvet help: code %d\n%s", r.Code, r.Stdout)
	}
	r = perfvet(t, ".", "help", "timeouts")
	if r.Code != 0 || !strings.Contains(r.Stdout, "Slowloris") {
		t.Errorf("perfvet help timeouts: code %d\n%s", r.Code, r.Stdout)
	}
	if r := perfvet(t, ".", "help", "nosuch"); r.Code != 2 {
		t.Errorf("perfvet help nosuch: code %d, want 2", r.Code)
	}
}

func TestPlanInitAndCheck(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if r := perfvet(t, dir, "plan", "init"); r.Code != 0 {
		t.Fatalf("plan init: code %d: %s", r.Code, r.Stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "perfplan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("# ")) || !bytes.Contains(data, []byte("max_page_size: 100")) {
		t.Errorf("plan init wrote no commented default plan:\n%s", data)
	}
	if r := perfvet(t, dir, "plan", "init"); r.Code != 2 || !strings.Contains(r.Stderr, "-force") {
		t.Errorf("plan init over an existing file: code %d: %s", r.Code, r.Stderr)
	}
	if r := perfvet(t, dir, "plan", "check"); r.Code != 0 || !strings.Contains(r.Stdout, "ok") {
		t.Errorf("plan check of the default: code %d: %s %s", r.Code, r.Stdout, r.Stderr)
	}
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("limits:\n  max_page_sise: 10\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := perfvet(t, dir, "plan", "check", bad)
	if r.Code != 2 || !strings.Contains(r.Stderr, "bad.yaml:2:3: unknown key \"max_page_sise\" in limits; did you mean \"max_page_size\"?") {
		t.Errorf("plan check of a bad plan: code %d: %s", r.Code, r.Stderr)
	}
}
