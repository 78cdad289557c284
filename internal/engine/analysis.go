package engine

import (
	"context"
	"fmt"
	"go/types"
	"maps"
	"net/url"
	"reflect"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// A job is the work one update does on one package.
type job struct {
	typecheck bool // parse and type-check (then analyse)
	analyze   bool // run the analyzers
	// cond: only if a dependency's API or facts changed, or a finding
	// points into a changed file (an importer of an edited package).
	cond bool

	// Set by execute (before the job's done channel closes).
	ran     bool // type-checked in this update
	cutoff  bool // ran, and gives its importers what it gave before
	skipped bool // conditional, and not needed
}

// An action is the outcome of one analyzer on one package: its findings,
// and the facts it exported, which importers read for as long as the
// package's types live.
type action struct {
	duration time.Duration // of the analyzer's Run, and of the lazy work of its result that others triggered
	err      error
	diags    []analysis.Diagnostic
	objFacts map[objectFactKey]analysis.Fact
	pkgFacts map[reflect.Type]analysis.Fact
}

type objectFactKey struct {
	obj types.Object
	typ reflect.Type
}

// execute runs the jobs, each package once its dependencies are done,
// as many at once as there are CPUs. Once ctx is cancelled no package is
// started; it returns the work left undone.
func (v *View) execute(ctx context.Context, jobs map[*node]*job, read func(string) ([]byte, error), early *earlyHook) map[*node]*job {
	done := make(map[*node]chan struct{}, len(jobs))
	for n := range jobs {
		done[n] = make(chan struct{})
	}
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	ed := new(edits)
	var wg sync.WaitGroup
	var mu sync.Mutex
	unfinished := make(map[*node]*job)
	leave := func(n *node, j *job) {
		// What was left is done in full next time: the decisions of
		// the early cut-off are not carried over.
		c := *j
		c.cond = false
		mu.Lock()
		unfinished[n] = &c
		mu.Unlock()
	}
	for n, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(done[n])
			for _, d := range n.deps {
				if ch := done[d]; ch != nil {
					<-ch
				}
			}
			sem <- struct{}{}
			defer func() { <-sem }()
			if ctx.Err() != nil {
				leave(n, j)
				return
			}
			defer func() {
				// go/types and the analyzers are meant not to panic on
				// any input; if one does, the server must survive it.
				if r := recover(); r != nil {
					v.logf("internal error on package %s: %v\n%s", n.meta.ID, r, debug.Stack())
					if n.pkg == nil {
						n.pkg = &packages.Package{ID: n.meta.ID, PkgPath: n.meta.PkgPath, Name: n.meta.Name, Types: types.NewPackage(n.meta.PkgPath, n.meta.Name), IllTyped: true}
					}
					if n.actions == nil {
						n.actions = make(map[*analysis.Analyzer]*action)
					}
					for _, a := range v.rootSet {
						n.actions[a] = &action{err: fmt.Errorf("internal error: %v", r)}
					}
				}
			}()
			if j.cond && !v.needed(n, jobs, ed) {
				j.skipped = true
				return
			}
			if j.typecheck || n.pkg == nil {
				if !j.analyze || ctx.Err() != nil {
					v.removeFiles(n, v.typecheck(n, read, false))
					v.dropCanonNow(n)
				} else {
					v.typecheckAnalyze(n, j, jobs, read, ed)
				}
				j.ran = true
			}
			if j.analyze {
				if ctx.Err() != nil {
					leave(n, &job{analyze: true})
					return
				}
				if !j.ran {
					v.analyze(n, read)
					if n.canon != nil {
						if err := v.translateCanon(n); err != nil {
							v.logf("%s: %v", n.meta.ID, err)
						}
					}
				}
				if early != nil && early.nodes[n] {
					mu.Lock()
					early.left--
					last := early.left == 0
					mu.Unlock()
					if last && ctx.Err() == nil {
						early.call()
					}
				}
			}
		}()
	}
	wg.Wait()
	return unfinished
}

