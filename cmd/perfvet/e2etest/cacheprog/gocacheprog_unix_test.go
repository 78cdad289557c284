//go:build unix

package cacheprog

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/perfvet/perfvet/internal/clitest"
)

// goCacher is a GOCACHEPROG implementation from the module proxy: with
// -cache-dir it keeps the go command's cache in a directory, standing in
// here for the object store (S3, GCS, an HTTP server with -cache-server)
// that a fleet shares.
const goCacher = "github.com/bradfitz/go-tool-cache/cmd/go-cacher@v0.0.0-20260722201841-0bb331e19f64"

// Under go vet -vettool, the go command caches each package's vet results
// (facts and findings) in its build cache, which GOCACHEPROG can share
// across machines: a second machine with an empty GOCACHE and the same
// store prints the same findings without running perfvet at all.
//
// The module vetted, testdata/vetcache, imports database/sql and nothing
// of net/http: from an empty GOCACHE the first machine compiles and vets
// every package the module depends on, standard library included, and
// its finding needs a fact crossing packages (store's query, reported at
// the loop in report).
func TestGoVetSharedCacheProg(t *testing.T) {
	if testing.Short() {
		t.Skip("builds go-cacher and vets twice")
	}
	t.Parallel()
	bin := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	install := exec.CommandContext(ctx, "go", "install", goCacher)
	install.Env = append(os.Environ(), "GOBIN="+bin, "GOFLAGS=-mod=mod")
	if out, err := install.CombinedOutput(); err != nil {
		t.Skipf("go-cacher cannot be installed from the module proxy here: %v\n%s", err, out)
	}

	// A vet tool that logs every package it is run on, then is perfvet.
	vetlog := filepath.Join(t.TempDir(), "runs.log")
	tool := filepath.Join(bin, "perfvet-logged")
	script := "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in *.cfg) echo \"$a\" >> \"$VETLOG\";; esac; done\nexec " + perfvetBin + " \"$@\"\n"
	if err := os.WriteFile(tool, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}

	store := t.TempDir()
	dir, err := filepath.Abs(filepath.Join("testdata", "vetcache"))
	if err != nil {
		t.Fatal(err)
	}
	vet := func(machine string) (clitest.Result, int) {
		t.Helper()
		if err := os.WriteFile(vetlog, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		r := clitest.Run(t, dir, []string{
			"GOCACHE=" + filepath.Join(t.TempDir(), machine), // each machine's own, empty
			"GOCACHEPROG=" + filepath.Join(bin, "go-cacher") + " -cache-dir " + store,
			"VETLOG=" + vetlog,
		}, "go", "vet", "-vettool="+tool, "./...")
		runs, err := os.ReadFile(vetlog)
		if err != nil {
			t.Fatal(err)
		}
		return r, strings.Count(string(runs), "\n")
	}
	first, firstRuns := vet("first")
	second, secondRuns := vet("second")
	if firstRuns == 0 {
		t.Fatalf("the first machine never ran perfvet; stderr:\n%s", first.Stderr)
	}
	if secondRuns != 0 {
		t.Errorf("the second machine ran perfvet on %d packages; want every result from the shared store", secondRuns)
	}
	if first.Code != second.Code || sortedLines(first.Stderr) != sortedLines(second.Stderr) {
		t.Errorf("the second machine printed (exit %d)\n%s\nthe first (exit %d)\n%s", second.Code, second.Stderr, first.Code, first.Stderr)
	}
	if !strings.Contains(first.Stderr, "report/report.go:18:16: (*store.Store).Name runs a query") {
		t.Errorf("go vet did not report the N+1 query of testdata/vetcache; the comparison proves nothing:\n%s", first.Stderr)
	}
}

// sortedLines returns the lines of s in order: go vet prints packages as
// they finish.
func sortedLines(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}
