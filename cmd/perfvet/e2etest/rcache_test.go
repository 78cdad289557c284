package e2etest

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sync"
	"testing"

	"github.com/perfvet/perfvet/internal/clitest"
	"github.com/perfvet/perfvet/internal/fixturemod"
)

// cacheStats matches the line -timing prints about the result cache.
var cacheStats = regexp.MustCompile(`result cache \S+: (\d+) hits, (\d+) misses, (\d+) written`)

// outputs runs perfvet three ways on dir (text with a SARIF log in the
// same run, -json with the extra JSON flags, and -fix is tested apart) and
// returns what each printed and wrote, with the exit codes. The JSON run's
// stderr, not compared, is under "json stderr".
func outputs(t *testing.T, dir string, env []string, jsonFlags ...string) map[string]string {
	t.Helper()
	sarif := filepath.Join(t.TempDir(), "out.sarif")
	text := perfvetEnv(t, dir, env, "-sarif", sarif, "./...")
	log, err := os.ReadFile(sarif)
	if err != nil {
		t.Fatalf("no SARIF log: %v\n%s", err, text.Stderr)
	}
	js := perfvetEnv(t, dir, env, slices.Concat([]string{"-json"}, jsonFlags, []string{"./..."})...)
	return map[string]string{
		"json stderr": js.Stderr,
		"text":        text.Stdout,
		"text stderr": text.Stderr,
		"text code":   string(rune('0' + text.Code)),
		"sarif":       string(log),
		"json":        js.Stdout,
		"json code":   string(rune('0' + js.Code)),
	}
}

func compareOutputs(t *testing.T, how string, got, want map[string]string) {
	t.Helper()
	for k, w := range want {
		if k == "json stderr" {
			continue // -timing's lines
		}
		if got[k] != w {
			t.Errorf("%s: %s differs from the run without the cache\n--- got\n%s\n--- want\n%s", how, k, got[k], w)
		}
	}
}

// Output is byte for byte the same without the result cache, with it
// empty and with it full, as text, JSON and SARIF, with the same exit
// codes, on every fixture module.
func TestResultCacheSameOutput(t *testing.T) {
	modules := []string{"e2e", "e2e-broken", "e2e-causes", "e2e-reach", "demo", "slothcheck", "benchcorpus", "realibs"}
	if testing.Short() {
		modules = modules[:4]
	}
	t.Parallel()
	for _, name := range modules {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := clitest.Testdata(t, name)
			fixturemod.Ensure(t, dir)
			cacheDir := t.TempDir()
			on := []string{"PERFVET_CACHE=" + cacheDir}
			want := uncachedOutputs(t, name)
			compareOutputs(t, "empty cache", outputs(t, dir, on), want)
			// The last run with the cache (-json, -timing) says what
			// the cache did, on its stderr, which is not compared.
			full := outputs(t, dir, on, "-timing")
			compareOutputs(t, "full cache", full, want)
			m := cacheStats.FindStringSubmatch(full["json stderr"])
			if m == nil || m[1] == "0" || m[3] != "0" {
				t.Errorf("fourth run with the cache: want hits and nothing written; stderr:\n%s", full["json stderr"])
			}
		})
	}
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
