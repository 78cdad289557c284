package main_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/perfvet/perfvet/internal/clitest"
)

// perfvetEnv runs perfvet in dir with the test environment and extra
// variables (which override it).
func perfvetEnv(t *testing.T, dir string, extra []string, args ...string) result {
	t.Helper()
	return clitest.Run(t, dir, slices.Concat([]string{"GOPROXY=off"}, extra), perfvetBin, args...)
}

// writeTree writes files (path -> content) under a new temporary directory.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestNothingRan checks that a run that analyses nothing says why and
// exits 2 (bad usage), not 3 (results incomplete).
func TestNothingRan(t *testing.T) {
	t.Parallel()
	e2e := testdata("e2e")
	workspace := writeTree(t, map[string]string{
		"go.work":  "go 1.26\n\nuse ./a\n",
		"a/go.mod": "module example.com/a\n\ngo 1.26\n",
		"a/a.go":   "package a\n",
	})
	empty := writeTree(t, map[string]string{"go.mod": "module example.com/empty\n\ngo 1.26\n"})
	for _, tt := range []struct {
		name, dir string
		env       []string
		args      []string
		stderr    []string // substrings
	}{
		{"no such directory tree", e2e, nil, []string{"./nope/..."}, []string{"./nope/... matches no packages"}},
		{"no such directory", e2e, nil, []string{"./nosuchdir"}, []string{"./nosuchdir matches no packages"}},
		{"one pattern of two", e2e, nil, []string{"./clean", "./nope"}, []string{"./nope matches no packages"}},
		{"no such module", e2e, nil, []string{"example.com/does/not/exist"}, []string{"example.com/does/not/exist matches no packages"}},
		{"module with no packages", empty, nil, []string{"./..."}, []string{"./... matches no packages"}},
		{"outside a module", t.TempDir(), nil, []string{"./..."}, []string{"is not in a Go module", "-C"}},
		{"go.work root", workspace, []string{"GOWORK=", "GOFLAGS="}, []string{"./..."}, []string{"go.work", "./a/..."}},
		{"flag after the pattern", e2e, nil, []string{"./...", "-json"}, []string{"flags go before packages", "perfvet -json ./..."}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := perfvetEnv(t, tt.dir, tt.env, tt.args...)
			if r.Code != 2 {
				t.Errorf("exit code %d, want 2\nstdout:\n%s\nstderr:\n%s", r.Code, r.Stdout, r.Stderr)
			}
			for _, want := range tt.stderr {
				if !strings.Contains(r.Stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, r.Stderr)
				}
			}
			if strings.Contains(r.Stderr, "incomplete") || r.Stdout != "" {
				t.Errorf("a run that analysed nothing reports results:\nstdout:\n%s\nstderr:\n%s", r.Stdout, r.Stderr)
			}
		})
	}
}

// TestHelpCommands checks that help lists the commands as well as the
// analyzers, and documents each command.
func TestHelpCommands(t *testing.T) {
	t.Parallel()
	r := perfvet(t, ".", "help")
	if r.Code != 0 {
		t.Fatalf("perfvet help: exit %d\n%s", r.Code, r.Stderr)
	}
	for _, want := range []string{"\tlsp ", "\tplan ", "\thelp ", "\tversion ", "\ttimeouts "} {
		if !strings.Contains(r.Stdout, want) {
			t.Errorf("perfvet help lacks %q:\n%s", want, r.Stdout)
		}
	}
	for cmd, want := range map[string]string{
		"lsp":     "Language Server",
		"plan":    "perfvet plan init",
		"help":    "perfvet help [command | analyzer]",
		"version": "perfvet version",
	} {
		r := perfvet(t, ".", "help", cmd)
		if r.Code != 0 || !strings.Contains(r.Stdout, want) {
			t.Errorf("perfvet help %s: exit %d, want %q in:\n%s%s", cmd, r.Code, want, r.Stdout, r.Stderr)
		}
	}
	if r := perfvet(t, ".", "help", "nosuch"); r.Code != 2 || !strings.Contains(r.Stderr, "no command or analyzer named") {
		t.Errorf("perfvet help nosuch: exit %d\n%s", r.Code, r.Stderr)
	}
}

