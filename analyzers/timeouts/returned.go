package timeouts

import (
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/commands"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	wp "github.com/perfvet/perfvet/analyzers/internal/reach"
)

// Clients that their callers bound.
//
// A client with no Timeout is bounded when every request sent through it
// carries a context with a deadline. The rule follows the client through
// the program's own plumbing: stored into a field, loaded and returned by
// an unexported getter, whose every call's result sends bounded requests
// (3x-ui's Remote.httpClient, a lazily built per-node client, every
// request of which runs under context.WithTimeout(remoteHTTPTimeout)).
//
// A client returned by an exported function is sent through by callers in
// other packages, which its package cannot see. In the perfvet command
// (which sees the whole program and says which packages the run imports),
// when every call of the function in its own package sends bounded
// requests, the finding is held in a returnedFact, and each package that
// calls the function reports it, at its own position, when a call's
// result is used otherwise: stored where the rule cannot follow it, or
// sent with a request that has no deadline. A function no package calls
// is dead code, and its finding stays silent. Other drivers report the
// finding where it is.

// A returnedFact holds a package's client findings in exported functions
// that return the client, for the packages that call them to decide.
type returnedFact struct {
	Entries []ReturnedEntry // sorted by Func
}

// A ReturnedEntry is an exported function (by its full name) that returns
// a client with no Timeout as its result Index (of N), and the findings
// that wait for its callers.
type ReturnedEntry struct {
	Func  string
	Index int
	N     int
	Found []wp.Found
}

func (*returnedFact) AFact() {}

func (f *returnedFact) String() string {
	names := make([]string, 0, len(f.Entries))
	for _, e := range f.Entries {
		names = append(names, e.Func)
	}
	return "returns clients(" + strings.Join(names, "; ") + ")"
}

// maxSendDepth bounds the plumbing sendsBounded follows: field, getter,
// field again.
const maxSendDepth = 4

// A returnHold is the exported function a client reaches a return of,
// whose callers in other packages decide whether it is bounded.
type returnHold struct {
	fn     *ssa.Function
	idx, n int
}

// sendsBounded reports whether a client value is only used to send
// bounded requests (clientSends), at least through the plumbing above:
// stored into a field or a package variable whose loads all are, or
// returned by an unexported function whose every call's result is. n
// counts the sends. With hold, a return from one exported function whose
// calls in this package all are bounded is left to its other callers
// (hold.fn) and counts as a send.
func (c *checker) sendsBounded(v ssa.Value, depth int, hold *returnHold) (n int, ok bool) {
	if n, ok := clientSends(v); ok {
		return n, true
	}
	if depth > maxSendDepth {
		return 0, false
	}
	_, isAlloc := v.(*ssa.Alloc)
	for _, ref := range flow.Referrers(v) {
		var k int
		switch ref := ref.(type) {
		case *ssa.BinOp:
			continue // client == nil
		case *ssa.DebugRef:
			continue
		case *ssa.FieldAddr:
			if !isAlloc && (!onlyStored(ref) || !isTimeoutField(ref)) {
				return 0, false
			}
			// the literal's fields, set where it is made, or the
			// Timeout of a shared client set before its use (gorush's
			// feedbackClient.Timeout = d; feedbackClient.Do(req))
			continue
		case *ssa.Store:
			if ref.Val != v {
				return 0, false
			}
			switch addr := ref.Addr.(type) {
			case *ssa.FieldAddr:
				k, ok = c.fieldSends(flow.FieldVar(addr), depth+1, hold)
			case *ssa.Global:
				k, ok = c.globalSends(addr, depth+1, hold)
			default:
				return 0, false
			}
		case *ssa.Return:
			k, ok = c.returnedSends(v, depth+1, hold)
			if !ok && hold != nil {
				k, ok = c.holdForCallers(v, hold)
			}
		case ssa.CallInstruction:
			k, ok = clientSend(v, ref)
			if !ok {
				k, ok = c.helperSends(v, ref, depth)
			}
		default:
			return 0, false
		}
		if !ok {
			return 0, false
		}
		n += k
	}
	return n, true
}

// helperSends is sendsBounded for a client handed to a function of this
// package: every parameter it is passed as must send bounded requests
// there (flagr's doRequestWithRetry(ctx, w.httpClient, req, ...), whose
// client.Do sends its caller's request, made with the caller's context:
// judged false when reported).
func (c *checker) helperSends(v ssa.Value, call ssa.CallInstruction, depth int) (int, bool) {
	common := call.Common()
	callee := common.StaticCallee()
	if callee == nil || callee.Pkg == nil || callee.Pkg.Pkg != c.pass.Pkg || len(callee.Blocks) == 0 || common.Value == v {
		return 0, false
	}
	n, passed := 0, false
	for i, arg := range common.Args {
		if arg != v {
			continue
		}
		if i >= len(callee.Params) {
			return 0, false
		}
		k, ok := c.sendsBounded(callee.Params[i], depth+1, nil)
		if !ok {
			return 0, false
		}
		n += k
		passed = true
	}
	return n, passed
}

