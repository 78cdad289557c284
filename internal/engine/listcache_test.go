package engine_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/perfvet/perfvet/analyzers"
	"github.com/perfvet/perfvet/analyzers/plan"
	"github.com/perfvet/perfvet/internal/engine"
)

// backdate sets the modification time of every file and directory of the
// tree an hour back: the list cache does not store an answer while a file
// was modified moments ago.
func backdate(t *testing.T, dir string) {
	t.Helper()
	old := time.Now().Add(-time.Hour)
	err := filepath.WalkDir(dir, func(path string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Chtimes(path, old, old)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// runFlags is runWith with build flags.
func runFlags(t *testing.T, dir string, store *engine.Store, flags ...string) string {
	t.Helper()
	res, err := engine.Run(engine.Options{
		Dir: dir, Env: testEnv, Cache: store, BuildFlags: flags,
		Analyzers: analyzers.Suite(analyzers.Config{Plans: plan.NewFinder("")}),
		KeyExtra: func(*packages.Package, bool) ([]byte, error) {
			return []byte("test plan: default"), nil
		},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	res.WriteText(&b, dir)
	res.WriteErrors(&b, dir)
	return b.String()
}

// On a cache that holds nothing for the run (a first run), go list runs
// at once and its answer is keyed after it: stored when no entry of the
// tree was modified since moments before go list started, not stored when
// one was, even a Go file whose header did not change (the walk after go
// list cannot tell what go list read). Either way the output is the same
// as without the cache, and a rerun on the stored answer reads it.
func TestListCacheFirstRun(t *testing.T) {
	dir := fixture(t, "e2e")
	backdate(t, dir)
	want := runWith(t, dir, nil)

	touched := filepath.Join(dir, "store", "store.go")
	now := time.Now()
	if err := os.Chtimes(touched, now, now); err != nil {
		t.Fatal(err)
	}
	s := openStore(t, t.TempDir())
	sameOutput(t, "first run, a file touched", runWith(t, dir, s), want)
	if st := s.Stats(); st.MetadataWrites != 0 || st.Writes == 0 {
		t.Errorf("first run, a file touched moments ago: %+v, want entries written and go list's answer not", st)
	}

	backdate(t, dir)
	cacheDir := t.TempDir()
	s = openStore(t, cacheDir)
	sameOutput(t, "first run", runWith(t, dir, s), want)
	if st := s.Stats(); st.MetadataWrites != 1 {
		t.Errorf("first run: %+v, want go list's answer written", st)
	}
	s = openStore(t, cacheDir)
	sameOutput(t, "rerun", runWith(t, dir, s), want)
	if st := s.Stats(); st.MetadataHits != 1 || st.Misses != 0 {
		t.Errorf("rerun: %+v, want go list's answer and every entry read from the cache", st)
	}
}

// The answer of go list is read from the cache on a rerun with nothing
// changed, and asked again when a file or directory of the module is
// added, when go.mod changes, or under other build flags; an answer
// is not stored while a file was modified moments ago. Every run prints
// what a run without the cache prints.
func TestListCache(t *testing.T) {
	dir := fixture(t, "e2e")
	backdate(t, dir)
	cacheDir := t.TempDir()
	want := runWith(t, dir, nil)

	run := func(how string, wantHit bool, wantWrite bool, want string) {
		t.Helper()
		s := openStore(t, cacheDir)
		sameOutput(t, how, runWith(t, dir, s), want)
		st := s.Stats()
		if got := st.MetadataHits == 1; got != wantHit {
			t.Errorf("%s: %+v, want metadata from the cache: %v", how, st, wantHit)
		}
		if got := st.MetadataWrites == 1; got != wantWrite {
			t.Errorf("%s: %+v, want metadata written: %v", how, st, wantWrite)
		}
	}
	run("cold", false, true, want)
	run("rerun", true, false, want)

	// A new file in a package: a new finding, which go list must see.
	extra := filepath.Join(dir, "store", "extra.go")
	src := "package store\n\nimport \"net/http\"\n\nfunc Fetch(u string) (*http.Response, error) { return (&http.Client{}).Get(u) }\n"
	if err := os.WriteFile(extra, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	s := openStore(t, cacheDir)
	got := runWith(t, dir, s) // at once: the file is seconds old
	if st := s.Stats(); st.MetadataHits != 0 || st.MetadataWrites != 0 {
		t.Errorf("new file, just written: %+v, want go list asked and its answer not stored", st)
	}
	want = runWith(t, dir, nil)
	sameOutput(t, "new file, just written", got, want)
	backdate(t, dir)
	if !bytes.Contains([]byte(want), []byte("extra.go")) {
		t.Fatalf("the new file's finding is missing: the test would prove nothing\n%s", want)
	}
	run("new file", false, true, want)
	run("rerun after the new file", true, false, want)

	// An edit below the imports (a function body), at once: go list's
	// answer is the same, and reused.
	body := strings.Replace(src, "(&http.Client{}).Get(u)", "(&http.Client{}).Head(u)", 1)
	if err := os.WriteFile(extra, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	want = runWith(t, dir, nil)
	run("body edit", true, false, want)

	// An edit of the imports: asked again, and stored (a Go file is keyed
	// by its content, not its time).
	imports := strings.Replace(body, "import \"net/http\"", "import (\n\t\"net/http\"\n\t_ \"strings\"\n)", 1)
	if err := os.WriteFile(extra, []byte(imports), 0o644); err != nil {
		t.Fatal(err)
	}
	want = runWith(t, dir, nil)
	run("import edit", false, true, want)
	run("rerun after the import edit", true, false, want)

	// A new package directory.
	if err := os.MkdirAll(filepath.Join(dir, "fetch"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "fetch", "fetch.go"), []byte("package fetch\n\nimport \"net/http\"\n\nvar C = &http.Client{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	backdate(t, dir)
	want = runWith(t, dir, nil)
	run("new package", false, true, want)

	// go.mod changes (same size, other content and time).
	gomod := filepath.Join(dir, "go.mod")
	data, err := os.ReadFile(gomod)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(gomod, append(data, "\n// edited\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	backdate(t, dir)
	run("go.mod edited", false, true, want)

	// Other build flags: another answer.
	s = openStore(t, cacheDir)
	if got, want := runFlags(t, dir, s, "-tags=perfvetlisttest"), runFlags(t, dir, nil, "-tags=perfvetlisttest"); got != want {
		t.Errorf("with -tags: output differs from the run without a cache\n--- got\n%s\n--- want\n%s", got, want)
	}
	if st := s.Stats(); st.MetadataHits != 0 {
		t.Errorf("with -tags: %+v, want go list asked again", st)
	}
}
