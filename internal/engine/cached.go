package engine

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"go/scanner"
	"go/token"
	"go/types"
	"io"
	"reflect"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/objectpath"
)

// This file is the batch run with a result cache (Options.Cache).
//
// Every package gets a key when its dependencies are done: the hash of
// its own inputs (files, metadata, plan, perfvet's build and flags: see
// probe) and of each dependency's "deep output", the hash of what the
// dependency gives its importers (its exported API and its facts) and of
// its own dependencies' deep outputs. A package's entry stores its facts
// and, for a workspace package, its findings.
//
// Early cut-off: the key of an importer depends on what its dependencies
// export, not on their files. An edit inside a function body that changes
// no facts gives the edited package a new key (it is analysed again) and
// the same output: its importers keep their keys, and their entries.
//
// A package whose entry is found is not analysed, nor even parsed, unless
// a package that is analysed imports it (directly or not): then its types
// are rebuilt from its declarations only (function bodies are blanked out
// and not type-checked), and its facts are read from the entry onto them.
//
// A package with errors (load, parse, type or analyzer errors) or with a
// dependency that has them is never cached: it is analysed every time, so
// that its errors are reported as they are.

// cacheState is the result cache's view of one node in a batch run.
type cacheState struct {
	keyed   bool
	key     [32]byte
	deepOut *[32]byte // nil: unknown (not cacheable)
	hit     *entry    // the entry found, if any

	typesOnce sync.Once // the node's types, built once: in full, or from declarations
}

// executeCached is execute for a batch run with a result cache: every
// node of the graph, each once its dependencies are done.
func (v *View) executeCached(ctx context.Context, read func(string) ([]byte, error)) map[*node]*job {
	done := make(map[*node]chan struct{}, len(v.nodes))
	for _, n := range v.nodes {
		done[n] = make(chan struct{})
		n.cache = new(cacheState)
	}
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	// Declarations of cached dependencies are type-checked on demand, by
	// the package that needs them, under a semaphore of their own: the
	// package waiting for them holds a slot of sem.
	decl := make(chan struct{}, runtime.GOMAXPROCS(0))
	digests := newDigests(read)
	digests.fixed = v.goenv.fixed
	read = digests.reader(read)
	// Entries are encoded and written by one goroutine of their own, off
	// the path of the packages waiting for this one: an importer's key
	// needs the entry's hashes, not the file.
	writes := make(chan func(), len(v.nodes))
	written := make(chan struct{})
	go func() {
		defer close(written)
		for w := range writes {
			w()
		}
	}()
	var wg sync.WaitGroup
	var mu sync.Mutex
	unfinished := make(map[*node]*job)
	for _, n := range v.nodes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(done[n])
			for _, d := range n.deps {
				<-done[d]
			}
			sem <- struct{}{}
			defer func() { <-sem }()
			if ctx.Err() != nil {
				mu.Lock()
				unfinished[n] = &job{typecheck: true, analyze: true}
				mu.Unlock()
				return
			}
			defer v.recoverNode(n)
			hit := v.probe(n, digests)
			if hit {
				digests.release(n)
				return
			}
			v.ensureDeps(n, read, decl)
			n.cache.typesOnce.Do(func() { v.removeFiles(n, v.typecheck(n, read, false)) })
			digests.release(n)
			v.analyze(n, read)
			v.record(n, digests, writes)
		}()
	}
	wg.Wait()
	close(writes)
	<-written
	v.opts.Cache.FlushPack()
	if len(unfinished) == 0 {
		v.installHits(read)
	}
	return unfinished
}

// recoverNode turns a panic while a node is processed into an error of
// every analyzer on it, as execute does.
func (v *View) recoverNode(n *node) {
	r := recover()
	if r == nil {
		return
	}
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
	if n.cache != nil {
		n.cache.hit, n.cache.deepOut = nil, nil
	}
}

// ensureDeps gives every dependency of n (transitively) its types: those
// analysed in this run have them; cached ones get them from their
// declarations, with their facts from their entries.
func (v *View) ensureDeps(n *node, read func(string) ([]byte, error), decl chan struct{}) {
	var wg sync.WaitGroup
	for _, d := range n.deps {
		wg.Go(func() { v.ensureTypes(d, read, decl) })
	}
	wg.Wait()
}

