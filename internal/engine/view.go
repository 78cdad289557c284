// Package engine keeps a module's packages, type information and analysis
// facts in memory between edits, and brings them up to date incrementally:
// after a change it re-parses the changed files, type-checks again only the
// changed packages and the packages that import them (transitively), and
// re-runs the analyzers only there. Every other package keeps its types,
// facts and findings.
//
// go/packages supplies the metadata (which files and imports each package
// has, from `go list`, with unsaved editor buffers as an overlay); parsing
// and type-checking are done here, so that unchanged packages keep their
// *types.Package and the facts attached to its objects stay valid.
//
// A View is not safe for concurrent use: one goroutine calls Update and
// reads its results before the next call.
package engine

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"go/token"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/perfvet/perfvet/internal/driver"
)

// Options configure a View.
type Options struct {
	Dir        string                       // the module root; packages are ./... from here
	Analyzers  []*analysis.Analyzer         // the analyzers whose findings are reported
	Tests      bool                         // also load test files and test variants
	BuildFlags []string                     // passed to the go command (-tags=...)
	Env        []string                     // environment of the go command; nil = os.Environ()
	Logf       func(string, ...any)         // progress and problems; nil = silent
	ReadFile   func(string) ([]byte, error) // nil = os.ReadFile (overlays are passed to Update)

	// Patterns name the workspace packages; none = "./..." (from Dir).
	Patterns []string
	// Batch is for one run over the packages, not for editing: every
	// package, workspace packages included, drops its syntax, type
	// information and source once analysed, and nothing is kept to tell
	// later edits apart. Only types, facts and findings stay.
	Batch bool
	// OnLoad, if set, is called with the workspace packages' metadata
	// once it is loaded, before anything is type-checked; an error stops
	// the update.
	OnLoad func(roots []*packages.Package) error
	// Cache, if set, is the result cache of a Batch run: packages whose
	// key is found there are not analysed again (see executeCached).
	Cache *Store
	// KeyExtra, if set, returns what else a package's results depend on
	// beyond its files, metadata and dependencies, and the Store's salt:
	// the content of the plan that applies to it. An error makes the
	// package uncacheable.
	KeyExtra func(meta *packages.Package, root bool) ([]byte, error)
}

// A Change says what to bring up to date.
type Change struct {
	// Files whose content (unsaved buffer or file on disk) may have changed.
	Files []string
	// Reload asks for the package metadata to be loaded again: go.mod or
	// go.work changed, files were created or deleted.
	Reload bool
	// Reanalyze re-runs the analyzers on every workspace package without
	// type-checking again (the plan changed).
	Reanalyze bool
	// Early, if set, is called as soon as the workspace packages holding
	// Files are analysed, before their importers are, with the findings of
	// those packages only (Result.Analyzed lists their files): an editor
	// can show the edited file's diagnostics without waiting for the rest.
	// It is called from another goroutine while Update runs, and must not
	// call the View except for Source and ImportNames.
	Early func(*Result)
}

// Stats describe one Update.
type Stats struct {
	Metadata    bool          // the metadata was (re)loaded
	Typechecked int           // packages parsed and type-checked
	Analyzed    int           // packages analysed
	Workspace   int           // workspace packages
	Packages    int           // packages in the graph, dependencies included
	Load        time.Duration // time spent loading metadata
	Duration    time.Duration // whole update
}

func (s Stats) String() string {
	var b strings.Builder
	if s.Metadata {
		fmt.Fprintf(&b, "metadata loaded in %v; ", s.Load.Round(time.Millisecond))
	}
	fmt.Fprintf(&b, "type-checked %d and analysed %d of %d packages (%d in the workspace) in %v",
		s.Typechecked, s.Analyzed, s.Packages, s.Workspace, s.Duration.Round(time.Millisecond))
	return b.String()
}

