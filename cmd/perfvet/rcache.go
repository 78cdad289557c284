package main

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/perfvet/perfvet/analyzers/plan"
	"github.com/perfvet/perfvet/internal/driver"
	"github.com/perfvet/perfvet/internal/engine"
)

// cacheEnv names the result cache's directory; "off" disables it.
const cacheEnv = "PERFVET_CACHE"

// resultCacheDir returns the directory of the result cache, or "" when it
// is disabled (PERFVET_CACHE=off, or no user cache directory).
func resultCacheDir() (string, error) {
	switch dir := os.Getenv(cacheEnv); {
	case dir == "off":
		return "", nil
	case dir != "":
		if !filepath.IsAbs(dir) {
			return "", fmt.Errorf("%s=%s: want an absolute path, or off", cacheEnv, dir)
		}
		return dir, nil
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", nil //nolint:nilerr // no home: run without a cache, as the go command would not
	}
	return filepath.Join(base, "perfvet"), nil
}

// openResultCache opens the result cache for a run of the analyzers with
// these flags, or returns nil if it is disabled or cannot be opened (the
// run then analyses everything, and says why on stderr).
func openResultCache(f *analyzeFlags, selected []*analysis.Analyzer, opts []string, stderr io.Writer) *engine.Store {
	if f.checker || f.floor {
		return nil // benchmarks of the drivers measure the analysis itself
	}
	dir, err := resultCacheDir()
	if err != nil {
		fmt.Fprintf(stderr, "perfvet: %v; analysing without the result cache\n", err)
		return nil
	}
	if dir == "" {
		return nil
	}
	salt, err := runSalt(selected, opts)
	if err != nil {
		fmt.Fprintf(stderr, "perfvet: result cache disabled: %v\n", err)
		return nil
	}
	store, err := engine.OpenStore(dir, salt)
	if err != nil {
		fmt.Fprintf(stderr, "perfvet: result cache disabled: %v\n", err)
		return nil
	}
	return store
}

// runSalt describes everything a run's results depend on that is the same
// for every package: perfvet's own build (its Go build ID, see executableID), the
// analyzers that run and their flags, the options of the load, and the
// environment that selects files and sizes.
func runSalt(selected []*analysis.Analyzer, opts []string) ([]byte, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("finding perfvet's executable: %w", err)
	}
	h := sha256.New()
	id, err := executableID(exe)
	if err != nil {
		return nil, err
	}
	h.Write(id)
	var b strings.Builder
	if bi, ok := debug.ReadBuildInfo(); ok {
		fmt.Fprintf(&b, "build %s %s\n", bi.GoVersion, bi.Main.Version)
	}
	fmt.Fprintf(&b, "runtime %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	for _, a := range selected {
		fmt.Fprintf(&b, "analyzer %s\n", a.Name)
		a.Flags.VisitAll(func(fl *flag.Flag) {
			fmt.Fprintf(&b, "flag %s.%s=%q\n", a.Name, fl.Name, fl.Value.String())
		})
	}
	for _, o := range opts {
		fmt.Fprintf(&b, "option %q\n", o)
	}
	for _, env := range []string{"GOOS", "GOARCH", "GOARM", "GOAMD64", "GOEXPERIMENT", "GOFLAGS", "CGO_ENABLED", "GOROOT", "GOPATH", "GOWORK", "GO111MODULE"} {
		fmt.Fprintf(&b, "env %s=%q\n", env, os.Getenv(env))
	}
	h.Write([]byte(b.String()))
	return h.Sum(nil), nil
}

// executableID identifies perfvet's build: the content ID the go command
// wrote into the executable's Go build ID (the hash of the linked file, so
// two builds share it only when their bytes are the same), or else, for a
// binary built without one (-ldflags=-buildid=, or a build system that
// writes a fixed ID), the hash of the whole file, which reading 20 MB
// makes 50 ms slower on every run.
func executableID(exe string) ([]byte, error) {
	file, err := os.Open(exe)
	if err != nil {
		return nil, fmt.Errorf("hashing perfvet's executable: %w", err)
	}
	defer func() { _ = file.Close() }() // read only: nothing to flush
	if id := goBuildID(file); id != "" {
		return []byte("go build id " + id), nil
	}
	h := sha256.New()
	if _, err := io.Copy(h, file); err != nil {
		return nil, fmt.Errorf("hashing perfvet's executable: %w", err)
	}
	return h.Sum([]byte("sha256 ")), nil
}

