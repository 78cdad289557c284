package nplusone

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	wp "github.com/perfvet/perfvet/analyzers/internal/reach"
)

// Lists handed in by other packages.
//
// A loop over a list an exported function is handed runs over whatever
// its callers hand it: a page of rows from a list endpoint, or the few
// tags of one question, the paths of one ?expand=, the rows of an
// import. Its package cannot tell which. When the driver analyses the
// whole program (WholeProgram), the finding is held in a
// listPendingFact, by the function and the parameter (so is a finding
// the package that resolves an interface called in such a loop reports,
// reach.go), and each package that calls the function says, in a
// listUsesFact, whether a call hands it what a loop in the caller would
// be reported over by the same rules (a page of rows by default, every
// row of a read with -unpaged), or hands on a list the caller's own
// exported function is handed (a chain, which that function's callers
// decide in turn). A call through an interface counts as a call of the
// held methods of the types that implement it. A package that sees a held
// finding and a use that hands its list a page, directly or along
// chains, reports it, at the loop. A list nobody in the program hands a
// page (request ids, a list built in memory, the children of one entity,
// or no call at all) is silent, as it would be in a loop of the caller.
// A function used as a value, and a method of a type that implements an
// interface of another module that its package deals in (any interface,
// when the driver does not say what the module is), may be called
// unseen: its loops are reported where they are, as before. Importers
// report again, as they are, the findings their dependencies reported
// (the driver merges the copies).

// A listRef is a parameter of an exported function of this package whose
// list a loop walks.
type listRef struct {
	fn    *types.Func
	param int
}

func (r listRef) key() string { return listKey(analysisutil.FullName(r.fn.Origin()), r.param) }

// listKey names a held list: the function's full name and the parameter.
func listKey(fn string, param int) string { return fmt.Sprintf("%s#%d", fn, param) }

// A listPendingFact lists the findings of loops over lists that exported
// functions are handed, held for the callers to say what they hand.
type listPendingFact struct {
	Entries []ListEntry // sorted by Key
}

func (*listPendingFact) AFact() {}

func (f *listPendingFact) String() string {
	keys := make([]string, 0, len(f.Entries))
	for _, e := range f.Entries {
		keys = append(keys, e.Key)
	}
	return "listpending(" + strings.Join(keys, "; ") + ")"
}

// A ListEntry is a list parameter (listKey) and, held, the findings over
// it. A method's list also names the receiver's type (in the method's
// package) and the method, so that calls through an interface the type
// implements count as calls of it; a use through an interface names the
// interface.
type ListEntry struct {
	Key          string
	Pkg          string // the package path of the function, or of the interface
	Recv, Method string
	Param        int
	Iface        bool // a parameter of an interface method (Recv names the interface)
	Found        []wp.Found
}

// A heldList is a held list as a package sees it: the entry and the
// findings.
type heldList struct {
	entry ListEntry
	found []wp.Found
}

// entryOf describes a parameter of an exported function as a ListEntry.
func entryOf(r listRef) ListEntry {
	e := ListEntry{Key: r.key(), Pkg: r.fn.Pkg().Path(), Method: r.fn.Name(), Param: r.param}
	if recv := r.fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			e.Recv = n.Obj().Name()
		}
	}
	return e
}

// recvType returns the named type of a list entry's receiver (a method's
// type, or a use's interface), looked up among the packages this one
// sees, or nil.
func (c *checker) recvType(e ListEntry) types.Type {
	if e.Recv == "" {
		return nil
	}
	if tn := analysisutil.LookupType(c.pass.Pkg, c.importedPackages(), e.Pkg, e.Recv); tn != nil {
		return tn.Type()
	}
	return nil
}

// A listUsesFact says what a package's calls of exported functions and
// of interface methods hand their list parameters: Paged, the lists some
// call hands what a loop would be reported over (or that a function
// value may be handed anything); Chains, the lists a call hands on what
// an exported function of the package is handed; and Found, the held
// findings it reported.
type listUsesFact struct {
	Paged  []ListEntry
	Chains []ListChain
	Found  []wp.Found
}

