package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyDir copies a fixture module to a temporary directory.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if err := os.MkdirAll(filepath.Join(dst, filepath.Dir(rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func editFile(t *testing.T, name string, edit func(string) string) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(edit(string(data))), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A baseline accepts today's findings: a later run reports only new ones,
// and the keys survive unrelated edits (lines added above a finding, a new
// request path reaching a baselined cause).
func TestBaseline(t *testing.T) {
	t.Parallel()
	dir := copyDir(t, testdata("e2e-causes"))
	if r := perfvet(t, dir, "-baseline", "base.json", "./..."); r.Code != 2 || !strings.Contains(r.Stderr, "base.json does not exist") {
		t.Errorf("a missing baseline: exit %d, stderr %q; want 2 and a hint to write it", r.Code, r.Stderr)
	}
	if r := perfvet(t, dir, "-baseline-write", "./..."); r.Code != 2 {
		t.Errorf("-baseline-write without -baseline: exit %d, want 2", r.Code)
	}
	r := perfvet(t, dir, "-baseline", "base.json", "-baseline-write", "./...")
	if r.Code != 0 || !strings.Contains(r.Stderr, "wrote 3 findings to base.json") || r.Stdout != "" {
		t.Fatalf("-baseline-write: exit %d, stdout %q, stderr %q", r.Code, r.Stdout, r.Stderr)
	}
	if r := perfvet(t, dir, "-baseline", "base.json", "./..."); r.Code != 0 || r.Stdout != "" {
		t.Errorf("with the baseline just written: exit %d, findings:\n%s", r.Code, r.Stdout)
	}

	// Unrelated edits: lines above every finding, and one more handler
	// reaching the baselined Entries (its count of request paths changes).
	editFile(t, filepath.Join(dir, "storage", "storage.go"), func(s string) string {
		return strings.Replace(s, "// Storage reads", "// A comment\n// of several\n// lines.\nconst limit = 50\n\n// Storage reads", 1)
	})
	editFile(t, filepath.Join(dir, "api", "api.go"), func(s string) string {
		return s + "\nfunc (a *API) more(w http.ResponseWriter, r *http.Request) {\n\tn, _ := a.Store.Entries(7)\n\tfmt.Fprintln(w, n)\n}\n"
	})
	if r := perfvet(t, dir, "./..."); r.Code != 1 || !strings.Contains(r.Stdout, "storage/storage.go:21:19: (*storage.Storage).Entries runs a database query with no context ((*sql.DB).QueryRow at storage.go:23); 4 request paths reach it") {
		t.Fatalf("the edits did not move Entries as intended: exit %d:\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	if r := perfvet(t, dir, "-baseline", "base.json", "./..."); r.Code != 0 || r.Stdout != "" {
		t.Errorf("after unrelated edits: exit %d, findings:\n%s", r.Code, r.Stdout)
	}

	// A new cause is reported. It is a function: a fourth cause method of
	// Storage would make the type one finding (timeouts doc.go, "One type,
	// one finding"), replacing the baselined per-method ones.
	editFile(t, filepath.Join(dir, "storage", "storage.go"), func(s string) string {
		return s + "\n// Tags queries with no context.\nfunc Tags(s *Storage) error {\n\t_, err := s.DB.Exec(\"UPDATE tags SET n = n + 1\")\n\treturn err\n}\n"
	})
	editFile(t, filepath.Join(dir, "api", "api.go"), func(s string) string {
		return s + "\nfunc (a *API) tags(w http.ResponseWriter, r *http.Request) {\n\t_ = storage.Tags(a.Store)\n}\n"
	})
	// Tags is a plain function of a package whose plain functions take no
	// context anywhere: a layer's design, reported with -timeouts.layers
	// (which changes no other finding here).
	r = perfvet(t, dir, "-timeouts.layers", "-baseline", "base.json", "./...")
	lines := strings.Split(strings.TrimSpace(r.Stdout), "\n")
	if r.Code != 1 || len(lines) != 2 || !strings.Contains(lines[0], "storage.Tags runs a database query with no request context") {
		t.Errorf("a new finding: exit %d, want 1 and only the Tags finding (and its related position):\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
}