// A Result is the state of the workspace after an Update.
type Result struct {
	Fset     *token.FileSet
	Findings []driver.Finding      // of workspace packages, sorted by position, duplicates removed
	Errors   []driver.PackageError // load, parse, type and analysis errors of workspace packages
	Stats    Stats
	// Analyzed lists the files of the workspace packages analysed by this
	// update.
	Analyzed map[string]bool
	// Sources holds the content of the Analyzed files, for an early result.
	Sources map[string][]byte
}

// A View is the loaded state of one module.
type View struct {
	opts Options
	fset *token.FileSet

	loaded bool
	nodes  map[string]*node   // by package ID
	roots  []*node            // workspace packages, sorted by ID
	byFile map[string][]*node // Go files (compiled, source and ignored) -> packages

	rootSet []*analysis.Analyzer // run on workspace packages, prerequisites first
	factSet []*analysis.Analyzer // run on dependencies, for their facts
	report  map[*analysis.Analyzer]bool

	// pending is the work an update did not finish because its context
	// was cancelled: the next update does it first.
	pending map[*node]*job

	// unknown lists changed Go files that no package held even after the
	// metadata was reloaded for them (files under testdata, of another
	// module): they do not cause another reload until one is asked for.
	unknown map[string]bool

	typesMu sync.RWMutex
	byTypes map[*types.Package]*node

	dirsMu   sync.RWMutex
	rootDirs []string // directories of the workspace packages, sorted

	// goenv is go env's answer when the result cache asked for it (see
	// listcache.go): where the files that never change are.
	goenv *goEnv
	// listing stores go list's answer after a first run's load
	// (listFresh), beside the analysis; Update waits for it.
	listing sync.WaitGroup
}

// A node is one package of the graph.
type node struct {
	meta  *packages.Package // metadata from go list; its Imports hold metadata too
	pkg   *packages.Package // type-checked: a copy of meta whose Imports are the deps' pkg
	deps  []*node           // imports, sorted by ID
	rdeps []*node           // importers
	tdeps *depsMemo         // transitive dependencies, once asked (analysis.go)
	root  bool
	// files are the parsed CompiledGoFiles. A dependency's syntax and
	// source are dropped once it is analysed; its token.Files stay, for
	// the positions of its objects.
	files map[string]*file
	// headers are the headers of a workspace package's files (compiled
	// and excluded) as go list last saw them, to tell whether an edit
	// needs go list again before the package is first type-checked.
	headers map[string]*header

	actions map[*analysis.Analyzer]*action

	cache *cacheState // in a batch run with a result cache

	// canon, if set, is the package importers type-checked against, kept
	// by the early cut-off (cutoff.go); canonFacts are the current facts
	// on its objects, canonFiles the files its positions are in.
	canon      *packages.Package
	canonFacts map[*analysis.Analyzer]map[objectFactKey]analysis.Fact
	canonFiles map[*file]bool
}

// New returns a View; nothing is loaded until the first Update.
func New(opts Options) *View {
	v := &View{
		opts:    opts,
		fset:    token.NewFileSet(),
		nodes:   make(map[string]*node),
		byFile:  make(map[string][]*node),
		byTypes: make(map[*types.Package]*node),
		unknown: make(map[string]bool),
		report:  make(map[*analysis.Analyzer]bool),
	}
	for _, a := range opts.Analyzers {
		v.report[a] = true
	}
	v.rootSet = closure(opts.Analyzers)
	var facts []*analysis.Analyzer
	for _, a := range v.rootSet {
		if len(a.FactTypes) > 0 {
			facts = append(facts, a)
		}
	}
	v.factSet = closure(facts)
	return v
}

// closure returns the analyzers and everything they require, each after
// its prerequisites.
func closure(as []*analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, r := range a.Requires {
			visit(r)
		}
		out = append(out, a)
	}
	for _, a := range as {
		visit(a)
	}
	return out
}

// Dir returns the module root the view was made for.
func (v *View) Dir() string { return v.opts.Dir }

// Loaded reports whether the metadata has been loaded.
func (v *View) Loaded() bool { return v.loaded }

