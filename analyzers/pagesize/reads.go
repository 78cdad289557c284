package pagesize

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/internal/sqltext"
)

// wholeTable describes the rows a multi-row SQL read returns if they are
// the whole table (or a filter of it) with no LIMIT; "" if they are
// bounded: a LIMIT, an aggregate, a unique key, a parent key (unless
// -parentkeys), or no table at all.
func (c *checker) wholeTable(st sqltext.Statement) string {
	if st.Verb != "SELECT" || st.ModifyingCTE || len(st.Tables) == 0 || st.Limit != nil || st.Aggregate {
		return ""
	}
	switch st.Key {
	case sqltext.UniqueKey, sqltext.Lookup:
		return ""
	case sqltext.ParentKey:
		if !c.parentKeys {
			return ""
		}
		return "every row of " + st.Tables[0] + " with the same " + st.KeyColumn + " (no LIMIT)"
	}
	return "every row of " + st.Tables[0] + " (no LIMIT)"
}

// ormWholeTable describes the rows an ORM finder reads if its chain has
// no Limit and no key condition and it reads into a slice; "" otherwise,
// and whenever part of the chain is out of sight (a scope, a helper that
// returns the builder, a condition that is not SQL text).
func (c *checker) ormWholeTable(key string, recv ssa.Value, params []ssa.Value) string {
	destIdx := knowledge.ORMFinders[key]
	slice, table := false, ""
	if destIdx >= 0 {
		if destIdx >= len(params) || !pointsToSlice(params[destIdx]) {
			return ""
		}
		slice = true
		table = modelName(params[destIdx])
		// Find(&xs, conds...): inline conditions.
		if len(params) > destIdx+1 && !isEmptyVariadic(params[destIdx+1]) {
			return ""
		}
	} else if len(params) > 1 {
		// bun's Scan(ctx, dest...)
		for _, d := range variadic(params[len(params)-1]) {
			if d != nil && pointsToSlice(d) {
				slice = true
			}
		}
	}
	for v, steps := recv, 0; ; steps++ {
		if steps > maxChainCalls {
			return "" // a chain this long is not one the analyzer knows
		}
		call, ok := v.(*ssa.Call)
		if !ok {
			// The chain's root: a *gorm.DB held in a variable, a field or a
			// parameter. bun's chains must start at NewSelect.
			if !isNamedPtr(v.Type(), knowledge.GORM, "DB") {
				return ""
			}
			break
		}
		fn := calleeObj(call.Common())
		if fn == nil || fn.Pkg() == nil {
			return ""
		}
		ckey := knowledge.FuncKey(fn)
		recv, args := splitArgs(call.Common(), fn)
		switch {
		case fn.Name() == "NewSelect" && fn.Pkg().Path() == knowledge.Bun:
			recv = nil
		case !onChain(fn):
			return "" // a helper builds part of the query
		case isLimit(ckey), knowledge.ORMUnknown[ckey]:
			return ""
		case knowledge.ORMRaw[ckey]:
			text, ok := constString(args[0])
			if !ok {
				return ""
			}
			return c.wholeTable(sqltext.Parse(text))
		case knowledge.ORMWhere[ckey]:
			if fn.Name() == "WherePK" || len(args) == 0 {
				return ""
			}
			cond := args[0]
			if mi, ok := cond.(*ssa.MakeInterface); ok {
				cond = mi.X
			}
			text, ok := constString(cond)
			if !ok {
				return "" // a struct or map condition: usually a key
			}
			st := sqltext.Parse("SELECT * FROM t WHERE " + text)
			if st.Key == sqltext.UniqueKey || st.Key == sqltext.Lookup || st.Key == sqltext.ParentKey && !c.parentKeys {
				return ""
			}
		case fn.Name() == "Model" || fn.Name() == "Table":
			if len(args) > 0 && pointsToSlice(args[0]) {
				slice = true
			}
			if len(args) > 0 {
				if name := modelName(args[0]); name != "" {
					table = name
				}
			}
		}
		if recv == nil {
			break
		}
		v = recv
	}
	if !slice {
		return ""
	}
	if table == "" {
		table = "the table"
	}
	return "every row of " + table + " (no Limit in the chain)"
}

// maxChainCalls bounds the walk up an ORM chain.
const maxChainCalls = 64

func isLimit(key string) bool {
	_, ok := knowledge.LimitMethods[key]
	return ok
}

// onChain reports whether fn is a method of a query builder that
// returns the builder.
func onChain(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Results().Len() != 1 {
		return false
	}
	recv := sig.Recv().Type()
	if p, ok := types.Unalias(recv).(*types.Pointer); ok {
		recv = p.Elem()
	}
	n, ok := types.Unalias(recv).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || !knowledge.ORMChains[n.Obj().Pkg().Path()+"."+n.Obj().Name()] {
		return false
	}
	return types.Identical(sig.Results().At(0).Type(), sig.Recv().Type())
}

// pointsToSlice reports whether v (possibly converted to an interface)
// is a pointer to a slice.
func pointsToSlice(v ssa.Value) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	p, ok := v.Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	_, ok = p.Elem().Underlying().(*types.Slice)
	return ok
}

// modelName names the element type of a model argument, for findings.
func modelName(v ssa.Value) string {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	t := v.Type()
	for {
		switch u := t.Underlying().(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Slice:
			t = u.Elem()
			continue
		}
		break
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// isEmptyVariadic reports whether a variadic argument is empty: nil.
func isEmptyVariadic(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && k.IsNil()
}

// ---- request paths ----

// isRequestPath reports whether f serves a request: an HTTP handler of
// net/http (and so chi and gorilla/mux), gin or echo, a gRPC method, or a
// function literal inside one.
func isRequestPath(f *ssa.Function) bool {
	for ; f != nil; f = f.Parent() {
		if isHandler(f) || isGRPCMethod(f) {
			return true
		}
		if startedByGo(f) {
			return false // it outlives the request
		}
	}
	return false
}

// startedByGo reports whether a function literal is started with a go
// statement in the function that encloses it.
func startedByGo(f *ssa.Function) bool {
	parent := f.Parent()
	if parent == nil {
		return false
	}
	for _, b := range parent.Blocks {
		for _, in := range b.Instrs {
			g, ok := in.(*ssa.Go)
			if !ok {
				continue
			}
			switch v := g.Call.Value.(type) {
			case *ssa.Function:
				if v == f {
					return true
				}
			case *ssa.MakeClosure:
				if v.Fn == f {
					return true
				}
			}
		}
	}
	return false
}

// isHandler reports whether f's signature is a handler's.
func isHandler(f *ssa.Function) bool {
	var writer, request bool
	for _, p := range f.Params {
		t := p.Type()
		switch {
		case isNamed(t, knowledge.NetHTTP, "ResponseWriter"):
			writer = true
		case isNamedPtr(t, knowledge.NetHTTP, "Request"):
			request = true
		case isNamedPtr(t, knowledge.Gin, "Context"), isNamed(t, knowledge.Echo4, "Context"):
			return true
		}
	}
	return writer && request
}

// isGRPCMethod reports whether f looks like a gRPC unary method: a
// method taking a context and a request message, returning a response
// message and an error.
func isGRPCMethod(f *ssa.Function) bool {
	sig := f.Signature
	if sig.Recv() == nil || sig.Params().Len() != 2 || sig.Results().Len() != 2 {
		return false
	}
	return isNamed(sig.Params().At(0).Type(), knowledge.Context, "Context") &&
		isProtoMessage(sig.Params().At(1).Type()) && isProtoMessage(sig.Results().At(0).Type())
}

func isNamed(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}
