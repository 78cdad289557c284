package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/perfvet/perfvet/internal/fixturemod"
)

// binary is perfvet, built once for the tests by TestMain.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "sweeptest")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	binary = filepath.Join(dir, "perfvet")
	out, err := exec.CommandContext(context.Background(), "go", "build", "-o", binary, "github.com/perfvet/perfvet/cmd/perfvet").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "building perfvet: %v\n%s", err, out)
		os.Exit(2)
	}
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

func perfvet(*testing.T) string { return binary }

func repoDir(t *testing.T, rel string) string {
	t.Helper()
	abs, err := filepath.Abs(filepath.Join("..", "..", rel))
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// TestSweepSubset is CI's share of the robustness sweep: part of the
// standard library, the real libraries the analyzers know best (from the
// module cache, where fixturemod.Ensure downloads testdata/realibs'
// dependencies), and a
// module that does not type-check, which must give a clean error.
func TestSweepSubset(t *testing.T) {
	if testing.Short() {
		t.Skip("runs perfvet on several modules")
	}
	list := exec.CommandContext(context.Background(), "go", "list", "-m", "-f", "{{.Path}} {{.Dir}}",
		"gorm.io/gorm", "github.com/redis/go-redis/v9", "github.com/jmoiron/sqlx")
	list.Dir = repoDir(t, "testdata/realibs")
	fixturemod.Ensure(t, list.Dir)
	list.Env = append(os.Environ(), "GOPROXY=off")
	out, err := list.Output()
	if err != nil {
		t.Fatalf("listing realibs' modules: %v", err)
	}
	targets := []target{
		{name: "std subset", dir: t.TempDir(), patterns: []string{"database/sql/...", "net/http", "net/rpc/...", "encoding/json"}},
	}
	for line := range strings.SplitSeq(strings.TrimSpace(string(out)), "\n") {
		path, dir, _ := strings.Cut(line, " ")
		if dir == "" {
			t.Errorf("%s is not in the module cache after go mod download", path)
			continue
		}
		targets = append(targets, target{name: path, dir: dir, patterns: []string{"./..."}})
	}
	broken := target{name: "e2e-broken", dir: repoDir(t, "testdata/e2e-broken"), patterns: []string{"./..."}}
	targets = append(targets, broken)

	var log bytes.Buffer
	sum, err := sweep(options{perfvet: perfvet(t), timeout: 10 * time.Minute, targets: targets}, &log)
	t.Logf("%s", log.String())
	if err != nil {
		t.Fatal(err)
	}
	if sum.crashes+sum.timeouts > 0 {
		t.Errorf("%d crashes, %d timeouts", sum.crashes, sum.timeouts)
	}
	if o := sum.outcomes[broken.name]; o != cleanError {
		t.Errorf("on a package that does not type-check: %v, want a clean error (exit 3)", o)
	}
}

// TestDeterministicJSON runs perfvet -json twice on the same modules: the
// output must be byte-identical (no map order, no addresses, no timing).
func TestDeterministicJSON(t *testing.T) {
	if testing.Short() {
		t.Skip("runs perfvet four times")
	}
	for _, mod := range []string{"testdata/benchcorpus", "testdata/e2e"} {
		dir := repoDir(t, mod)
		fixturemod.Ensure(t, dir)
		var outs [2][]byte
		for i := range outs {
			cmd := exec.CommandContext(context.Background(), perfvet(t), "-json", "./...")
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if code := cmd.ProcessState.ExitCode(); code != 0 && code != 1 && code != 3 {
				t.Fatalf("%s: perfvet -json: %v\n%s", mod, err, stderr.String())
			}
			outs[i] = out
		}
		if len(outs[0]) < 10 {
			t.Errorf("%s: no JSON output: %q", mod, outs[0])
		}
		if !bytes.Equal(outs[0], outs[1]) {
			t.Errorf("%s: two runs of perfvet -json differ:\n%s\n---\n%s", mod, outs[0], outs[1])
		}
	}
}