// Unfinished reports whether a cancelled update left work for the next.
func (v *View) Unfinished() bool { return len(v.pending) > 0 }

func (v *View) logf(format string, args ...any) {
	if v.opts.Logf != nil {
		v.opts.Logf(format, args...)
	}
}

// Contains reports whether the file belongs to a package of the view:
// as a compiled Go file, or as a Go file that the build excludes.
func (v *View) Contains(filename string) bool {
	return len(v.byFile[filename]) > 0
}

// RootDirs returns the directories of the workspace packages. It is safe
// to call at any time.
func (v *View) RootDirs() []string {
	v.dirsMu.RLock()
	defer v.dirsMu.RUnlock()
	return slices.Clone(v.rootDirs)
}

// IsRootDir reports whether dir holds a workspace package. It is safe to
// call at any time (analyzers call it, through their plan provider).
func (v *View) IsRootDir(dir string) bool {
	v.dirsMu.RLock()
	defer v.dirsMu.RUnlock()
	_, found := slices.BinarySearch(v.rootDirs, dir)
	return found
}

func (v *View) setRootDirs() {
	seen := make(map[string]bool)
	var dirs []string
	for _, n := range v.roots {
		if len(n.meta.GoFiles) == 0 {
			continue
		}
		if d := filepath.Dir(n.meta.GoFiles[0]); !seen[d] {
			seen[d] = true
			dirs = append(dirs, d)
		}
	}
	sort.Strings(dirs)
	v.dirsMu.Lock()
	v.rootDirs = dirs
	v.dirsMu.Unlock()
}

// Source returns the content a workspace file was last parsed from.
func (v *View) Source(filename string) ([]byte, bool) {
	for _, n := range v.byFile[filename] {
		if f := n.files[filename]; f != nil && f.src != nil {
			return f.src, true
		}
	}
	return nil, false
}

// ImportNames maps the import paths of the package holding filename to
// the names of the imported packages.
func (v *View) ImportNames(filename string) map[string]string {
	names := make(map[string]string)
	for _, n := range v.byFile[filename] {
		for path, imp := range n.meta.Imports {
			names[path] = imp.Name
		}
	}
	return names
}

