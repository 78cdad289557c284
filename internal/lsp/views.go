package lsp

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	protocol "github.com/tliron/glsp/protocol_3_16"
	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/analyzers"
	"github.com/perfvet/perfvet/analyzers/plan"
	"github.com/perfvet/perfvet/internal/engine"
)

// A viewState is one module being analysed: its engine.View, the changes
// waiting for the next update, and the worker that runs the updates one
// after another.
type viewState struct {
	s     *Server
	root  string
	view  *engine.View
	plans *planSource
	suite []*analysis.Analyzer

	mu      sync.Mutex
	pending changeSet
	timer   *time.Timer
	kick    chan struct{}
	cancel  context.CancelFunc // of the update running, if any

	// Owned by the worker goroutine.
	published map[string]string                // file -> JSON of the diagnostics last published
	good      map[string][]protocol.Diagnostic // file -> its findings when its package last type-checked
	lastErr   string                           // the last update's error, shown once
}

// A changeSet accumulates changes between two updates.
type changeSet struct {
	files     map[string]bool
	reload    bool
	reanalyze bool
}

func (c *changeSet) empty() bool { return len(c.files) == 0 && !c.reload && !c.reanalyze }

// viewFor returns the view of the module holding a Go file, creating it
// if needed, or nil if the file is in no module or is a dependency's (in
// GOROOT or the module cache, opened by going to a definition).
func (s *Server) viewFor(path string) *viewState {
	for _, dir := range s.readOnlyDirs() {
		if engine.Within(path, dir) {
			return nil
		}
	}
	root := moduleRoot(filepath.Dir(path))
	if root == "" {
		return nil
	}
	return s.viewAt(root)
}

// readOnlyDirs returns GOROOT and GOMODCACHE, asked of the go command once.
func (s *Server) readOnlyDirs() []string {
	s.envOnce.Do(func() {
		cmd := exec.CommandContext(s.ctx, "go", "env", "GOROOT", "GOMODCACHE")
		cmd.Env = s.opts.Env
		out, err := cmd.Output()
		if err != nil {
			s.logf("go env: %v", err)
			return
		}
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			if line = strings.TrimSpace(line); line != "" {
				s.goDirs = append(s.goDirs, filepath.Clean(line))
			}
		}
	})
	return s.goDirs
}

// moduleRoot returns the nearest directory at or above dir that holds a
// go.mod, or "".
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

// viewAt returns the view rooted at dir, creating it and its worker.
func (s *Server) viewAt(root string) *viewState {
	s.mu.Lock()
	defer s.mu.Unlock()
	if vs := s.views[root]; vs != nil {
		return vs
	}
	vs := &viewState{
		s:         s,
		root:      root,
		kick:      make(chan struct{}, 1),
		pending:   changeSet{files: make(map[string]bool)},
		published: make(map[string]string),
		good:      make(map[string][]protocol.Diagnostic),
	}
	vs.plans = &planSource{override: s.opts.Plan}
	vs.plans.reset()
	suite := newSuite(analyzers.Config{Plans: vs.plans, WholeProgram: true})
	vs.suite = selectAnalyzers(suite, s.opts.Analyzers, s.opts.Tests)
	var flags []string
	if s.opts.Tags != "" {
		flags = []string{"-tags=" + s.opts.Tags}
	}
	vs.view = engine.New(engine.Options{
		Dir:        root,
		Analyzers:  vs.suite,
		Tests:      s.opts.Tests,
		BuildFlags: flags,
		Env:        s.opts.Env,
		Logf:       func(format string, args ...any) { s.logf(format, args...) },
	})
	vs.plans.view = vs.view
	s.views[root] = vs
	s.logf("module %s: loading", root)
	go vs.loop()
	return vs
}

// newSuite builds the analyzers; tests replace it.
var newSuite = analyzers.Suite

// selectAnalyzers applies the analyzers option as the command applies its
// -NAME flags: if any is turned on, only those run; otherwise all but the
// ones turned off. With tests on, each analyzer's -tests flag is set.
func selectAnalyzers(suite []*analysis.Analyzer, on map[string]bool, tests bool) []*analysis.Analyzer {
	anyOn := false
	for _, v := range on {
		anyOn = anyOn || v
	}
	var out []*analysis.Analyzer
	for _, a := range suite {
		v, named := on[a.Name]
		keep := a.Name == analyzers.DirectiveAnalyzer && (!named || v) // a typo in a directive is never silent
		if !keep && (anyOn && (!named || !v) || !anyOn && named && !v) {
			continue
		}
		if tests {
			if f := a.Flags.Lookup(analyzers.TestsFlag); f != nil {
				_ = f.Value.Set("true")
			}
		}
		out = append(out, a)
	}
	return out
}

// enqueue records a change and schedules an update: after delay, counted
// from the last change, or at once for a zero delay.
func (vs *viewState) enqueue(record func(*changeSet), delay time.Duration) {
	vs.mu.Lock()
	defer vs.mu.Unlock()
	record(&vs.pending)
	if delay <= 0 {
		if vs.timer != nil {
			vs.timer.Stop()
		}
		vs.signalLocked()
		return
	}
	if vs.timer == nil {
		vs.timer = time.AfterFunc(delay, func() {
			vs.mu.Lock()
			defer vs.mu.Unlock()
			vs.signalLocked()
		})
	} else {
		vs.timer.Reset(delay)
	}
}

