//go:build unix

package plan_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/perfvet/perfvet/analyzers/plan"
)

// TestUnusablePlanFile checks that a perfplan.yaml that exists but is not
// a readable regular file is found, and is an error that names it, rather
// than silently giving way to the default; and that a named pipe never
// blocks the reader.
func TestUnusablePlanFile(t *testing.T) {
	for _, test := range []struct {
		name string
		make func(t *testing.T, file string)
		want string // substring of the error
	}{
		{"dangling symlink", func(t *testing.T, file string) {
			t.Helper()
			must(t, os.Symlink("missing.yaml", file))
		}, "is a symbolic link to missing.yaml, which does not exist"},
		{"symlink loop", func(t *testing.T, file string) {
			t.Helper()
			must(t, os.Symlink(file, file))
		}, "symbolic link"},
		{"directory", func(t *testing.T, file string) {
			t.Helper()
			must(t, os.Mkdir(file, 0o755))
		}, "is a directory, not a plan file"},
		{"named pipe", func(t *testing.T, file string) {
			t.Helper()
			must(t, syscall.Mkfifo(file, 0o644))
		}, "is a named pipe, not a plan file"},
		{"unreadable", func(t *testing.T, file string) {
			t.Helper()
			if os.Geteuid() == 0 {
				t.Skip("root reads any file")
			}
			must(t, os.WriteFile(file, []byte("version: 1\n"), 0o000))
		}, "permission denied"},
	} {
		t.Run(test.name, func(t *testing.T) {
			mod := t.TempDir()
			must(t, os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module example.com/m\n"), 0o644))
			pkg := filepath.Join(mod, "p")
			must(t, os.Mkdir(pkg, 0o755))
			file := filepath.Join(mod, plan.FileName)
			test.make(t, file)

			if got := plan.Discover(pkg); got != file {
				t.Errorf("Discover = %q, want %q: an unusable file must not be skipped for the default", got, file)
			}
			done := make(chan error, 1)
			go func() {
				_, err := plan.NewFinder("").PlanFor(pkg)
				done <- err
			}()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), file) || !strings.Contains(err.Error(), test.want) {
					t.Errorf("PlanFor: err = %v, want an error naming %s and saying %q", err, file, test.want)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("PlanFor blocked on the plan file")
			}
		})
	}
}