// Update brings the view up to date with the change. overlay holds the
// unsaved content of the files open in the editor, by absolute path.
//
// Cancelling ctx stops the update between packages (go list, once
// started, runs to its end): Update then returns ctx's error, and the
// next update finishes the work before its own.
func (v *View) Update(ctx context.Context, ch Change, overlay map[string][]byte) (*Result, error) {
	start := time.Now()
	var stats Stats
	read := v.reader(overlay)

	// Decide whether the metadata must be loaded again: a changed file
	// that no package holds, or whose package clause, imports or build
	// constraints changed.
	reload := ch.Reload || !v.loaded
	var dirty []string
	for _, f := range ch.Files {
		if !strings.HasSuffix(f, ".go") {
			continue
		}
		dirty = append(dirty, f)
		if !reload && v.needsMetadata(f, read) {
			v.logf("%s: package clause, imports or build constraints changed; reloading metadata", f)
			reload = true
		}
	}

	changed := make(map[*node]bool)
	if reload {
		t0 := time.Now()
		roots, err := v.loadMetadata(ctx, overlay)
		if err != nil {
			return nil, err
		}
		if v.opts.OnLoad != nil {
			if err := v.opts.OnLoad(roots); err != nil {
				return nil, err
			}
		}
		stats.Metadata, stats.Load = true, time.Since(t0)
		for n := range v.reconcile(roots, dirty, read) {
			changed[n] = true
		}
		for _, f := range dirty {
			if v.Contains(f) {
				delete(v.unknown, f)
			} else {
				v.unknown[f] = true
			}
		}
	} else {
		for _, f := range dirty {
			for _, n := range v.byFile[f] {
				if slices.Contains(n.meta.CompiledGoFiles, f) && n.contentChanged(f, read) {
					changed[n] = true
				}
			}
		}
	}

	// Everything that imports a changed package is type-checked again:
	// its view of the imported objects must be the new one, and facts
	// about them may have changed.
	// After an edit (not a reload), importers are conditional: they run
	// only if what the edited package gives them changed (cutoff.go).
	cutoff := !reload && !v.opts.Batch
	jobs := make(map[*node]*job)
	var mark func(n *node, cond bool)
	mark = func(n *node, cond bool) {
		if j := jobs[n]; j != nil && j.typecheck && (cond || !j.cond) {
			return
		}
		jobs[n] = &job{typecheck: true, analyze: true, cond: cond}
		for _, r := range n.rdeps {
			mark(r, cutoff)
		}
	}
	for n := range changed {
		mark(n, false)
	}
	if ch.Reanalyze {
		for _, n := range v.roots {
			if jobs[n] == nil {
				jobs[n] = &job{analyze: true}
			}
		}
	}
	for n, p := range v.pending {
		if v.nodes[n.meta.ID] != n {
			continue // replaced by a reload, which checks the new node
		}
		j := jobs[n]
		if j == nil {
			j = new(job)
			jobs[n] = j
		}
		j.cond = j.cond && p.cond
		j.typecheck = j.typecheck || p.typecheck
		j.analyze = j.analyze || p.analyze
	}
	v.pending = nil
	// A package never analysed (a dependency that became part of the
	// workspace, say) is analysed now.
	for _, n := range v.nodes {
		if n.actions == nil && jobs[n] == nil {
			jobs[n] = &job{typecheck: n.pkg == nil, analyze: true}
		}
	}

	early := v.earlyHook(ch, jobs)
	execute := func() map[*node]*job { return v.execute(ctx, jobs, read, early) }
	if v.opts.Batch && v.opts.Cache != nil {
		execute = func() map[*node]*job { return v.executeCached(ctx, read) }
	}
	unfinished := execute()
	v.listing.Wait()
	if len(unfinished) > 0 {
		v.pending = unfinished
		return nil, ctx.Err()
	}

	res := &Result{Fset: v.fset, Analyzed: make(map[string]bool)}
	for n, j := range jobs {
		if j.skipped {
			continue
		}
		if j.typecheck {
			stats.Typechecked++
		}
		if j.analyze {
			stats.Analyzed++
			if n.root {
				for _, f := range n.meta.CompiledGoFiles {
					res.Analyzed[f] = true
				}
			}
		}
	}
	stats.Workspace, stats.Packages = len(v.roots), len(v.nodes)
	res.Findings, res.Errors = v.collect()
	stats.Duration = time.Since(start)
	res.Stats = stats
	return res, nil
}

// reader returns the function that reads a file's current content: the
// editor's buffer if it is open, the file on disk otherwise.
func (v *View) reader(overlay map[string][]byte) func(string) ([]byte, error) {
	readFile := v.opts.ReadFile
	if readFile == nil {
		readFile = os.ReadFile
	}
	return func(name string) ([]byte, error) {
		if src, ok := overlay[name]; ok {
			return src, nil
		}
		return readFile(name)
	}
}

const metadataMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedModule | packages.NeedTypesSizes

