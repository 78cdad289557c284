package analyzertest

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/perfvet/perfvet/internal/fixturemod"
)

// Env returns the environment that loads the packages of dir offline, as
// analysistest does: a fixture module (dir holds go.mod) in module mode,
// else a GOPATH tree (the packages under dir/src) in GOPATH mode.
func Env(dir string) []string {
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
		return []string{"GO111MODULE=on", "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off"}
	}
	return []string{"GOPATH=" + dir, "GO111MODULE=off", "GOPROXY=off", "GOFLAGS="}
}

// load loads packages of dir (Env) in mode; a fixture module's
// dependencies are downloaded first (fixturemod.Ensure).
func load(tb testing.TB, dir string, mode packages.LoadMode, patterns ...string) []*packages.Package {
	tb.Helper()
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
		fixturemod.Ensure(tb, dir)
	}
	cfg := &packages.Config{Mode: mode, Dir: dir, Env: append(os.Environ(), Env(dir)...)}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		tb.Fatal(err)
	}
	return pkgs
}

// Program loads packages of dir, a GOPATH tree or a fixture module, with
// their dependencies, fails if any does not load, and runs the analyzer
// on them as one program, for tests that look at the actions of several
// packages.
func Program(tb testing.TB, dir string, a *analysis.Analyzer, patterns ...string) ([]*packages.Package, *checker.Graph) {
	tb.Helper()
	// The module too: passes say which module their package is of.
	pkgs := load(tb, dir, packages.LoadAllSyntax|packages.NeedModule, patterns...)
	if packages.PrintErrors(pkgs) > 0 {
		tb.Fatal("fixture does not load")
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return pkgs, graph
}
