// Package ssabuild builds the SSA form of a package for perfvet's analyzers,
// lazily and only when the package type-checks.
//
// It differs from golang.org/x/tools/go/analysis/passes/buildssa in two
// ways. The SSA is built on first use, so a package that an analyzer's fast
// path rules out (it imports no database, cache or HTTP library) costs
// nothing; and the analyzer runs despite type errors, returning no SSA for
// an ill-typed package, so that perfvet's syntactic rules still run on code
// that is being edited. Building SSA for ill-typed code is not safe.
package ssabuild

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Analyzer provides a *Result.
var Analyzer = &analysis.Analyzer{
	Name:             "perfvetssa",
	Doc:              "build SSA form lazily for perfvet's analyzers",
	URL:              "https://github.com/perfvet/perfvet",
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[*Result](),
}

// A Result builds the package's SSA on the first call to SSA.
type Result struct {
	once  sync.Once
	pass  *analysis.Pass
	pkg   *ssa.Package
	funcs []*ssa.Function
	byObj map[*types.Func]*ssa.Function
	err   error
	took  atomic.Int64 // nanoseconds the build took, once built
}

func run(pass *analysis.Pass) (any, error) {
	return &Result{pass: pass}, nil
}

// SSA returns the package's SSA and its source functions (declared
// functions, then their literals, in source order), or nil if the package
// has type errors or its SSA could not be built.
func (r *Result) SSA() (*ssa.Package, []*ssa.Function) {
	r.once.Do(r.build)
	return r.pkg, r.funcs
}

// Func returns the SSA function of a declared function or method, or nil.
func (r *Result) Func(fn *types.Func) *ssa.Function {
	r.once.Do(r.build)
	return r.byObj[fn]
}

// Err returns why the SSA is missing, if it is.
func (r *Result) Err() error {
	r.once.Do(r.build)
	return r.err
}

// BuildTime returns how long building the SSA took: 0 until something
// asked for it. Drivers subtract it from the time of the analyzer whose
// question built it, so that each analyzer's time is its own.
func (r *Result) BuildTime() time.Duration { return time.Duration(r.took.Load()) }

func (r *Result) build() {
	start := time.Now()
	defer func() { r.took.Store(int64(max(time.Since(start), 1))) }()
	pass := r.pass
	r.pass = nil // the pass must not outlive the analysis
	if len(pass.TypeErrors) > 0 || pass.Pkg == nil || pass.TypesInfo == nil {
		r.err = fmt.Errorf("package %s has type errors; flow-based checks skipped", pkgPath(pass))
		return
	}
	defer func() {
		// go/ssa assumes well-typed input; an ill-typed dependency can
		// still break it. Fall back to the syntactic checks.
		if p := recover(); p != nil {
			r.pkg, r.funcs, r.byObj = nil, nil, nil
			r.err = fmt.Errorf("cannot build SSA for %s: %v", pkgPath(pass), p)
		}
	}()

	// BareInits: the package initializer does not call the imports'
	// initializers, so that only the imports below need creating.
	prog := ssa.NewProgram(pass.Fset, ssa.BareInits)
	prog.SetNoReturn(noReturn)
	for _, p := range referencedImports(pass) {
		prog.CreatePackage(p, nil, nil, true)
	}
	pkg := prog.CreatePackage(pass.Pkg, pass.Files, pass.TypesInfo, false)
	pkg.Build()

	byObj := make(map[*types.Func]*ssa.Function)
	var funcs []*ssa.Function
	var addAnons func(f *ssa.Function)
	addAnons = func(f *ssa.Function) {
		funcs = append(funcs, f)
		for _, anon := range f.AnonFuncs {
			addAnons(anon)
		}
	}
	// Package-level variable initialisers live in the synthetic init.
	if init := pkg.Func("init"); init != nil {
		addAnons(init)
	}
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			obj, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if obj == nil {
				continue
			}
			f := prog.FuncValue(obj)
			if f == nil {
				continue
			}
			byObj[obj] = f
			addAnons(f)
		}
	}
	r.pkg, r.funcs, r.byObj = pkg, funcs, byObj
}

// referencedImports returns the imports whose package-level functions or
// variables the package refers to: the SSA builder looks those up among
// the created packages. Methods of other packages' types are created on
// demand from their types (as buildssa does for indirect imports), and
// constants need no package. Creating every import, with a function for
// every method of every type, cost more than building the package itself
// (go-redis alone declares thousands of methods) and was done again by
// every importer.
func referencedImports(pass *analysis.Pass) []*types.Package {
	need := make(map[*types.Package]bool)
	for _, obj := range pass.TypesInfo.Uses {
		switch obj.(type) {
		case *types.Func, *types.Var:
		default:
			continue
		}
		if p := obj.Pkg(); p != nil && p != pass.Pkg && obj.Parent() == p.Scope() {
			need[p] = true
		}
	}
	var out []*types.Package
	for _, p := range pass.Pkg.Imports() { // in a stable order
		if need[p] {
			out = append(out, p)
		}
	}
	return out
}

// noReturn lists the standard functions that never return, so that the
// SSA control flow does not continue past them. (buildssa learns this from
// ctrlflow facts, which are not available for ill-typed packages.)
func noReturn(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	switch fn.Origin().FullName() {
	case "os.Exit", "runtime.Goexit", "syscall.Exit",
		"log.Fatal", "log.Fatalf", "log.Fatalln", "log.Panic", "log.Panicf", "log.Panicln",
		"(*log.Logger).Fatal", "(*log.Logger).Fatalf", "(*log.Logger).Fatalln",
		"(*log.Logger).Panic", "(*log.Logger).Panicf", "(*log.Logger).Panicln",
		"(*testing.common).FailNow", "(*testing.common).Fatal", "(*testing.common).Fatalf",
		"(*testing.common).SkipNow", "(*testing.common).Skip", "(*testing.common).Skipf":
		return true
	}
	return false
}

func pkgPath(pass *analysis.Pass) string {
	if pass.Pkg == nil {
		return "?"
	}
	return pass.Pkg.Path()
}
