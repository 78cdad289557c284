package main_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/perfvet/perfvet/internal/fixturemod"
)

// cacheStats matches the line -timing prints about the result cache.
var cacheStats = regexp.MustCompile(`result cache \S+: (\d+) hits, (\d+) misses, (\d+) written`)

// outputs runs perfvet three ways on dir (text with a SARIF log in the
// same run, -json, and -fix is tested apart) and returns what each printed
// and wrote, with the exit codes.
func outputs(t *testing.T, dir string, env []string) map[string]string {
	t.Helper()
	sarif := filepath.Join(t.TempDir(), "out.sarif")
	text := perfvetEnv(t, dir, env, "-sarif", sarif, "./...")
	log, err := os.ReadFile(sarif)
	if err != nil {
		t.Fatalf("no SARIF log: %v\n%s", err, text.stderr)
	}
	js := perfvetEnv(t, dir, env, "-json", "./...")
	return map[string]string{
		"text":        text.stdout,
		"text stderr": text.stderr,
		"text code":   string(rune('0' + text.code)),
		"sarif":       string(log),
		"json":        js.stdout,
		"json code":   string(rune('0' + js.code)),
	}
}

func compareOutputs(t *testing.T, how string, got, want map[string]string) {
	t.Helper()
	for k, w := range want {
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
	for _, name := range modules {
		t.Run(name, func(t *testing.T) {
			dir := testdata(name)
			fixturemod.Ensure(t, dir)
			cacheDir := t.TempDir()
			on := []string{"PERFVET_CACHE=" + cacheDir}
			want := outputs(t, dir, []string{"PERFVET_CACHE=off"})
			compareOutputs(t, "empty cache", outputs(t, dir, on), want)
			compareOutputs(t, "full cache", outputs(t, dir, on), want)
			r := perfvetEnv(t, dir, on, "-timing", "./...")
			m := cacheStats.FindStringSubmatch(r.stderr)
			if m == nil || m[1] == "0" || m[3] != "0" {
				t.Errorf("third run with the cache: want hits and nothing written; stderr:\n%s", r.stderr)
			}
		})
	}
}

// -fix applies the same edits with the fixes read from the cache as
// without the cache.
func TestResultCacheFix(t *testing.T) {
	files := map[string]string{
		"go.mod":  "module example.com/fixme\n\ngo 1.26.0\n",
		"main.go": fixme,
	}
	cached, uncached := writeTree(t, files), writeTree(t, files)
	on := []string{"PERFVET_CACHE=" + t.TempDir()}
	// Fill the cache, then fix from it.
	if r := perfvetEnv(t, cached, on, "./..."); r.code != 1 {
		t.Fatalf("want findings; exit %d\n%s", r.code, r.stderr)
	}
	got := perfvetEnv(t, cached, on, "-fix", "-timing", "./...")
	if m := cacheStats.FindStringSubmatch(got.stderr); m == nil || m[1] == "0" {
		t.Errorf("-fix did not read the cache; stderr:\n%s", got.stderr)
	}
	want := perfvetEnv(t, uncached, []string{"PERFVET_CACHE=off"}, "-fix", "./...")
	if got.stdout != want.stdout || got.code != want.code {
		t.Errorf("-fix from the cache printed\n%s(exit %d), without it\n%s(exit %d)", got.stdout, got.code, want.stdout, want.code)
	}
	a, _ := os.ReadFile(filepath.Join(cached, "main.go"))
	b, _ := os.ReadFile(filepath.Join(uncached, "main.go"))
	if string(a) != string(b) || string(a) == fixme {
		t.Errorf("fixed from the cache:\n%s\nwithout it:\n%s", a, b)
	}
}

// Two perfvet processes filling one cache at once print what a run
// without it prints, and leave a cache the next run finds everything in.
func TestResultCacheTwoProcesses(t *testing.T) {
	dir := testdata("e2e")
	want := perfvetEnv(t, dir, []string{"PERFVET_CACHE=off"}, "./...")
	on := []string{"PERFVET_CACHE=" + t.TempDir()}
	var wg sync.WaitGroup
	got := make([]result, 2)
	for i := range got {
		wg.Go(func() { got[i] = perfvetEnv(t, dir, on, "./...") })
	}
	wg.Wait()
	for _, r := range got {
		if r.stdout != want.stdout || r.code != want.code {
			t.Errorf("concurrent run printed\n%s(exit %d), want\n%s(exit %d)", r.stdout, r.code, want.stdout, want.code)
		}
	}
	r := perfvetEnv(t, dir, on, "-timing", "./...")
	if m := cacheStats.FindStringSubmatch(r.stderr); m == nil || m[1] == "0" || m[2] != "0" {
		t.Errorf("after both: want only hits; stderr:\n%s", r.stderr)
	}
}

// perfvet cache dir|stats|clean, and PERFVET_CACHE=off.
func TestCacheCommand(t *testing.T) {
	cacheDir := filepath.Join(t.TempDir(), "c")
	on := []string{"PERFVET_CACHE=" + cacheDir}
	if r := perfvetEnv(t, ".", on, "cache", "dir"); strings.TrimSpace(r.stdout) != cacheDir || r.code != 0 {
		t.Errorf("cache dir: %q (exit %d), want %s", r.stdout, r.code, cacheDir)
	}
	if r := perfvetEnv(t, ".", []string{"PERFVET_CACHE=off"}, "cache", "dir"); strings.TrimSpace(r.stdout) != "off" {
		t.Errorf("cache dir with PERFVET_CACHE=off: %q", r.stdout)
	}
	if r := perfvetEnv(t, ".", []string{"PERFVET_CACHE=relative/dir"}, "cache", "dir"); r.code != 2 || !strings.Contains(r.stderr, "absolute") {
		t.Errorf("relative PERFVET_CACHE: exit %d, stderr %q; want 2 and why", r.code, r.stderr)
	}

	dir := testdata("e2e")
	perfvetEnv(t, dir, on, "./...")
	r := perfvetEnv(t, ".", on, "cache", "stats")
	if r.code != 0 || !regexp.MustCompile(`: [1-9]\d* entries`).MatchString(r.stdout) {
		t.Errorf("cache stats after a run: %q (exit %d)", r.stdout, r.code)
	}
	if r := perfvetEnv(t, ".", on, "cache", "clean"); r.code != 0 {
		t.Errorf("cache clean: exit %d, %s", r.code, r.stderr)
	}
	if n := countFiles(t, cacheDir); n != 0 {
		t.Errorf("cache clean left %d files", n)
	}
	if r := perfvetEnv(t, ".", on, "cache", "bogus"); r.code != 2 {
		t.Errorf("cache bogus: exit %d, want 2", r.code)
	}

	if r := perfvetEnv(t, dir, []string{"PERFVET_CACHE=off"}, "-timing", "./..."); strings.Contains(r.stderr, "result cache") {
		t.Errorf("PERFVET_CACHE=off used a cache:\n%s", r.stderr)
	}
}

func countFiles(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) {
				return nil
			}
			return err
		}
		if !d.IsDir() {
			n++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// The plan is part of each package's key: editing perfplan.yaml changes
// the findings of a cached module as it does without the cache.
func TestResultCachePlanEdit(t *testing.T) {
	dir := copyDir(t, testdata("e2e"))
	on := []string{"PERFVET_CACHE=" + t.TempDir()}
	if r := perfvetEnv(t, dir, on, "./..."); !strings.Contains(r.stdout, "the plan allows 30s") {
		t.Fatalf("want the default request timeout in a finding:\n%s", r.stdout)
	}
	if err := os.WriteFile(filepath.Join(dir, "perfplan.yaml"), []byte("version: 1\nlimits: {request_timeout: 5s}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := perfvetEnv(t, dir, on, "./...")
	want := perfvetEnv(t, dir, []string{"PERFVET_CACHE=off"}, "./...")
	if got.stdout != want.stdout || !strings.Contains(got.stdout, "the plan allows 5s") {
		t.Errorf("after the plan edit, with the cache:\n%s\nwithout:\n%s", got.stdout, want.stdout)
	}
}
