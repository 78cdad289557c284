package knowledge

import (
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/perfvet/perfvet/internal/fixturemod"
)

// unfetched are library packages that the real-libraries module does not
// depend on (the proxy does not serve them here, or no fixture uses them
// yet). Their table entries cannot be checked against the real API; keep
// this list short.
var unfetched = map[string]bool{
	"github.com/go-redis/redis/v8":            true,
	"github.com/jackc/pgx/v4":                 true,
	"github.com/jackc/pgx/v4/pgxpool":         true,
	"github.com/labstack/echo/v4/x":           true, // placeholder: none
	"google.golang.org/grpc":                  true,
	"github.com/bradfitz/gomemcache/memcache": true,
}

// extraSymbols lets a test add a symbol that must not resolve.
var extraSymbols = map[string]bool{}

// tableSymbols returns every function and method name the timeouts
// tables key on.
func tableSymbols() []string {
	var names []string
	for _, m := range []map[string]bool{extraSymbols, DefaultClientFuncs, UnboundedServers, ContextDerivations, ContextRoots, ServerUsers} {
		for k := range m {
			names = append(names, k)
		}
	}
	for k := range UnboundedDials {
		names = append(names, k)
	}
	for k := range ContextFree {
		names = append(names, k)
	}
	for k := range ContextDeadlines {
		names = append(names, k)
	}
	for k := range EchoStarts {
		names = append(names, k)
	}
	for k := range RetryFuncs {
		names = append(names, k)
	}
	for k := range Pings {
		names = append(names, k)
	}
	names = append(names, limitsSymbols()...)
	sort.Strings(names)
	return names
}

// tableTypes returns every type name the tables key on.
func tableTypes() []string {
	names := make([]string, 0, len(RedisOptions))
	for k := range RedisOptions {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// TestTablesResolve checks every symbol of the knowledge tables against
// the real libraries, so that a renamed or removed API cannot pass
// unnoticed.
func TestTablesResolve(t *testing.T) {
	syms, typeNames := tableSymbols(), tableTypes()
	paths := make(map[string]bool)
	for _, s := range syms {
		paths[symbolPackage(s)] = true
	}
	for _, n := range typeNames {
		paths[n[:strings.LastIndexByte(n, '.')]] = true
	}
	var load []string
	for p := range paths {
		if !unfetched[p] {
			load = append(load, p)
		}
	}
	sort.Strings(load)
	dir, err := filepath.Abs("../../../testdata/realibs")
	if err != nil {
		t.Fatal(err)
	}
	fixturemod.Ensure(t, dir)
	cfg := &packages.Config{
		// NeedDeps: type-checked from source, which on an empty build
		// cache is several times cheaper than the export data of
		// compiling every library (go list -export).
		Mode: packages.NeedName | packages.NeedTypes | packages.NeedImports | packages.NeedDeps,
		Dir:  dir,
		Env:  append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod"),
	}
	pkgs, err := packages.Load(cfg, load...)
	if err != nil {
		t.Fatal(err)
	}
	byPath := make(map[string]*types.Package)
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			t.Errorf("loading %s: %v (add it to testdata/realibs, or to unfetched with a reason)", p.PkgPath, p.Errors)
			continue
		}
		byPath[p.PkgPath] = p.Types
	}
	checked := 0
	for _, s := range syms {
		pkg := byPath[symbolPackage(s)]
		if pkg == nil {
			continue
		}
		checked++
		if !resolves(pkg, s) {
			t.Errorf("%s does not exist in %s (as loaded from testdata/realibs)", s, pkg.Path())
		}
	}
	for _, n := range typeNames {
		i := strings.LastIndexByte(n, '.')
		pkg := byPath[n[:i]]
		if pkg == nil {
			continue
		}
		checked++
		if _, ok := pkg.Scope().Lookup(n[i+1:]).(*types.TypeName); !ok {
			t.Errorf("type %s does not exist", n)
		}
	}
	if checked < len(syms)/2 {
		t.Errorf("checked only %d of %d symbols", checked, len(syms)+len(typeNames))
	}
}

