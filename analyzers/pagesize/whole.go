package pagesize

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/internal/reach"
)

// Whole-program reach (issue 20).
//
// A handler that pages through a repository interface (store.Driver) may
// not see the implementations (postgres, sqlite) when they live in
// packages it does not import: main wires them together. The caller's
// package hands on, in a pendingFact, each call in a request path that
// reaches such an open interface method (directly, or through helpers
// whose facts list it in Open) and each request page size passed
// unclamped to one; a package that imports both the caller and
// implementations (typically main) resolves the interface there, against
// the implementations' facts, and reports at the original call with the
// chain interface → implementation → query (internal/reach). It lists
// what it reported in a resolvedFact so that its importers do not resolve
// it again, with the findings, which its importers report again as they
// are (a run on main alone shows a finding that a dependency of main
// resolved; the driver merges the copies).

// An Open is an interface method of the program whose implementations
// the package cannot see, reached from a function: Via is the chain of
// calls from the function down to it, the method last.
type Open struct {
	reach.Method
	Via string
}

// A pendingRead is a call in a request path that reaches an open
// interface method: a whole-table read if an implementation reads one.
type pendingRead struct {
	Site    reach.Site
	Subject string // the call: (*store.Store).ListUsers
	Open    Open
}

// A pendingSink is request input passed unclamped to an open interface
// method: a page size without an upper bound if an implementation's
// parameter Index reaches a sink.
type pendingSink struct {
	Site   reach.Site
	Open   Open
	Index  int // SSA index among the call's receiver and arguments
	Source string
}

// A pendingFact lists a package's calls to open interface methods.
type pendingFact struct {
	Reads []pendingRead
	Sinks []pendingSink
}

func (*pendingFact) AFact() {}

func (f *pendingFact) String() string {
	parts := make([]string, 0, len(f.Reads)+len(f.Sinks))
	for _, r := range f.Reads {
		parts = append(parts, "read "+r.Open.String())
	}
	for _, s := range f.Sinks {
		parts = append(parts, fmt.Sprintf("sink %s param%d", s.Open.String(), s.Index))
	}
	return "pending(" + strings.Join(parts, "; ") + ")"
}

// A resolvedFact lists the pending calls a package reported, by site,
// and its findings, which its importers report again (reach.Found).
type resolvedFact struct {
	Keys  []string
	Found []reach.Found
}

func (*resolvedFact) AFact() {}

func (f *resolvedFact) String() string { return fmt.Sprintf("resolved(%d)", len(f.Keys)) }

// openMethod returns the program's interface method an interface call
// goes through, when the package sees no implementation of it.
func (c *checker) openMethod(common *ssa.CallCommon, fn *types.Func) (reach.Method, bool) {
	if !common.IsInvoke() || fn.Pkg() == nil || knowledge.IsDescribed(fn.Pkg().Path()) || analysisutil.IsStdPath(fn.Pkg().Path()) {
		return reach.Method{}, false
	}
	if lib := c.libraryMethod(common, fn); lib != fn {
		return reach.Method{}, false // an interface over a library (sqlc's DBTX)
	}
	m, ok := reach.MethodOf(common.Value.Type(), fn)
	if !ok || !c.inModule(m.Pkg) || (c.pass.Module == nil || c.pass.Module.Path == "") && strings.Contains(strings.Split(m.Pkg, "/")[0], ".") {
		// A library's interface (echo.Context) is not the program's;
		// with no module information, a path that starts with a domain
		// is taken for a library.
		return reach.Method{}, false
	}
	iface, ok := common.Value.Type().Underlying().(*types.Interface)
	if !ok || len(c.implementations().Implementations(iface, fn)) > 0 {
		return reach.Method{}, false
	}
	return m, true
}

// implementations returns the finder of implementations the package sees.
func (c *checker) implementations() *analysisutil.ImplFinder {
	if c.impls == nil {
		c.impls = analysisutil.NewImplFinder(c.pass.Pkg, c.keepImpl)
	}
	return c.impls
}

// keepImpl selects the packages whose types implement the program's
// interfaces: the module's, not the libraries the tables describe.
func (c *checker) keepImpl(p *types.Package) bool {
	return !knowledge.IsDescribed(p.Path()) && c.inModule(p.Path())
}

