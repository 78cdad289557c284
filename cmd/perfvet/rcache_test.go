package main_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// cacheStats matches the line -timing prints about the result cache.
var cacheStats = regexp.MustCompile(`result cache \S+: (\d+) hits, (\d+) misses, (\d+) written`)

// -fix applies the same edits with the fixes read from the cache as
// without the cache.
func TestResultCacheFix(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"go.mod":  "module example.com/fixme\n\ngo 1.26.0\n",
		"main.go": fixme,
	}
	cached, uncached := writeTree(t, files), writeTree(t, files)
	on := []string{"PERFVET_CACHE=" + t.TempDir()}
	// Fill the cache, then fix from it.
	if r := perfvetEnv(t, cached, on, "./..."); r.Code != 1 {
		t.Fatalf("want findings; exit %d\n%s", r.Code, r.Stderr)
	}
	got := perfvetEnv(t, cached, on, "-fix", "-timing", "./...")
	if m := cacheStats.FindStringSubmatch(got.Stderr); m == nil || m[1] == "0" {
		t.Errorf("-fix did not read the cache; stderr:\n%s", got.Stderr)
	}
	want := perfvetEnv(t, uncached, []string{"PERFVET_CACHE=off"}, "-fix", "./...")
	if got.Stdout != want.Stdout || got.Code != want.Code {
		t.Errorf("-fix from the cache printed\n%s(exit %d), without it\n%s(exit %d)", got.Stdout, got.Code, want.Stdout, want.Code)
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
	t.Parallel()
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
		if r.Stdout != want.Stdout || r.Code != want.Code {
			t.Errorf("concurrent run printed\n%s(exit %d), want\n%s(exit %d)", r.Stdout, r.Code, want.Stdout, want.Code)
		}
	}
	r := perfvetEnv(t, dir, on, "-timing", "./...")
	if m := cacheStats.FindStringSubmatch(r.Stderr); m == nil || m[1] == "0" || m[2] != "0" {
		t.Errorf("after both: want only hits; stderr:\n%s", r.Stderr)
	}
}

// perfvet cache dir|stats|clean, and PERFVET_CACHE=off.
func TestCacheCommand(t *testing.T) {
	t.Parallel()
	cacheDir := filepath.Join(t.TempDir(), "c")
	on := []string{"PERFVET_CACHE=" + cacheDir}
	if r := perfvetEnv(t, ".", on, "cache", "dir"); strings.TrimSpace(r.Stdout) != cacheDir || r.Code != 0 {
		t.Errorf("cache dir: %q (exit %d), want %s", r.Stdout, r.Code, cacheDir)
	}
	if r := perfvetEnv(t, ".", []string{"PERFVET_CACHE=off"}, "cache", "dir"); strings.TrimSpace(r.Stdout) != "off" {
		t.Errorf("cache dir with PERFVET_CACHE=off: %q", r.Stdout)
	}
	if r := perfvetEnv(t, ".", []string{"PERFVET_CACHE=relative/dir"}, "cache", "dir"); r.Code != 2 || !strings.Contains(r.Stderr, "absolute") {
		t.Errorf("relative PERFVET_CACHE: exit %d, stderr %q; want 2 and why", r.Code, r.Stderr)
	}

	dir := testdata("e2e")
	perfvetEnv(t, dir, on, "./...")
	r := perfvetEnv(t, ".", on, "cache", "stats")
	if r.Code != 0 || !regexp.MustCompile(`: [1-9]\d* entries`).MatchString(r.Stdout) {
		t.Errorf("cache stats after a run: %q (exit %d)", r.Stdout, r.Code)
	}
	if r := perfvetEnv(t, ".", on, "cache", "clean"); r.Code != 0 {
		t.Errorf("cache clean: exit %d, %s", r.Code, r.Stderr)
	}
	if n := countFiles(t, cacheDir); n != 0 {
		t.Errorf("cache clean left %d files", n)
	}
	if r := perfvetEnv(t, ".", on, "cache", "bogus"); r.Code != 2 {
		t.Errorf("cache bogus: exit %d, want 2", r.Code)
	}

	if r := perfvetEnv(t, dir, []string{"PERFVET_CACHE=off"}, "-timing", "./..."); strings.Contains(r.Stderr, "result cache") {
		t.Errorf("PERFVET_CACHE=off used a cache:\n%s", r.Stderr)
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
	t.Parallel()
	dir := copyDir(t, testdata("e2e"))
	on := []string{"PERFVET_CACHE=" + t.TempDir()}
	if r := perfvetEnv(t, dir, on, "./..."); !strings.Contains(r.Stdout, "the plan allows 30s") {
		t.Fatalf("want the default request timeout in a finding:\n%s", r.Stdout)
	}
	if err := os.WriteFile(filepath.Join(dir, "perfplan.yaml"), []byte("version: 1\nlimits: {request_timeout: 5s}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := perfvetEnv(t, dir, on, "./...")
	want := perfvetEnv(t, dir, []string{"PERFVET_CACHE=off"}, "./...")
	if got.Stdout != want.Stdout || !strings.Contains(got.Stdout, "the plan allows 5s") {
		t.Errorf("after the plan edit, with the cache:\n%s\nwithout:\n%s", got.Stdout, want.Stdout)
	}
}

// A loop in an internal package's exported function that only a job uses
// is held back for its users: silent in a run over the whole module,
// reported where it is in a run on the package alone (no user is there to
// decide). Whether the run imports the package is part of its cache key:
// the cached runs print what the uncached ones do, in either order.
func TestHeldFindingsNarrowRun(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"go.mod": "module example.com/jobs\n\ngo 1.22\n",
		"internal/files/files.go": `package files

import (
	"context"
	"database/sql"
)

// CleanOrphans is run by the program's ticker only.
func CleanOrphans(ctx context.Context, db *sql.DB) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM files ORDER BY id LIMIT 1000")
	if err != nil {
		return
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		_ = rows.Scan(&id)
		_ = db.QueryRowContext(ctx, "SELECT 1 FROM posts WHERE file_id = $1", id).Scan(new(int))
	}
}
`,
		"cmd/server/main.go": `package main

import (
	"context"
	"database/sql"
	"time"

	"example.com/jobs/internal/files"
)

func main() {
	var db *sql.DB
	for range time.Tick(time.Hour) {
		files.CleanOrphans(context.Background(), db)
	}
}
`,
	})
	const loop = "internal/files/files.go:18:"
	off := []string{"PERFVET_CACHE=off"}
	on := []string{"PERFVET_CACHE=" + t.TempDir()}
	for _, env := range [][]string{off, on, on} {
		narrow := perfvetEnv(t, dir, env, "-nplusone", "./internal/files")
		if !strings.Contains(narrow.Stdout, loop) {
			t.Errorf("%s, ./internal/files alone: want the loop reported where it is, got:\n%s%s", env[0], narrow.Stdout, narrow.Stderr)
		}
		whole := perfvetEnv(t, dir, env, "-nplusone", "./...")
		if strings.Contains(whole.Stdout, loop) {
			t.Errorf("%s, ./...: want the ticker's loop held back, got:\n%s", env[0], whole.Stdout)
		}
	}
}