func (v *View) ensureTypes(n *node, read func(string) ([]byte, error), decl chan struct{}) {
	n.cache.typesOnce.Do(func() {
		v.ensureDeps(n, read, decl)
		decl <- struct{}{}
		defer func() { <-decl }()
		defer func() {
			if r := recover(); r != nil {
				v.logf("internal error on package %s: %v\n%s", n.meta.ID, r, debug.Stack())
				n.pkg = &packages.Package{ID: n.meta.ID, PkgPath: n.meta.PkgPath, Name: n.meta.Name, Types: types.NewPackage(n.meta.PkgPath, n.meta.Name), IllTyped: true}
			}
		}()
		v.removeFiles(n, v.typecheck(n, read, true))
		if err := v.installFacts(n); err != nil {
			// The entry's facts do not fit the package's declarations
			// (which its key says cannot happen): analyse it instead.
			v.logf("%s: cached facts unusable (%v); analysing", n.meta.ID, err)
			v.removeFiles(n, v.typecheck(n, read, false))
			v.analyze(n, read)
		}
	})
}

// probe computes the node's key and looks its entry up; it reports a hit.
func (v *View) probe(n *node, digests *digests) bool {
	cs := n.cache
	if len(n.meta.Errors) > 0 {
		return false
	}
	if n.meta.PkgPath == "unsafe" && len(n.meta.CompiledGoFiles) <= 1 {
		// types.Unsafe, the same in every run: nothing to store.
		out := sha256.Sum256([]byte("unsafe"))
		cs.deepOut = &out
		return false
	}
	for _, d := range n.deps {
		if d.cache.deepOut == nil {
			return false
		}
	}
	h := sha256.New()
	h.Write(v.opts.Cache.salt[:])
	if v.opts.KeyExtra != nil {
		extra, err := v.opts.KeyExtra(n.meta, n.root)
		if err != nil {
			return false
		}
		writeField(h, extra)
	}
	m := n.meta
	writeField(h, []byte(m.ID), []byte(m.PkgPath), []byte(m.Name), []byte(fmt.Sprint(n.root)), []byte(fmt.Sprint(m.TypesSizes)))
	if m.Module != nil {
		writeField(h, []byte(m.Module.Path), []byte(m.Module.GoVersion), []byte(m.Module.Dir))
	}
	for _, list := range [][]string{m.CompiledGoFiles, m.GoFiles, m.OtherFiles, m.IgnoredFiles} {
		writeField(h, []byte(fmt.Sprint(len(list))))
		for _, f := range list {
			sum, ok := digests.digest(f, true)
			if !ok {
				return false
			}
			writeField(h, []byte(f), sum[:])
		}
	}
	for _, path := range slices.Sorted(mapKeys(m.Imports)) {
		writeField(h, []byte(path), []byte(m.Imports[path].ID))
	}
	for _, d := range n.deps {
		writeField(h, []byte(d.meta.ID), d.cache.deepOut[:])
	}
	h.Sum(cs.key[:0])
	cs.keyed = true

	e := v.opts.Cache.load(cs.key)
	if e == nil {
		v.opts.Cache.debugf("miss %s", n.meta.ID)
		return false
	}
	for _, x := range e.External {
		if sum, ok := digests.of(x.Name); !ok || sum != x.Hash {
			v.opts.Cache.miss.Add(1)
			return false // a finding points into a file that changed
		}
	}
	if n.root && !v.entryHasFindings(e) {
		v.opts.Cache.miss.Add(1)
		return false // written when the package was a dependency
	}
	v.opts.Cache.hits.Add(1)
	cs.hit = e
	out := v.deepOut(n, e.Out)
	cs.deepOut = &out
	return true
}

// entryHasFindings reports whether e holds the outcome of every analyzer
// run on a workspace package.
func (v *View) entryHasFindings(e *entry) bool {
	have := make(map[string]bool, len(e.Diags))
	for _, d := range e.Diags {
		have[d.Analyzer] = true
	}
	for _, a := range v.rootSet {
		if !have[a.Name] {
			return false
		}
	}
	return true
}