// signalLocked wakes the worker, and cancels the update it is running:
// its results would be stale. The cancelled update's work is not lost;
// the next update finishes it.
func (vs *viewState) signalLocked() {
	if vs.cancel != nil {
		vs.cancel()
		vs.cancel = nil
	}
	select {
	case vs.kick <- struct{}{}:
	default: // an update is already due; it will take this change too
	}
}

// loop runs the updates: each takes every change recorded since the last.
func (vs *viewState) loop() {
	for {
		select {
		case <-vs.s.ctx.Done():
			return
		case <-vs.kick:
		}
		vs.mu.Lock()
		ch := vs.pending
		vs.pending = changeSet{files: make(map[string]bool)}
		ctx, cancel := context.WithCancel(vs.s.ctx)
		vs.cancel = cancel
		vs.mu.Unlock()
		if !ch.empty() || !vs.view.Loaded() || vs.view.Unfinished() {
			vs.update(ctx, ch)
		}
		vs.mu.Lock()
		vs.cancel = nil
		vs.mu.Unlock()
		cancel()
	}
}

func (vs *viewState) update(ctx context.Context, ch changeSet) {
	s := vs.s
	overlay, versions := s.snapshot()
	change := engine.Change{Reload: ch.reload, Reanalyze: ch.reanalyze}
	for f := range ch.files {
		change.Files = append(change.Files, f)
	}
	slices.Sort(change.Files)
	// The edited files' diagnostics go out as soon as their packages are
	// analysed; the importers' follow with the whole result.
	early := make(map[string]bool)
	change.Early = func(r *engine.Result) {
		force := make(map[string]bool)
		for f := range ch.files {
			if r.Analyzed[f] {
				force[f] = true
				early[f] = true
			}
		}
		vs.publish(r, versions, force, r.Analyzed)
	}
	res, err := vs.view.Update(ctx, change, overlay)
	if err != nil {
		if s.ctx.Err() != nil {
			return // shutting down
		}
		if ctx.Err() != nil {
			// A newer change cancelled the update: publish with the next
			// one, which the cancellation scheduled.
			s.logf("module %s: update cancelled by a newer change", vs.root)
			vs.mu.Lock()
			for f := range ch.files {
				vs.pending.files[f] = true
			}
			vs.mu.Unlock()
			return
		}
		// Loading failed (a go.mod being edited, say): keep the edited
		// files for the next update, and say so once per distinct error.
		vs.mu.Lock()
		for f := range ch.files {
			vs.pending.files[f] = true
		}
		vs.mu.Unlock()
		if msg := "perfvet: " + err.Error(); msg != vs.lastErr {
			vs.lastErr = msg
			s.showMessage(protocol.MessageTypeError, msg)
		} else {
			s.logf("%s", msg)
		}
		return
	}
	vs.lastErr = ""
	s.logf("module %s: %v", vs.root, res.Stats)
	vs.logErrors(res)
	force := make(map[string]bool)
	for f := range ch.files {
		if !early[f] {
			force[f] = true
		}
	}
	vs.publish(res, versions, force, nil)
	s.publishPlans()
}

// logErrors logs the analysis errors (a malformed plan, an analyzer's
// failure); type errors are gopls's to report.
func (vs *viewState) logErrors(res *engine.Result) {
	seen := make(map[string]bool)
	n := 0
	for _, e := range res.Errors {
		if e.Analyzer == "" {
			continue
		}
		msg := e.Analyzer + ": " + e.Msg
		if seen[msg] {
			continue
		}
		seen[msg] = true
		if n++; n > 10 {
			vs.s.logf("module %s: more analysis errors not shown", vs.root)
			return
		}
		vs.s.logf("module %s: package %s: %s", vs.root, e.Package, msg)
	}
}

// A planSource gives the analyzers of one view their plans: for the
// workspace packages, the plan the command would find (plan.Finder); for
// dependencies, analysed only for their facts, the embedded default. reset
// forgets every plan read, so that an edited plan file is read again.
type planSource struct {
	override string
	view     *engine.View

	mu     sync.Mutex
	finder *plan.Finder
}

func (p *planSource) reset() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.finder = plan.NewFinder(p.override)
}

func (p *planSource) current() *plan.Finder {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.finder
}

// PlanFor implements plan.Provider.
func (p *planSource) PlanFor(dir string) (*plan.Plan, error) {
	f := p.current()
	if f.Override() != "" || p.view != nil && p.view.IsRootDir(dir) {
		return f.PlanFor(dir)
	}
	return plan.Default(), nil
}

// planFiles returns the plan files that apply to the view's packages.
func (p *planSource) planFiles() []string {
	f := p.current()
	set := make(map[string]bool)
	if o := f.Override(); o != "" {
		set[o] = true
	}
	if p.view != nil {
		for _, d := range p.view.RootDirs() {
			if file := f.FileFor(d); file != "" {
				set[file] = true
			}
		}
	}
	out := make([]string, 0, len(set))
	for file := range set {
		if abs, err := filepath.Abs(file); err == nil {
			file = abs
		}
		out = append(out, file)
	}
	slices.Sort(out)
	return out
}

// isPlanFile reports whether a path names a plan file.
func isPlanFile(path string) bool {
	return filepath.Base(path) == plan.FileName || strings.HasSuffix(path, "/"+plan.FileName)
}
