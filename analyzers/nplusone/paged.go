package nplusone

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"math"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// This file tells a read of one page from a read of every row it
// selects. A loop over a page (the issues of a list request, the tags of
// a tag page) is the N+1 of a list endpoint. A loop over every row a
// filter selects (the permissions of one role, the revisions of one
// post) walks the children of one parent, which are few or many as the
// data has it. Judged on the 17 services of bench/realworld, 12 of the 15
// loops over a page of the previous default's sample were worth a fix,
// and 11 of the 29 over an unpaged read: those are reported only with
// -unpaged.

// pagedCall reports whether a read reads one page: a builder chain with
// a Limit, a function that sets one, or a function that takes a page
// (a page size, an offset, an options struct with one).
func (c *checker) pagedCall(call *ast.CallExpr, decl *ast.FuncDecl) bool {
	if c.chainLimited(call) {
		return true
	}
	if sig, ok := coreType(c.pass.TypesInfo.TypeOf(call.Fun)).(*types.Signature); ok && takesPage(sig) && !c.asksEverything(call, sig, decl) {
		return true
	}
	// A function that limits its read (LIMIT 20 in its SQL): in this
	// package by its body, in another by its fact. An interface method
	// is known by its parameters only.
	if fn := analysisutil.Callee(c.pass.TypesInfo, call); fn != nil {
		if fn.Pkg() == c.pass.Pkg {
			if fd := c.declOf(fn); fd != nil && fd.Body != nil && c.limitsIn(fd.Body, fd.Body.End()) {
				return true
			}
		} else if f := c.factOf(fn); f != nil && f.Page {
			return true
		}
	}
	// sess.Limit(n) set on the session before: sess.Find(&users).
	return decl != nil && c.limitsIn(decl.Body, call.Pos())
}

// pagedRows reports whether the result set a loop walks is a page: its
// function takes one, or limits a builder or writes LIMIT into its SQL
// before the loop.
func (c *checker) pagedRows(l *loop) bool {
	if l.decl == nil {
		return false
	}
	if fn, ok := c.pass.TypesInfo.Defs[l.decl.Name].(*types.Func); ok && takesPage(fn.Type().(*types.Signature)) {
		return true
	}
	return c.limitsIn(l.decl.Body, l.node.Pos())
}

// limitsIn reports whether body, before pos, calls a builder's Limit or
// holds SQL text with a LIMIT clause. What comes after is not the read's
// (the per-element query of the loop may well be limited).
func (c *checker) limitsIn(body *ast.BlockStmt, pos token.Pos) bool {
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found || n == nil || n.Pos() >= pos {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			found = c.isLimitCall(n)
		case *ast.BasicLit:
			found = n.Kind == token.STRING && hasLimitClause(n.Value)
		}
		return !found
	})
	return found
}

// hasLimitClause reports whether a string literal holds a LIMIT clause:
// the keyword followed by a number, a placeholder or a format verb
// ("LIMIT 20", "limit ?", "LIMIT $2", "LIMIT %d", "LIMIT :n"), or ending
// the literal (" LIMIT " + strconv.Itoa(n)). A message ("rate limit
// exceeded") is none.
func hasLimitClause(lit string) bool {
	text := strings.ToUpper(lit)
	for i := 0; ; {
		j := strings.Index(text[i:], "LIMIT")
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len("LIMIT")
		i = end
		if start > 0 && isWordByte(text[start-1]) || end < len(text) && isWordByte(text[end]) {
			continue // part of a longer word (RATELIMIT, LIMITS)
		}
		rest := strings.TrimLeft(text[end:], " \t\n\r")
		if rest == "" || strings.IndexByte("0123456789?$%:@\"`", rest[0]) >= 0 {
			return true
		}
	}
}

func isWordByte(b byte) bool {
	return b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_'
}

