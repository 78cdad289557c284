package pagesize

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// Page parameters an HTTP handler parses and hands to no read.
//
// A handler that parses the request's page (a request helper of the
// program that is handed the request and returns a struct with a page-size
// field: wakapi's utils.ParsePageParamsWithDefault(r, 1, 100)) promises a
// page. When the page reaches no call that could read with it (it is only
// shown: stored in the view model, logged, compared) and the handler reads
// a list from a function of the program that is not handed the request
// either, that list is every row: wakapi's projects page before it was
// paginated ("note: pagination is not fully implemented, yet"). The
// gRPC twin is ignoredPageSizes.

// ignoredHTTPPages reports the list reads of handlers that parse the
// request's page and hand it to no call.
func (c *checker) ignoredHTTPPages(funcs []*ssa.Function) {
	inModule := analysisutil.SameModule(c.modulePath())
	for _, f := range funcs {
		if f == nil || len(f.Blocks) == 0 || !isHandler(f) || c.inTestFile(f.Pos()) {
			continue
		}
		reqs := requestParams(f)
		pages := pageParses(f, reqs)
		if len(pages) == 0 || pagesUsed(pages) {
			continue
		}
		if read := unpagedRead(f, reqs, inModule); read != nil {
			page := pages[0]
			c.report(read.Pos(), nil, CategoryIgnored, "%s parses the request's page (%s) but hands it to no read: %s is handed neither the page nor the request, so it returns every row and the page is only shown; pass the page's limit and offset to the read, clamped to %s",
				f.Name(), callName(page), callName(read), c.planMax())
		}
	}
}

// modulePath returns the path of the module analysed, "" if unknown.
func (c *checker) modulePath() string {
	if m := c.pass.Module; m != nil {
		return m.Path
	}
	return ""
}

// requestParams returns a handler's request parameters: the
// *http.Request, gin's *Context, echo's Context.
func requestParams(f *ssa.Function) []ssa.Value {
	var out []ssa.Value
	for _, p := range f.Params {
		t := p.Type()
		if isNamedPtr(t, knowledge.NetHTTP, "Request") || isNamedPtr(t, knowledge.Gin, "Context") || isNamed(t, knowledge.Echo4, "Context") {
			out = append(out, p)
		}
	}
	return out
}

// pageParses returns the calls of f that are handed a request parameter
// and return a pointer to a struct with a page-size field.
func pageParses(f *ssa.Function, reqs []ssa.Value) []*ssa.Call {
	var out []*ssa.Call
	for _, b := range f.Blocks {
		for _, in := range b.Instrs {
			call, ok := in.(*ssa.Call)
			if !ok || optionsPageField(call.Type()) == "" || !handedAny(&call.Call, reqs) {
				continue
			}
			out = append(out, call)
		}
	}
	return out
}

// handedAny reports whether a call is handed one of vs, as an argument or
// its receiver.
func handedAny(common *ssa.CallCommon, vs []ssa.Value) bool {
	for _, a := range common.Args {
		for _, v := range vs {
			if flow.Unwrap(a) == v {
				return true
			}
		}
	}
	return false
}

// pagesUsed reports whether a parsed page, or a value derived from it (a
// field, the result of its own method, a conversion), reaches a call
// that is not its own method: a read, a helper that may read. A page
// stored into a struct (a view model), compared or returned is not used
// to read.
func pagesUsed(pages []*ssa.Call) bool {
	seen := make(map[ssa.Value]bool)
	var used func(v ssa.Value, depth int) bool
	used = func(v ssa.Value, depth int) bool {
		if seen[v] || depth > 8 {
			return false
		}
		seen[v] = true
		for _, r := range flow.Referrers(v) {
			switch r := r.(type) {
			case ssa.CallInstruction:
				common := r.Common()
				if !handedAny(common, []ssa.Value{v}) && common.Value != v {
					continue
				}
				if ownMethod(common, pages) || knowledge.Parsers[funcKeyOf(common)] {
					if call, ok := r.(*ssa.Call); ok && used(call, depth+1) {
						return true
					}
					continue
				}
				return true
			case *ssa.Store:
				if r.Addr == v {
					continue // a field written: the page's own
				}
				if a, ok := r.Addr.(*ssa.Alloc); ok && used(a, depth+1) {
					return true // a variable: its loads (a captured one is an Alloc on the heap)
				}
			case *ssa.MakeClosure:
				return true // a function literal captures it: it may read with it
			case *ssa.UnOp, *ssa.FieldAddr, *ssa.Field, *ssa.Extract, *ssa.Convert, *ssa.ChangeType, *ssa.Phi:
				if used(r.(ssa.Value), depth+1) {
					return true
				}
			case *ssa.MakeInterface:
				if used(r, depth+1) {
					return true
				}
			}
		}
		return false
	}
	for _, p := range pages {
		if used(p, 0) {
			return true
		}
	}
	return false
}

// ownMethod reports whether a call is a method of the parsed page's own
// type (pageParams.Limit()), whose result is the page again.
func ownMethod(common *ssa.CallCommon, pages []*ssa.Call) bool {
	fn := calleeObj(common)
	if fn == nil {
		return false
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	for _, p := range pages {
		if types.Identical(analysisutil.Deref(recv.Type()), analysisutil.Deref(p.Type())) {
			return true
		}
	}
	return false
}

func funcKeyOf(common *ssa.CallCommon) string {
	if fn := calleeObj(common); fn != nil {
		return knowledge.FuncKey(fn)
	}
	return ""
}

// unpagedRead returns the first call of f to a function of the module that
// returns a slice and is handed no request parameter and no page (a
// struct with a page-size field, whatever its values), or nil.
func unpagedRead(f *ssa.Function, reqs []ssa.Value, inModule func(*types.Package) bool) *ssa.Call {
	for _, b := range f.Blocks {
		for _, in := range b.Instrs {
			call, ok := in.(*ssa.Call)
			if !ok || !returnsSlice(call) || handedAny(&call.Call, reqs) || handedPage(&call.Call) {
				continue
			}
			if fn := calleeObj(&call.Call); fn != nil && fn.Pkg() != nil && inModule(fn.Pkg()) {
				return call
			}
		}
	}
	return nil
}

// handedPage reports whether a call is handed a pointer to a struct with a
// page-size field: it reads a page, though not the request's.
func handedPage(common *ssa.CallCommon) bool {
	for _, a := range common.Args {
		if optionsPageField(a.Type()) != "" {
			return true
		}
	}
	return false
}