// TestUsageErrors checks the exit code and message of mistakes in how
// perfvet is run: 2 and a short, specific message.
func TestUsageErrors(t *testing.T) {
	t.Parallel()
	e2e := testdata("e2e")
	missing := filepath.Join(t.TempDir(), "missing", "dir")
	for _, tt := range []struct {
		name, dir string
		args      []string
		stderr    []string
		maxLines  int // of stderr; 0 = any
	}{
		{"mistyped flag", e2e, []string{"-timeout=false", "./..."},
			[]string{"flag provided but not defined: -timeout", "did you mean -timeouts?", "perfvet help"}, 4},
		{"mistyped analyzer flag", e2e, []string{"-timeouts.test", "./..."},
			[]string{"did you mean -timeouts.tests?"}, 4},
		{"bad flag value", e2e, []string{"-json=maybe", "./..."},
			[]string{"invalid boolean value", "-json"}, 4},
		{"plan init into a missing directory", t.TempDir(), []string{"plan", "init", filepath.Join(missing, "p.yaml")},
			[]string{missing}, 2},
		{"sarif into a missing directory", e2e, []string{"-sarif", filepath.Join(missing, "x.sarif"), "./clean"},
			[]string{"-sarif", missing}, 2},
		{"json and sarif on stdout", e2e, []string{"-json", "-sarif", "-", "./clean"},
			[]string{"-json and -sarif - both write to standard output"}, 2},
		{"-C with a missing -plan", filepath.Dir(e2e), []string{"-C", "e2e", "-plan", "nope.yaml", "./..."},
			[]string{"-plan nope.yaml", filepath.Join(e2e, "nope.yaml")}, 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := perfvet(t, tt.dir, tt.args...)
			if r.Code != 2 {
				t.Errorf("exit code %d, want 2\nstderr:\n%s", r.Code, r.Stderr)
			}
			for _, want := range tt.stderr {
				if !strings.Contains(r.Stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, r.Stderr)
				}
			}
			if n := strings.Count(strings.TrimSpace(r.Stderr), "\n") + 1; tt.maxLines > 0 && n > tt.maxLines {
				t.Errorf("stderr has %d lines, want at most %d:\n%s", n, tt.maxLines, r.Stderr)
			}
		})
	}
}

// TestWhichChecksDidNotRun checks that, on a package that does not
// type-check, perfvet says which analyzers' checks did not run.
func TestWhichChecksDidNotRun(t *testing.T) {
	t.Parallel()
	r := perfvet(t, testdata("e2e-broken"), "./...")
	if r.Code != 3 {
		t.Errorf("exit %d, want 3", r.Code)
	}
	for _, want := range []string{
		"checks that did not run on them",
		"cacheinval: did not run",
		"pagesize: did not run",
		"timeouts: ran only the rules that need no flow analysis",
		"nplusone: ",
		"metrics: ",
	} {
		if !strings.Contains(r.Stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.Stderr)
		}
	}
	r = perfvet(t, testdata("e2e-broken"), "-pagesize=false", "./...")
	if strings.Contains(r.Stderr, "pagesize:") {
		t.Errorf("a disabled analyzer is listed among the checks that did not run:\n%s", r.Stderr)
	}
}

// TestDirectiveProblemsHaveTheirOwnName checks that a malformed
// //perfvet:ignore (no reason, an unknown analyzer) is reported under
// "perfvet" whichever analyzers run, and does not vanish when the analyzer
// it would have been charged to is off.
func TestDirectiveProblemsHaveTheirOwnName(t *testing.T) {
	t.Parallel()
	dir := testdata("e2e")
	for _, args := range [][]string{
		{"./suppress"},
		{"-timeouts=false", "-cacheinval=false", "./suppress"},
		{"-metrics", "./suppress"},
	} {
		r := perfvet(t, dir, args...)
		for _, want := range []string{
			`suppress/suppress.go:27:2: perfvet:ignore names unknown analyzer "speed"`,
			`suppress/suppress.go:15:2: perfvet:ignore directive has no reason`,
		} {
			line := ""
			for _, l := range strings.Split(r.Stdout, "\n") {
				if strings.HasPrefix(l, want) {
					line = l
				}
			}
			if !strings.HasSuffix(line, " (perfvet)") {
				t.Errorf("perfvet %v: want %s... reported as (perfvet); stdout:\n%s", args, want, r.Stdout)
			}
		}
	}
}
