package analyzertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// RequireFixedTypeChecks type-checks the GOPATH-mode fixture package pkg
// of dir/src with each file replaced by its golden file:
// analysistest.RunWithSuggestedFixes has checked that the golden file is
// what the fixes produce, so this checks that every fix yields code that
// compiles (a fix inserting r.Context() where r is a shadowing string, or
// time.Second where time is a local variable, would not).
func RequireFixedTypeChecks(t *testing.T, dir, pkg string) {
	t.Helper()
	goldens, err := filepath.Glob(filepath.Join(dir, "src", pkg, "*.go.golden"))
	if err != nil || len(goldens) == 0 {
		t.Fatalf("no golden files in %s (%v)", pkg, err)
	}
	overlay := make(map[string][]byte)
	for _, g := range goldens {
		abs, err := filepath.Abs(g)
		if err != nil {
			t.Fatal(err)
		}
		src, err := os.ReadFile(abs)
		if err != nil {
			t.Fatal(err)
		}
		overlay[strings.TrimSuffix(abs, ".golden")] = src
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{
		Mode:    packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo,
		Env:     append(os.Environ(), Env(abs)...),
		Overlay: overlay,
	}
	pkgs, err := packages.Load(cfg, pkg)
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) != 1 || pkgs[0].Types == nil {
		t.Fatalf("loading the fixed %s: %v", pkg, pkgs)
	}
	for _, e := range pkgs[0].Errors {
		t.Errorf("the fixed %s does not compile: %v", pkg, e)
	}
}
