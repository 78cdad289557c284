// Package e2etest holds the command's slow end-to-end comparisons over
// the fixture modules (the result cache against no cache, go vet against
// the command), run by this package's tests on every fixture module but
// realibs, and by package realibs on realibs, the costliest, so that
// `go test ./...` runs the test binaries side by side, each well within go
// test's 10-minute timeout (go vet's cache shared through GOCACHEPROG is in
// cacheprog). The tests and their subtests run in parallel: each reads its
// fixture module and writes only into its own temporary directories.
package e2etest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/perfvet/perfvet/internal/clitest"
	"github.com/perfvet/perfvet/internal/fixturemod"
)

// Bin is the command under test, built once by the test binary's TestMain
// (clitest.Main).
var Bin string

// perfvetEnv runs perfvet in dir, offline, with extra variables (which
// override the test environment).
func perfvetEnv(t *testing.T, dir string, extra []string, args ...string) clitest.Result {
	t.Helper()
	return clitest.Run(t, dir, slices.Concat([]string{"GOPROXY=off"}, extra), Bin, args...)
}

// cacheStats matches the line -timing prints about the result cache.
var cacheStats = regexp.MustCompile(`result cache \S+: (\d+) hits, (\d+) misses, (\d+) written`)

// outputs runs perfvet three ways on dir (text with a SARIF log in the
// same run, -json with the extra JSON flags, and -fix is tested apart) and
// returns what each printed and wrote, with the exit codes. The JSON run's
// stderr, not compared, is under "json stderr".
func outputs(t *testing.T, dir string, env []string, jsonFlags ...string) map[string]string {
	t.Helper()
	out := textOutputs(t, dir, env)
	js := perfvetEnv(t, dir, env, slices.Concat([]string{"-json"}, jsonFlags, []string{"./..."})...)
	out["json stderr"] = js.Stderr
	out["json"] = js.Stdout
	out["json code"] = string(rune('0' + js.Code))
	return out
}

// textOutputs runs perfvet on dir once, as text with a SARIF log, and
// returns the text, its stderr, the log and the exit code.
func textOutputs(t *testing.T, dir string, env []string) map[string]string {
	t.Helper()
	sarif := filepath.Join(t.TempDir(), "out.sarif")
	text := perfvetEnv(t, dir, env, "-sarif", sarif, "./...")
	log, err := os.ReadFile(sarif)
	if err != nil {
		t.Fatalf("no SARIF log: %v\n%s", err, text.Stderr)
	}
	return map[string]string{
		"text":        text.Stdout,
		"text stderr": text.Stderr,
		"text code":   string(rune('0' + text.Code)),
		"sarif":       string(log),
	}
}

// compareOutputs compares the outputs got has (all of want's, or the text
// ones of textOutputs) with want's.
func compareOutputs(t *testing.T, how string, got, want map[string]string) {
	t.Helper()
	for k, g := range got {
		if k == "json stderr" {
			continue // -timing's lines
		}
		if w := want[k]; g != w {
			t.Errorf("%s: %s differs from the run without the cache\n--- got\n%s\n--- want\n%s", how, k, got[k], w)
		}
	}
}

// CacheSameOutput checks that the output is byte for byte the same
// without the result cache, with it empty and with it full, as text, JSON
// and SARIF, with the same exit codes, on each of the fixture modules.
// The run with the cache empty is a text one (it fills the cache); the
// text and JSON runs after it find the cache full. (A JSON run right after
// the first would find the cache just as full as the last run does.)
func CacheSameOutput(t *testing.T, modules []string) {
	t.Helper()
	eachFixture(t, modules, func(fx fixture) {
		t, name, dir := fx.t, fx.name, fx.dir
		cacheDir := t.TempDir()
		on := []string{"PERFVET_CACHE=" + cacheDir}
		want := uncachedOutputs(t, name)
		compareOutputs(t, "empty cache", textOutputs(t, dir, on), want)
		// The last run with the cache (-json, -timing) says what
		// the cache did, on its stderr, which is not compared.
		full := outputs(t, dir, on, "-timing")
		compareOutputs(t, "full cache", full, want)
		m := cacheStats.FindStringSubmatch(full["json stderr"])
		if m == nil || m[1] == "0" || m[3] != "0" {
			t.Errorf("third run with the cache: want hits and nothing written; stderr:\n%s", full["json stderr"])
		}
	})
}

