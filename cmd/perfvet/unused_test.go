package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnusedPackage runs perfvet on a module whose program imports one of
// its two client packages: the other, which only its own tests use, is
// dead code, and its finding is not reported; run on that package alone,
// with no program in the run, it is.
func TestUnusedPackage(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, "example.com/svc", `package main

import (
	"net/http"

	"example.com/svc/used"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write(used.Fetch(r.URL.Query().Get("u"))) })
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: 5e9}
	_ = srv.ListenAndServe()
}
`)
	for name, src := range map[string]string{
		"used/used.go":      "package used\n\nimport \"net/http\"\n\nfunc Fetch(u string) []byte {\n\tresp, err := http.Get(u)\n\tif err != nil {\n\t\treturn nil\n\t}\n\t_ = resp.Body.Close()\n\treturn nil\n}\n",
		"dead/dead.go":      "package dead\n\nimport \"net/http\"\n\nfunc Fetch(u string) error {\n\tresp, err := http.Get(u)\n\tif err != nil {\n\t\treturn err\n\t}\n\treturn resp.Body.Close()\n}\n",
		"dead/dead_test.go": "package dead\n\nimport \"testing\"\n\nfunc TestFetch(t *testing.T) { _ = Fetch(\"http://127.0.0.1:1/\") }\n",
	} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	whole := perfvet(t, dir, "-timeouts", "./...")
	if !strings.Contains(whole.Stdout, "used/used.go:6:") {
		t.Errorf("the program's client package is not reported:\n%s%s", whole.Stdout, whole.Stderr)
	}
	if strings.Contains(whole.Stdout, "dead/dead.go") {
		t.Errorf("a package no package of the run imports is reported in a run that builds the program:\n%s", whole.Stdout)
	}
	all := perfvet(t, dir, "-timeouts", "-unused", "./...")
	if !strings.Contains(all.Stdout, "dead/dead.go:6:") {
		t.Errorf("with -unused, the package no package of the run imports is not reported:\n%s%s", all.Stdout, all.Stderr)
	}
	alone := perfvet(t, dir, "-timeouts", "./dead")
	if !strings.Contains(alone.Stdout, "dead/dead.go:6:") {
		t.Errorf("run on the package alone, its finding is not reported:\n%s%s", alone.Stdout, alone.Stderr)
	}
}
