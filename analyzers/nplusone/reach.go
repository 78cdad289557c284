package nplusone

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	wp "github.com/perfvet/perfvet/analyzers/internal/reach"
)

// Whole-program reach.
//
// A handler that calls a repository interface (store.Driver) in a loop
// cannot see the implementations (postgres, sqlite) when they live in
// packages it does not import: main wires them together. go/analysis shows
// a package only its dependencies, so the handler's package defers the
// finding: it lists, in a pendingFact, each call in a loop that reaches
// nothing but such open interface calls, with everything the message needs
// from its syntax. A package that imports both the handler (directly or
// not) and implementations whose methods run queries (typically main)
// resolves the interface there and reports the finding at the original
// call, naming the chain interface → implementations → query; it lists
// what it resolved in a resolvedFact so that its importers do not resolve
// it again, with the findings it reported, which its importers report
// again as they are: a driver shows only the findings of the packages it
// was asked about (perfvet ./cmd: main, not the dependency that resolved
// the call first), and merges identical findings of several packages into
// one. Drivers that analyse several packages in one process with one
// file set (the perfvet command, the LSP, golangci-lint, analysistest)
// know the handler's file; go vet, which runs one process per package,
// does not, and there the finding is dropped (see doc.go).

// A pendingFact lists a package's calls in loops that reach only
// interface methods whose implementations the package cannot see.
type pendingFact struct {
	Calls []Pending // sorted by key
}

func (*pendingFact) AFact() {}

func (f *pendingFact) String() string {
	parts := make([]string, 0, len(f.Calls))
	for _, p := range f.Calls {
		parts = append(parts, p.Subject)
	}
	return "pending(" + strings.Join(parts, "; ") + ")"
}

// A Pending is a finding waiting for the implementations of an interface.
// Positions are byte offsets in File, checked against its Size, so that
// they survive serialization and are not used on another version of the
// file.
type Pending struct {
	File            string
	Size            int
	Off, End        int // the call
	LoopOff, LoopAt int // the loop's start and its body's start
	Subject         string
	Open            []Open // Via: the chain below the call, ending in the interface method ("" if the call is it)
	Loop            string // "element of ids"
	Goroutine       bool
	Rows            bool
	SameArgs        bool // a read with the same arguments in every iteration
	// Entry is the exported function whose body holds the loop, when its
	// users decide whether it is request work (jobentry.go).
	Entry string
	// Lists are the lists exported functions are handed that the loop
	// walks, when their callers decide (handedin.go).
	Lists []ListEntry
}

// key identifies a pending call by its file and span: chained calls
// (m.ds.MediaFile(ctx).GetAll(opts)) start at the same offset, and each
// is a pending call of its own.
func (p Pending) key() string { return fmt.Sprintf("%s:%d-%d", p.File, p.Off, p.End) }

// A resolvedFact lists the pending findings a package resolved, by key,
// and the findings it reported for them.
type resolvedFact struct {
	Keys  []string // sorted
	Found []wp.Found
}

// pendingLess orders pending calls by file and position, and of calls
// that start at one offset (a chain: m.ds.MediaFile(ctx).GetAll(opts)),
// the outer call first: it runs on what the inner calls return, and its
// round trip is the one the chain makes per element.
func pendingLess(a, b Pending) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Off != b.Off {
		return a.Off < b.Off
	}
	return a.End > b.End
}

func (*resolvedFact) AFact() {}

func (f *resolvedFact) String() string { return fmt.Sprintf("resolved(%d)", len(f.Keys)) }

// callOpen returns the open interface calls a call may make: its own, if
// it is a call through an interface of the program whose implementations
// the package cannot see, or those of the callee's fact.
func (c *checker) callOpen(ci ssa.CallInstruction) []Open {
	common := ci.Common()
	if common.IsInvoke() {
		if o, ok := c.invokeOpen(common, ci.Pos()); ok {
			return []Open{o}
		}
		return nil
	}
	callee := common.StaticCallee()
	if callee == nil || c.startsDaemon(ci) {
		return nil
	}
	obj := funcObject(callee)
	if obj == nil {
		if s := c.anonSummary(callee); s != nil {
			return s.Open
		}
		return nil
	}
	f := c.factOf(obj)
	if f == nil {
		return nil
	}
	return openThrough(f.Open, analysisutil.Display(obj))
}

