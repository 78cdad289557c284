//go:build unix

package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestUnusablePlanFile checks that a perfplan.yaml that exists but is not
// a readable regular file stops the run with an error naming it (exit 2),
// in perfvet and in plan check, and that a named pipe blocks neither.
func TestUnusablePlanFile(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		make func(file string) error
		want string
	}{
		{"dangling symlink", func(f string) error { return os.Symlink("gone.yaml", f) }, "is a symbolic link to gone.yaml, which does not exist"},
		{"symlink loop", func(f string) error { return os.Symlink(f, f) }, "is a symbolic link that cannot be followed"},
		{"directory", func(f string) error { return os.Mkdir(f, 0o755) }, "is a directory, not a plan file"},
		{"named pipe", func(f string) error { return syscall.Mkfifo(f, 0o644) }, "is a named pipe, not a plan file"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeTree(t, map[string]string{
				"go.mod":  "module example.com/svc\n\ngo 1.26\n",
				"main.go": "package main\n\nfunc main() {}\n",
			})
			file := filepath.Join(dir, "perfplan.yaml")
			if err := tt.make(file); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{{"./..."}, {"plan", "check"}} {
				start := time.Now()
				r := perfvetEnv(t, dir, nil, args...)
				if time.Since(start) > 2*time.Minute {
					t.Errorf("perfvet %v took %v", args, time.Since(start))
				}
				if r.Code != 2 || !strings.Contains(r.Stderr, "perfplan.yaml: "+tt.want) {
					t.Errorf("perfvet %v: exit %d, want 2 with %q\nstderr:\n%s", args, r.Code, tt.want, r.Stderr)
				}
			}
		})
	}
}