// A ListChain says that the list From (a parameter of an exported
// function of the calling package) is handed on as the list To.
type ListChain struct{ From, To ListEntry }

func (*listUsesFact) AFact() {}

func (f *listUsesFact) String() string {
	keys := make([]string, 0, len(f.Paged))
	for _, e := range f.Paged {
		keys = append(keys, e.Key)
	}
	return fmt.Sprintf("listuses(paged %s; chains %d; reported %d)", strings.Join(keys, ", "), len(f.Chains), len(f.Found))
}

// holdsLists reports whether the package holds findings over handed-in
// lists for its callers.
func (c *checker) holdsLists() bool {
	return c.wholeProgram && !c.library && !c.anyCollection
}

// handedRefs returns the parameters whose callers decide on a loop's
// finding, or nil if it is reported where it is.
func (c *checker) handedRefs(l *loop) []listRef {
	if !c.holdsLists() || c.loopSource(l) != srcCaller || len(l.callerRefs) == 0 {
		return nil
	}
	for _, r := range l.callerRefs {
		if c.unseenCaller(r.fn) {
			return nil
		}
	}
	return l.callerRefs
}

// unseenCaller reports whether an exported function of the package may
// be called where no call names it: used as a value, or a method of a
// type that implements an interface of another module the package deals
// in (the types of its expressions, and the parameters and results of
// the functions it calls: a value may be converted to it, and the
// module's code is not seen to call it). When the driver does not say
// what the module is, every interface counts. Calls through the
// program's own interfaces are seen (listUses).
func (c *checker) unseenCaller(fn *types.Func) bool {
	fn = fn.Origin()
	if unseen, ok := c.listUnseen[fn]; ok {
		return unseen
	}
	if c.listUnseen == nil {
		c.listUnseen = make(map[*types.Func]bool)
	}
	unseen := c.valueUses()[fn]
	if !unseen && fn.Signature().Recv() != nil {
		recv := fn.Signature().Recv().Type()
		if p, ok := types.Unalias(recv).(*types.Pointer); ok {
			recv = p.Elem()
		}
		ptr := types.NewPointer(recv)
		for _, iface := range c.foreignInterfaces() {
			if hasMethod(iface, fn.Name()) && (types.Implements(recv, iface) || types.Implements(ptr, iface)) {
				unseen = true
				break
			}
		}
	}
	c.listUnseen[fn] = unseen
	return unseen
}

// valueUses returns the functions the package names outside a call's
// callee, outside its test files: used as values.
func (c *checker) valueUses() map[*types.Func]bool {
	if c.listValues != nil {
		return c.listValues
	}
	c.listValues = make(map[*types.Func]bool)
	called := c.scanCalls().called
	for id, obj := range c.pass.TypesInfo.Uses {
		if fn, ok := obj.(*types.Func); ok && !called[id] && !c.inTestFile(id.Pos()) {
			c.listValues[fn.Origin()] = true
		}
	}
	return c.listValues
}

// A callScan is the package's calls, in one walk: those that hand
// arguments, with the declared functions they are written in (outside
// test files), and the identifiers that name a call's callee.
type callScan struct {
	calls  []declCall
	called map[*ast.Ident]bool
}

type declCall struct {
	call *ast.CallExpr
	decl *ast.FuncDecl
}

func (c *checker) scanCalls() *callScan {
	if c.listCalls != nil {
		return c.listCalls
	}
	cs := &callScan{called: make(map[*ast.Ident]bool)}
	for _, file := range c.pass.Files {
		test := c.inTestFile(file.Pos())
		for _, d := range file.Decls {
			fd, _ := d.(*ast.FuncDecl)
			ast.Inspect(d, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				if id := analysisutil.CalleeIdent(call); id != nil {
					cs.called[id] = true
				}
				if fd != nil && fd.Body != nil && !test && len(call.Args) > 0 {
					cs.calls = append(cs.calls, declCall{call, fd})
				}
				return true
			})
		}
	}
	c.listCalls = cs
	return cs
}