// invokeOpen describes a call through an interface of the program (not of
// the standard library or of a library the tables describe) for which the
// package sees no implementation that runs a round trip.
func (c *checker) invokeOpen(common *ssa.CallCommon, pos token.Pos) (Open, bool) {
	m := common.Method
	if m == nil || !m.Exported() || m.Pkg() == nil || c.isStd(m.Pkg()) || knowledge.IsDescribed(m.Pkg().Path()) {
		return Open{}, false
	}
	if _, ok := knowledge.LookupRoundTrip(m.Origin(), common.Value.Type()); ok || c.planQuery(m) {
		return Open{}, false
	}
	tn := namedInterface(common.Value.Type(), m)
	if tn == nil || !c.inModule(tn.Pkg()) {
		return Open{}, false
	}
	iface := interfaceOf(common.Value.Type())
	if iface == nil || !c.implementations(iface, m).empty() {
		return Open{}, false
	}
	return Open{Pkg: tn.Pkg().Path(), Type: tn.Name(), Method: m.Name(), Via: c.displayAt(pos, m), Posn: c.posn(pos)}, true
}

// namedInterface returns the declared interface type an interface call
// goes through: the receiver's type, or the interface that declares the
// method (one embedded in an unnamed interface).
func namedInterface(recv types.Type, m *types.Func) *types.TypeName {
	for _, t := range []types.Type{recv, m.Type().(*types.Signature).Recv().Type()} {
		if n, ok := types.Unalias(t).(*types.Named); ok && n.TypeParams().Len() == 0 && types.IsInterface(n) && n.Obj().Pkg() != nil {
			return n.Obj()
		}
	}
	return nil
}

// inModule reports whether the package being analysed belongs to a main
// module (the program's own code, not a dependency's) and p to the same
// module. When the driver does not say which module a package belongs
// to, every package counts.
func (c *checker) inModule(p *types.Package) bool {
	mod := c.pass.Module
	if mod == nil || mod.Path == "" {
		return true
	}
	if !mod.Main && mod.Version != "" {
		// A dependency's interfaces are its own business. (go vet does
		// not say which module is the main one; a main module has no
		// version.)
		return false
	}
	return p.Path() == mod.Path || strings.HasPrefix(p.Path(), mod.Path+"/")
}

// deferSite records a call in a loop that reaches only open interface
// calls, for a package that sees their implementations to report.
func (c *checker) deferSite(s site) {
	if s.arg >= 0 || c.ix == nil || c.library {
		return
	}
	ci := c.ix.Call(s.call.Lparen)
	if ci == nil {
		return
	}
	opens := c.callOpen(ci)
	if len(opens) == 0 {
		return
	}
	if allCached(opens) && !c.memo && !c.argsMemo(s).distinct {
		return // a cache-aside read not keyed by the element (cached.go)
	}
	d := analysis.Diagnostic{Pos: s.call.Pos(), End: s.call.End(), Category: CategoryRead}
	if c.pass.Suppressed != nil && c.pass.Suppressed(d) {
		return
	}
	start := c.pass.Fset.PositionFor(s.call.Pos(), false)
	tf := c.pass.Fset.File(s.call.Pos())
	if tf == nil || !start.IsValid() {
		return
	}
	off := func(pos token.Pos) int { return c.pass.Fset.PositionFor(pos, false).Offset }
	p := Pending{
		File: start.Filename, Size: tf.Size(),
		Off: start.Offset, End: off(s.call.End()),
		LoopOff: off(s.loop.node.Pos()), LoopAt: off(loopHead(s.loop)),
		Loop:      s.loop.describe(c.pass.Fset),
		Goroutine: s.goroutine,
		Rows:      s.loop.rows,
		SameArgs:  !c.dependsOnIteration(s.loop, s.call),
	}

	if refs := c.handedRefs(s.loop); refs != nil {
		for _, r := range refs {
			e := entryOf(r)
			p.Lists = append(p.Lists, e)
			c.holdOn(e, nil) // named for the callers to say
		}
	} else if fn := c.heldEntry(s); fn != nil {
		p.Entry = analysisutil.FullName(fn)
		c.holdJob(p.Entry, analysis.Diagnostic{})
	}
	fn := analysisutil.Callee(c.pass.TypesInfo, s.call)
	shown := render(c.pass.Fset, s.call.Fun)
	if fn != nil {
		shown = c.displayAt(s.call.Lparen, fn)
	}
	p.Subject = shown
	for _, o := range opens {
		below := o.Via
		if fn != nil {
			below = trimStep(below, analysisutil.Display(fn))
		}
		below = trimStep(below, shown)
		if below == shown {
			below = ""
		}
		o.Via = below
		p.Open = append(p.Open, o)
	}
	c.pending = append(c.pending, p)
}