// onlyStored reports whether a field's address is only stored to.
func onlyStored(fa *ssa.FieldAddr) bool {
	refs := flow.Referrers(fa)
	for _, ref := range refs {
		if st, ok := ref.(*ssa.Store); !ok || st.Addr != ssa.Value(fa) {
			return false
		}
	}
	return len(refs) > 0
}

// isTimeoutField reports whether fa addresses an http.Client's Timeout.
func isTimeoutField(fa *ssa.FieldAddr) bool {
	f := flow.FieldVar(fa)
	return f != nil && f.Name() == "Timeout" && isPointerTo(fa.X.Type(), knowledge.NetHTTP, "Client")
}

// holdForCallers is sendsBounded for a client that an exported function
// returns: when every call of the function in this package sends bounded
// requests, and the function is not used as a value here, its callers in
// other packages decide (returnedFact). Only in the perfvet command
// (holdsReturned), and for one function per client.
func (c *checker) holdForCallers(v ssa.Value, hold *returnHold) (int, bool) {
	if !c.holdsReturned() {
		return 0, false
	}
	idx, ret := returnedAs(v, 0, make(map[ssa.Value]bool))
	if ret == nil {
		return 0, false
	}
	fn := ret.Parent()
	obj, ok := fn.Object().(*types.Func)
	if !ok || !obj.Exported() || fn.Parent() != nil || c.callers().escapes[fn] || hold.fn != nil && hold.fn != fn {
		return 0, false
	}
	for _, call := range c.callers().calls[fn] {
		res := resultOf(call, idx, len(ret.Results))
		if res == nil {
			return 0, false
		}
		if _, ok := c.sendsBounded(res, 1, nil); !ok {
			return 0, false
		}
	}
	*hold = returnHold{fn: fn, idx: idx, n: len(ret.Results)}
	return 1, true
}

// globalSends is sendsBounded for a package variable that holds a client:
// every load of it in the package must send bounded requests.
func (c *checker) globalSends(g *ssa.Global, depth int, hold *returnHold) (int, bool) {
	if c.ssa == nil {
		return 0, false
	}
	_, funcs := c.ssa.SSA()
	n := 0
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				for _, op := range instr.Operands(nil) {
					if op == nil || *op != ssa.Value(g) {
						continue
					}
					if st, ok := instr.(*ssa.Store); ok && st.Addr == ssa.Value(g) {
						continue // a client stored
					}
					load, ok := instr.(*ssa.UnOp)
					if !ok || load.Op != token.MUL {
						return 0, false
					}
					k, ok := c.sendsBounded(load, depth, hold)
					if !ok {
						return 0, false
					}
					n += k
				}
			}
		}
	}
	return n, true
}

// returnedSends is sendsBounded for a value its unexported function
// returns: every call's result must send bounded requests.
func (c *checker) returnedSends(v ssa.Value, depth int, hold *returnHold) (int, bool) {
	idx, ret := returnedAs(v, 0, make(map[ssa.Value]bool))
	if ret == nil {
		return 0, false
	}
	calls := c.localCalls(ret.Parent())
	if len(calls) == 0 {
		return 0, false
	}
	n := 0
	for _, call := range calls {
		res := resultOf(call, idx, len(ret.Results))
		if res == nil {
			return 0, false
		}
		k, ok := c.sendsBounded(res, depth, hold)
		if !ok {
			return 0, false
		}
		n += k
	}
	return n, true
}

// fieldSends is sendsBounded for a struct field that holds clients: every
// load of it in the package must send bounded requests.
func (c *checker) fieldSends(f *types.Var, depth int, hold *returnHold) (int, bool) {
	if c.ssa == nil || f == nil {
		return 0, false
	}
	_, funcs := c.ssa.SSA()
	sends := 0
	ok := everyInstr(funcs, func(_ *ssa.Function, instr ssa.Instruction) bool {
		fa, ok := instr.(*ssa.FieldAddr)
		if !ok || flow.FieldVar(fa) != f {
			return true
		}
		for _, ref := range flow.Referrers(fa) {
			switch ref := ref.(type) {
			case *ssa.Store:
				continue // the client stored
			case *ssa.UnOp:
				if ref.Op != token.MUL {
					return false
				}
				n, ok := c.sendsBounded(ref, depth, hold)
				if !ok {
					return false
				}
				sends += n
			case ssa.CallInstruction:
				// A client held by value: s.Client.Do(req) calls the
				// method on the field's address.
				n, ok := clientSend(fa, ref)
				if !ok {
					return false
				}
				sends += n
			default:
				return false
			}
		}
		return true
	})
	if !ok {
		return 0, false
	}
	return sends, true
}

