package engine

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/packages"
)

// This file is the metadata half of the result cache: on a rerun with
// nothing changed, go list (three go commands, about half of a cached
// rerun's time) is not run at all; its last answer is read from the
// Store instead.
//
// The answer of go list is a function of the go command and its
// environment (go env, which names the toolchain, GOFLAGS, GOOS, GOARCH,
// the cgo settings, ...), the patterns and flags, and the files of the
// main module; the module cache and a released Go's GOROOT do not change
// under a given go.sum and Go version (the go command assumes the same).
// The key hashes go env's whole output, the run's patterns and flags, and
// a walk of the main module's tree that records every directory and file
// name, as go list would see them: a Go file with what go list reads of
// it (its header: listHeader), so that an edit inside a function runs no
// go list; any other file with its size and modification time.
//
// An answer is not stored when it might not be a function of the key: a
// package or module with errors (a download or a cache state may fix it),
// a go.work workspace or a module replaced by a directory outside the
// main module (files the walk does not see), a file other than Go source
// (or a directory) modified in the last few seconds (an edit within the
// clock's granularity would keep its time), a tree that changed while go
// list ran, or a tree of more than maxWalkEntries entries. On a hit, the
// files go list generated into the build cache (cgo) must still exist.

// listCacheFormat changes whenever the key or the stored answer does.
const listCacheFormat = "perfvet-list-cache-v1"

// maxWalkEntries bounds the walk of the module's tree: beyond it the
// answer is not cached (a walk that costs as much as go list saves
// nothing). A count rather than a time, so that whether a run uses the
// cache does not depend on the machine's load.
const maxWalkEntries = 50000

// recentWrite is how recent a modification must be for the answer not to
// be stored: file systems record times at a granularity of up to a couple
// of seconds.
const recentWrite = 3 * time.Second

// goEnv is what the list cache needs of go env.
type goEnv struct {
	GOMOD, GOWORK, GOROOT, GOMODCACHE, GOARCH, GOVERSION string
}

// listState is what a lookup found out that a store needs.
type listState struct {
	envJSON []byte // go env -json's output
	key     [32]byte
	env     goEnv
	root    string // the main module's directory
	recent  bool   // a file of the tree other than a Go file was modified moments ago
	tree    [32]byte
	// since, when set, is when go list started, less recentWrite: the
	// key was computed after go list ran (listFresh), and an entry of the
	// tree modified since then, Go file or directory, makes the answer
	// one not to store.
	since time.Time

	// headers holds the header hash of each Go file the first walk read,
	// with its size and modification time: the walk after go list reads
	// again only the files whose stat changed.
	headers map[string]headerStamp
}

type headerStamp struct {
	size  int64
	mtime int64
	sum   [32]byte
}

// cachedList is the stored answer of go list.
type cachedList struct {
	Roots    []string
	Packages []listedPackage
	Arch     string
}

// listedPackage is a packages.Package's metadata, with its imports as IDs.
type listedPackage struct {
	ID, Name, PkgPath string
	GoFiles           []string          `json:",omitempty"`
	CompiledGoFiles   []string          `json:",omitempty"`
	OtherFiles        []string          `json:",omitempty"`
	EmbedFiles        []string          `json:",omitempty"`
	EmbedPatterns     []string          `json:",omitempty"`
	IgnoredFiles      []string          `json:",omitempty"`
	Imports           map[string]string `json:",omitempty"`
	Module            *packages.Module  `json:",omitempty"`
}

// lookupList returns the cached answer of go list for this run, or nil and
// what storeList needs to store the answer (nil if it must not be).
func (v *View) lookupList(ctx context.Context, env []string, patterns []string) ([]*packages.Package, *listState) {
	st, err := v.listKey(ctx, env, patterns)
	if err != nil {
		v.opts.Cache.debugf("metadata not cacheable: %v", err)
		return nil, nil
	}
	data, err := v.opts.Cache.loadBytes(st.key)
	if err != nil {
		v.opts.Cache.debugf("metadata miss")
		return nil, st
	}
	var cl cachedList
	if err := json.Unmarshal(data, &cl); err != nil {
		return nil, st
	}
	roots, err := cl.packages(st)
	if err != nil {
		v.opts.Cache.debugf("metadata entry unusable: %v", err)
		return nil, st
	}
	v.opts.Cache.listHits.Add(1)
	return roots, st
}

// storeList stores go list's answer under the key lookupList computed,
// unless the answer might not be a function of that key.
func (v *View) storeList(st *listState, roots []*packages.Package) {
	if st == nil || st.recent {
		return
	}
	if tree, err := st.walk(); err != nil || tree != st.tree {
		// A file changed while go list ran: its answer may be of
		// either version.
		v.opts.Cache.debugf("metadata not stored: the tree changed during go list")
		return
	}
	v.storeAnswer(st, roots)
}

