package main_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// perfvetBin is the command under test, built once by TestMain.
var perfvetBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "perfvet-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	perfvetBin = filepath.Join(dir, "perfvet")
	if runtime.GOOS == "windows" {
		perfvetBin += ".exe"
	}
	build := exec.Command("go", "build", "-o", perfvetBin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building perfvet: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func testdata(name string) string {
	abs, err := filepath.Abs(filepath.Join("..", "..", "testdata", name))
	if err != nil {
		panic(err)
	}
	return abs
}

type result struct {
	stdout, stderr string
	code           int
}

func perfvet(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return runIn(t, dir, perfvetBin, args...)
}

func runIn(t *testing.T, dir, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("running %s %v: %v", name, args, err)
	}
	return result{stdout.String(), stderr.String(), code}
}

// The findings expected on testdata/e2e, as "file:line:col: message prefix".
var wantE2E = []string{
	"api/api.go:16:15: (*store.Store).UserName runs a database query ((*sql.DB).QueryRowContext) with context.Background() in a request path",
	"api/api.go:25:12: (*store.Store).Count runs a database query with no request context ((*sql.DB).QueryRow at store.go:22)",
	"api/api.go:38:9: http.ListenAndServe serves with no read or write timeouts",
	"suppress/suppress.go:15:2: perfvet:ignore directive has no reason",
	"suppress/suppress.go:16:9: http.Get sends the request through http.DefaultClient",
	"suppress/suppress.go:21:2: perfvet:ignore directive suppresses no timeouts finding",
	"suppress/suppress.go:27:2: perfvet:ignore names unknown analyzer \"speed\"",
}

var findingLine = regexp.MustCompile(`^(\S+\.go:\d+:\d+): (.*)$`)

// parseText returns "file:line:col: message" for each finding line, with
// the trailing " (analyzer)" removed and paths made relative to dir.
func parseText(dir, out string) []string {
	var got []string
	for _, line := range strings.Split(out, "\n") {
		m := findingLine.FindStringSubmatch(strings.TrimPrefix(line, "./"))
		if m == nil {
			continue
		}
		posn := m[1]
		if filepath.IsAbs(posn) {
			if rel, err := filepath.Rel(dir, posn); err == nil {
				posn = rel
			}
		}
		msg := strings.TrimSuffix(m[2], " (timeouts)")
		got = append(got, filepath.ToSlash(posn)+": "+msg)
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
	dir := testdata("e2e")
	r := perfvet(t, dir, "./...")
	if r.code != 1 {
		t.Errorf("exit code %d, want 1 (findings); stderr:\n%s", r.code, r.stderr)
	}
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		if !strings.HasSuffix(line, " (timeouts)") {
			t.Errorf("finding line does not name its analyzer: %q", line)
		}
	}
	checkFindings(t, "perfvet", parseText(dir, r.stdout), wantE2E)
}