// deepOut is the hash of what the node gives its importers: its own
// output and its dependencies' deep outputs.
func (v *View) deepOut(n *node, out [32]byte) [32]byte {
	h := sha256.New()
	h.Write(out[:])
	for _, d := range n.deps {
		h.Write(d.cache.deepOut[:])
	}
	var sum [32]byte
	h.Sum(sum[:0])
	return sum
}

// record stores the outcome of an analysed node, if it can be cached (the
// write itself is sent to writes), and sets its deep output.
func (v *View) record(n *node, digests *digests, writes chan<- func()) {
	cs := n.cache
	if !cs.keyed || n.pkg == nil || n.pkg.IllTyped || len(n.pkg.Errors) > 0 {
		return
	}
	set := v.factSet
	if n.root {
		set = v.rootSet
	}
	for _, a := range set {
		if act := n.actions[a]; act == nil || act.err != nil {
			return
		}
	}
	e := new(entry)
	h := sha256.New()
	if err := exportHash(h, n.pkg.Types); err != nil {
		v.logf("%s: not cached: %v", n.meta.ID, err)
		return
	}
	facts, values, err := v.encodeFacts(n)
	if err != nil {
		v.logf("%s: not cached: %v", n.meta.ID, err)
		return
	}
	e.Facts, e.facts = facts, values
	for _, af := range facts {
		writeField(h, []byte(af.Analyzer))
		for _, f := range af.Objects {
			writeField(h, []byte(f.Path), []byte(f.Type), f.Sum[:])
		}
		for _, f := range af.Package {
			writeField(h, []byte(f.Type), f.Sum[:])
		}
	}
	h.Sum(e.Out[:0])
	if n.root {
		if !v.encodeDiags(n, e, digests) {
			return
		}
	}
	key := cs.key
	writes <- func() { v.opts.Cache.store(key, e) }
	out := v.deepOut(n, e.Out)
	cs.deepOut = &out
}

// exportHash writes what importers can see of the package to h, without
// positions: every package-level object (unexported ones too: exported
// types refer to them) as go/types prints it, with package paths in
// full, and the methods of its named types. It is the package's part of
// its importers' keys; gcexportdata, which gives the same answer, costs
// several times more (it writes every object the package refers to, in
// other packages too).
func exportHash(h io.Writer, pkg *types.Package) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("describing %s: %v", pkg.Path(), r)
		}
	}()
	qual := func(p *types.Package) string { return p.Path() }
	var b strings.Builder
	scope := pkg.Scope()
	for _, name := range scope.Names() { // sorted
		obj := scope.Lookup(name)
		b.Reset()
		b.WriteString(types.ObjectString(obj, qual))
		if c, ok := obj.(*types.Const); ok {
			b.WriteString(" = " + c.Val().ExactString())
		}
		if tn, ok := obj.(*types.TypeName); ok {
			if named, ok := types.Unalias(tn.Type()).(*types.Named); ok {
				for i := range named.NumMethods() {
					b.WriteString("\n\t")
					b.WriteString(types.ObjectString(named.Method(i), qual))
				}
			}
		}
		writeField(h, []byte(b.String()))
	}
	return nil
}

// factTypes maps the names of an analyzer's fact types to them.
func factTypes(a *analysis.Analyzer) map[string]reflect.Type {
	m := make(map[string]reflect.Type, len(a.FactTypes))
	for _, f := range a.FactTypes {
		t := reflect.TypeOf(f)
		m[t.String()] = t
	}
	return m
}