// storeAnswer stores go list's answer under st.key, unless it might not be
// a function of that key (errors, files outside the main module).
func (v *View) storeAnswer(st *listState, roots []*packages.Package) {
	cl := cachedList{Arch: st.env.GOARCH}
	ok := true
	packages.Visit(roots, nil, func(p *packages.Package) {
		if !ok {
			return
		}
		if len(p.Errors) > 0 || !st.contained(p) {
			ok = false
			return
		}
		lp := listedPackage{
			ID: p.ID, Name: p.Name, PkgPath: p.PkgPath,
			GoFiles: p.GoFiles, CompiledGoFiles: p.CompiledGoFiles, OtherFiles: p.OtherFiles,
			EmbedFiles: p.EmbedFiles, EmbedPatterns: p.EmbedPatterns, IgnoredFiles: p.IgnoredFiles,
			Module: p.Module,
		}
		if len(p.Imports) > 0 {
			lp.Imports = make(map[string]string, len(p.Imports))
			for path, imp := range p.Imports {
				lp.Imports[path] = imp.ID
			}
		}
		cl.Packages = append(cl.Packages, lp)
	})
	if !ok {
		v.opts.Cache.debugf("metadata not stored: errors, or files outside the main module")
		return
	}
	for _, r := range roots {
		cl.Roots = append(cl.Roots, r.ID)
	}
	data, err := json.Marshal(cl)
	if err != nil {
		return
	}
	v.opts.Cache.storeBytes(st.key, data)
}

// contained reports whether every file of p is in the main module, the
// module cache or GOROOT, or generated by go list into the build cache
// (which packages checks is still there on a hit), and its module has no
// error.
func (st *listState) contained(p *packages.Package) bool {
	if m := p.Module; m != nil {
		if m.Error != nil {
			return false
		}
		if m.Replace != nil && m.Replace.Version == "" && !st.inTree(m.Replace.Dir) {
			return false // replaced by a directory the walk does not see
		}
	}
	for _, list := range [][]string{p.GoFiles, p.OtherFiles, p.EmbedFiles, p.IgnoredFiles} {
		for _, f := range list {
			if st.outside(f) {
				return false
			}
		}
	}
	return true
}

func (st *listState) inTree(path string) bool { return Within(path, st.root) }

// outside reports whether a file is in none of the trees the key covers:
// the main module, the module cache, GOROOT.
func (st *listState) outside(f string) bool {
	return !st.inTree(f) && !Within(f, st.env.GOMODCACHE) && !Within(f, st.env.GOROOT)
}

// Within reports whether path is dir or below it (false for an empty
// path or dir).
func Within(path, dir string) bool {
	if dir == "" || path == "" {
		return false
	}
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// packages rebuilds the graph of the stored answer, or fails if a file
// go list generated (cgo, in the build cache) is gone.
func (cl *cachedList) packages(st *listState) ([]*packages.Package, error) {
	if cl.Arch != st.env.GOARCH {
		return nil, errors.New("another GOARCH")
	}
	sizes := types.SizesFor("gc", cl.Arch)
	byID := make(map[string]*packages.Package, len(cl.Packages))
	for _, lp := range cl.Packages {
		for _, f := range lp.CompiledGoFiles {
			if st.outside(f) {
				if _, err := os.Stat(f); err != nil {
					return nil, err
				}
			}
		}
		byID[lp.ID] = &packages.Package{
			ID: lp.ID, Name: lp.Name, PkgPath: lp.PkgPath,
			GoFiles: lp.GoFiles, CompiledGoFiles: lp.CompiledGoFiles, OtherFiles: lp.OtherFiles,
			EmbedFiles: lp.EmbedFiles, EmbedPatterns: lp.EmbedPatterns, IgnoredFiles: lp.IgnoredFiles,
			Module: lp.Module, TypesSizes: sizes,
		}
	}
	for _, lp := range cl.Packages {
		p := byID[lp.ID]
		if len(lp.Imports) == 0 {
			continue
		}
		p.Imports = make(map[string]*packages.Package, len(lp.Imports))
		for path, id := range lp.Imports {
			imp := byID[id]
			if imp == nil {
				return nil, fmt.Errorf("%s imports %s, which is not in the entry", lp.ID, id)
			}
			p.Imports[path] = imp
		}
	}
	roots := make([]*packages.Package, 0, len(cl.Roots))
	for _, id := range cl.Roots {
		r := byID[id]
		if r == nil {
			return nil, fmt.Errorf("root %s is not in the entry", id)
		}
		roots = append(roots, r)
	}
	return roots, nil
}

// listKey computes the key of go list's answer for this run.
func (v *View) listKey(ctx context.Context, env []string, patterns []string) (*listState, error) {
	st, err := v.listEnv(ctx, env)
	if err != nil {
		return nil, err
	}
	return st, v.finishKey(st, patterns)
}

// listEnv runs go env for the key, and says whether go list's answer can
// be cached at all.
func (v *View) listEnv(ctx context.Context, env []string) (*listState, error) {
	for _, f := range v.opts.BuildFlags {
		if strings.Contains(f, "-compiler") || strings.Contains(f, "-overlay") || strings.Contains(f, "-modfile") {
			return nil, fmt.Errorf("build flag %s", f)
		}
	}
	cmd := exec.CommandContext(ctx, "go", "env", "-json")
	cmd.Dir = v.opts.Dir
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go env: %w", err)
	}
	st := &listState{envJSON: out}
	if err := json.Unmarshal(out, &st.env); err != nil {
		return nil, fmt.Errorf("go env: %w", err)
	}
	switch {
	case usesDriver(env):
		return nil, errors.New("GOPACKAGESDRIVER is set")
	case st.env.GOMOD == "" || st.env.GOMOD == os.DevNull:
		return nil, errors.New("not in a module")
	case st.env.GOWORK != "" && st.env.GOWORK != "off":
		return nil, errors.New("a go.work workspace")
	}
	st.root = filepath.Dir(st.env.GOMOD)
	return st, nil
}