// typecheckAnalyze type-checks and analyses a node, and decides whether
// its importers must follow (job.cutoff, cutoff.go).
func (v *View) typecheckAnalyze(n *node, j *job, jobs map[*node]*job, read func(string) ([]byte, error), ed *edits) {
	eligible := !v.opts.Batch && len(n.rdeps) > 0 && n.pkg != nil && n.actions != nil
	var (
		prev      *packages.Package
		prevFiles map[string]*file
		before    [32]byte
		beforeOK  bool
	)
	if eligible {
		prev, prevFiles = n.importPkg(), maps.Clone(n.files)
		before, beforeOK = v.seenSum(n)
	}
	replaced := v.typecheck(n, read, false)
	ed.addReplaced(replaced)
	v.analyze(n, read)
	if eligible && beforeOK && v.depsCutOff(n, jobs) {
		if after, ok := v.currentSum(n); ok && after == before && v.keepCanon(n, prev, prevFiles) {
			j.cutoff = true
			v.removeFiles(n, replaced)
			return
		}
	}
	v.removeFiles(n, append(replaced, v.dropCanon(n)...))
}

// dropCanonNow drops the node's canonical types and their files.
func (v *View) dropCanonNow(n *node) {
	for _, f := range v.dropCanon(n) {
		v.removeFile(f)
	}
}

// depsCutOff reports whether every dependency type-checked in this update
// kept what it gives importers: only then can the node keep its previous
// types (which refer to theirs).
func (v *View) depsCutOff(n *node, jobs map[*node]*job) bool {
	for _, d := range n.deps {
		if j := jobs[d]; j != nil && j.ran && !j.cutoff {
			return false
		}
	}
	return true
}

// analyze runs the analyzers on a type-checked package: all of them on a
// workspace package, those with facts (and their prerequisites) on a
// dependency. Facts of the dependencies are read from their actions.
func (v *View) analyze(n *node, read func(string) ([]byte, error)) {
	set := v.factSet
	if n.root {
		set = v.rootSet
	}
	pkg := n.pkg
	results := make(map[*analysis.Analyzer]any)
	actions := make(map[*analysis.Analyzer]*action, len(set))
	for _, a := range set {
		act := &action{objFacts: make(map[objectFactKey]analysis.Fact), pkgFacts: make(map[reflect.Type]analysis.Fact)}
		actions[a] = act
		var failed []string
		for _, r := range a.Requires {
			if ra := actions[r]; ra == nil || ra.err != nil {
				failed = append(failed, r.Name+"@"+n.meta.ID)
			}
		}
		if len(a.FactTypes) > 0 {
			for _, d := range n.deps {
				if da := d.actions[a]; da == nil || da.err != nil {
					failed = append(failed, a.Name+"@"+d.meta.ID)
				}
			}
		}
		if len(failed) > 0 {
			sort.Strings(failed)
			act.err = fmt.Errorf("failed prerequisites: %s", strings.Join(failed, ", "))
			continue
		}
		if pkg.IllTyped && !a.RunDespiteErrors {
			act.err = fmt.Errorf("analysis skipped due to errors in package")
			continue
		}
		inputs := make(map[*analysis.Analyzer]any, len(a.Requires))
		for _, r := range a.Requires {
			inputs[r] = results[r]
		}
		start := time.Now()
		lazyBefore := lazyTimes(results)
		results[a], act.err = v.runPass(n, a, act, inputs, read)
		act.duration = time.Since(start)
		for r, d := range lazyTimes(results) {
			if d -= lazyBefore[r]; d > 0 && r != a {
				// This analyzer's question did the work r's result
				// defers (the package's SSA build, which every
				// flow-based analyzer shares): count it as r's.
				act.duration = max(act.duration-d, 0)
				actions[r].duration += d
			}
		}
	}
	n.actions = actions
	if !n.root || v.opts.Batch {
		// A dependency is type-checked again only when its metadata
		// changes, which parses it again: its syntax, type information
		// and source are of no further use. Its types and facts are.
		for _, f := range n.files {
			f.ast, f.src = nil, nil
		}
		pkg.Syntax, pkg.TypesInfo = nil, nil
	}
}