func (c *checker) inModule(path string) bool {
	mod := ""
	if c.pass.Module != nil {
		mod = c.pass.Module.Path
	}
	return analysisutil.SameModule(mod)(types.NewPackage(path, ""))
}

// openCall handles a call to an open interface method or to a helper
// whose fact reaches one: in a request path it is handed on as pending
// (a read, and the request page sizes passed to the method), elsewhere it
// goes into the function's fact.
func (c *checker) openCall(f *ssa.Function, fact *pageFact, call ssa.CallInstruction, fn *types.Func, callee *pageFact, reqPath bool) {
	common := call.Common()
	var opens []Open
	if callee == nil {
		m, ok := c.openMethod(common, fn)
		if !ok {
			return
		}
		// Via: the chain below the call ("": the call is the method).
		opens = []Open{{Method: m}}
		if c.reporting {
			c.pendingSinks(f, call, m)
		}
	} else {
		opens = callee.Open
	}
	if !reqPath {
		for _, o := range opens {
			if o.Via == "" {
				o.Via = o.String()
			} else {
				o.Via = chain(analysisutil.Display(fn), o.Via)
			}
			fact.Open = append(fact.Open, o)
		}
		return
	}
	if !c.reporting || !c.wholeTables {
		return
	}
	site, ok := c.callSite(call)
	if !ok {
		return
	}
	for _, o := range opens {
		c.pending.Reads = append(c.pending.Reads, pendingRead{Site: site, Subject: analysisutil.Display(fn), Open: o})
	}
}

// callSite returns the site of a call's syntax.
func (c *checker) callSite(call ssa.CallInstruction) (reach.Site, bool) {
	pos, end := call.Common().Pos(), call.Common().Pos()
	if ce := c.calls[pos]; ce != nil {
		pos, end = ce.Pos(), ce.End()
	}
	return reach.SiteOf(c.pass.Fset, pos, end)
}

