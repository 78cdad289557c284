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
	"github.com/perfvet/perfvet/internal/testgc"
)

// binary is perfvet, built once for the tests by TestMain.
var binary string

func TestMain(m *testing.M) {
	testgc.Set()
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

// TestTable checks the -table file: one row per target with its packages
// (from perfvet -timing), exit code, seconds and outcome; a module with no
// Go package is a clean error (exit 2, said so), not a crash; and targets
// left when the -budget runs out are listed as not run.
func TestTable(t *testing.T) {
	if testing.Short() {
		t.Skip("runs perfvet")
	}
	empty := t.TempDir()
	if err := os.WriteFile(filepath.Join(empty, "go.mod"), []byte("module example.com/empty\n\ngo 1.26.0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	targets := []target{
		{name: "empty", dir: empty, patterns: []string{"./..."}},
		{name: "e2e-broken", dir: repoDir(t, "testdata/e2e-broken"), patterns: []string{"./..."}},
	}
	table := filepath.Join(t.TempDir(), "sweep.tsv")
	var log bytes.Buffer
	sum, err := sweep(options{perfvet: perfvet(t), timeout: 5 * time.Minute, targets: targets, table: table}, &log)
	if err != nil {
		t.Fatal(err)
	}
	if sum.crashes+sum.timeouts > 0 || sum.cleanErrors != 2 {
		t.Errorf("want two clean errors, got %+v\n%s", sum, log.String())
	}
	rows := readTable(t, table)
	if len(rows) != 3 || rows[0][0] != "module" {
		t.Fatalf("table: %q", rows)
	}
	if got := rows[1]; got[0] != "empty" || got[1] != "-" || got[2] != "2" || got[4] != "clean error" {
		t.Errorf("row of a module with no package: %q", got)
	}
	if got := rows[2]; got[0] != "e2e-broken" || got[1] == "-" || got[1] == "0" || got[2] != "3" || got[4] != "clean error" {
		t.Errorf("row of a module that does not type-check: %q", got)
	}

	sum, err = sweep(options{perfvet: perfvet(t), timeout: time.Minute, targets: targets, table: table, budget: time.Nanosecond}, &log)
	if err != nil {
		t.Fatal(err)
	}
	if sum.runs != 0 || sum.notRun != 2 {
		t.Errorf("with the budget spent: %d runs, %d not run; want 0 and 2", sum.runs, sum.notRun)
	}
	for _, row := range readTable(t, table)[1:] {
		if row[4] != "not run" || row[3] != "" {
			t.Errorf("row of a target not run: %q", row)
		}
	}
}

// TestResume: -resume skips the targets an earlier table ran, and runs
// those it lists as not run.
func TestResume(t *testing.T) {
	earlier := filepath.Join(t.TempDir(), "earlier.tsv")
	rows := "module\tpackages\texit\tseconds\toutcome\tdetail\n" +
		"ran@v1\t1\t0\t1.0\tok\t\n" +
		"failed@v1\t-\t3\t1.0\tclean error\t\n" +
		"left@v1\t-\t-\t\tnot run\t\n"
	if err := os.WriteFile(earlier, []byte(rows), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(t.TempDir(), "missing")
	targets := []target{{name: "ran@v1", dir: missing}, {name: "failed@v1", dir: missing}, {name: "left@v1", dir: missing}}
	var log bytes.Buffer
	sum, err := sweep(options{perfvet: "/nonexistent/perfvet", targets: targets, resume: earlier, budget: time.Nanosecond}, &log)
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.outcomes) != 1 || sum.notRun != 1 {
		t.Errorf("resuming from a table that ran 2 of 3 targets: outcomes %v; want only left@v1\n%s", sum.outcomes, log.String())
	}
	if _, err := sweep(options{perfvet: "/nonexistent/perfvet", targets: targets, resume: missing}, &log); err == nil {
		t.Error("-resume of a missing file: no error")
	}
}

func readTable(t *testing.T, file string) [][]string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	for line := range strings.SplitSeq(strings.TrimRight(string(data), "\n"), "\n") {
		rows = append(rows, strings.Split(line, "\t"))
	}
	return rows
}