// everyInstr reports whether pred holds for every instruction of funcs
// and of the function literals in them, each function visited once.
func everyInstr(funcs []*ssa.Function, pred func(*ssa.Function, ssa.Instruction) bool) bool {
	seen := make(map[*ssa.Function]bool)
	var visit func(fn *ssa.Function) bool
	visit = func(fn *ssa.Function) bool {
		if fn == nil || seen[fn] {
			return true
		}
		seen[fn] = true
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if !pred(fn, instr) {
					return false
				}
			}
		}
		for _, anon := range fn.AnonFuncs {
			if !visit(anon) {
				return false
			}
		}
		return true
	}
	for _, fn := range funcs {
		if !visit(fn) {
			return false
		}
	}
	return true
}

// holdsReturned reports whether the package may hold client findings for
// the callers of its exported functions: the perfvet command, a package
// of the module, not main, that a package of the run imports.
func (c *checker) holdsReturned() bool {
	pkg := c.pass.Pkg
	return c.cfg.WholeProgram && c.cfg.Imported != nil && c.cfg.Imported(pkg.Path()) &&
		pkg.Name() != "main" && !c.dependency() && c.ssa != nil
}

// holdReturned marks a client finding at pos as waiting for the callers
// of fn (deliverReturned).
func (c *checker) holdReturned(pos token.Pos, h returnHold) {
	if c.returnHolds == nil {
		c.returnHolds = make(map[token.Pos]ReturnedEntry)
	}
	obj := h.fn.Object().(*types.Func)
	c.returnHolds[pos] = ReturnedEntry{Func: analysisutil.FullName(obj), Index: h.idx, N: h.n}
}

// allocsSendBounded is sendsBounded for the allocations of a client
// literal: whether they send bounded requests only, and the exported
// function whose callers decide, if one does.
func (c *checker) allocsSendBounded(allocs []*ssa.Alloc) (bool, returnHold) {
	var h returnHold
	sends := 0
	for _, a := range allocs {
		n, ok := c.sendsBounded(a, 1, &h)
		if !ok {
			return false, returnHold{}
		}
		sends += n
	}
	return sends > 0, h
}

// deliverReturned holds a finding whose positions all wait for the
// callers of one function, or for any use of the exported function they
// are written in (unusedFunc), and reports whether it did.
func (c *checker) deliverReturned(d analysis.Diagnostic) bool {
	e, ok := c.returnHolds[d.Pos]
	if ok {
		for _, r := range d.Related {
			if o, ok := c.returnHolds[r.Pos]; !ok || o.Func != e.Func {
				return false
			}
		}
	} else if c.holdsClients() {
		return false // held for the serving programs (held.go), which decide on unused functions too
	} else if e, ok = c.unusedFunc(d); !ok {
		return false
	}
	if c.pass.Suppressed != nil && c.pass.Suppressed(d) {
		return true
	}
	f, ok := wp.FoundOf(c.pass.Fset, "", d)
	if !ok {
		return false
	}
	f.Key = "returned:" + f.Site.Key()
	if c.returnHeld == nil {
		c.returnHeld = make(map[string]*ReturnedEntry)
	}
	held := c.returnHeld[e.Func]
	if held == nil {
		held = &e
		c.returnHeld[e.Func] = held
	}
	held.Found = append(held.Found, f)
	return true
}

// unusedFunc returns, for a finding whose positions are all in one
// exported function (not a method) of a package that holds findings for
// its callers (holdsReturned), which no file of the package but its tests
// refers to, an entry that any use of the function reports (Index -1):
// a function that no package of the program uses is dead code, or kept
// for its tests (slash's ActiveLicenseKey helpers of two licence
// services, which only their tests call: 2 findings judged false).
func (c *checker) unusedFunc(d analysis.Diagnostic) (ReturnedEntry, bool) {
	if !c.holdsReturned() {
		return ReturnedEntry{}, false
	}
	decl, _ := c.enclosingDecl(d.Pos)
	fd, ok := decl.(*ast.FuncDecl)
	if !ok || fd.Recv != nil || !fd.Name.IsExported() {
		return ReturnedEntry{}, false
	}
	for _, r := range d.Related {
		if r.Pos < fd.Pos() || r.Pos >= fd.End() {
			return ReturnedEntry{}, false
		}
	}
	fn, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if !ok {
		return ReturnedEntry{}, false
	}
	for id, obj := range c.pass.TypesInfo.Uses {
		if obj == fn && !strings.HasSuffix(c.pass.Fset.Position(id.Pos()).Filename, "_test.go") {
			return ReturnedEntry{}, false
		}
	}
	return ReturnedEntry{Func: analysisutil.FullName(fn), Index: -1}, true
}