// goBuildID returns the Go build ID of an executable when it is one the
// go command wrote (actionID/actionID/contentID/contentID, each part a
// hash in base64), or "". On ELF it is the .note.go.buildid note; on
// other formats a string near the start of the text ("\xff Go build ID:
// \"...\"").
func goBuildID(f *os.File) string {
	var id string
	if ef, err := elf.NewFile(f); err == nil {
		if sec := ef.Section(".note.go.buildid"); sec != nil {
			if data, err := sec.Data(); err == nil && len(data) > 16 {
				namesz := binary.LittleEndian.Uint32(data[0:])
				descsz := binary.LittleEndian.Uint32(data[4:])
				off := 12 + int((namesz+3)&^3)
				if string(data[12:min(len(data), 14)]) == "Go" && off+int(descsz) <= len(data) {
					id = string(data[off : off+int(descsz)])
				}
			}
		}
	} else {
		head := make([]byte, 32<<10)
		n, _ := f.ReadAt(head, 0)
		head = head[:n]
		const prefix = "\xff Go build ID: \""
		if i := bytes.Index(head, []byte(prefix)); i >= 0 {
			rest := head[i+len(prefix):]
			if j := bytes.IndexByte(rest, '"'); j >= 0 {
				id = string(rest[:j])
			}
		}
	}
	parts := strings.Split(id, "/")
	if len(parts) != 4 {
		return ""
	}
	for _, p := range parts {
		if len(p) < 16 {
			return ""
		}
	}
	return id
}

// planKey returns a KeyExtra that puts into each package's key the plan
// that applies to it: the -plan file or the perfplan.yaml found for a
// workspace package, the embedded default (part of perfvet's build) for
// a dependency, as driver.RootsOnly resolves them.
func planKey(finder *plan.Finder) func(meta *packages.Package, root bool) ([]byte, error) {
	var read sync.Map // plan file -> func() ([]byte, error), read once
	return func(meta *packages.Package, root bool) ([]byte, error) {
		file := finder.Override()
		if file == "" && root && len(meta.GoFiles) > 0 {
			file = finder.FileFor(filepath.Dir(meta.GoFiles[0]))
		}
		if file == "" {
			return []byte("plan: embedded default"), nil
		}
		once, _ := read.LoadOrStore(file, sync.OnceValues(func() ([]byte, error) {
			src, err := os.ReadFile(file)
			if err != nil {
				return nil, fmt.Errorf("plan: %w", err)
			}
			return append([]byte("plan: "+file+"\n"), src...), nil
		}))
		return once.(func() ([]byte, error))()
	}
}

const cacheHelp = `usage: perfvet cache clean | dir | stats

perfvet keeps, per package, the findings and facts of its last analyses
in a result cache, keyed by a hash of everything that can change them: the
package's files, what its dependencies export and their facts, the plan,
perfvet's own build, the analyzer flags, build tags and Go version. A
package whose key is found is not analysed again; an edit inside a function
body that changes no facts re-analyses only its own package. Output is the
same with and without the cache.

The cache lives in the perfvet directory of the user cache directory
(os.UserCacheDir: $XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches
on macOS, %LocalAppData% on Windows). PERFVET_CACHE names another
(absolute) directory, which CI can save and restore between runs;
PERFVET_CACHE=off disables the cache. Entries unused for five days are
removed, at most once a day, as the go command does with its build cache.

	perfvet cache dir     print the cache's directory ("off" if disabled)
	perfvet cache stats   print the number of entries and their size
	perfvet cache clean   remove every entry
`

// runCache serves perfvet cache clean|dir|stats.
func runCache(args []string) int {
	if len(args) != 1 {
		fmt.Fprint(os.Stderr, cacheHelp)
		return 2
	}
	dir, err := resultCacheDir()
	if err != nil {
		fmt.Fprintf(os.Stderr, "perfvet: %v\n", err)
		return 2
	}
	switch args[0] {
	case "dir":
		if dir == "" {
			fmt.Println("off")
			return 0
		}
		fmt.Println(dir)
	case "stats":
		if dir == "" {
			fmt.Println("the result cache is off")
			return 0
		}
		info, err := engine.Inspect(dir)
		if err != nil {
			fmt.Fprintf(os.Stderr, "perfvet: %v\n", err)
			return 1
		}
		fmt.Printf("%s: %d entries (%d of them in %d packs), %d outputs, %.1f MB\n", dir, info.Entries-info.Packs+info.Packed, info.Packed, info.Packs, info.Outputs, float64(info.Bytes)/(1<<20))
	case "clean":
		if dir == "" {
			return 0
		}
		if err := engine.Clean(dir); err != nil {
			fmt.Fprintf(os.Stderr, "perfvet: %v\n", err)
			return 1
		}
	case "help", "-h", "-help", "--help":
		fmt.Print(cacheHelp)
	default:
		fmt.Fprintf(os.Stderr, "perfvet cache: unknown command %q\n\n%s", args[0], cacheHelp)
		return 2
	}
	return 0
}

// printCacheStats says what the run did with the cache (under -timing).
func printCacheStats(w io.Writer, store *engine.Store) {
	if store == nil {
		return
	}
	s := store.Stats()
	fmt.Fprintf(w, "perfvet: result cache %s: %d hits, %d misses, %d written", store.Dir(), s.Hits, s.Misses, s.Writes)
	if s.FailedWrites > 0 {
		fmt.Fprintf(w, ", %d writes failed", s.FailedWrites)
	}
	fmt.Fprintln(w)
}

// cacheOptions are the options of a run that its results depend on.
func cacheOptions(f *analyzeFlags, opts driver.Options) []string {
	return append([]string{fmt.Sprintf("tests=%v", opts.Tests), "tags=" + f.tags}, opts.BuildFlags...)
}