// encodeFacts describes the facts the node's importers can see, in a
// deterministic order, with the hash of each; the values themselves are
// encoded when the entry is written (encodeEntry), all in one gob stream,
// off the analysis's path.
func (v *View) encodeFacts(n *node) ([]analyzerFacts, []analysis.Fact, error) {
	var out []analyzerFacts
	var values []analysis.Fact
	enc := new(objectpath.Encoder)
	for _, a := range v.factSet {
		act := n.actions[a]
		if act == nil || len(a.FactTypes) == 0 {
			continue
		}
		af := analyzerFacts{Analyzer: a.Name}
		type objectFact struct {
			objectFactData
			f analysis.Fact
		}
		var objs []objectFact
		for k, f := range act.objFacts {
			if !exportedFrom(k.obj, n.pkg.Types) {
				continue
			}
			path, err := enc.For(k.obj)
			if err != nil {
				continue // not addressable from another package
			}
			sum, err := factSum(f)
			if err != nil {
				return nil, nil, fmt.Errorf("fact %T of %s: %w", f, a.Name, err)
			}
			objs = append(objs, objectFact{objectFactData{Path: string(path), Type: k.typ.String(), Sum: sum}, f})
		}
		sort.Slice(objs, func(i, j int) bool {
			x, y := objs[i], objs[j]
			if x.Path != y.Path {
				return x.Path < y.Path
			}
			return x.Type < y.Type
		})
		for _, o := range objs {
			af.Objects = append(af.Objects, o.objectFactData)
			values = append(values, o.f)
		}
		types := make([]reflect.Type, 0, len(act.pkgFacts))
		for t := range act.pkgFacts {
			types = append(types, t)
		}
		sort.Slice(types, func(i, j int) bool { return types[i].String() < types[j].String() })
		for _, t := range types {
			f := act.pkgFacts[t]
			sum, err := factSum(f)
			if err != nil {
				return nil, nil, fmt.Errorf("fact %T of %s: %w", f, a.Name, err)
			}
			af.Package = append(af.Package, packageFactData{Type: t.String(), Sum: sum})
			values = append(values, f)
		}
		out = append(out, af)
	}
	return out, values, nil
}

// factSum is the hash of a fact's value, for the package's output hash.
// Not of its gob encoding: gob numbers types in the order a process first
// meets them, so that the same fact encodes differently from run to run.
// JSON sees the same exported fields as gob, in declaration order, with
// map keys sorted; a fact JSON cannot encode is hashed by its gob (the
// package then misses the early cut-off, never a correct result).
func factSum(f analysis.Fact) ([32]byte, error) {
	if data, err := json.Marshal(f); err == nil {
		return sha256.Sum256(data), nil
	}
	var buf bytes.Buffer
	buf.WriteString("gob:")
	if err := gob.NewEncoder(&buf).Encode(f); err != nil {
		return [32]byte{}, err
	}
	return sha256.Sum256(buf.Bytes()), nil
}

// installFacts puts the facts of the node's entry on its (declarations')
// types, as the analyzers' actions on it.
func (v *View) installFacts(n *node) error {
	e := n.cache.hit
	if e == nil {
		return fmt.Errorf("no entry")
	}
	byName := make(map[string]*analysis.Analyzer, len(v.factSet))
	for _, a := range v.factSet {
		byName[a.Name] = a
	}
	actions := make(map[*analysis.Analyzer]*action, len(v.factSet))
	for _, a := range v.factSet {
		actions[a] = &action{objFacts: make(map[objectFactKey]analysis.Fact), pkgFacts: make(map[reflect.Type]analysis.Fact)}
	}
	dec := gob.NewDecoder(bytes.NewReader(e.factData))
	for _, af := range e.Facts {
		a := byName[af.Analyzer]
		if a == nil {
			return fmt.Errorf("facts of unknown analyzer %s", af.Analyzer)
		}
		act, typs := actions[a], factTypes(a)
		for _, f := range af.Objects {
			obj, err := objectpath.Object(n.pkg.Types, objectpath.Path(f.Path))
			if err != nil {
				return err
			}
			fact, err := decodeFact(dec, typs, f.Type)
			if err != nil {
				return err
			}
			act.objFacts[objectFactKey{obj, reflect.TypeOf(fact)}] = fact
		}
		for _, f := range af.Package {
			fact, err := decodeFact(dec, typs, f.Type)
			if err != nil {
				return err
			}
			act.pkgFacts[reflect.TypeOf(fact)] = fact
		}
	}
	n.actions = actions
	return nil
}