// finishKey hashes go env's answer, the run's patterns and flags and the
// module's tree into st.key.
func (v *View) finishKey(st *listState, patterns []string) error {
	var all map[string]string
	if err := json.Unmarshal(st.envJSON, &all); err != nil {
		return fmt.Errorf("go env: %w", err)
	}
	delete(all, "GOGCCFLAGS") // derived from the cgo settings, with a random temporary directory
	h := sha256.New()
	writeField(h, []byte(listCacheFormat), []byte(fmt.Sprint(v.opts.Tests)))
	for _, k := range slices.Sorted(maps.Keys(all)) {
		writeField(h, []byte(k), []byte(all[k]))
	}
	dir, err := filepath.Abs(v.opts.Dir)
	if err != nil {
		return err
	}
	writeField(h, []byte(dir))
	writeField(h, []byte(strings.Join(v.opts.BuildFlags, "\x00")), []byte(strings.Join(patterns, "\x00")))
	tree, err := st.walk()
	if err != nil {
		return err
	}
	st.tree = tree
	h.Write(tree[:])
	h.Sum(st.key[:0])
	return nil
}

// listFresh loads the metadata for a cache that holds nothing for this
// build and these flags (a first run: no pack index), where no answer of
// go list can be found: go list runs at once, with go env beside it, and
// the answer is keyed and stored after it, beside the analysis (v.listing,
// which Update waits for), unless an entry of the tree was modified since
// go list started. On the 1600-package module the key's walk, before go
// list and again after it, was 0.18 s of a cold run's wall time.
func (v *View) listFresh(ctx context.Context, cfg *packages.Config, env, patterns []string) ([]*packages.Package, error) {
	start := time.Now()
	type envResult struct {
		st  *listState
		err error
	}
	envc := make(chan envResult, 1)
	go func() {
		st, err := v.listEnv(ctx, env)
		envc <- envResult{st, err}
	}()
	roots, err := packages.Load(cfg, patterns...)
	r := <-envc
	if r.err == nil {
		v.goenv = &r.st.env
	} else {
		v.opts.Cache.debugf("metadata not cacheable: %v", r.err)
	}
	if err != nil || r.err != nil {
		return roots, err
	}
	st := r.st
	st.since = start.Add(-recentWrite)
	v.listing.Go(func() {
		if err := v.finishKey(st, patterns); err != nil {
			v.opts.Cache.debugf("metadata not cacheable: %v", err)
			return
		}
		if st.recent {
			v.opts.Cache.debugf("metadata not stored: the tree changed moments before or during go list")
			return
		}
		v.storeAnswer(st, roots)
	})
	return roots, nil
}