// pendingSinks traces the integer and string arguments of a call to an
// open interface method back to request input with no upper bound.
func (c *checker) pendingSinks(f *ssa.Function, call ssa.CallInstruction, m reach.Method) {
	common := call.Common()
	all := append([]ssa.Value{common.Value}, common.Args...)
	for i, arg := range all {
		if i == 0 || !isInteger(arg.Type()) {
			continue
		}
		t := c.newTracer(f)
		t.root = arg
		t.trace(arg, call.Block())
		for _, o := range t.origins {
			if o.source == "" || o.nonPos {
				continue
			}
			site, ok := c.callSite(call)
			if !ok {
				return
			}
			c.pending.Sinks = append(c.pending.Sinks, pendingSink{Site: site, Open: Open{Method: m}, Index: i, Source: o.source})
		}
	}
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// resolvePending exports the package's pending calls and reports those of
// its dependencies whose implementations it sees.
func (c *checker) resolvePending() {
	if len(c.pending.Reads) > 0 || len(c.pending.Sinks) > 0 {
		c.pass.ExportPackageFact(&c.pending)
	}
	var pending pendingFact
	var found []reach.Found
	done := make(map[string]bool)
	for _, pf := range c.pass.AllPackageFacts() {
		if pf.Package == c.pass.Pkg {
			continue
		}
		switch f := pf.Fact.(type) {
		case *pendingFact:
			pending.Reads = append(pending.Reads, f.Reads...)
			pending.Sinks = append(pending.Sinks, f.Sinks...)
		case *resolvedFact:
			for _, k := range f.Keys {
				done[k] = true
			}
			found = append(found, f.Found...)
		}
	}
	files := reach.NewFiles(c.pass.Fset)
	// A dependency's findings, again: a run on this package alone shows
	// them, and the driver merges the copies.
	reach.ReportFound(files, found, c.pass.Report)
	if len(pending.Reads) == 0 && len(pending.Sinks) == 0 {
		return
	}
	r := reach.NewResolver(c.pass.Pass, c.keepImpl)
	var resolved []string
	var reported []reach.Found
	report := func(key string, d analysis.Diagnostic) {
		c.pass.Report(d)
		if f, ok := reach.FoundOf(c.pass.Fset, key, d); ok {
			reported = append(reported, f)
		}
	}
	slices.SortFunc(pending.Sinks, func(a, b pendingSink) int { return strings.Compare(a.Site.Key(), b.Site.Key()) })
	for _, p := range pending.Sinks {
		k := "sink " + p.Site.Key()
		if done[k] {
			continue
		}
		if d, ok := c.pendingSinkFinding(r, files, p); ok {
			report(k, d)
			done[k] = true
			resolved = append(resolved, k)
		}
	}
	// One cause, one finding: a read of an implementation reached from
	// many request paths is reported at the first, with the others as
	// related positions.
	type group struct {
		key     string
		first   pendingRead
		impl    string
		read    *Read
		pos     token.Pos
		end     token.Pos
		related []analysis.RelatedInformation
	}
	var groups []*group
	byRead := make(map[string]*group)
	slices.SortFunc(pending.Reads, func(a, b pendingRead) int { return strings.Compare(a.Site.Key(), b.Site.Key()) })
	for _, p := range pending.Reads {
		k := "read " + p.Site.Key()
		if done[k] {
			continue
		}
		impl, rd := c.implRead(r, p.Open.Method)
		if rd == nil {
			continue
		}
		pos, end, ok := files.Pos(p.Site)
		if !ok {
			continue
		}
		done[k] = true
		resolved = append(resolved, k)
		if g := byRead[rd.Posn]; g != nil {
			g.related = append(g.related, analysis.RelatedInformation{Pos: pos, End: end, Message: "also reached from this request path"})
			continue
		}
		g := &group{key: k, first: p, impl: impl, read: rd, pos: pos, end: end}
		byRead[rd.Posn] = g
		groups = append(groups, g)
	}
	for _, g := range groups {
		below := chain(g.impl, chain(g.read.Via, g.read.Call)) + " at " + g.read.Posn
		through := "its implementation " + below
		if g.first.Open.Via != "" {
			through = withMethod(g.first.Open) + ", implemented by " + below
		}
		report(g.key, analysis.Diagnostic{
			Pos: g.pos, End: g.end, Category: CategoryWholeTable,
			Related: analysisutil.BoundedRelated(c.pass.Fset, g.related),
			Message: fmt.Sprintf("%s reads %s in a request path, through %s; every request loads the whole result into memory, and it grows with the table; page it with LIMIT (at most %s)", g.first.Subject, g.read.What, through, c.planMax()),
		})
	}
	if len(resolved) > 0 {
		slices.Sort(resolved)
		c.pass.ExportPackageFact(&resolvedFact{Keys: resolved, Found: reported})
	}
}

// withMethod returns an Open's chain with the interface method last,
// also when the chain was cut short ("A → …").
func withMethod(o Open) string {
	m := o.String()
	if strings.HasSuffix(o.Via, m) {
		return o.Via
	}
	return strings.TrimSuffix(o.Via, " → …") + " → … → " + m
}

// implRead returns the first implementation (by package and type) of an
// interface method whose fact reads a whole table.
func (c *checker) implRead(r *reach.Resolver, m reach.Method) (string, *Read) {
	for _, fn := range r.Implementations(m) {
		if f := c.factOf(fn); f != nil && f.Read != nil {
			return analysisutil.Display(fn), f.Read
		}
	}
	return "", nil
}

// pendingSinkFinding is the finding for request input passed to an open
// interface method whose implementation's parameter reaches a page-size
// sink.
func (c *checker) pendingSinkFinding(r *reach.Resolver, files *reach.Files, p pendingSink) (analysis.Diagnostic, bool) {
	for _, fn := range r.Implementations(p.Open.Method) {
		f := c.factOf(fn)
		if f == nil {
			continue
		}
		for _, s := range f.Sinks {
			if s.Index != p.Index || s.Field != "" || s.NonPos || s.Off {
				continue
			}
			pos, end, ok := files.Pos(p.Site)
			if !ok {
				return analysis.Diagnostic{}, false
			}
			via := p.Open.String() + ", implemented by " + chain(analysisutil.Display(fn), s.Via)
			related := c.relatedAt(fn, s.Posn, "the page size reaches "+s.Sink)
			return analysis.Diagnostic{
				Pos: pos, End: end, Category: CategoryUnclamped, Related: related,
				Message: fmt.Sprintf("page size from %s reaches %s through %s (%s) without an upper bound, so one request can ask for every row; clamp it to %s", p.Source, s.Sink, via, s.Posn, c.planMax()),
			}, true
		}
	}
	return analysis.Diagnostic{}, false
}