// chainLimited reports whether a builder chain (db.Where(...).Limit(n).
// Find(&users)) calls a Limit before call.
func (c *checker) chainLimited(call *ast.CallExpr) bool {
	for inner := receiverCall(call); inner != nil; inner = receiverCall(inner) {
		if c.isLimitCall(inner) {
			return true
		}
	}
	return false
}

// isLimitCall reports whether call sets a query builder's row limit.
func (c *checker) isLimitCall(call *ast.CallExpr) bool {
	_, ok := knowledge.LimitMethods[analysisutil.FullName(analysisutil.Callee(c.pass.TypesInfo, call))]
	return ok
}

// takesPage reports whether a function takes a page: a parameter named
// as a page size, a page or an offset, or a struct (or a pointer to one)
// with such a field (IssuesOptions{Page, PageSize}).
func takesPage(sig *types.Signature) bool {
	if sig == nil {
		return false
	}
	for v := range sig.Params().Variables() {
		if pageParamName(v.Name()) {
			return true
		}
		if st := structOf(v.Type()); st != nil && hasPageField(st, 0) {
			return true
		}
	}
	return false
}

// asksEverything reports whether a call of a function that takes a page
// only through options structs hands each of them a literal that sets no
// page field (ListMemoRelations(ctx, &FindMemoRelation{MemoID: &id}):
// every relation of one memo, the children of one parent).
func (c *checker) asksEverything(call *ast.CallExpr, sig *types.Signature, decl *ast.FuncDecl) bool {
	if sig.Variadic() {
		return false
	}
	options := 0
	for i := range sig.Params().Len() {
		v := sig.Params().At(i)
		if pageParamName(v.Name()) {
			return false
		}
		st := structOf(v.Type())
		if st == nil || !hasPageField(st, 0) {
			continue
		}
		if i >= len(call.Args) || !c.setsNoPage(call.Args[i], decl, 0) {
			return false
		}
		options++
	}
	return options > 0
}

// setsNoPage reports whether e is a keyed struct literal, or its
// address, that sets no field named as a page; or a call of a constructor
// that returns one (harbor's q.New(q.KeyWords{"parent_id": id}), whose
// Query has PageSize and PageNumber fields it leaves at zero: every
// child of one parent); or a local variable of decl assigned once from
// one of these, none of whose page fields is set after.
func (c *checker) setsNoPage(e ast.Expr, decl *ast.FuncDecl, depth int) bool {
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.CallExpr:
		fn := analysisutil.Callee(c.pass.TypesInfo, x)
		return fn != nil && depth < 3 && c.constructsNoPage(fn, depth+1)
	case *ast.Ident:
		v, ok := c.pass.TypesInfo.Uses[x].(*types.Var)
		if !ok || decl == nil || depth >= 3 {
			return false
		}
		val := singleValue(c.pass.TypesInfo, decl.Body, v)
		return val != nil && c.setsNoPage(val, decl, depth+1)
	}
	lit := analysisutil.CompositeLit(e)
	if lit == nil {
		return false
	}
	for _, elt := range lit.Elts {
		// A page of math.MaxInt32 rows or more is every row, whichever
		// page number goes with it (Page: 1, Size: math.MaxInt).
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok && knowledge.PageSizeName(key.Name) && c.noBound(kv.Value) {
				return true
			}
		}
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return false // positional: every field is set
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok || pageParamName(key.Name) {
			return false
		}
		if st := structOf(c.pass.TypesInfo.TypeOf(kv.Value)); st != nil && hasPageField(st, 1) {
			return false // an embedded paging struct, set
		}
	}
	return true
}

// hasPageField reports whether a struct has a field named as a page,
// also in an embedded struct (a request that embeds a Paging).
func hasPageField(st *types.Struct, depth int) bool {
	for f := range st.Fields() {
		if pageParamName(f.Name()) {
			return true
		}
		if f.Embedded() && depth < 2 {
			if est := structOf(f.Type()); est != nil && hasPageField(est, depth+1) {
				return true
			}
		}
	}
	return false
}

// structOf is the struct t is, or points to; nil if neither.
func structOf(t types.Type) *types.Struct {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
}