// resolvePending exports the package's pending findings, and reports
// those of its dependencies that it can resolve and no dependency
// resolved before.
func (c *checker) resolvePending() {
	if c.library {
		return
	}
	if len(c.pending) > 0 {
		sort.SliceStable(c.pending, func(i, j int) bool { return pendingLess(c.pending[i], c.pending[j]) })
		c.pass.ExportPackageFact(&pendingFact{Calls: c.pending})
	}
	var pending []Pending
	var found []wp.Found
	done := make(map[string]bool)
	for _, pf := range c.pass.AllPackageFacts() {
		if pf.Package == c.pass.Pkg {
			continue
		}
		switch f := pf.Fact.(type) {
		case *pendingFact:
			pending = append(pending, f.Calls...)
		case *resolvedFact:
			for _, k := range f.Keys {
				done[k] = true
			}
			found = append(found, f.Found...)
		}
	}
	wp.ReportFound(wp.NewFiles(c.pass.Fset), found, c.pass.Report)
	if len(pending) == 0 {
		return
	}
	sort.SliceStable(pending, func(i, j int) bool { return pendingLess(pending[i], pending[j]) })
	var resolved []string
	var reported []wp.Found
	loops := make(map[string]bool) // the loops reported: one finding per loop
	bulk := c.bulkLoops(pending, done)
	for _, p := range pending {
		k := p.key()
		if done[k] {
			continue
		}
		done[k] = true
		loop := fmt.Sprintf("%s:%d", p.File, p.LoopOff)
		if bulk[loop] {
			continue // a bulk write: its reads are reported with it, under -writes
		}
		if loops[loop] && !c.each {
			resolved = append(resolved, k) // the loop's finding is reported
			continue
		}
		if d, ok := c.reportPending(p); ok {
			resolved = append(resolved, k)
			loops[loop] = true
			if len(p.Lists) > 0 {
				// A loop over a list an exported function is handed:
				// its callers decide (handedin.go).
				if f, ok := wp.FoundOf(c.pass.Fset, k, d); ok {
					for _, e := range p.Lists {
						c.holdOn(e, []wp.Found{f})
					}
					continue
				}
			}
			if p.Entry != "" {
				// A loop of a function other packages may run as a job:
				// its users decide (jobentry.go).
				c.holdJob(p.Entry, d)
				continue
			}
			c.pass.Report(d)
			if f, ok := wp.FoundOf(c.pass.Fset, k, d); ok {
				reported = append(reported, f)
			}
		}
	}
	if len(resolved) > 0 {
		sort.Strings(resolved)
		c.pass.ExportPackageFact(&resolvedFact{Keys: resolved, Found: reported})
	}
}

// bulkLoops returns the loops ("file:offset") of pending calls that
// write once per element through an interface every implementation of
// which writes (writesEach), unless writes are reported.
func (c *checker) bulkLoops(pending []Pending, done map[string]bool) map[string]bool {
	if c.writes {
		return nil
	}
	loops := make(map[string]bool)
	for _, p := range pending {
		if done[p.key()] {
			continue
		}
		if slices.ContainsFunc(p.Open, c.writesEach) {
			loops[fmt.Sprintf("%s:%d", p.File, p.LoopOff)] = true
		}
	}
	return loops
}

// An impl is one implementation of an interface method and what it may
// do.
type impl struct {
	fn   *types.Func
	name string // (*postgres.DB).ListMemos
	r    *Reach
}

