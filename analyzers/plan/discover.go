package plan

import (
	"os"
	"path/filepath"
	"sync"
)

// A Provider gives the plan that applies to the package in a directory.
// Implementations are safe for concurrent use: drivers analyse packages in
// parallel.
type Provider interface {
	PlanFor(dir string) (*Plan, error)
}

// Static returns a Provider that gives p for every package.
func Static(p *Plan) Provider { return staticProvider{p} }

type staticProvider struct{ p *Plan }

func (s staticProvider) PlanFor(string) (*Plan, error) { return s.p, nil }

// A Finder discovers plans: the perfplan.yaml found by walking up from a
// package's directory to its module root (the directory holding go.mod),
// or, with no such file, the embedded default. An override file, when set,
// applies to every package instead. Each file is read once, and every
// package it applies to shares the one *Plan.
type Finder struct {
	mu       sync.Mutex
	override string
	byDir    map[string]string // directory -> plan file found from it ("" = none)
	byFile   map[string]*loaded
	def      *Plan // the embedded default, shared by packages with no file
}

// loaded is a plan file read once: the first caller reads it while later
// ones wait on once, so concurrent packages share one result.
type loaded struct {
	once sync.Once
	p    *Plan
	err  error
}

// NewFinder returns a Finder; override, if not empty, names the plan file
// that applies to every package (the -plan flag).
func NewFinder(override string) *Finder {
	return &Finder{override: override, byDir: make(map[string]string), byFile: make(map[string]*loaded)}
}

// SetOverride sets the plan file that applies to every package.
// Drivers call it once flags are parsed, before analysis starts.
func (f *Finder) SetOverride(filename string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.override = filename
}

// Override returns the plan file set with SetOverride, if any.
func (f *Finder) Override() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.override
}

// PlanFor implements Provider.
func (f *Finder) PlanFor(dir string) (*Plan, error) {
	file := f.FileFor(dir)
	if file == "" {
		f.mu.Lock()
		defer f.mu.Unlock()
		if f.def == nil {
			f.def = Default()
		}
		return f.def, nil
	}
	return f.load(file)
}

// FileFor returns the plan file that applies to dir: the override, the
// discovered perfplan.yaml, or "" for the embedded default.
func (f *Finder) FileFor(dir string) string {
	if o := f.Override(); o != "" {
		return o
	}
	return f.find(dir)
}

func (f *Finder) load(file string) (*Plan, error) {
	f.mu.Lock()
	l := f.byFile[file]
	if l == nil {
		l = new(loaded)
		f.byFile[file] = l
	}
	f.mu.Unlock()
	l.once.Do(func() { l.p, l.err = Load(file) })
	return l.p, l.err
}

func (f *Finder) find(dir string) string {
	if dir == "" {
		return ""
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	f.mu.Lock()
	file, ok := f.byDir[dir]
	f.mu.Unlock()
	if ok {
		return file
	}
	file = Discover(dir)
	f.mu.Lock()
	f.byDir[dir] = file
	f.mu.Unlock()
	return file
}

// Discover walks up from dir to its module root, the first directory that
// holds a go.mod, and returns the first perfplan.yaml on the way, or "".
// Any file of that name counts, even one that cannot be read as a plan (a
// dangling link, a directory): loading it then fails with an error that
// names it, rather than the default applying in silence.
func Discover(dir string) string {
	for {
		candidate := filepath.Join(dir, FileName)
		if _, err := os.Lstat(candidate); err == nil {
			return candidate
		}
		if st, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil && !st.IsDir() {
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Resolve returns the plan file a -plan flag (or a host's plan setting)
// names, by the one rule every host follows: an absolute path as it is; a
// relative path in dir, the directory the tool runs in (perfvet's -C DIR,
// golangci-lint's working directory), and, if it is not there, in the
// module root above dir (the first directory holding a go.mod). Under go
// vet, which runs the tool in each package's directory, the second step
// finds a path written relative to the module root, where go vet is
// usually run. A path found nowhere is an error that says where it was
// looked for.
func Resolve(file, dir string) (string, error) {
	if file == "" || filepath.IsAbs(file) {
		return file, nil
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	tried := []string{filepath.Join(dir, file)}
	if root := moduleRoot(dir); root != "" && root != dir {
		tried = append(tried, filepath.Join(root, file))
	}
	for _, p := range tried {
		if _, err := os.Lstat(p); err == nil {
			return p, nil
		}
	}
	where := tried[0]
	if len(tried) > 1 {
		where += " or, at the module root, " + tried[1]
	}
	return "", &NotFoundError{File: file, Tried: tried, msg: "no such file; looked for " + where}
}

// A NotFoundError is a relative plan path that Resolve found nowhere.
type NotFoundError struct {
	File  string   // as given
	Tried []string // the paths looked for, in order
	msg   string
}

func (e *NotFoundError) Error() string { return e.msg }

// moduleRoot returns the first directory at or above dir holding a go.mod
// file, or "".
func moduleRoot(dir string) string {
	for {
		if st, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil && !st.IsDir() {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