// An uncachedRun is perfvet's outputs on one fixture module without the
// result cache.
type uncachedRun struct {
	once sync.Once
	out  map[string]string
}

var (
	uncachedMu   sync.Mutex
	uncachedRuns = make(map[string]*uncachedRun) // by fixture name
)

// uncachedOutputs returns outputs(PERFVET_CACHE=off) on the fixture module
// name, run once per test binary: TestResultCacheSameOutput compares the
// runs with the cache to it, and TestGoVetSameFindings compares go vet to
// its JSON (which TestResultCacheSameOutput proves is the JSON a run with
// the cache prints). The caller has called fixturemod.Ensure.
func uncachedOutputs(t *testing.T, name string) map[string]string {
	t.Helper()
	uncachedMu.Lock()
	r := uncachedRuns[name]
	if r == nil {
		r = new(uncachedRun)
		uncachedRuns[name] = r
	}
	uncachedMu.Unlock()
	r.once.Do(func() {
		r.out = outputs(t, clitest.Testdata(t, name), []string{"PERFVET_CACHE=off"})
	})
	if r.out == nil {
		t.Fatalf("perfvet without the result cache failed on %s (in another test)", name)
	}
	return r.out
}

// knownVetGaps are findings of the command that go vet -vettool misses,
// as "fixture: file:line:col: message prefix".
var knownVetGaps = []string{
	// metrics: the uncovered route is found from the whole program's
	// routers; under go vet, one package at a time, it is not (reported).
	`demo: internal/api/router.go:57:2: route "GET /admin/orders/{id}" is not covered by the metrics middleware`,
	// limits: a program whose server start the main package does not
	// show (a main that does not type-check, here a call through a
	// function value) reports its reads once, at the first, in its file;
	// under go vet, the main package's run has no position for them and
	// nothing to anchor them on.
	`realibs: limits/splitnostart/admin/admin.go:10:9: io.ReadAll reads the request body whole with no limit`,
}

// vetNoOptimize are the build flags of the go vet runs: go vet compiles
// every dependency of the vetted packages for its export data, and on
// realibs (gorm, ent, pgx, bun, ...) that compile is most of what the
// comparison costs, cold. The vet tool reads only the types in the export
// data, which optimization and inlining do not change (only the inline
// bodies, which it does not read), so the fixture modules' dependencies
// are compiled without them (about a quarter less compile time);
// the standard library keeps the default flags, so that go vet reuses the
// standard packages the test binaries' own builds left in the build cache.
var vetNoOptimize = []string{"-gcflags=all=-N -l", "-gcflags=std="}