// reportPending returns the finding of a pending call, to report, if the
// package sees implementations of one of its interface methods that run
// round trips, and the file set knows the call's file.
func (c *checker) reportPending(p Pending) (analysis.Diagnostic, bool) {
	for _, o := range p.Open {
		impls, write := c.resolveOpen(o)
		if len(impls) == 0 {
			continue
		}
		call, ok := c.posIn(p, p.Off)
		if !ok {
			return analysis.Diagnostic{}, false
		}
		end, _ := c.posIn(p, p.End)
		loop, _ := c.posIn(p, p.LoopOff)
		at, _ := c.posIn(p, p.LoopAt)
		category := CategoryRead
		if write {
			category = CategoryWrite
		}
		var related []analysis.RelatedInformation
		for _, im := range impls {
			related = append(related, c.implRelated(im, write))
		}
		related = analysisutil.BoundedRelated(c.pass.Fset, related)
		related = append(related, analysis.RelatedInformation{Pos: loop, End: at, Message: "once per " + p.Loop})
		d := analysis.Diagnostic{
			Pos:      call,
			End:      end,
			Category: category,
			Message:  pendingMessage(p, o, impls, write),
			Related:  related,
		}
		return d, true
	}
	return analysis.Diagnostic{}, false
}

// resolveOpen returns the implementations the package sees of an open
// interface method that run a read (or, with no read and writes on, a
// write), sorted by name.
func (c *checker) resolveOpen(o Open) ([]impl, bool) {
	reads, writes, _, _ := c.openImpls(o)
	out, write := reads, false
	if len(out) == 0 && c.writes {
		out, write = writes, true
	}
	slices.SortFunc(out, func(a, b impl) int { return strings.Compare(a.name, b.name) })
	return slices.CompactFunc(out, func(a, b impl) bool { return a.name == b.name }), write
}

// writesEach reports whether an open interface method is a write in every
// implementation the package sees, and there is one at least (store.Driver's
// DeleteAttachment in mysql, postgres and sqlite; CreateInbox, which reads
// the row back after its INSERT): a loop that calls it
// writes once per element, a bulk write whose reads are reported with it,
// under -writes, as when the write is seen in the package (writeLoops). A
// method that one implementation writes in and another does not is no
// such evidence.
func (c *checker) writesEach(o Open) bool {
	reads, writes, others, writing := c.openImpls(o)
	return writing > 0 && writing == len(reads)+len(writes)+others
}

// openImpls returns the implementations the package sees of an open
// interface method that run a read, those that run only writes, the
// number of those that run neither, and the number of those that write
// (with reads or not).
func (c *checker) openImpls(o Open) (reads, writes []impl, others, writing int) {
	tn := c.lookupType(o.Pkg, o.Type)
	if tn == nil {
		return nil, nil, 0, 0
	}
	iface, ok := tn.Type().Underlying().(*types.Interface)
	if !ok {
		return nil, nil, 0, 0
	}
	obj, _, _ := types.LookupFieldOrMethod(tn.Type(), false, tn.Pkg(), o.Method)
	m, ok := obj.(*types.Func)
	if !ok {
		return nil, nil, 0, 0
	}
	for _, cand := range c.candidates()[m.Name()] {
		if types.IsInterface(cand) {
			continue // a library interface describes, it does not implement
		}
		if n, ok := cand.(*types.Named); ok && n.Obj().Pkg() == c.pass.Pkg {
			// A driver package sees its own implementation only; the
			// package that wires the drivers together sees them all.
			continue
		}
		for _, t := range []types.Type{types.NewPointer(cand), cand} {
			if !implements(t, iface) {
				continue
			}
			fobj, _, _ := types.LookupFieldOrMethod(t, true, m.Pkg(), m.Name())
			fn, ok := fobj.(*types.Func)
			if !ok {
				continue
			}
			p := c.methodReach(fn, t)
			name := displayOn(t, fn)
			if p.write != nil {
				writing++
			}
			switch {
			case p.read != nil && p.read.Cached && !c.memo:
				others++ // a cache-aside read: a query only on a miss (cached.go)
			case p.read != nil:
				reads = append(reads, impl{fn, name, p.read})
			case p.write != nil:
				writes = append(writes, impl{fn, name, p.write})
			default:
				others++
			}
			break
		}
	}
	return reads, writes, others, writing
}

// lookupType finds a package-level type by package path among the
// package and its imports, direct or not.
func (c *checker) lookupType(path, name string) *types.TypeName {
	p := c.pass.Pkg
	if p.Path() != path {
		p = c.importedPackages()[path]
	}
	if p == nil {
		return nil
	}
	tn, _ := p.Scope().Lookup(name).(*types.TypeName)
	return tn
}

