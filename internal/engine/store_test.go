package engine_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/perfvet/perfvet/analyzers"
	"github.com/perfvet/perfvet/analyzers/plan"
	"github.com/perfvet/perfvet/internal/driver"
	"github.com/perfvet/perfvet/internal/engine"
)

// runWith analyses dir in one batch run, with the result cache store (nil:
// none), and returns everything the command prints: findings as text,
// errors and JSON.
func runWith(t *testing.T, dir string, store *engine.Store) string {
	t.Helper()
	finder := plan.NewFinder("")
	res, err := engine.Run(engine.Options{
		Dir: dir, Env: testEnv, Cache: store,
		Analyzers: analyzers.Suite(analyzers.Config{Plans: finder}),
		KeyExtra: func(*packages.Package, bool) ([]byte, error) {
			return []byte("test plan: default"), nil
		},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	out, err := printed(dir, res)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// printed is everything the command prints of res: findings as text,
// errors and JSON.
func printed(dir string, res *driver.Result) (string, error) {
	var b bytes.Buffer
	res.WriteText(&b, dir)
	b.WriteString("--- errors\n")
	res.WriteErrors(&b, dir)
	b.WriteString("--- json\n")
	if err := res.WriteJSON(&b); err != nil {
		return "", err
	}
	return b.String(), nil
}

func openStore(t *testing.T, dir string) *engine.Store {
	t.Helper()
	s, err := engine.OpenStore(dir, []byte("test salt"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func sameOutput(t *testing.T, how, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s: output differs from the run without a cache\n--- got\n%s\n--- want\n%s", how, got, want)
	}
}

// The output with the cache, cold and warm, is byte for byte the output
// without it, on modules with findings in several packages, causes
// reported once for many sites, and packages that do not type-check.
func TestCacheSameOutput(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"e2e", "e2e-broken", "e2e-causes"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir, want := uncached(t, name)
			if !strings.Contains(want, ".go:") {
				t.Fatal("nothing found: the comparison would prove nothing")
			}
			cacheDir := t.TempDir()
			cold := openStore(t, cacheDir)
			sameOutput(t, "cold", runWith(t, dir, cold), want)
			if s := cold.Stats(); s.Writes == 0 || s.Hits != 0 {
				t.Errorf("cold run: %+v, want writes and no hits", s)
			}
			warm := openStore(t, cacheDir)
			sameOutput(t, "warm", runWith(t, dir, warm), want)
			if s := warm.Stats(); s.Hits == 0 || s.Writes != 0 {
				t.Errorf("warm run: %+v, want hits and nothing to write", s)
			}
		})
	}
}

// An edit inside a function body that changes no facts re-analyses only
// its own package; one in a file that an importer's finding points into
// re-analyses that importer too (the position may have moved); an edit
// that changes facts re-analyses the importers. Each prints what a run
// without the cache prints.
func TestCacheEarlyCutoff(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "e2e")
	extra := filepath.Join(dir, "store", "extra.go")
	if err := os.WriteFile(extra, []byte("package store\n\n// Double doubles.\nfunc Double(x int) int { return x * 2 }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cacheDir := t.TempDir()
	runWith(t, dir, openStore(t, cacheDir))

	edit(t, extra, "return x * 2", "return x + x")
	s := openStore(t, cacheDir)
	sameOutput(t, "body edit", runWith(t, dir, s), runWith(t, dir, nil))
	if st := s.Stats(); st.Misses != 1 || st.Writes != 1 {
		t.Errorf("body edit of store/extra.go: %+v, want only store analysed again", st)
	}

	// api's finding at UserName's call shows store.go:22, Count's query.
	store := filepath.Join(dir, "store", "store.go")
	edit(t, store, "var name string", "var name = \"\"")
	s = openStore(t, cacheDir)
	sameOutput(t, "body edit", runWith(t, dir, s), runWith(t, dir, nil))
	if st := s.Stats(); st.Misses != 2 || st.Writes != 2 {
		t.Errorf("body edit of store/store.go: %+v, want store and api analysed again", st)
	}

	// Count now passes a context: its fact, and api's findings, change.
	edit(t, store, "func (s *Store) Count() (int, error) {", "func (s *Store) Count() (int, error) {\n\tctx := context.TODO()")
	edit(t, store, `s.DB.QueryRow("SELECT count(*) FROM users")`, `s.DB.QueryRowContext(ctx, "SELECT count(*) FROM users")`)
	s = openStore(t, cacheDir)
	sameOutput(t, "fact edit", runWith(t, dir, s), runWith(t, dir, nil))
	if st := s.Stats(); st.Misses < 2 {
		t.Errorf("fact edit of store: %+v, want store and its importers analysed again", st)
	}
}

func edit(t *testing.T, file, old, new string) {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(src, []byte(old)) {
		t.Fatalf("%s has no %q", file, old)
	}
	if err := os.WriteFile(file, bytes.Replace(src, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A truncated, altered or emptied entry is a miss: the package is analysed
// again and its entry rewritten; the output never changes. Each entry of
// the cache gets one of the corruptions, in turn.
func TestCacheCorruptEntries(t *testing.T) {
	t.Parallel()
	dir, want := uncached(t, "e2e")
	corruptions := []func(t *testing.T, path string){
		truncateHalf,
		flipByte,
		func(t *testing.T, path string) { // emptied
			t.Helper()
			if err := os.WriteFile(path, nil, 0o666); err != nil {
				t.Fatal(err)
			}
		},
		func(t *testing.T, path string) { // garbage of the same size
			t.Helper()
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for i := range data {
				data[i] = byte(i * 7)
			}
			if err := os.WriteFile(path, data, 0o666); err != nil {
				t.Fatal(err)
			}
		},
	}
	// A run's entries are one pack and its index (pack.go), beside go
	// list's answer: each corruption is applied to every file of a cache
	// of its own.
	for i, corrupt := range corruptions {
		cacheDir := t.TempDir()
		runWith(t, dir, openStore(t, cacheDir))
		var index, outputs int
		err := filepath.WalkDir(cacheDir, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			switch {
			case strings.HasSuffix(path, "-a"):
				index++
			case strings.HasSuffix(path, "-d"):
				outputs++
			default:
				return nil
			}
			corrupt(t, path)
			return nil
		})
		if err != nil || index < 2 || outputs < 2 {
			t.Fatalf("corruption %d: walking the cache: %v; %d index and %d output files, want the pack's and the index's at least", i, err, index, outputs)
		}
		s := openStore(t, cacheDir)
		sameOutput(t, "after corruption", runWith(t, dir, s), want)
		if st := s.Stats(); st.Hits != 0 || st.Writes == 0 {
			t.Errorf("corruption %d: every entry is corrupt: %+v, want no hits and every package written again", i, st)
		}
		s = openStore(t, cacheDir)
		sameOutput(t, "after rewrite", runWith(t, dir, s), want)
		if st := s.Stats(); st.Hits == 0 || st.Misses != 0 {
			t.Errorf("corruption %d: after the rewrite: %+v, want only hits", i, st)
		}
	}
}

func truncateHalf(t *testing.T, path string) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, fi.Size()/2); err != nil {
		t.Fatal(err)
	}
}

func flipByte(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) == 0 {
		return
	}
	data[len(data)/2] ^= 0x5a
	if err := os.WriteFile(path, data, 0o666); err != nil {
		t.Fatal(err)
	}
}

// Writes that fail (a full disk) lose only the cache: the run prints the
// same, and the next run analyses again.
func TestCacheFailedWrites(t *testing.T) {
	t.Parallel()
	dir, want := uncached(t, "e2e")
	cacheDir := t.TempDir()
	s := openStore(t, cacheDir)
	s.FailWrites(syscall.ENOSPC)
	sameOutput(t, "failing writes", runWith(t, dir, s), want)
	if st := s.Stats(); st.FailedWrites == 0 || st.Writes != 0 {
		t.Errorf("%+v, want every write failed", st)
	}
	s = openStore(t, cacheDir)
	sameOutput(t, "next run", runWith(t, dir, s), want)
	if st := s.Stats(); st.Hits != 0 {
		t.Errorf("%+v: nothing was written, so nothing can be found", st)
	}
}

// Two runs writing the same cache at once both print the same, and leave
// a cache the next run finds everything in.
func TestCacheConcurrentWriters(t *testing.T) {
	t.Parallel()
	dir, want := uncached(t, "e2e")
	cacheDir := t.TempDir()
	var wg sync.WaitGroup
	outs := make([]string, 2)
	for i := range outs {
		s := openStore(t, cacheDir)
		wg.Go(func() { outs[i] = runWith(t, dir, s) })
	}
	wg.Wait()
	for i, out := range outs {
		sameOutput(t, "writer "+string(rune('A'+i)), out, want)
	}
	s := openStore(t, cacheDir)
	sameOutput(t, "after both", runWith(t, dir, s), want)
	if st := s.Stats(); st.Misses != 0 || st.Hits == 0 {
		t.Errorf("%+v, want only hits", st)
	}
}

// Inspect and Clean see and remove what a run wrote.
func TestInspectClean(t *testing.T) {
	t.Parallel()
	dir := sharedFixture(t, "e2e")
	cacheDir := filepath.Join(t.TempDir(), "perfvet")
	runWith(t, dir, openStore(t, cacheDir))
	info, err := engine.Inspect(cacheDir)
	if err != nil || info.Entries == 0 || info.Outputs == 0 || info.Bytes == 0 {
		t.Fatalf("Inspect = %+v, %v; want entries", info, err)
	}
	if err := engine.Clean(cacheDir); err != nil {
		t.Fatal(err)
	}
	if info, err := engine.Inspect(cacheDir); err != nil || info.Entries != 0 {
		t.Errorf("after Clean: %+v, %v", info, err)
	}
	if _, err := os.Stat(cacheDir); !os.IsNotExist(err) {
		t.Errorf("Clean left the emptied directory: %v", err)
	}
}