// foreignInterfaces returns the interfaces with methods, declared outside
// the package's module (any, when the driver does not say what the
// module is), that the package's expressions have as their type or as
// the type of a parameter or result of a function they call.
func (c *checker) foreignInterfaces() []*types.Interface {
	if c.listForeign != nil {
		return *c.listForeign
	}
	out := c.scanForeignInterfaces()
	c.listForeign = &out
	return out
}

func (c *checker) scanForeignInterfaces() []*types.Interface {
	mod := c.pass.Module
	seen := make(map[types.Type]bool)
	var out []*types.Interface
	add := func(t types.Type) {
		n, ok := types.Unalias(t).(*types.Named)
		if !ok || seen[n] {
			return
		}
		seen[n] = true
		iface, ok := n.Underlying().(*types.Interface)
		if !ok || iface.NumMethods() == 0 {
			return
		}
		if mod != nil && mod.Path != "" && n.Obj().Pkg() != nil && analysisutil.SameModule(mod.Path)(n.Obj().Pkg()) {
			return
		}
		out = append(out, iface)
	}
	for _, tv := range c.pass.TypesInfo.Types {
		if tv.Type == nil {
			continue
		}
		add(tv.Type)
		if sig, ok := tv.Type.(*types.Signature); ok {
			for i := range sig.Params().Len() {
				add(sig.Params().At(i).Type())
			}
			for i := range sig.Results().Len() {
				add(sig.Results().At(i).Type())
			}
		}
	}
	return out
}

// hasMethod reports whether an interface has a method of that name.
func hasMethod(iface *types.Interface, name string) bool {
	for i := range iface.NumMethods() {
		if iface.Method(i).Name() == name {
			return true
		}
	}
	return false
}

// holdList holds a finding for the callers of the functions whose
// parameters hand its loop the list, and reports whether it could.
func (c *checker) holdList(refs []listRef, d analysis.Diagnostic) bool {
	site, ok := wp.SiteOf(c.pass.Fset, d.Pos, d.End)
	if !ok {
		return false
	}
	f, ok := wp.FoundOf(c.pass.Fset, "list:"+site.Key(), d)
	if !ok {
		return false
	}
	for _, r := range refs {
		c.holdOn(entryOf(r), []wp.Found{f})
	}
	return true
}

// holdOn adds findings to a list the package holds.
func (c *checker) holdOn(e ListEntry, fs []wp.Found) {
	if c.listHeld == nil {
		c.listHeld = make(map[string]*heldList)
	}
	h, ok := c.listHeld[e.Key]
	if !ok {
		h = &heldList{entry: e}
		c.listHeld[e.Key] = h
	}
	h.found = append(h.found, fs...)
}