// loadMetadata runs go list (through go/packages, with the unsaved
// buffers as an overlay) and returns the workspace packages.
func (v *View) loadMetadata(ctx context.Context, overlay map[string][]byte) ([]*packages.Package, error) {
	env := v.opts.Env
	if env == nil {
		env = os.Environ()
	}
	cfg := &packages.Config{
		Context:    context.WithoutCancel(ctx), // a half-loaded graph is of no use
		Mode:       metadataMode,
		Dir:        v.opts.Dir,
		Tests:      v.opts.Tests,
		BuildFlags: v.opts.BuildFlags,
		Env:        env,
		Overlay:    overlay,
	}
	patterns := v.opts.Patterns
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	var st *listState
	if v.opts.Batch && v.opts.Cache != nil && len(overlay) == 0 && v.opts.Cache.fresh() {
		roots, err := v.listFresh(ctx, cfg, env, patterns)
		if err != nil {
			return nil, err // the command says where it runs
		}
		v.loaded = true
		return roots, nil
	}
	if v.opts.Batch && v.opts.Cache != nil && len(overlay) == 0 {
		var roots []*packages.Package
		roots, st = v.lookupList(ctx, env, patterns)
		if st != nil {
			v.goenv = &st.env
		}
		if roots != nil {
			v.loaded = true
			return roots, nil
		}
	}
	roots, err := packages.Load(cfg, patterns...)
	if err != nil {
		if v.opts.Batch {
			return nil, err // the command says where it runs
		}
		return nil, fmt.Errorf("loading packages in %s: %w", v.opts.Dir, err)
	}
	v.storeList(st, roots)
	v.loaded = true
	return roots, nil
}

// reconcile replaces the graph with the one the metadata describes,
// keeping every node whose metadata, files and dependencies are unchanged.
// It returns the new or changed nodes.
func (v *View) reconcile(roots []*packages.Package, dirty []string, read func(string) ([]byte, error)) map[*node]bool {
	isDirty := make(map[string]bool)
	for _, f := range dirty {
		isDirty[f] = true
	}
	isRoot := make(map[string]bool)
	for _, r := range roots {
		isRoot[r.ID] = true
	}
	nodes := make(map[string]*node)
	changed := make(map[*node]bool)
	packages.Visit(roots, nil, func(m *packages.Package) {
		old := v.nodes[m.ID]
		keep := old != nil && sameMetadata(old.meta, m) && old.root == isRoot[m.ID]
		if keep {
			for _, imp := range m.Imports {
				if nodes[imp.ID] != v.nodes[imp.ID] {
					keep = false // a dependency was replaced
					break
				}
			}
		}
		if keep {
			for _, f := range m.CompiledGoFiles {
				if isDirty[f] && old.contentChanged(f, read) {
					keep = false
					break
				}
			}
		}
		n := old
		if keep {
			old.meta = m
		} else {
			n = &node{meta: m, root: isRoot[m.ID]}
			if old != nil {
				n.files = old.files // unchanged files keep their syntax
				n.headers = old.headers
			}
			changed[n] = true
		}
		nodes[m.ID] = n
		if !n.root || v.opts.Batch {
			n.headers = nil
			return // a dependency's files are not edited
		}
		// Remember what the files look like to go list, to tell when an
		// edit to their package clause, imports or build constraints
		// needs it again.
		headers := make(map[string]*header, len(m.CompiledGoFiles)+len(m.IgnoredFiles))
		for _, list := range [][]string{m.CompiledGoFiles, m.IgnoredFiles} {
			for _, f := range list {
				if h := n.headers[f]; h != nil && !isDirty[f] {
					headers[f] = h
				} else if src, err := read(f); err == nil {
					headers[f] = parseHeader(f, src)
				}
			}
		}
		n.headers = headers
	})

	// Forget the replaced and removed nodes.
	for id, old := range v.nodes {
		if nodes[id] != old {
			v.forget(old, nodes[id])
		}
	}
	v.nodes = nodes
	v.byFile = make(map[string][]*node)
	v.roots = v.roots[:0]
	for _, n := range nodes {
		n.deps, n.rdeps, n.tdeps = n.deps[:0], nil, new(depsMemo)
	}
	for _, id := range slices.Sorted(maps.Keys(nodes)) {
		n := nodes[id]
		for _, path := range slices.Sorted(maps.Keys(n.meta.Imports)) {
			d := nodes[n.meta.Imports[path].ID]
			if !slices.Contains(n.deps, d) {
				n.deps = append(n.deps, d)
			}
		}
		for _, d := range n.deps {
			d.rdeps = append(d.rdeps, n)
		}
		if n.root {
			v.roots = append(v.roots, n)
		}
		for _, list := range [][]string{n.meta.CompiledGoFiles, n.meta.GoFiles, n.meta.IgnoredFiles} {
			for _, f := range list {
				if !slices.Contains(v.byFile[f], n) {
					v.byFile[f] = append(v.byFile[f], n)
				}
			}
		}
	}
	v.setRootDirs()
	return changed
}