// walk hashes the main module's tree as go list sees it: every directory
// it may search (not testdata, nor names starting with . or _, nor nested
// modules, whose go.mod is recorded) with the name and mode of each entry;
// a Go file with what go list reads of it (listHeader), any other file
// with its size and modification time.
func (st *listState) walk() ([32]byte, error) {
	if version, ok := st.env.fixed(st.root); ok {
		// The standard library of a released Go (perfvet std): its
		// files are as fixed as the digests take them to be, and the
		// walk, which parses the header of its 10,000 Go files, was
		// most of what the cache added to a cold run.
		return sha256.Sum256([]byte("fixed tree\x00" + version)), nil
	}
	h := sha256.New()
	entries := 0
	now := time.Now()
	var buf []byte
	err := filepath.WalkDir(st.root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		entries++
		if entries > maxWalkEntries {
			return errors.New("module tree too large to key")
		}
		name := d.Name()
		if d.IsDir() && path != st.root {
			if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" {
				return filepath.SkipDir
			}
			if _, err := os.Lstat(filepath.Join(path, "go.mod")); err == nil {
				writeField(h, []byte("nested module"), []byte(path))
				return filepath.SkipDir
			}
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if !st.since.IsZero() && !info.ModTime().Before(st.since) {
			st.recent = true
		}
		buf = buf[:0]
		buf = append(buf, path...)
		buf = append(buf, 0)
		buf = binary.BigEndian.AppendUint32(buf, uint32(info.Mode()))
		if info.Mode().IsRegular() && strings.HasSuffix(name, ".go") {
			stamp := headerStamp{size: info.Size(), mtime: info.ModTime().UnixNano()}
			if old, ok := st.headers[path]; ok && old.size == stamp.size && old.mtime == stamp.mtime {
				stamp.sum = old.sum
			} else {
				if stamp.sum, err = listHeader(path); err != nil {
					return err
				}
				if st.headers == nil {
					st.headers = make(map[string]headerStamp)
				}
				st.headers[path] = stamp
			}
			h.Write(append(buf, stamp.sum[:]...))
			return nil
		}
		if now.Sub(info.ModTime()) < recentWrite {
			st.recent = true
		}
		buf = binary.BigEndian.AppendUint64(buf, uint64(info.Size()))
		buf = binary.BigEndian.AppendUint64(buf, uint64(info.ModTime().UnixNano()))
		h.Write(buf)
		return nil
	})
	var sum [32]byte
	h.Sum(sum[:0])
	return sum, err
}

// listHeader hashes what go list's answer depends on in a Go file: its
// build constraints, package clause and imports (the file up to its last
// import declaration) and, when it imports embed, its //go:embed lines.
// An edit below the imports (a function body, a declaration) changes
// none of it, so go list's answer is reused (a leaf edit runs no go
// command but go env). The whole file counts where go list reads more: a
// file that does not parse up to its imports, a cgo file (go list runs
// cgo on it), a test file (the generated test main lists its tests).
func listHeader(path string) ([32]byte, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return [32]byte{}, err
	}
	if strings.HasSuffix(path, "_test.go") {
		return sha256.Sum256(src), nil
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.ImportsOnly|parser.ParseComments)
	if err != nil {
		// go list reports the file's error; the whole file keys it.
		return sha256.Sum256(src), nil //nolint:nilerr // not a failure of the walk
	}
	end := f.Name.End()
	embeds := false
	for _, imp := range f.Imports {
		switch imp.Path.Value {
		case `"C"`:
			return sha256.Sum256(src), nil
		case `"embed"`:
			embeds = true
		}
	}
	if n := len(f.Decls); n > 0 {
		end = f.Decls[n-1].End()
	}
	header := slices.Clone(src[:fset.Position(end).Offset])
	if embeds {
		for line := range strings.SplitSeq(string(src), "\n") {
			if t := strings.TrimSpace(line); strings.HasPrefix(t, "//go:embed") {
				header = append(header, t...)
				header = append(header, '\n')
			}
		}
	}
	return sha256.Sum256(header), nil
}

// fixed reports whether the file never changes while the key of go list's
// answer stays the same, and the version it is at: files of the module
// cache (the go command verifies them against go.sum and makes them
// read-only; the module version is in their path) and of a released Go's
// GOROOT (a development toolchain's GOROOT may be edited: it is read).
func (e *goEnv) fixed(name string) (string, bool) {
	switch {
	case e == nil:
		return "", false
	case Within(name, e.GOMODCACHE):
		return "module cache", true
	case Within(name, e.GOROOT) && strings.HasPrefix(e.GOVERSION, "go") && !strings.Contains(e.GOVERSION, "devel"):
		return e.GOVERSION, true
	}
	return "", false
}

// usesDriver reports whether go/packages would ask an external driver
// (Bazel's, say) rather than go list.
func usesDriver(env []string) bool {
	driver := ""
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "GOPACKAGESDRIVER="); ok {
			driver = v // the last one counts, as in os/exec
		}
	}
	return driver != "" && driver != "off"
}