// decodeFact decodes the next fact of the entry's stream, of the named
// type.
func decodeFact(dec *gob.Decoder, typs map[string]reflect.Type, name string) (analysis.Fact, error) {
	t := typs[name]
	if t == nil || t.Kind() != reflect.Pointer {
		return nil, fmt.Errorf("unknown fact type %s", name)
	}
	ptr := reflect.New(t.Elem())
	if err := dec.Decode(ptr.Interface()); err != nil {
		return nil, fmt.Errorf("decoding fact %s: %w", name, err)
	}
	fact, ok := ptr.Interface().(analysis.Fact)
	if !ok {
		return nil, fmt.Errorf("%s is not a fact", name)
	}
	return fact, nil
}

// encodeDiags puts the findings of a workspace node into its entry, with
// positions as file offsets, and the digests of the files outside the
// package they point into. It reports false if a position cannot be
// encoded (the node is then not cached).
func (v *View) encodeDiags(n *node, e *entry, digests *digests) bool {
	own := make(map[string]bool, len(n.meta.CompiledGoFiles))
	for _, f := range n.meta.CompiledGoFiles {
		own[f] = true
	}
	external := make(map[string]bool)
	ok := true
	pos := func(p token.Pos) posData {
		if !p.IsValid() {
			return posData{}
		}
		tf := v.fset.File(p)
		if tf == nil {
			ok = false
			return posData{}
		}
		if !own[tf.Name()] {
			external[tf.Name()] = true
		}
		return posData{File: tf.Name(), Offset: tf.Offset(p)}
	}
	for _, a := range v.rootSet {
		act := n.actions[a]
		ad := analyzerDiags{Analyzer: a.Name}
		for _, d := range act.diags {
			dd := diagData{Pos: pos(d.Pos), End: pos(d.End), Category: d.Category, Message: d.Message, URL: d.URL}
			for _, f := range d.SuggestedFixes {
				fd := fixData{Message: f.Message}
				for _, te := range f.TextEdits {
					fd.Edits = append(fd.Edits, editData{Pos: pos(te.Pos), End: pos(te.End), NewText: te.NewText})
				}
				dd.Fixes = append(dd.Fixes, fd)
			}
			for _, r := range d.Related {
				dd.Related = append(dd.Related, relatedData{Pos: pos(r.Pos), End: pos(r.End), Message: r.Message})
			}
			ad.Diags = append(ad.Diags, dd)
		}
		e.Diags = append(e.Diags, ad)
	}
	for _, name := range slices.Sorted(mapKeys(external)) {
		sum, found := digests.of(name)
		if !found {
			return false
		}
		e.External = append(e.External, fileDigest{Name: name, Hash: sum})
	}
	return ok
}

// installHits gives the workspace nodes found in the cache their findings,
// with positions in the view's file set: in the token.File of the file
// if it was parsed in this run, else in one made from the file's content.
func (v *View) installHits(read func(string) ([]byte, error)) {
	files := make(map[string]*token.File)
	for _, n := range v.nodes {
		for name, f := range n.files {
			if f != nil && f.tok != nil {
				files[name] = f.tok
			}
		}
	}
	tokenFile := func(name string) *token.File {
		if tf, ok := files[name]; ok {
			return tf
		}
		var tf *token.File
		if src, err := read(name); err == nil {
			tf = v.fset.AddFile(name, -1, len(src))
			// Scanning records the lines and //line directives, as
			// parsing does.
			var s scanner.Scanner
			s.Init(tf, src, nil, 0)
			for {
				if _, tok, _ := s.Scan(); tok == token.EOF {
					break
				}
			}
		}
		files[name] = tf
		return tf
	}
	pos := func(p posData) token.Pos {
		if p.File == "" {
			return token.NoPos
		}
		tf := tokenFile(p.File)
		if tf == nil || p.Offset < 0 || p.Offset > tf.Size() {
			return token.NoPos
		}
		return tf.Pos(p.Offset)
	}
	byName := make(map[string]*analysis.Analyzer, len(v.rootSet))
	for _, a := range v.rootSet {
		byName[a.Name] = a
	}
	for _, n := range v.roots {
		e := n.cache.hit
		if e == nil {
			continue
		}
		if n.actions == nil {
			n.actions = make(map[*analysis.Analyzer]*action)
		}
		for _, ad := range e.Diags {
			a := byName[ad.Analyzer]
			if a == nil {
				continue
			}
			act := n.actions[a]
			if act == nil {
				act = new(action)
				n.actions[a] = act
			}
			act.diags = nil
			for _, dd := range ad.Diags {
				d := analysis.Diagnostic{Pos: pos(dd.Pos), End: pos(dd.End), Category: dd.Category, Message: dd.Message, URL: dd.URL}
				for _, fd := range dd.Fixes {
					f := analysis.SuggestedFix{Message: fd.Message}
					for _, ed := range fd.Edits {
						f.TextEdits = append(f.TextEdits, analysis.TextEdit{Pos: pos(ed.Pos), End: pos(ed.End), NewText: ed.NewText})
					}
					d.SuggestedFixes = append(d.SuggestedFixes, f)
				}
				for _, rd := range dd.Related {
					d.Related = append(d.Related, analysis.RelatedInformation{Pos: pos(rd.Pos), End: pos(rd.End), Message: rd.Message})
				}
				act.diags = append(act.diags, d)
			}
		}
	}
}