// concludeReturned exports the findings the package holds for callers,
// and reports those its dependencies hold for the functions it calls in
// a way sendsBounded cannot follow (or holds them for its importers, when
// it holds its own clients: held.go). It runs before concludeClients.
func (c *checker) concludeReturned() {
	if len(c.returnHeld) > 0 {
		fact := &returnedFact{}
		for _, name := range slices.Sorted(maps.Keys(c.returnHeld)) {
			fact.Entries = append(fact.Entries, *c.returnHeld[name])
		}
		c.pass.ExportPackageFact(fact)
	}
	if !c.cfg.WholeProgram || c.cfg.Imported == nil {
		return
	}
	facts := make(map[*types.Package]map[string]ReturnedEntry)
	entryOf := func(obj *types.Func) (ReturnedEntry, bool) {
		if obj == nil || obj.Pkg() == nil || obj.Pkg() == c.pass.Pkg {
			return ReturnedEntry{}, false
		}
		byName, done := facts[obj.Pkg()]
		if !done {
			var f returnedFact
			if c.pass.ImportPackageFact(obj.Pkg(), &f) {
				byName = make(map[string]ReturnedEntry, len(f.Entries))
				for _, e := range f.Entries {
					byName[e.Func] = e
				}
			}
			facts[obj.Pkg()] = byName
		}
		e, ok := byName[analysisutil.FullName(obj.Origin())]
		return e, ok
	}
	// Uses in command code and tests count for nothing: an operator runs
	// a command at a terminal (mailpit's readyz command, the one user of
	// its healthcheck client), and tests run no request.
	var found []wp.Found
	for cur := range c.insp.Root().Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		fn, ok := c.pass.TypesInfo.Uses[id].(*types.Func)
		if !ok {
			continue
		}
		e, ok := entryOf(fn)
		if !ok || strings.HasSuffix(c.pass.Fset.Position(id.Pos()).Filename, "_test.go") || c.inCommand(cur) {
			continue
		}
		// Any use of a function held as unused (Index -1); without SSA
		// (the package does nothing with net/http itself, or does not
		// type-check), any use of one that returns a client may send
		// unbounded requests.
		if e.Index < 0 && fn.Signature().Recv() == nil || e.Index >= 0 && c.ssa == nil {
			found = append(found, e.Found...)
		}
	}
	if c.ssa == nil {
		c.deliverFound(found)
		return
	}
	if c.commands == nil {
		c.commands = commands.Find(c.pass.TypesInfo, c.pass.Pkg, c.pass.Files)
	}
	ix := c.callers()
	funcOf := func(fn *ssa.Function) *types.Func {
		obj, _ := fn.Object().(*types.Func)
		return obj
	}
	for fn := range ix.escapes {
		if e, ok := entryOf(funcOf(fn)); ok && e.Index >= 0 {
			found = append(found, e.Found...) // used as a value: any caller
		}
	}
	for fn, calls := range ix.calls {
		e, ok := entryOf(funcOf(fn))
		if !ok || e.Index < 0 {
			continue
		}
		for _, call := range calls {
			if c.ssaInCommand(call.Parent()) {
				continue
			}
			res := resultOf(call, e.Index, e.N)
			if res == nil {
				found = append(found, e.Found...)
				break
			}
			if _, ok := c.sendsBounded(res, 1, nil); !ok {
				found = append(found, e.Found...)
				break
			}
		}
	}
	c.deliverFound(found)
}

// deliverFound reports the held findings of functions the package calls,
// or holds them for its importers when it holds its own clients.
func (c *checker) deliverFound(found []wp.Found) {
	if len(found) == 0 {
		return
	}
	slices.SortFunc(found, func(a, b wp.Found) int { return strings.Compare(a.Key, b.Key) })
	if c.ssa != nil && c.holdsClients() {
		// This package serves nothing either: the programs that import
		// it decide, as for its own clients (held.go).
		c.held = append(c.held, found...)
		return
	}
	wp.ReportFound(wp.NewFiles(c.pass.Fset), found, c.pass.Report)
}