func TestJSON(t *testing.T) {
	dir := testdata("e2e")
	r := perfvet(t, dir, "-json", "./...")
	if r.code != 1 {
		t.Errorf("exit code %d, want 1; stderr:\n%s", r.code, r.stderr)
	}
	var tree map[string]map[string][]struct {
		Posn     string `json:"posn"`
		Message  string `json:"message"`
		Category string `json:"category"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatalf("-json output is not the go/analysis JSON tree: %v\n%s", err, r.stdout)
	}
	var got []string
	for pkg, byAnalyzer := range tree {
		if !strings.HasPrefix(pkg, "example.com/e2e/") {
			t.Errorf("unexpected package key %q", pkg)
		}
		for name, diags := range byAnalyzer {
			if name != "timeouts" {
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

func TestGoVetVettool(t *testing.T) {
	dir := testdata("e2e")
	r := runIn(t, dir, "go", "vet", "-vettool="+perfvetBin, "./...")
	if r.code == 0 {
		t.Errorf("go vet exited 0; want a failure for the findings")
	}
	// go vet prints findings on stderr, with "# pkg" headers.
	checkFindings(t, "go vet -vettool", parseText(dir, r.stderr), wantE2E)
}

func TestGoVetPlanFlag(t *testing.T) {
	dir := testdata("e2e")
	r := runIn(t, dir, "go", "vet", "-vettool="+perfvetBin, "-plan=relative.yaml", "./clean")
	if r.code == 0 || !strings.Contains(r.stderr, "absolute path") {
		t.Errorf("a relative -plan under go vet should be refused; code %d, stderr:\n%s", r.code, r.stderr)
	}
	plan := filepath.Join(t.TempDir(), "perfplan.yaml")
	if err := os.WriteFile(plan, []byte("limits: {request_timeout: 1s, query_timeout: 1s}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = runIn(t, dir, "go", "vet", "-vettool="+perfvetBin, "-plan="+plan, "./clean")
	if !strings.Contains(r.stderr, "WriteTimeout of 10s is longer than the plan's request_timeout (1s)") {
		t.Errorf("-plan was not applied under go vet; stderr:\n%s", r.stderr)
	}
}

func TestExitCodes(t *testing.T) {
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
		{"no such package", "e2e", []string{"./nosuchdir"}, 3, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := perfvet(t, testdata(tt.dir), tt.args...)
			if r.code != tt.code {
				t.Errorf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, tt.code, r.stdout, r.stderr)
			}
			if tt.stdout == "" && r.stdout != "" {
				t.Errorf("want no findings, got:\n%s", r.stdout)
			}
			if !strings.Contains(r.stdout, tt.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.stdout, r.stdout)
			}
			if !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, r.stderr)
			}
			if tt.name == "invalid plan" && strings.Contains(r.stdout+r.stderr, "ListenAndServe") {
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
	dir := t.TempDir()
	files := map[string]string{
		"go.mod":  "module example.com/fixme\n\ngo 1.26.0\n",
		"main.go": fixme,
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := perfvet(t, dir, "-fix", "./...")
	if !strings.Contains(r.stderr, "applied 2 fix(es) in 1 file(s)") {
		t.Errorf("-fix: stderr:\n%s", r.stderr)
	}
	if r.code != 0 {
		t.Errorf("after -fix nothing unfixable remains; exit %d, stdout:\n%s", r.code, r.stdout)
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
	if b := runIn(t, dir, "go", "build", "./..."); b.code != 0 {
		t.Errorf("fixed code does not build:\n%s", b.stderr)
	}
	if r := perfvet(t, dir, "./..."); r.code != 0 {
		t.Errorf("findings remain after -fix:\n%s", r.stdout)
	}
}

func TestHelp(t *testing.T) {
	r := perfvet(t, ".", "help")
	if r.code != 0 || !strings.Contains(r.stdout, "timeouts") || !strings.Contains(r.stdout, "report network and database work with no time bound") {
		t.Errorf("perfvet help: code %d\n%s", r.code, r.stdout)
	}
	r = perfvet(t, ".", "help", "timeouts")
	if r.code != 0 || !strings.Contains(r.stdout, "Slowloris") {
		t.Errorf("perfvet help timeouts: code %d\n%s", r.code, r.stdout)
	}
	if r := perfvet(t, ".", "help", "nosuch"); r.code != 2 {
		t.Errorf("perfvet help nosuch: code %d, want 2", r.code)
	}
}

func TestPlanInitAndCheck(t *testing.T) {
	dir := t.TempDir()
	if r := perfvet(t, dir, "plan", "init"); r.code != 0 {
		t.Fatalf("plan init: code %d: %s", r.code, r.stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "perfplan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("# ")) || !bytes.Contains(data, []byte("max_page_size: 100")) {
		t.Errorf("plan init wrote no commented default plan:\n%s", data)
	}
	if r := perfvet(t, dir, "plan", "init"); r.code != 2 || !strings.Contains(r.stderr, "-force") {
		t.Errorf("plan init over an existing file: code %d: %s", r.code, r.stderr)
	}
	if r := perfvet(t, dir, "plan", "check"); r.code != 0 || !strings.Contains(r.stdout, "ok") {
		t.Errorf("plan check of the default: code %d: %s %s", r.code, r.stdout, r.stderr)
	}
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("limits:\n  max_page_sise: 10\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := perfvet(t, dir, "plan", "check", bad)
	if r.code != 2 || !strings.Contains(r.stderr, "bad.yaml:2:3: unknown key \"max_page_sise\" in limits; did you mean \"max_page_size\"?") {
		t.Errorf("plan check of a bad plan: code %d: %s", r.code, r.stderr)
	}
}