// forget drops a node that was replaced by next (nil if removed): its
// types no longer own facts, and the token.Files of syntax that next does
// not reuse leave the file set.
func (v *View) forget(old, next *node) {
	for _, f := range v.dropCanon(old) {
		if next == nil || next.files[filenameOf(f)] != f {
			v.removeFile(f)
		}
	}
	v.typesMu.Lock()
	if old.pkg != nil && v.byTypes[old.pkg.Types] == old {
		delete(v.byTypes, old.pkg.Types)
	}
	v.typesMu.Unlock()
	for name, f := range old.files {
		if next != nil && next.files[name] == f {
			continue
		}
		v.removeFile(f)
	}
}

func (v *View) removeFile(f *file) {
	if f != nil && f.tok != nil {
		v.fset.RemoveFile(f.tok)
	}
}

// sameMetadata reports whether two go list descriptions of a package
// would type-check alike.
func sameMetadata(a, b *packages.Package) bool {
	if a.ID != b.ID || a.Name != b.Name || a.PkgPath != b.PkgPath ||
		!slices.Equal(a.CompiledGoFiles, b.CompiledGoFiles) || !slices.Equal(a.GoFiles, b.GoFiles) ||
		!slices.Equal(a.OtherFiles, b.OtherFiles) || !slices.Equal(a.IgnoredFiles, b.IgnoredFiles) ||
		len(a.Imports) != len(b.Imports) || len(a.Errors) != len(b.Errors) {
		return false
	}
	for path, ai := range a.Imports {
		if bi := b.Imports[path]; bi == nil || bi.ID != ai.ID {
			return false
		}
	}
	for i := range a.Errors {
		if a.Errors[i].Msg != b.Errors[i].Msg || a.Errors[i].Pos != b.Errors[i].Pos {
			return false
		}
	}
	if (a.Module == nil) != (b.Module == nil) ||
		a.Module != nil && (a.Module.Path != b.Module.Path || a.Module.GoVersion != b.Module.GoVersion || a.Module.Dir != b.Module.Dir) {
		return false
	}
	return fmt.Sprint(a.TypesSizes) == fmt.Sprint(b.TypesSizes)
}

// needsMetadata reports whether a changed file needs go list again: no
// package holds it, cgo preprocesses it, or its header (package clause,
// imports, build constraints) now says something go list did not see.
func (v *View) needsMetadata(filename string, read func(string) ([]byte, error)) bool {
	if !v.opts.Tests && strings.HasSuffix(filename, "_test.go") {
		return false // test files are not loaded
	}
	nodes := v.byFile[filename]
	if len(nodes) == 0 {
		if v.unknown[filename] {
			return false
		}
		_, err := read(filename)
		return err == nil // a new file; a deleted unknown one changes nothing
	}
	src, err := read(filename)
	if err != nil {
		return true // deleted
	}
	h := parseHeader(filename, src)
	for _, n := range nodes {
		if !slices.Contains(n.meta.CompiledGoFiles, filename) {
			if slices.Contains(n.meta.GoFiles, filename) {
				return true // cgo: the compiled file is generated from this one
			}
			// Excluded by build constraints: only a change to them matters.
			old := n.headers[filename]
			if old == nil || old.build != h.build || old.name != h.name {
				return true
			}
			continue
		}
		old := n.headerOf(filename)
		if old == nil || h.name != old.name || h.build != old.build {
			return true
		}
		for _, path := range h.imports {
			if path == "unsafe" || path == "C" {
				continue
			}
			if n.meta.Imports[path] == nil {
				return true
			}
		}
	}
	return false
}