// runPass runs one analyzer on one package.
func (v *View) runPass(n *node, a *analysis.Analyzer, act *action, inputs map[*analysis.Analyzer]any, read func(string) ([]byte, error)) (result any, err error) {
	pkg := n.pkg
	module := &analysis.Module{}
	if pkg.Module != nil {
		module = analysisModule(pkg.Module)
	}
	pass := &analysis.Pass{
		Analyzer:     a,
		Fset:         v.fset,
		Files:        pkg.Syntax,
		OtherFiles:   pkg.OtherFiles,
		IgnoredFiles: pkg.IgnoredFiles,
		Pkg:          pkg.Types,
		TypesInfo:    pkg.TypesInfo,
		TypesSizes:   pkg.TypesSizes,
		TypeErrors:   pkg.TypeErrors,
		Module:       module,
		ResultOf:     inputs,
		Report:       func(d analysis.Diagnostic) { act.diags = append(act.diags, d) },
		ImportObjectFact: func(obj types.Object, ptr analysis.Fact) bool {
			return v.objectFact(n, a, act, obj, ptr)
		},
		ExportObjectFact: func(obj types.Object, fact analysis.Fact) {
			if obj.Pkg() != pkg.Types {
				panic(fmt.Sprintf("%s: fact %T exported for %s, which belongs to another package", a.Name, fact, obj))
			}
			act.objFacts[objectFactKey{obj, reflect.TypeOf(fact)}] = fact
		},
		ImportPackageFact: func(p *types.Package, ptr analysis.Fact) bool {
			return v.packageFact(n, a, act, p, ptr)
		},
		ExportPackageFact: func(fact analysis.Fact) {
			act.pkgFacts[reflect.TypeOf(fact)] = fact
		},
		AllObjectFacts:  func() []analysis.ObjectFact { return v.allObjectFacts(n, a, act) },
		AllPackageFacts: func() []analysis.PackageFact { return v.allPackageFacts(n, a, act) },
	}
	pass.ReadFile = func(filename string) ([]byte, error) {
		if !readable(pass, filename) {
			return nil, fmt.Errorf("Pass.ReadFile: %s is not among OtherFiles, IgnoredFiles, or names of Files", filename)
		}
		return read(filename)
	}
	defer func() {
		if r := recover(); r != nil {
			result, err = nil, fmt.Errorf("internal error: %s panicked on package %s: %v\n%s", a.Name, pkg.PkgPath, r, debug.Stack())
		}
		pass.ExportObjectFact, pass.ExportPackageFact = nil, nil
	}()
	result, err = a.Run(pass)
	if err != nil {
		return nil, err
	}
	if got, want := reflect.TypeOf(result), a.ResultType; got != want {
		return nil, fmt.Errorf("internal error: on package %s, analyzer %s returned a result of type %v, but declared ResultType %v", pkg.PkgPath, a.Name, got, want)
	}
	for i := range act.diags {
		u, err := resolveURL(a, act.diags[i])
		if err != nil {
			return nil, err
		}
		act.diags[i].URL = u
	}
	return result, nil
}

func readable(pass *analysis.Pass, filename string) bool {
	if slices.Contains(pass.OtherFiles, filename) || slices.Contains(pass.IgnoredFiles, filename) {
		return true
	}
	for _, f := range pass.Files {
		if pass.Fset.File(f.FileStart).Name() == filename {
			return true
		}
	}
	return false
}

// objectFact implements Pass.ImportObjectFact: a fact of this package's
// own, or one its owner exported where importers can see it.
func (v *View) objectFact(n *node, a *analysis.Analyzer, act *action, obj types.Object, ptr analysis.Fact) bool {
	if obj == nil {
		panic("nil object")
	}
	key := objectFactKey{obj, reflect.TypeOf(ptr)}
	var fact analysis.Fact
	if obj.Pkg() == n.pkg.Types {
		fact = act.objFacts[key]
	} else if obj.Pkg() != nil && exportedFrom(obj, obj.Pkg()) {
		if owner := v.owner(obj.Pkg()); owner != nil {
			if owner.canon != nil && obj.Pkg() == owner.canon.Types {
				fact = owner.canonFacts[a][key]
			} else if oa := owner.actions[a]; oa != nil {
				fact = oa.objFacts[key]
			}
		}
	}
	if fact == nil {
		return false
	}
	reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(fact).Elem())
	return true
}

// packageFact implements Pass.ImportPackageFact.
func (v *View) packageFact(n *node, a *analysis.Analyzer, act *action, p *types.Package, ptr analysis.Fact) bool {
	if p == nil {
		panic("nil package")
	}
	var fact analysis.Fact
	if p == n.pkg.Types {
		fact = act.pkgFacts[reflect.TypeOf(ptr)]
	} else if owner := v.owner(p); owner != nil {
		if oa := owner.actions[a]; oa != nil {
			fact = oa.pkgFacts[reflect.TypeOf(ptr)]
		}
	}
	if fact == nil {
		return false
	}
	reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(fact).Elem())
	return true
}