// resolveLists says what the package's calls hand list parameters,
// reports the held findings whose lists some use in the program seen
// from here hands a page, reports again what dependencies reported, and
// exports what the package holds and how it uses lists.
func (c *checker) resolveLists() {
	if c.library {
		return
	}
	var held []*heldList
	var found []wp.Found
	var uses listUsesFact
	heldNames := make(map[string]bool) // the functions whose lists dependencies hold
	for _, pf := range c.pass.AllPackageFacts() {
		if pf.Package == c.pass.Pkg {
			continue
		}
		switch f := pf.Fact.(type) {
		case *listPendingFact:
			for _, e := range f.Entries {
				if len(e.Found) > 0 {
					held = append(held, &heldList{entry: e, found: e.Found})
				}
				name, _, _ := strings.Cut(e.Key, "#")
				heldNames[name] = true
			}
		case *listUsesFact:
			uses.Paged = append(uses.Paged, f.Paged...)
			uses.Chains = append(uses.Chains, f.Chains...)
			found = append(found, f.Found...)
		}
	}
	files := wp.NewFiles(c.pass.Fset)
	wp.ReportFound(files, found, c.pass.Report)
	reported := make(map[string]bool)
	for _, f := range found {
		reported[f.Key] = true
	}
	held = append(held, slices.Collect(maps.Values(c.listHeld))...)
	var mine listUsesFact
	if c.holdsLists() {
		mine = c.listUses(heldNames)
	}
	uses.Paged = append(uses.Paged, mine.Paged...)
	uses.Chains = append(uses.Chains, mine.Chains...)
	if len(held) > 0 {
		paged := c.pagedLists(held, uses)
		for _, h := range held {
			if !paged[h.entry.Key] {
				continue
			}
			for _, f := range h.found {
				if !reported[f.Key] {
					reported[f.Key] = true
					mine.Found = append(mine.Found, f)
				}
			}
		}
	}
	wp.ReportFound(files, mine.Found, c.pass.Report)
	if len(mine.Paged) > 0 || len(mine.Chains) > 0 || len(mine.Found) > 0 {
		c.pass.ExportPackageFact(&mine)
	}
	if len(c.listHeld) > 0 {
		fact := &listPendingFact{}
		for _, k := range slices.Sorted(maps.Keys(c.listHeld)) {
			e := c.listHeld[k].entry
			e.Found = dedupFound(c.listHeld[k].found)
			fact.Entries = append(fact.Entries, e)
		}
		c.pass.ExportPackageFact(fact)
	}
}

// pagedLists returns the keys of the held lists (and of the lists chains
// hand them from) that some use hands a page: directly, through an
// interface their type implements, or along chains.
func (c *checker) pagedLists(held []*heldList, uses listUsesFact) map[string]bool {
	paged := make(map[string]bool)
	viaIface := make(map[string]bool)           // keys of the interface uses that hand a page
	ifaceBySlot := make(map[string][]ListEntry) // those uses by method and parameter
	concrete := make(map[string]ListEntry)
	for _, h := range held {
		concrete[h.entry.Key] = h.entry
	}
	for _, ch := range uses.Chains {
		concrete[ch.From.Key] = ch.From
		if !ch.To.Iface {
			concrete[ch.To.Key] = ch.To
		}
	}
	slot := func(e ListEntry) string { return fmt.Sprintf("%s#%d", e.Method, e.Param) }
	add := func(u ListEntry) bool {
		if u.Iface {
			if viaIface[u.Key] {
				return false
			}
			viaIface[u.Key] = true
			ifaceBySlot[slot(u)] = append(ifaceBySlot[slot(u)], u)
			return true
		}
		if paged[u.Key] {
			return false
		}
		paged[u.Key] = true
		return true
	}
	for _, u := range uses.Paged {
		add(u)
	}
	for changed := true; changed; {
		changed = false
		for k, e := range concrete {
			if paged[k] || e.Recv == "" {
				continue
			}
			if slices.ContainsFunc(ifaceBySlot[slot(e)], func(u ListEntry) bool { return c.implementsUse(e, u) }) {
				paged[k] = true
				changed = true
			}
		}
		for _, ch := range uses.Chains {
			if paged[ch.From.Key] && add(ch.To) {
				changed = true
			}
		}
	}
	return paged
}

// implementsUse reports whether a use through an interface method's list
// parameter is a use of a method's: the same method and parameter, and
// the method's receiver type implements the interface.
func (c *checker) implementsUse(e, u ListEntry) bool {
	if e.Recv == "" || e.Method != u.Method || e.Param != u.Param {
		return false
	}
	t := c.recvType(e)
	it := c.recvType(u)
	if t == nil || it == nil {
		return false
	}
	iface, ok := it.Underlying().(*types.Interface)
	return ok && (types.Implements(t, iface) || types.Implements(types.NewPointer(t), iface))
}

