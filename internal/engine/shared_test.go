package engine_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/perfvet/perfvet/analyzers"
	"github.com/perfvet/perfvet/analyzers/plan"
	"github.com/perfvet/perfvet/internal/driver"
	"github.com/perfvet/perfvet/internal/engine"
	"github.com/perfvet/perfvet/internal/fixturemod"
	"github.com/perfvet/perfvet/internal/testgc"
)

// One analysis of a fixture module type-checks and analyses the standard
// library packages it imports from source: seconds of CPU each time. The
// tests that only read a fixture share one copy of it per test binary
// (sharedFixture), and the runs they compare against, which do not
// depend on the test, are made once per binary: the checker's
// (checkerRun) and the batch engine's without a cache (batchRun). A test
// that writes to its fixture, or whose own run is what it tests, still
// copies the fixture (fixture) and runs the engine itself.

func TestMain(m *testing.M) {
	testgc.Set()
	code := m.Run()
	if shared.root != "" {
		_ = os.RemoveAll(shared.root)
	}
	os.Exit(code)
}

// A memo is something computed once per test binary, with the error that
// computing it gave.
type memo[T any] struct {
	once sync.Once
	val  T
	err  error
}

var shared struct {
	mu      sync.Mutex
	root    string // holds the copies; removed by TestMain
	dirs    map[string]*memo[string]
	checker map[string]*memo[runResult]
	batch   map[string]*memo[runResult]
}

// memoFor returns the memo of key in *m (made on first use), under shared.mu.
func memoFor[T any](m *map[string]*memo[T], key string) *memo[T] {
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if *m == nil {
		*m = make(map[string]*memo[T])
	}
	e := (*m)[key]
	if e == nil {
		e = new(memo[T])
		(*m)[key] = e
	}
	return e
}

// sharedFixture returns a copy of the fixture module testdata/name made
// once per test binary, for tests that do not write to it.
func sharedFixture(t *testing.T, name string) string {
	t.Helper()
	src, err := filepath.Abs(filepath.Join("..", "..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	fixturemod.Ensure(t, src)
	e := memoFor(&shared.dirs, name)
	e.once.Do(func() {
		shared.mu.Lock()
		if shared.root == "" {
			shared.root, e.err = os.MkdirTemp("", "engine-test") //nolint:usetesting // shared by every test of the binary; TestMain removes it
		}
		root := shared.root
		shared.mu.Unlock()
		if e.err != nil {
			return
		}
		e.val = filepath.Join(root, name)
		e.err = copyDir(src, e.val)
	})
	if e.err != nil {
		t.Fatalf("copying fixture %s: %v", name, e.err)
	}
	return e.val
}

// A runResult is one analysis of a shared fixture, and the number of
// workspace packages it loaded.
type runResult struct {
	res   *driver.Result
	roots int
}

// checkerRun returns what the command's checker path (go/packages, then
// go/analysis/checker) finds on the shared fixture name, computed once per
// test binary; the caller must not modify it.
func checkerRun(t *testing.T, name string) (dir string, r runResult) {
	t.Helper()
	dir = sharedFixture(t, name)
	e := memoFor(&shared.checker, name)
	e.once.Do(func() {
		suite := analyzers.Suite(analyzers.Config{Plans: plan.NewFinder("")})
		opts := driver.Options{Dir: dir, Env: testEnv}
		pkgs, err := driver.Load(opts)
		if err != nil {
			e.err = err
			return
		}
		e.val.roots = len(pkgs)
		e.val.res, e.err = driver.Analyze(suite, pkgs, opts)
	})
	if e.err != nil {
		t.Fatalf("checker on %s: %v", name, e.err)
	}
	return dir, e.val
}

// batchRun returns what engine.Run finds on the shared fixture name with
// no result cache, and how many root packages it passed to OnLoad,
// computed once per test binary; the caller must not modify it.
func batchRun(t *testing.T, name string) (dir string, r runResult) {
	t.Helper()
	dir = sharedFixture(t, name)
	e := memoFor(&shared.batch, name)
	e.once.Do(func() {
		e.val.res, e.err = engine.Run(engine.Options{Dir: dir, Env: testEnv, Analyzers: analyzers.Suite(analyzers.Config{Plans: plan.NewFinder("")})},
			func(roots []*packages.Package) error {
				e.val.roots = len(roots)
				return nil
			})
	})
	if e.err != nil {
		t.Fatalf("engine.Run on %s: %v", name, e.err)
	}
	return dir, e.val
}

// uncached returns what runWith(dir, nil) returns on the shared fixture
// name, from batchRun.
func uncached(t *testing.T, name string) (dir, out string) {
	t.Helper()
	dir, r := batchRun(t, name)
	s, err := printed(dir, r.res)
	if err != nil {
		t.Fatal(err)
	}
	return dir, s
}

// copyDir copies the tree src to dst.
func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return fmt.Errorf("copying %s: %w", path, err)
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
}
