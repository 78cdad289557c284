package main_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// perfvetEnv runs perfvet in dir with the test environment and extra
// variables (which override it).
func perfvetEnv(t *testing.T, dir string, extra []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(perfvetBin, args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off"), extra...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("running perfvet %v: %v", args, err)
	}
	return result{stdout.String(), stderr.String(), code}
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
			if r.code != 2 {
				t.Errorf("exit code %d, want 2\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
			}
			for _, want := range tt.stderr {
				if !strings.Contains(r.stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
				}
			}
			if strings.Contains(r.stderr, "incomplete") || r.stdout != "" {
				t.Errorf("a run that analysed nothing reports results:\nstdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
			}
		})
	}
}