// listUses says what the package's calls (outside its test files) of
// exported functions and interface methods hand their list parameters:
// a list a loop here would be reported over (Paged), or a list an
// exported function of the package is handed in its turn (Chains, whose
// origins the package then holds by name, for its own callers to say).
// A function used as a value may be handed anything: its lists are
// Paged. A call of another package's function counts only when that
// package holds a list of it (held names its facts list); a call through
// an interface always does, since the package that holds its
// implementations' lists may be one this one does not see.
func (c *checker) listUses(heldNames map[string]bool) listUsesFact {
	info := c.pass.TypesInfo
	paged := make(map[string]ListEntry)
	chains := make(map[string]ListChain)
	known := make(map[*types.Func]bool)
	counts := func(fn *types.Func) bool {
		switch {
		case isInterfaceMethod(fn):
			return true
		case !fn.Exported():
			return false
		case fn.Pkg() == c.pass.Pkg:
			return true
		case len(heldNames) == 0:
			return false
		}
		fn = fn.Origin()
		held, ok := known[fn]
		if !ok {
			held = heldNames[analysisutil.FullName(fn)]
			known[fn] = held
		}
		return held
	}
	for _, dc := range c.scanCalls().calls {
		call, fd := dc.call, dc.decl
		fn := analysisutil.Callee(info, call)
		if fn == nil || !counts(fn) {
			continue
		}
		variadic := variadicFrom(fn)
		for i, arg := range call.Args {
			if variadic >= 0 && i >= variadic && call.Ellipsis == token.NoPos {
				break // f(a, b): the caller wrote the few values out
			}
			if !c.isCollectionExpr(arg) {
				continue
			}
			u, ok := useEntry(fn, i)
			if !ok {
				continue
			}
			src, refs := c.handedSource(arg, fd)
			switch {
			case src == srcCaller && len(refs) > 0:
				for _, r := range refs {
					ch := ListChain{From: entryOf(r), To: u}
					chains[ch.From.Key+"\x00"+u.Key] = ch
					c.holdOn(ch.From, nil)
				}
			case c.reportsOver(src):
				paged[u.Key] = u
			}
		}
	}
	// A function used as a value: its calls are not seen.
	for fn := range c.valueUses() {
		if !counts(fn) || isInterfaceMethod(fn) {
			continue
		}
		params := fn.Signature().Params()
		for i := range params.Len() {
			if isCollection(params.At(i).Type()) {
				if u, ok := useEntry(fn, i); ok {
					paged[u.Key] = u
				}
			}
		}
	}
	var f listUsesFact
	for _, k := range slices.Sorted(maps.Keys(paged)) {
		f.Paged = append(f.Paged, paged[k])
	}
	for _, k := range slices.Sorted(maps.Keys(chains)) {
		f.Chains = append(f.Chains, chains[k])
	}
	return f
}

// useEntry describes the list parameter i of a function or an interface
// method (a named interface's) as a ListEntry.
func useEntry(fn *types.Func, i int) (ListEntry, bool) {
	fn = fn.Origin()
	if !isInterfaceMethod(fn) {
		return entryOf(listRef{fn: fn, param: i}), fn.Pkg() != nil
	}
	n, ok := types.Unalias(fn.Signature().Recv().Type()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ListEntry{}, false
	}
	return ListEntry{Key: listKey(analysisutil.FullName(fn), i), Pkg: n.Obj().Pkg().Path(), Recv: n.Obj().Name(), Method: fn.Name(), Param: i, Iface: true}, true
}

// handedSource says where a value handed in a call comes from, and which
// exported functions' parameters hand it on.
func (c *checker) handedSource(e ast.Expr, decl *ast.FuncDecl) (source, []listRef) {
	var refs []listRef
	prev := c.refSink
	c.refSink = &refs
	src := c.exprSource(e, decl, 0, make(map[types.Object]bool))
	c.refSink = prev
	if len(refs) == 0 {
		return src, nil
	}
	for _, r := range refs {
		if c.unseenCaller(r.fn) {
			return src, nil
		}
	}
	return src, refs
}

// dedupFound returns the findings once each, by key.
func dedupFound(fs []wp.Found) []wp.Found {
	seen := make(map[string]bool)
	out := fs[:0:0]
	for _, f := range fs {
		if !seen[f.Key] {
			seen[f.Key] = true
			out = append(out, f)
		}
	}
	return out
}