// An earlyHook is called by execute when the nodes of its set are done.
type earlyHook struct {
	nodes map[*node]bool
	left  int
	call  func()
}

// earlyHook returns the hook that calls ch.Early once the workspace
// packages holding ch.Files are analysed, or nil if there is nothing to
// gain (no callback, or nothing else to do after them).
func (v *View) earlyHook(ch Change, jobs map[*node]*job) *earlyHook {
	if ch.Early == nil {
		return nil
	}
	set := make(map[*node]bool)
	for _, f := range ch.Files {
		for _, n := range v.byFile[f] {
			if j := jobs[n]; j != nil && j.analyze && n.root {
				set[n] = true
			}
		}
	}
	if len(set) == 0 || len(set) == len(jobs) {
		return nil
	}
	h := &earlyHook{nodes: set, left: len(set)}
	h.call = func() {
		res := &Result{Fset: v.fset, Analyzed: make(map[string]bool), Sources: make(map[string][]byte)}
		nodes := make([]*node, 0, len(set))
		for n := range set {
			nodes = append(nodes, n)
			for _, f := range n.meta.CompiledGoFiles {
				res.Analyzed[f] = true
				if pf := n.files[f]; pf != nil && pf.src != nil {
					res.Sources[f] = pf.src
				}
			}
		}
		sort.Slice(nodes, func(i, j int) bool { return nodes[i].meta.ID < nodes[j].meta.ID })
		res.Findings, res.Errors = v.collectFrom(nodes)
		ch.Early(res)
	}
	return h
}

// collect gathers the findings and errors of the workspace packages.
func (v *View) collect() ([]driver.Finding, []driver.PackageError) {
	return v.collectFrom(v.roots)
}

// collectFrom gathers the findings and errors of some workspace packages.
func (v *View) collectFrom(nodes []*node) ([]driver.Finding, []driver.PackageError) {
	var findings []driver.Finding
	var errs []driver.PackageError
	errSeen := make(map[string]bool)
	for _, n := range nodes {
		if n.pkg != nil {
			for _, e := range n.pkg.Errors {
				k := e.Pos + "\x00" + e.Msg
				if !errSeen[k] {
					errSeen[k] = true
					errs = append(errs, driver.PackageError{Package: n.meta.ID, Pos: e.Pos, Msg: e.Msg})
				}
			}
		}
		for _, a := range v.rootSet {
			act := n.actions[a]
			if act == nil || !v.report[a] {
				continue
			}
			if act.err != nil {
				if n.pkg != nil && n.pkg.IllTyped && strings.Contains(act.err.Error(), "analysis skipped due to errors") {
					continue
				}
				errs = append(errs, driver.PackageError{Package: n.meta.ID, Analyzer: a.Name, Msg: act.err.Error()})
				continue
			}
			for _, d := range act.diags {
				findings = append(findings, driver.Finding{Analyzer: a.Name, Package: n.meta.ID, Diag: d})
			}
		}
	}
	// The same file in a package and its test variant, and one cause
	// reported by several packages, make one finding.
	findings = driver.MergeFindings(v.fset, findings)
	sort.SliceStable(findings, func(i, j int) bool {
		a, b := v.fset.Position(findings[i].Diag.Pos), v.fset.Position(findings[j].Diag.Pos)
		if c := cmp.Compare(a.Filename, b.Filename); c != 0 {
			return c < 0
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return findings[i].Analyzer < findings[j].Analyzer
	})
	return findings, errs
}

// contentChanged reports whether the current content of a file of the
// node differs from what it was parsed from.
func (n *node) contentChanged(filename string, read func(string) ([]byte, error)) bool {
	f := n.files[filename]
	if f == nil || f.src == nil {
		return true
	}
	src, err := read(filename)
	return err != nil || !bytes.Equal(src, f.src)
}

// headerOf returns the header of a file as the node last saw it.
func (n *node) headerOf(filename string) *header {
	if f := n.files[filename]; f != nil && f.header != nil {
		return f.header
	}
	return n.headers[filename]
}