// posIn turns an offset of a pending finding into a position, if the
// file set holds the same version of its file.
func (c *checker) posIn(p Pending, off int) (token.Pos, bool) {
	if c.files == nil {
		c.files = make(map[string]*token.File)
		c.pass.Fset.Iterate(func(f *token.File) bool {
			c.files[f.Name()] = f
			return true
		})
	}
	tf := c.files[p.File]
	if tf == nil || tf.Size() != p.Size || off < 0 || off > tf.Size() {
		return token.NoPos, false
	}
	return tf.Pos(off), true
}

// implRelated points at an implementation's round trip, or at the
// implementation when the round trip is in another file.
func (c *checker) implRelated(im impl, write bool) analysis.RelatedInformation {
	what := "the " + noun(im.r, write) + " of " + im.name
	if pos := analysisutil.LineIn(c.pass.Fset, im.fn.Pos(), im.r.Posn); pos.IsValid() {
		return analysis.RelatedInformation{Pos: pos, Message: what + " runs here"}
	}
	if im.r.Posn != "" {
		return analysis.RelatedInformation{Pos: im.fn.Pos(), Message: what + " runs in " + im.r.Posn}
	}
	return analysis.RelatedInformation{Pos: im.fn.Pos(), Message: what + " is made here"}
}

// pendingMessage writes a resolved finding: the call, the interface
// method and its implementations, the round trip, once per what, and the
// fix.
//
//	(*store.Store).GetMemo may run a query ((store.Driver).ListMemos,
//	implemented by (*postgres.DB).ListMemos and (*sqlite.DB).ListMemos →
//	(*sql.DB).QueryContext in postgres/memo.go:67) once per element of ids; ...
func pendingMessage(p Pending, o Open, impls []impl, write bool) string {
	first := impls[0]
	rest := trimStep(first.r.Via, first.name)
	if rest == first.name {
		rest = ""
	}
	var below string
	if rest != "" {
		below = rest
		if first.r.Posn != "" {
			below += " in " + first.r.Posn
		}
	}
	var b strings.Builder
	b.WriteString(p.Subject)
	if o.Via == "" {
		// The call is the interface method.
		b.WriteString(", implemented by " + implNames(impls) + ",")
	} else {
		below = o.Via + ", implemented by " + implNames(impls) + join(" → ", below)
	}
	b.WriteString(" may run " + article(noun(first.r, write)))
	if below != "" {
		b.WriteString(" (" + below + ")")
	}
	b.WriteString(" once per " + p.Loop)
	if p.Goroutine {
		b.WriteString(", each in its own goroutine")
	}
	if p.Rows && !knowledge.Lib(first.r.Lib).IsCache() {
		b.WriteString(", while the result set keeps its connection busy, so each one takes a second connection from the pool")
	}
	if p.SameArgs && !write && !first.r.Tx {
		b.WriteString(" with the same arguments each time; run it once before the loop")
		return b.String()
	}
	b.WriteString("; " + advice(first.r, write))
	return b.String()
}

func join(sep, s string) string {
	if s == "" {
		return ""
	}
	return sep + s
}

// implNames lists implementations: "A", "A and B", "A, B and 3 more".
func implNames(impls []impl) string {
	const shown = 3
	var names []string
	for i, im := range impls {
		if i == shown && len(impls) > shown+1 {
			names = append(names, fmt.Sprintf("%d more", len(impls)-shown))
			break
		}
		names = append(names, im.name)
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// callsOpenInterface reports whether the package may leave interface
// calls open: it calls a method of an interface of the program, or a
// function whose fact lists open calls. Such a package needs summaries
// even when it imports no database or cache library.
func (c *checker) callsOpenInterface() bool {
	for _, sel := range c.pass.TypesInfo.Selections {
		if sel.Kind() != types.MethodVal || !types.IsInterface(sel.Recv()) {
			continue
		}
		if m, ok := sel.Obj().(*types.Func); ok && m.Exported() && m.Pkg() != nil && !c.isStd(m.Pkg()) && !knowledge.IsDescribed(m.Pkg().Path()) {
			if tn := namedInterface(sel.Recv(), m); tn != nil && c.inModule(tn.Pkg()) {
				return true
			}
		}
	}
	for _, obj := range c.pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg || c.isStd(fn.Pkg()) || !c.inModule(fn.Pkg()) {
			continue
		}
		var f queryFact
		if c.pass.ImportObjectFact(fn.Origin(), &f) && len(f.Open) > 0 {
			return true
		}
	}
	return false
}
