package engine

import (
	"os"
	"path/filepath"
	"testing"
)

// TestListHeader: what go list reads of a Go file changes its hash (build
// constraints, package clause, imports, //go:embed lines of a file that
// imports embed, anything in a cgo or test file); an edit below the
// imports does not.
func TestListHeader(t *testing.T) {
	const base = "//go:build linux\n\npackage p\n\nimport \"fmt\"\n\nfunc F() { fmt.Println(1) }\n"
	const embed = "package p\n\nimport _ \"embed\"\n\n//go:embed a.txt\nvar s string\n\nfunc F() {}\n"
	const cgo = "package p\n\n// int one() { return 1; }\nimport \"C\"\n\nfunc F() int { return 1 }\n"
	tests := []struct {
		name, file, before, after string
		same                      bool
	}{
		{"body", "p.go", base, "//go:build linux\n\npackage p\n\nimport \"fmt\"\n\nfunc F() { fmt.Println(2) }\n\nfunc G() {}\n", true},
		{"constraint", "p.go", base, "//go:build darwin\n\npackage p\n\nimport \"fmt\"\n\nfunc F() { fmt.Println(1) }\n", false},
		{"package clause", "p.go", base, "//go:build linux\n\npackage q\n\nimport \"fmt\"\n\nfunc F() { fmt.Println(1) }\n", false},
		{"imports", "p.go", base, "//go:build linux\n\npackage p\n\nimport \"os\"\n\nfunc F() { os.Exit(1) }\n", false},
		{"embed pattern", "p.go", embed, "package p\n\nimport _ \"embed\"\n\n//go:embed b.txt\nvar s string\n\nfunc F() {}\n", false},
		{"embed body", "p.go", embed, "package p\n\nimport _ \"embed\"\n\n//go:embed a.txt\nvar s string\n\nfunc F() { _ = s }\n", true},
		{"cgo body", "p.go", cgo, "package p\n\n// int one() { return 1; }\nimport \"C\"\n\nfunc F() int { return 2 }\n", false},
		{"test body", "p_test.go", base, "//go:build linux\n\npackage p\n\nimport \"fmt\"\n\nfunc F() { fmt.Println(2) }\n", false},
		{"unparsable", "p.go", "package p\nimport (\n", "package p\nimport (\n\"fmt\"", false},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		path := filepath.Join(dir, tt.file)
		sum := func(src string) [32]byte {
			if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			h, err := listHeader(path)
			if err != nil {
				t.Fatal(err)
			}
			return h
		}
		if same := sum(tt.before) == sum(tt.after); same != tt.same {
			t.Errorf("%s: same hash %v, want %v", tt.name, same, tt.same)
		}
	}
}

// TestListWalkFixedTree: the tree of a released Go's GOROOT is keyed by
// its version, not walked (the directory here does not even exist); a
// development toolchain's is walked.
func TestListWalkFixedTree(t *testing.T) {
	root := filepath.Join(t.TempDir(), "goroot")
	st := &listState{root: filepath.Join(root, "src"), env: goEnv{GOROOT: root, GOVERSION: "go1.26.0"}}
	a, err := st.walk()
	if err != nil {
		t.Fatalf("released GOROOT: %v", err)
	}
	st.env.GOVERSION = "go1.27.0"
	b, err := st.walk()
	if err != nil || a == b {
		t.Errorf("another release keys the same tree: %x, %v", b, err)
	}
	st.env.GOVERSION = "devel go1.27-abcdef"
	if _, err := st.walk(); err == nil {
		t.Error("a development GOROOT was not walked")
	}
}