// A depsMemo holds a node's transitive dependencies, computed once per
// graph: every pass of every analyzer on the node asks for them (all
// package and object facts), and a large module has thousands.
type depsMemo struct {
	once sync.Once
	list []*node
}

// transitiveDeps returns the node's transitive dependencies.
func (n *node) transitiveDeps() []*node {
	if n.tdeps == nil {
		return n.walkDeps()
	}
	n.tdeps.once.Do(func() { n.tdeps.list = n.walkDeps() })
	return n.tdeps.list
}

func (n *node) walkDeps() []*node {
	seen := make(map[*node]bool)
	var out []*node
	var visit func(*node)
	visit = func(m *node) {
		for _, d := range m.deps {
			if !seen[d] {
				seen[d] = true
				out = append(out, d)
				visit(d)
			}
		}
	}
	visit(n)
	return out
}

func (v *View) allObjectFacts(n *node, a *analysis.Analyzer, act *action) []analysis.ObjectFact {
	var out []analysis.ObjectFact
	for k, f := range act.objFacts {
		out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
	}
	for _, d := range n.transitiveDeps() {
		facts := d.canonFacts[a]
		if d.canon == nil {
			if da := d.actions[a]; da != nil {
				facts = da.objFacts
			}
		}
		for k, f := range facts {
			if exportedFrom(k.obj, d.importPkg().Types) {
				out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
			}
		}
	}
	return out
}

func (v *View) allPackageFacts(n *node, a *analysis.Analyzer, act *action) []analysis.PackageFact {
	var out []analysis.PackageFact
	for _, f := range act.pkgFacts {
		out = append(out, analysis.PackageFact{Package: n.pkg.Types, Fact: f})
	}
	for _, d := range n.transitiveDeps() {
		if da := d.actions[a]; da != nil {
			for _, f := range da.pkgFacts {
				out = append(out, analysis.PackageFact{Package: d.importPkg().Types, Fact: f})
			}
		}
	}
	return out
}

// exportedFrom reports whether obj may be visible to a package that
// imports pkg (the approximation go/analysis/checker uses).
func exportedFrom(obj types.Object, pkg *types.Package) bool {
	switch obj := obj.(type) {
	case *types.Func:
		return obj.Exported() && obj.Pkg() == pkg || obj.Signature().Recv() != nil
	case *types.Var:
		return obj.IsField() || obj.Pkg() == pkg
	case *types.TypeName, *types.Const:
		return true
	}
	return false
}

// resolveURL resolves a diagnostic's URL against its analyzer's, as
// go/analysis drivers do: a category becomes a fragment.
func resolveURL(a *analysis.Analyzer, d analysis.Diagnostic) (string, error) {
	if d.URL == "" && d.Category == "" && a.URL == "" {
		return "", nil
	}
	raw := d.URL
	if d.URL == "" && d.Category != "" {
		raw = "#" + d.Category
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("invalid Diagnostic.URL %q: %w", raw, err)
	}
	base, err := url.Parse(a.URL)
	if err != nil {
		return "", fmt.Errorf("invalid Analyzer.URL %q: %w", a.URL, err)
	}
	return base.ResolveReference(u).String(), nil
}

func analysisModule(mod *packages.Module) *analysis.Module {
	if mod == nil {
		return nil
	}
	var modErr *analysis.ModuleError
	if mod.Error != nil {
		modErr = &analysis.ModuleError{Err: mod.Error.Err}
	}
	return &analysis.Module{
		Path:      mod.Path,
		Version:   mod.Version,
		Replace:   analysisModule(mod.Replace),
		Time:      mod.Time,
		Main:      mod.Main,
		Indirect:  mod.Indirect,
		Dir:       mod.Dir,
		GoMod:     mod.GoMod,
		GoVersion: mod.GoVersion,
		Error:     modErr,
	}
}

// A lazyResult is an analyzer's result that defers its work until another
// analyzer asks for it (ssabuild's SSA form), and says how long that took.
type lazyResult interface {
	BuildTime() time.Duration
}

// lazyTimes is the time each lazy result of the package has spent so
// far.
func lazyTimes(results map[*analysis.Analyzer]any) map[*analysis.Analyzer]time.Duration {
	var out map[*analysis.Analyzer]time.Duration
	for a, r := range results {
		if l, ok := r.(lazyResult); ok {
			if out == nil {
				out = make(map[*analysis.Analyzer]time.Duration)
			}
			out[a] = l.BuildTime()
		}
	}
	return out
}
