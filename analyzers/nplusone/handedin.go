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
	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	wp "github.com/perfvet/perfvet/analyzers/internal/reach"
	"github.com/perfvet/perfvet/analyzers/internal/ssabuild"
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
// A function used as a value, and a method its package converts to an
// interface declared outside its module (or when the driver does not say
// what the module is), may be called unseen: its loops are reported where
// they are, as before. Importers report again, as they are, the findings
// their dependencies reported (the driver merges the copies).

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

// A heldList is a held list as a package sees it: the entry, the
// receiver's named type (nil for a function) and the findings.
type heldList struct {
	entry ListEntry
	recv  types.Type
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

// recvType returns the named type of a held method's receiver, looked up
// in the method's package, or nil.
func recvType(pkg *types.Package, e ListEntry) types.Type {
	if e.Recv == "" || pkg == nil {
		return nil
	}
	if tn, ok := pkg.Scope().Lookup(e.Recv).(*types.TypeName); ok {
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

// heldList returns the parameters whose callers decide on a loop's
// finding, or nil if it is reported where it is.
func (c *checker) heldList(l *loop) []listRef {
	if !c.holdsLists() || c.loopSource(l) != srcCaller || len(l.callerRefs) == 0 {
		return nil
	}
	unseen := c.unseenCallers()
	for _, r := range l.callerRefs {
		if unseen[r.fn.Origin()] {
			return nil
		}
	}
	return l.callerRefs
}

// unseenCallers returns the exported functions of the package that may be
// called where no call names them: used as a value, or methods that a
// value converted to an interface declared outside the module brings
// along (calls through the program's own interfaces are seen:
// listCalls).
func (c *checker) unseenCallers() map[*types.Func]bool {
	if c.listUnseen != nil {
		return c.listUnseen
	}
	c.listUnseen = make(map[*types.Func]bool)
	info := c.pass.TypesInfo
	called := make(map[*ast.Ident]bool)
	names := make(map[string]bool)
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				switch fun := ast.Unparen(call.Fun).(type) {
				case *ast.Ident:
					called[fun] = true
				case *ast.SelectorExpr:
					called[fun.Sel] = true
				}
			}
			if fd, ok := n.(*ast.FuncDecl); ok {
				if fn, ok := info.Defs[fd.Name].(*types.Func); ok && fn.Exported() && fn.Signature().Recv() != nil {
					names[analysisutil.FullName(fn)] = true
				}
			}
			return true
		})
	}
	for id, obj := range info.Uses {
		if fn, ok := obj.(*types.Func); ok && fn.Pkg() == c.pass.Pkg && !called[id] && !c.inTestFile(id.Pos()) {
			c.listUnseen[fn.Origin()] = true
		}
	}
	converted := c.convertedOutside(names)
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if fn, ok := info.Defs[fd.Name].(*types.Func); ok {
					if _, ok := converted[analysisutil.FullName(fn)]; ok {
						c.listUnseen[fn] = true
					}
				}
			}
		}
	}
	return c.listUnseen
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
		c.holdOn(entryOf(r), c.pass.Pkg, []wp.Found{f})
	}
	return true
}