// pageParamName reports whether a parameter or field is named as a page
// size, a page number or an offset.
func pageParamName(name string) bool {
	if knowledge.PageSizeName(name) {
		return true
	}
	switch strings.ToLower(name) {
	case "page", "pagenum", "page_num", "pageno", "pagenumber", "pageindex", "offset", "skip", "pagination", "paging", "pager":
		return true
	}
	return false
}

// returnsPage reports whether an exported function of the package returns
// a collection and limits its read, for its callers in other packages.
func (c *checker) returnsPage(obj *types.Func, f *ssa.Function) bool {
	fd, ok := f.Syntax().(*ast.FuncDecl)
	if !ok || fd.Body == nil {
		return false
	}
	res := obj.Type().(*types.Signature).Results()
	return res.Len() > 0 && isCollection(res.At(0).Type()) && c.limitsIn(fd.Body, fd.Body.End())
}

// constructsNoPage reports whether a function returns an options struct
// that sets no page field: by its body in this package, by its fact in
// another.
func (c *checker) constructsNoPage(fn *types.Func, depth int) bool {
	fn = fn.Origin()
	if fn.Pkg() != c.pass.Pkg {
		return fn.Pkg() != nil && c.pass.ImportObjectFact(fn, new(noPageFact))
	}
	fd := c.declOf(fn)
	if fd == nil || fd.Body == nil {
		return false
	}
	returns := 0
	noPage := true
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			returns++
			if len(n.Results) != 1 || !c.setsNoPage(n.Results[0], fd, depth) {
				noPage = false
			}
		}
		return noPage
	})
	return noPage && returns > 0
}

// exportNoPage exports a noPageFact for each exported function of the
// package that returns an options struct setting no page field, for the
// packages whose loops read through it.
func (c *checker) exportNoPage() {
	if c.library {
		return
	}
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || !fd.Name.IsExported() {
				continue
			}
			fn, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			res := fn.Type().(*types.Signature).Results()
			if res.Len() != 1 {
				continue
			}
			if st := structOf(res.At(0).Type()); st == nil || !hasPageField(st, 0) {
				continue
			}
			if c.constructsNoPage(fn, 1) {
				c.pass.ExportObjectFact(fn, new(noPageFact))
			}
		}
	}
}

// A noPageFact marks a function that returns an options struct (one with
// a page field) built by a literal that sets no page field.
type noPageFact struct{}

func (*noPageFact) AFact()         {}
func (*noPageFact) String() string { return "nopage" }

// singleValue returns the value a local variable is given where it is
// declared, when nothing in body assigns it again, takes its address or
// sets a field of it named as a page; nil otherwise.
func singleValue(info *types.Info, body *ast.BlockStmt, v *types.Var) ast.Expr {
	var val ast.Expr
	ok := true
	isV := func(e ast.Expr) bool {
		id, is := ast.Unparen(e).(*ast.Ident)
		return is && (info.Defs[id] == v || info.Uses[id] == v)
	}
	ast.Inspect(body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if sel, is := ast.Unparen(lhs).(*ast.SelectorExpr); is && isV(sel.X) && pageParamName(sel.Sel.Name) {
					ok = false // query.PageSize = 10
				}
				if !isV(lhs) {
					continue
				}
				if val != nil || len(n.Lhs) != len(n.Rhs) {
					ok = false
					continue
				}
				val = n.Rhs[i]
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if info.Defs[name] == v && i < len(n.Values) {
					val = n.Values[i]
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && isV(n.X) {
				ok = false
			}
		}
		return true
	})
	if !ok {
		return nil
	}
	return val
}

// noBound reports whether a page size is a constant so large that it
// asks for everything (Size: math.MaxInt, gitness' filter for every
// child space).
func (c *checker) noBound(e ast.Expr) bool {
	tv, ok := c.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil {
		return false
	}
	n, exact := constant.Int64Val(constant.ToInt(tv.Value))
	return exact && n >= math.MaxInt32
}