// symbolPackage returns the package path of a full function name.
func symbolPackage(full string) string {
	if strings.HasPrefix(full, "(") {
		inner := full[1:strings.IndexByte(full, ')')]
		inner = strings.TrimPrefix(inner, "*")
		return inner[:strings.LastIndexByte(inner, '.')]
	}
	return full[:strings.LastIndexByte(full, '.')]
}

// resolves reports whether the function or method named full exists in
// pkg with exactly that full name (methods promoted from embedded types
// have the embedded type's name).
func resolves(pkg *types.Package, full string) bool {
	if !strings.HasPrefix(full, "(") {
		fn, ok := pkg.Scope().Lookup(full[strings.LastIndexByte(full, '.')+1:]).(*types.Func)
		return ok && fn.FullName() == full
	}
	close := strings.IndexByte(full, ')')
	recv := strings.TrimPrefix(full[1:close], "*")
	typeName := recv[strings.LastIndexByte(recv, '.')+1:]
	method := full[close+2:]
	tn, ok := pkg.Scope().Lookup(typeName).(*types.TypeName)
	if !ok {
		return false
	}
	for _, t := range []types.Type{tn.Type(), types.NewPointer(tn.Type())} {
		ms := types.NewMethodSet(t)
		for i := range ms.Len() {
			if fn, ok := ms.At(i).Obj().(*types.Func); ok && fn.Name() == method && fn.FullName() == full {
				return true
			}
		}
	}
	return false
}

// TestResolveCanFail checks that the resolver rejects names that do not
// exist, so TestTablesResolve can fail.
func TestResolveCanFail(t *testing.T) {
	pkg := types.NewPackage("example.com/p", "p")
	obj := types.NewTypeName(0, pkg, "T", nil)
	named := types.NewNamed(obj, types.NewStruct(nil, nil), nil)
	sig := types.NewSignatureType(types.NewVar(0, pkg, "t", types.NewPointer(named)), nil, nil, nil, nil, false)
	named.AddMethod(types.NewFunc(0, pkg, "M", sig))
	pkg.Scope().Insert(obj)
	if !resolves(pkg, "(*example.com/p.T).M") {
		t.Errorf("(*example.com/p.T).M should resolve")
	}
	for _, bad := range []string{"(*example.com/p.T).N", "(example.com/p.T).M", "(*example.com/p.U).M", "example.com/p.F"} {
		if resolves(pkg, bad) {
			t.Errorf("%s should not resolve", bad)
		}
	}
}

func TestReadsAPI(t *testing.T) {
	for name, want := range map[string]bool{
		"GetInheritedProjectMember": true,
		"List":                      true,
		"ListProjects":              true,
		"IsStarred":                 true,
		"Issues":                    false, // not the verb Is
		"Listen":                    false,
		"DeleteProjectHook":         false,
		"CreateIssue":               false,
		"EditRepo":                  false,
	} {
		if got := readsAPI(name); got != want {
			t.Errorf("readsAPI(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestIsContextSDK(t *testing.T) {
	for name, want := range map[string]bool{
		"github.com/google/go-github/v75/github.NewClient":      true,
		"github.com/google/go-github/v90/github.NewClient":      true,
		"github.com/google/go-github/github.NewClient":          true,
		"github.com/google/go-github/v75/github.NewTokenClient": false,
		"github.com/example/v2/github.NewClient":                false,
		"net/http.NewRequest":                                   false,
	} {
		if got := IsContextSDK(name); got != want {
			t.Errorf("IsContextSDK(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestIsSetupCall(t *testing.T) {
	for name, want := range map[string]bool{
		"(*github.com/google/go-github/v75/github.AppsService).CompleteAppManifest": true,
		"(*github.com/google/go-github/v61/github.AppsService).CompleteAppManifest": true,
		"(*github.com/google/go-github/v75/github.AppsService).ListRepos":           false,
		"(*github.com/example/v2/github.AppsService).CompleteAppManifest":           false,
	} {
		if got := IsSetupCall(name); got != want {
			t.Errorf("IsSetupCall(%q) = %v, want %v", name, got, want)
		}
	}
}
