package pagesize

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// Page sizes a request carries and its method ignores.
//
// A gRPC method whose request message has a page-size field (AIP-158's
// page_size, max_results) promises its clients a page. When no function
// of the package reads that field, nor its getter, and the method hands
// its read an options struct of the program's (FindUser) that has a page
// field of its own (Limit) but sets no field at all on some path to the
// read, that path returns every row of the table to every request: memos'
// ListUsers before it was paginated ("TODO: Implement proper ordering,
// and pagination"). An options struct that sets a field on every path (a
// parent's key, a filter) is taken as bounded by it, as reads by a parent
// key are by default.

// ignoredPageSizes reports the reads of gRPC methods that ignore the
// request's page size.
func (c *checker) ignoredPageSizes(funcs []*ssa.Function) {
	var read map[types.Object]bool // the fields and methods the package selects, once asked
	for _, f := range funcs {
		if f == nil || f.Parent() != nil || len(f.Params) != 3 || len(f.Blocks) == 0 || !isGRPCMethod(f) || c.inTestFile(f.Pos()) {
			continue
		}
		req := f.Params[2]
		field, getter := requestPageSize(req.Type())
		if field == nil {
			continue
		}
		if read == nil {
			read = c.selected()
		}
		if read[field] || getter != nil && read[getter] || c.requestEscapes(req) {
			continue
		}
		for _, b := range f.Blocks {
			for _, in := range b.Instrs {
				call, ok := in.(*ssa.Call)
				if !ok || !returnsSlice(call) {
					continue
				}
				for _, a := range call.Call.Args {
					alloc, ok := a.(*ssa.Alloc)
					if !ok {
						continue
					}
					limit := optionsPageField(alloc.Type())
					if limit == "" || !setsNothingOnSomePath(alloc, call) {
						continue
					}
					c.report(call.Pos(), nil, CategoryIgnored, "%s never reads the request's %s: %s is handed a %s that sets no field on this path (no %s), so a request reads every row; read %s, clamp it to %s, and set %s",
						f.Name(), field.Name(), callName(call), typeName(alloc.Type()), limit, field.Name(), c.planMax(), limit)
					break
				}
			}
		}
	}
}

// requestPageSize returns the page-size field of a request message (a
// pointer to a struct), and its getter (GetPageSize) if it has one.
func requestPageSize(t types.Type) (*types.Var, *types.Func) {
	st := structOf(t)
	if st == nil {
		return nil, nil
	}
	for i := range st.NumFields() {
		fv := st.Field(i)
		if !fv.Exported() || !knowledge.PageSizeName(fv.Name()) || !isInteger(fv.Type()) {
			continue
		}
		obj, _, _ := types.LookupFieldOrMethod(t, true, fv.Pkg(), "Get"+fv.Name())
		getter, _ := obj.(*types.Func)
		return fv, getter
	}
	return nil, nil
}

// optionsPageField returns the name of the page-size field of an options
// struct (a pointer to one), "" if it has none.
func optionsPageField(t types.Type) string {
	st := structOf(t)
	if st == nil {
		return ""
	}
	for i := range st.NumFields() {
		if fv := st.Field(i); fv.Exported() && knowledge.PageSizeName(fv.Name()) {
			return fv.Name()
		}
	}
	return ""
}

// structOf returns the struct a pointer points to.
func structOf(t types.Type) *types.Struct {
	p, ok := types.Unalias(t).Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	st, _ := p.Elem().Underlying().(*types.Struct)
	return st
}

// typeName returns the name a pointer's element is written with.
func typeName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return "struct"
}

// callName returns the name of the function a call calls.
func callName(call *ssa.Call) string {
	if fn := calleeObj(&call.Call); fn != nil {
		return analysisutil.Display(fn)
	}
	return "the call"
}

// returnsSlice reports whether a call's first result is a slice.
func returnsSlice(call *ssa.Call) bool {
	res := call.Call.Signature().Results()
	if res.Len() == 0 {
		return false
	}
	_, ok := res.At(0).Type().Underlying().(*types.Slice)
	return ok
}

// selected returns the fields and methods that the package's files, test
// files aside, select (x.F, x.GetF()).
func (c *checker) selected() map[types.Object]bool {
	out := make(map[types.Object]bool)
	for sel, s := range c.pass.TypesInfo.Selections {
		if !c.inTestFile(sel.Pos()) {
			out[s.Obj()] = true
		}
	}
	return out
}

// inTestFile reports whether pos is in a _test.go file.
func (c *checker) inTestFile(pos token.Pos) bool {
	return pos.IsValid() && strings.HasSuffix(c.pass.Fset.Position(pos).Filename, "_test.go")
}

// requestEscapes reports whether a request message reaches code that
// this package's selections do not show: a call of another package's
// function (not a method of the message), a value kept, converted or
// captured.
func (c *checker) requestEscapes(req *ssa.Parameter) bool {
	for _, r := range *req.Referrers() {
		switch r := r.(type) {
		case *ssa.FieldAddr, *ssa.DebugRef:
		case *ssa.Call:
			fn := calleeObj(&r.Call)
			if fn == nil {
				return true
			}
			if recv := fn.Signature().Recv(); recv != nil && types.Identical(recv.Type(), req.Type()) {
				continue // the message's own method: a getter
			}
			if fn.Pkg() != c.pass.Pkg {
				return true
			}
		default:
			return true
		}
	}
	return false
}

// setsNothingOnSomePath reports whether some path from an options
// struct's allocation to a call that is handed it writes none of its
// fields, and the call is the only one handed it.
func setsNothingOnSomePath(alloc *ssa.Alloc, call *ssa.Call) bool {
	stores := make(map[*ssa.BasicBlock][]int) // indexes of the stores to the struct's fields, by block
	for _, r := range *alloc.Referrers() {
		switch r := r.(type) {
		case *ssa.FieldAddr:
			for _, u := range *r.Referrers() {
				if st, ok := u.(*ssa.Store); ok && st.Addr == r {
					stores[st.Block()] = append(stores[st.Block()], indexOf(st))
				} else if _, isCall := u.(ssa.CallInstruction); isCall {
					return false // a field handed on may be set there
				}
			}
		case *ssa.Call:
			if r != call {
				return false // another call may set its fields
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	from, to := alloc.Block(), call.Block()
	at, callAt := indexOf(alloc), indexOf(call)
	storedBetween := func(b *ssa.BasicBlock, lo, hi int) bool {
		for _, i := range stores[b] {
			if i > lo && i < hi {
				return true
			}
		}
		return false
	}
	if from == to {
		return callAt > at && !storedBetween(from, at, callAt)
	}
	if storedBetween(from, at, len(from.Instrs)) || storedBetween(to, -1, callAt) {
		return false
	}
	seen := map[*ssa.BasicBlock]bool{from: true}
	work := append([]*ssa.BasicBlock(nil), from.Succs...)
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[b] {
			continue
		}
		seen[b] = true
		if b == to {
			return true
		}
		if len(stores[b]) > 0 {
			continue
		}
		work = append(work, b.Succs...)
	}
	return false
}
