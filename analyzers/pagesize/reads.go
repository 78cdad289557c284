package pagesize

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/internal/sqltext"
)

// wholeTable describes the rows a multi-row SQL read returns if they are
// the whole table (or a filter of it) with no LIMIT; "" if they are
// bounded: a LIMIT, an aggregate, a unique key, a parent key (unless
// -parentkeys), or no table at all.
func (c *checker) wholeTable(st sqltext.Statement) string {
	if !c.wholeTables {
		return ""
	}
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
	if !c.wholeTables {
		return ""
	}
	destIdx := knowledge.ORMFinders[key]
	slice, table := false, ""
	if destIdx >= 0 {
		if destIdx >= len(params) || !pointsToSlice(params[destIdx]) {
			return ""
		}
		slice = true
		table = modelName(params[destIdx])
		// Find(&xs, conds...): inline conditions (beego's All takes
		// columns there).
		if !knowledge.ORMDefaultLimit[key] && len(params) > destIdx+1 && !isEmptyVariadic(params[destIdx+1]) {
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
	unlimited := false // the chain disables the library's own limit: Limit(-1)
	for v, steps := recv, 0; ; steps++ {
		if steps > maxChainCalls {
			return "" // a chain this long is not one the analyzer knows
		}
		call, ok := v.(*ssa.Call)
		if !ok {
			// The chain's root: a *gorm.DB or an xorm engine or session
			// held in a variable, a field or a parameter. bun's and beego's
			// chains must start at NewSelect or QueryTable.
			if !isORMRoot(v.Type()) {
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
		case knowledge.ORMStarts[ckey] || fn.Name() == "NewSelect" && fn.Pkg().Path() == knowledge.Bun:
			recv = nil
			if fn.Name() == "QueryTable" && len(args) > 0 {
				if name, ok := constString(unwrapIface(args[0])); ok {
					table = name
				} else if name := modelName(args[0]); name != "" {
					table = name
				}
			}
		case !onChain(fn):
			return "" // a helper builds part of the query
		case isLimit(ckey) && len(args) > 0 && isNegative(args[0]):
			unlimited = true // beego's Limit(-1): no limit at all
		case isLimit(ckey), knowledge.ORMUnknown[ckey]:
			return ""
		case knowledge.ORMFilters[ckey]:
			col, ok := constString(unwrapIface(args[0]))
			if !ok {
				return ""
			}
			col, _, _ = strings.Cut(col, "__")
			val := "?" // compared with a value: a lookup, unless the value is a constant
			if len(args) > 1 {
				if elems := variadic(args[1]); len(elems) == 1 && elems[0] != nil {
					if _, ok := elems[0].(*ssa.Const); ok {
						val = "'c'"
					}
				}
			}
			st := sqltext.Parse("SELECT * FROM t WHERE " + col + " = " + val)
			if st.Key == sqltext.UniqueKey || st.Key == sqltext.Lookup || st.Key == sqltext.ParentKey && !c.parentKeys {
				return ""
			}
		case knowledge.ORMRaw[ckey]:
			if len(args) == 0 {
				return ""
			}
			text, ok := constString(unwrapIface(args[0]))
			if !ok {
				return ""
			}
			return c.wholeTable(sqltext.Parse(text))
		case knowledge.ORMWhere[ckey]:
			if fn.Name() == "WherePK" || fn.Name() == "ID" || len(args) == 0 {
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
	if !slice || knowledge.ORMDefaultLimit[key] && !unlimited {
		return ""
	}
	if unlimited {
		if table == "" {
			table = "the table"
		}
		return "every row of " + table + " (Limit(-1) disables the limit)"
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
// returns the builder (or another of the same library's builders: xorm's
// Engine.Where returns a Session).
func onChain(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Results().Len() != 1 {
		return false
	}
	return isChainType(sig.Recv().Type()) && isChainType(sig.Results().At(0).Type())
}

// isChainType reports whether t is (a pointer to) a query builder type
// of knowledge.ORMChains.
func isChainType(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && knowledge.ORMChains[n.Obj().Pkg().Path()+"."+n.Obj().Name()]
}

// isORMRoot reports whether t is a pointer to a type a chain may start
// from (knowledge.ORMRoots).
func isORMRoot(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && knowledge.ORMRoots[n.Obj().Pkg().Path()+"."+n.Obj().Name()]
}

// isNegative reports whether v is a negative integer constant (possibly
// converted to an interface).
func isNegative(v ssa.Value) bool {
	k, ok := constInt(strip(unwrapIface(v)))
	return ok && k < 0
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
