package nplusone_test

import (
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"

	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/nplusone"
)

// realibsDir is the module of fixtures written against the real libraries
// (database/sql, sqlx, pgx v5 and v4, GORM, bun, ent with its generated
// code, sqlc-style generated code, gorp, go-redis v9 and v8, gomemcache),
// so that a change in a library's API cannot pass unnoticed.
const realibsDir = "../../testdata/realibs"

// TestRealLibraries runs the analyzer on the real-libraries fixture module.
func TestRealLibraries(t *testing.T) {
	dir, err := filepath.Abs(realibsDir)
	if err != nil {
		t.Fatal(err)
	}
	requireModulesCached(t, dir, "./nplusone/...")
	// The generated packages (ent, sqlc) are analysed as dependencies, for
	// their facts; the test checks what reaches the packages that use them.
	results := analysistest.Run(t, dir, nplusone.New(defaultConfig()), "./nplusone", "./nplusone/store")
	if len(results) != 2 {
		t.Errorf("analysed %d packages of %s, want the nplusone package and its store", len(results), dir)
	}
	requireWellTyped(t, results)
}

// requireModulesCached makes sure the fixture module's dependencies are in
// the module cache, downloading them through the module proxy if needed:
// analysistest loads a module with GOPROXY=off, and a missing module would
// otherwise surface as a confusing load error.
func requireModulesCached(t *testing.T, dir string, patterns ...string) {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to load %s: %v", dir, err)
	}
	offline := func() (string, error) {
		args := append([]string{"list", "-deps", "-test", "-f", "{{if .Error}}{{.ImportPath}}: {{.Error}}{{end}}"}, patterns...)
		cmd := exec.Command(goTool, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GO111MODULE=on", "GOPROXY=off", "GOWORK=off")
		out, err := cmd.CombinedOutput()
		return strings.TrimSpace(string(out)), err
	}
	if out, err := offline(); err == nil && out == "" {
		return
	}
	download := exec.Command(goTool, "mod", "download")
	download.Dir = dir
	download.Env = append(os.Environ(), "GO111MODULE=on", "GOWORK=off")
	if out, err := download.CombinedOutput(); err != nil {
		t.Fatalf("downloading the modules of %s: %v\n%s", dir, err, out)
	}
	if out, err := offline(); err != nil || out != "" {
		t.Fatalf("the modules of %s are not all in the module cache after go mod download (go list with GOPROXY=off: %v):\n%s", dir, err, out)
	}
}

// TestKnowledgeNames checks the knowledge tables' names against the real
// libraries: every function, method or interface method a table lists for
// a library of the fixture module must exist there, so that a typo or an
// API change cannot leave a table entry that silently matches nothing.
func TestKnowledgeNames(t *testing.T) {
	dir, err := filepath.Abs(realibsDir)
	if err != nil {
		t.Fatal(err)
	}
	requireModulesCached(t, dir, "./nplusone/...")
	libs := []string{
		"database/sql", "database/sql/driver", "github.com/jmoiron/sqlx",
		"github.com/jackc/pgx/v5", "github.com/jackc/pgx/v5/pgxpool", "github.com/jackc/pgx/v4", "github.com/jackc/pgx/v4/pgxpool",
		"gorm.io/gorm", "github.com/uptrace/bun", "entgo.io/ent", "entgo.io/ent/dialect", "entgo.io/ent/dialect/sql",
		"entgo.io/ent/dialect/sql/sqlgraph", "github.com/go-gorp/gorp/v3",
		"github.com/redis/go-redis/v9", "github.com/go-redis/redis/v8", "github.com/bradfitz/gomemcache/memcache",
		"golang.org/x/sync/errgroup", "bufio", "slices", "maps", "sort", "sync", "path/filepath", "io/fs", "encoding/json",
	}
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedTypes | packages.NeedImports | packages.NeedDeps,
		Dir:  dir,
		Env:  append(os.Environ(), "GO111MODULE=on", "GOPROXY=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, libs...)
	if err != nil {
		t.Fatal(err)
	}
	exists := make(map[string]bool)
	loaded := make(map[string]bool)
	for _, p := range pkgs {
		if len(p.Errors) > 0 || p.Types == nil {
			t.Fatalf("loading %s: %v", p.PkgPath, p.Errors)
		}
		loaded[p.PkgPath] = true
		scope := p.Types.Scope()
		for _, name := range scope.Names() {
			switch obj := scope.Lookup(name).(type) {
			case *types.Func:
				exists[knowledge.FuncKey(obj)] = true
			case *types.TypeName:
				named, ok := obj.Type().(*types.Named)
				if !ok {
					continue
				}
				for i := 0; i < named.NumMethods(); i++ {
					exists[knowledge.FuncKey(named.Method(i))] = true
				}
				if iface, ok := named.Underlying().(*types.Interface); ok {
					for i := 0; i < iface.NumExplicitMethods(); i++ {
						exists[knowledge.FuncKey(iface.ExplicitMethod(i))] = true
					}
				}
			}
		}
	}
	names := knowledge.RoundTripNames()
	for n := range knowledge.Callbacks {
		names = append(names, n)
	}
	for n := range knowledge.Iterators {
		names = append(names, n)
	}
	for n := range knowledge.ResultSetNext {
		names = append(names, n)
	}
	for n := range knowledge.Batchers {
		names = append(names, n)
	}
	for n := range knowledge.SeqSources {
		names = append(names, n)
	}
	checked := 0
	for _, n := range names {
		if !loaded[namePackage(n)] {
			continue // a library the fixture module does not use (xorm, beego)
		}
		checked++
		if !exists[n] {
			t.Errorf("knowledge names %s, which the real library does not declare", n)
		}
	}
	for _, ref := range knowledge.Implementations {
		if !loaded[ref.Pkg] {
			continue
		}
		for _, p := range pkgs {
			if p.PkgPath == ref.Pkg && p.Types.Scope().Lookup(ref.Name) == nil {
				t.Errorf("knowledge.Implementations names %s.%s, which does not exist", ref.Pkg, ref.Name)
			}
		}
	}
	if checked < 300 {
		t.Errorf("checked %d names against the real libraries; the tables or the loading shrank", checked)
	}
}

// namePackage returns the package path of a function's full name.
func namePackage(name string) string {
	s := strings.TrimPrefix(strings.TrimPrefix(name, "("), "*")
	if i := strings.Index(s, ")"); i >= 0 {
		s = s[:i]
	}
	if i := strings.Index(s, "["); i >= 0 {
		s = s[:i]
	}
	return s[:strings.LastIndex(s, ".")]
}