// GoVetSameFindings checks that go vet -vettool reports what the command
// reports, on each of the fixture modules: the same positions and
// messages, with facts crossing packages through vet's own files
// (gob-encoded, unlike the command's).
func GoVetSameFindings(t *testing.T, fixtures []string) {
	t.Helper()
	eachFixture(t, fixtures, func(fx fixture) {
		t, name, dir := fx.t, fx.name, fx.dir
		// go vet does not say which packages a run imports: perfvet
		// reports the packages nothing imports too (-unused), as go vet
		// does (realibs is a module of standalone fixture packages beside
		// its main packages).
		run := perfvetEnv(t, dir, []string{"PERFVET_CACHE=off"}, "-json", "-unused", "./...")
		js := run.Stdout
		var tree map[string]map[string]json.RawMessage
		if err := json.Unmarshal([]byte(js), &tree); err != nil {
			t.Fatalf("perfvet -json: %v\n%s", err, js)
		}
		var want []string
		for _, byAnalyzer := range tree {
			for analyzer, raw := range byAnalyzer {
				var diags []struct{ Posn, Message string }
				if err := json.Unmarshal(raw, &diags); err != nil {
					t.Fatalf("perfvet -json: %s: %s", analyzer, raw)
				}
				for _, d := range diags {
					rel, err := filepath.Rel(dir, d.Posn)
					if err != nil {
						rel = d.Posn
					}
					want = append(want, filepath.ToSlash(rel)+": "+d.Message)
				}
			}
		}
		want = clitest.NormalizeCauses(want) // see clitest.NormalizeCauses
		slices.Sort(want)
		vet := clitest.Run(t, dir, nil, "go", slices.Concat([]string{"vet", "-vettool=" + Bin}, vetNoOptimize, []string{"./..."})...)
		if (vet.Code == 0) != (len(want) == 0) {
			t.Errorf("go vet exit code %d with %d findings expected:\n%s", vet.Code, len(want), vet.Stderr)
		}
		got := clitest.VetFindings(dir, vet.Stderr)
		// go vet analyses a package and its test variant apart, and
		// prints a finding of a file they share twice.
		got = clitest.NormalizeCauses(got)
		slices.Sort(got)
		got = slices.Compact(got)
		var missing, extra []string
		moved := map[string]bool{}
		for _, w := range want {
			if _, found := slices.BinarySearch(got, w); found {
				continue
			}
			if g := movedByVet(w, got); g != "" {
				// limits decides where a program is seen whole; under go
				// vet a site in another package is reported at the
				// server start, naming its position.
				moved[g] = true
				continue
			}
			if slices.ContainsFunc(knownVetGaps, func(gap string) bool { return strings.HasPrefix(name+": "+w, gap) }) {
				t.Logf("known gap: go vet misses %s", w)
				continue
			}
			missing = append(missing, w)
		}
		for _, g := range got {
			if _, found := slices.BinarySearch(want, g); !found && !moved[g] {
				extra = append(extra, g)
			}
		}
		if len(missing)+len(extra) > 0 {
			t.Errorf("go vet -vettool: %d findings, perfvet: %d\nonly perfvet:\n\t%s\nonly go vet:\n\t%s", len(got), len(want),
				strings.Join(missing, "\n\t"), strings.Join(extra, "\n\t"))
		}
	})
}

// movedByVet returns the go vet finding that reports the command's finding
// w ("file:line:col: message") at another position, with " (at
// dir/file:line:col)" naming w's position after the message.
func movedByVet(w string, got []string) string {
	posn, msg, ok := strings.Cut(w, ": ")
	if !ok {
		return ""
	}
	// A cause in another package, which the message names by file and
	// line, is at the position export data gives under go vet.
	file, line := posn, ""
	if parts := strings.Split(posn, ":"); len(parts) >= 2 {
		file, line = parts[0], parts[1]
	}
	if i := strings.LastIndex(file, "/"); i >= 0 {
		if j := strings.LastIndex(file[:i], "/"); j >= 0 {
			file = file[j+1:]
		}
	}
	for _, g := range got {
		gposn, gmsg, _ := strings.Cut(g, ": ")
		rest, ok := strings.CutPrefix(gmsg, msg+" (at ")
		if ok && strings.HasSuffix(rest, ")") && strings.HasSuffix(posn, strings.TrimSuffix(rest, ")")) {
			return g
		}
		if gmsg == msg && gposn != posn && strings.Contains(msg, " at "+file+":"+line) {
			return g
		}
	}
	return ""
}

// A fixture is one fixture module's subtest.
type fixture struct {
	t         *testing.T
	name, dir string
}

// eachFixture runs f on each fixture module, in parallel subtests named
// after them, with the module's dependencies in the module cache.
func eachFixture(t *testing.T, names []string, f func(fixture)) {
	t.Helper()
	t.Parallel()
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := clitest.Testdata(t, name)
			fixturemod.Ensure(t, dir)
			f(fixture{t, name, dir})
		})
	}
}