// digests hashes file contents, once per file.
type digests struct {
	read func(string) ([]byte, error)
	mu   sync.Mutex
	m    map[string]*digest

	// fixed, if set, says which files never change under this run's
	// key, and in which version: the module cache's (by module version,
	// in the path) and a released Go's GOROOT (by GOVERSION). Their
	// digest is their name and version; they are not read.
	fixed func(name string) (version string, ok bool)
}

type digest struct {
	once sync.Once
	sum  [32]byte
	ok   bool
	src  []byte // the content, until typecheck takes it (see take)
}

func newDigests(read func(string) ([]byte, error)) *digests {
	return &digests{read: read, m: make(map[string]*digest)}
}

func (ds *digests) of(name string) ([32]byte, bool) {
	return ds.digest(name, false)
}

// digest hashes the file once; with keep, the content stays for take
// (the package is about to be type-checked: it is not read twice).
func (ds *digests) digest(name string, keep bool) ([32]byte, bool) {
	ds.mu.Lock()
	d := ds.m[name]
	if d == nil {
		d = new(digest)
		ds.m[name] = d
	}
	ds.mu.Unlock()
	d.once.Do(func() {
		if ds.fixed != nil {
			if version, ok := ds.fixed(name); ok {
				d.sum, d.ok = sha256.Sum256([]byte("fixed\x00"+version+"\x00"+name)), true
				return
			}
		}
		src, err := ds.read(name)
		if err == nil {
			d.sum, d.ok = sha256.Sum256(src), true
			if keep {
				ds.mu.Lock()
				d.src = src
				ds.mu.Unlock()
			}
		}
	})
	return d.sum, d.ok
}

// take returns (once) the content kept by digest, or nil.
func (ds *digests) take(name string) []byte {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	d := ds.m[name]
	if d == nil {
		return nil
	}
	src := d.src
	d.src = nil
	return src
}

// release drops the content kept for the node's files.
func (ds *digests) release(n *node) {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	m := n.meta
	for _, list := range [][]string{m.CompiledGoFiles, m.GoFiles, m.OtherFiles, m.IgnoredFiles} {
		for _, f := range list {
			if d := ds.m[f]; d != nil {
				d.src = nil
			}
		}
	}
}

// reader returns read, served first from the content digest kept.
func (ds *digests) reader(read func(string) ([]byte, error)) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) {
		if src := ds.take(name); src != nil {
			return src, nil
		}
		return read(name)
	}
}

// writeField writes length-prefixed fields, so that no two sequences of
// fields hash alike.
func writeField(h io.Writer, fields ...[]byte) {
	var n [8]byte
	for _, f := range fields {
		binary.BigEndian.PutUint64(n[:], uint64(len(f)))
		_, _ = h.Write(n[:]) // hash.Hash writes never fail
		_, _ = h.Write(f)
	}
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