// holdOn adds findings to a list the package holds.
func (c *checker) holdOn(e ListEntry, pkg *types.Package, fs []wp.Found) {
	if c.listHeld == nil {
		c.listHeld = make(map[string]*heldList)
	}
	h, ok := c.listHeld[e.Key]
	if !ok {
		h = &heldList{entry: e, recv: recvType(pkg, e)}
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
	for _, pf := range c.pass.AllPackageFacts() {
		if pf.Package == c.pass.Pkg {
			continue
		}
		switch f := pf.Fact.(type) {
		case *listPendingFact:
			for _, e := range f.Entries {
				held = append(held, &heldList{entry: e, recv: recvType(pf.Package, e), found: e.Found})
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
		mine = c.listUses()
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
	var viaIface []ListEntry
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
	add := func(u ListEntry) bool {
		if u.Iface {
			if slices.ContainsFunc(viaIface, func(v ListEntry) bool { return v.Key == u.Key }) {
				return false
			}
			viaIface = append(viaIface, u)
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
			if !paged[k] && slices.ContainsFunc(viaIface, func(u ListEntry) bool { return c.implementsUse(e, u) }) {
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
	t := recvType(c.importedPkg(e.Pkg), e)
	it := recvType(c.importedPkg(u.Pkg), u)
	if t == nil || it == nil {
		return false
	}
	iface, ok := it.Underlying().(*types.Interface)
	return ok && (types.Implements(t, iface) || types.Implements(types.NewPointer(t), iface))
}

// listUses says what the package's calls (outside its test files) of
// exported functions and interface methods hand their list parameters:
// a list a loop here would be reported over (Paged), or a list an
// exported function of the package is handed in its turn (Chains). A
// function used as a value may be handed anything: its lists are Paged.
func (c *checker) listUses() listUsesFact {
	info := c.pass.TypesInfo
	paged := make(map[string]ListEntry)
	chains := make(map[string]ListChain)
	for _, file := range c.pass.Files {
		if c.inTestFile(file.Pos()) {
			continue
		}
		called := make(map[*ast.Ident]bool)
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				if id := calleeIdent(call); id != nil {
					called[id] = true
				}
				fn := analysisutil.Callee(info, call)
				if fn == nil || !fn.Exported() && !isInterfaceMethod(fn) {
					return true
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
						}
					case c.reportsOver(src):
						paged[u.Key] = u
					}
				}
				return true
			})
		}
		// A function used as a value: its calls are not seen.
		ast.Inspect(file, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok || called[id] {
				return true
			}
			fn, ok := info.Uses[id].(*types.Func)
			if !ok || !fn.Exported() || isInterfaceMethod(fn) {
				return true
			}
			params := fn.Signature().Params()
			for i := range params.Len() {
				if isCollection(params.At(i).Type()) {
					if u, ok := useEntry(fn, i); ok {
						paged[u.Key] = u
					}
				}
			}
			return true
		})
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

// calleeIdent returns the identifier a call names its function by (f,
// pkg.F, x.M), or nil.
func calleeIdent(call *ast.CallExpr) *ast.Ident {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return fun
	case *ast.SelectorExpr:
		return fun.Sel
	case *ast.IndexExpr:
		return calleeIdent(&ast.CallExpr{Fun: fun.X})
	case *ast.IndexListExpr:
		return calleeIdent(&ast.CallExpr{Fun: fun.X})
	}
	return nil
}

// handedSource says where a value handed in a call comes from, and which
// exported functions' parameters hand it on.
func (c *checker) handedSource(e ast.Expr, decl *ast.FuncDecl) (source, []listRef) {
	var refs []listRef
	prev := c.refSink
	c.refSink = &refs
	src := c.exprSource(e, decl, 0, make(map[types.Object]bool))
	c.refSink = prev
	unseen := c.unseenCallers()
	for _, r := range refs {
		if unseen[r.fn.Origin()] {
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

// convertedOutside returns, of the methods named (by full name), those a
// value the package converts to an interface brings along, where the
// interface is declared outside the package's module, or the driver does
// not say what the module is (convertedMethods).
func (c *checker) convertedOutside(names map[string]bool) map[string]bool {
	out := make(map[string]bool)
	mod := c.pass.Module
	for name := range c.convertedMethods(names) {
		out[name] = true
	}
	if mod == nil || mod.Path == "" || c.ssaFuncs() == nil {
		return out
	}
	// Keep only the conversions to interfaces of other modules.
	inside := func(t types.Type) bool {
		n, ok := types.Unalias(t).(*types.Named)
		if !ok || n.Obj().Pkg() == nil {
			return false
		}
		path := n.Obj().Pkg().Path()
		return path == mod.Path || strings.HasPrefix(path, mod.Path+"/")
	}
	kept := make(map[string]bool)
	for _, f := range c.ssaFuncs() {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				mi, ok := instr.(*ssa.MakeInterface)
				if !ok || inside(mi.Type()) || mi.Pos().IsValid() && c.inTestFile(mi.Pos()) {
					continue
				}
				iface, ok := mi.Type().Underlying().(*types.Interface)
				if !ok {
					continue
				}
				ms := types.NewMethodSet(mi.X.Type())
				for i := range iface.NumMethods() {
					if sel := ms.Lookup(iface.Method(i).Pkg(), iface.Method(i).Name()); sel != nil {
						if m, ok := sel.Obj().(*types.Func); ok && out[analysisutil.FullName(m)] {
							kept[analysisutil.FullName(m)] = true
						}
					}
				}
			}
		}
	}
	return kept
}

// ssaFuncs returns the package's functions in SSA form, package
// initialisation included, or nil when the package has none.
func (c *checker) ssaFuncs() []*ssa.Function {
	res, ok := c.pass.ResultOf[ssabuild.Analyzer].(*ssabuild.Result)
	if !ok || res == nil {
		return nil
	}
	pkg, fs := res.SSA()
	if pkg == nil {
		return nil
	}
	out := slices.Clone(fs)
	if init := pkg.Func("init"); init != nil {
		out = append(out, init)
	}
	return slices.DeleteFunc(out, func(f *ssa.Function) bool { return f == nil })
}

// importedPkg returns the package at path: this one, or one it imports,
// directly or not; nil if neither.
func (c *checker) importedPkg(path string) *types.Package {
	if path == c.pass.Pkg.Path() {
		return c.pass.Pkg
	}
	return c.importedPackages()[path]
}
