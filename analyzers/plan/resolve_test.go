package plan_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/perfvet/perfvet/analyzers/plan"
)

// TestResolve checks the one rule for relative plan paths: the directory
// the tool runs in, then the module root above it.
func TestResolve(t *testing.T) {
	root := t.TempDir()
	for name, content := range map[string]string{
		"go.mod":         "module example.com/m\n",
		"ci/plan.yaml":   "version: 1\n",
		"sub/local.yaml": "version: 1\n",
		"sub/pkg/x.go":   "package pkg\n",
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		must(t, os.MkdirAll(filepath.Dir(p), 0o755))
		must(t, os.WriteFile(p, []byte(content), 0o644))
	}
	sub := filepath.Join(root, "sub")
	for _, tt := range []struct{ file, dir, want string }{
		{"local.yaml", sub, filepath.Join(sub, "local.yaml")},         // where the tool runs
		{"ci/plan.yaml", sub, filepath.Join(root, "ci", "plan.yaml")}, // then the module root
		{"ci/plan.yaml", filepath.Join(sub, "pkg"), filepath.Join(root, "ci/plan.yaml")},
		{"../ci/plan.yaml", sub, filepath.Join(root, "ci", "plan.yaml")},                // relative to the directory, as a shell means it
		{filepath.Join(root, "ci/plan.yaml"), "/", filepath.Join(root, "ci/plan.yaml")}, // absolute
	} {
		got, err := plan.Resolve(tt.file, tt.dir)
		if err != nil || got != tt.want {
			t.Errorf("Resolve(%q, %q) = %q, %v; want %q", tt.file, tt.dir, got, err, tt.want)
		}
	}
	_, err := plan.Resolve("nope.yaml", sub)
	var nf *plan.NotFoundError
	if !errors.As(err, &nf) || len(nf.Tried) != 2 || !strings.Contains(err.Error(), filepath.Join(sub, "nope.yaml")) || !strings.Contains(err.Error(), filepath.Join(root, "nope.yaml")) {
		t.Errorf("Resolve of a missing file: %v; want both places it was looked for", err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
