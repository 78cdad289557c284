package pagesize

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/fixutil"
)

// The suggested fix of the unclamped rule: "if limit > 100 { limit = 100 }"
// (the plan's max_page_size) right after the statement that reads the page
// size into a local variable. It is offered only when that is certain to
// bound what reaches the query: the value at the sink is the variable's
// one definition (not a phi of several, not arithmetic on it), the
// definition is a statement of a block (not an if's or a for's init), the
// function assigns the variable nowhere else and never takes its address,
// and the variable is an integer type that can hold the bound.

// clampFix returns the fix clamping the page size v, or nil.
func (c *checker) clampFix(v ssa.Value) []analysis.SuggestedFix {
	if c.max <= 0 || v == nil {
		return nil
	}
	lparen, index, ok := definingCall(v)
	if !ok {
		return nil
	}
	file := fixutil.File(c.pass.Files, lparen)
	if file == nil {
		return nil
	}
	stmt, id := definition(file, lparen, index)
	if stmt == nil || id == nil || id.Name == "_" {
		return nil
	}
	obj, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok || obj.Parent() == nil || obj.Parent() == c.pass.Pkg.Scope() || !c.holds(obj.Type(), int64(c.max)) {
		return nil
	}
	if fixutil.ListStmt(file, stmt.Pos()) != stmt {
		return nil // an if's or a switch's init: no place after it in the same scope
	}
	fn := fixutil.Enclosing(file, stmt.Pos())
	if fn == nil || assignedElsewhere(c.pass.TypesInfo, fn, obj, id) {
		return nil
	}
	text := fmt.Sprintf("if %s > %d {\n\t%s = %d\n}", id.Name, c.max, id.Name, c.max)
	return fixutil.Fix(fmt.Sprintf("Clamp %s to the plan's max_page_size (%d)", id.Name, c.max), fixutil.InsertAfter(c.pass.Fset, stmt, text))
}

// definingCall returns the position of the call that makes v (after
// conversions and boxing), and which of its results v is.
func definingCall(v ssa.Value) (token.Pos, int, bool) {
	for range 8 {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
			continue
		case *ssa.Convert:
			v = x.X
			continue
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.Extract:
			call, ok := x.Tuple.(*ssa.Call)
			if !ok {
				return token.NoPos, 0, false
			}
			return call.Pos(), x.Index, call.Pos().IsValid()
		case *ssa.Call:
			return x.Pos(), 0, x.Pos().IsValid()
		}
		return token.NoPos, 0, false
	}
	return token.NoPos, 0, false
}

// definition finds the statement that assigns result index of the call
// at lparen to a variable: limit, err := strconv.Atoi(s), or var n =
// parse(s); it returns the statement and the variable's identifier.
func definition(file *ast.File, lparen token.Pos, index int) (ast.Stmt, *ast.Ident) {
	var stmt ast.Stmt
	var id *ast.Ident
	isCall := func(e ast.Expr) bool {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		return ok && call.Lparen == lparen
	}
	pick := func(lhs []ast.Expr, rhs []ast.Expr) *ast.Ident {
		for i, r := range rhs {
			if !isCall(r) {
				continue
			}
			j := i
			if len(rhs) == 1 {
				j = index
			} else if index != 0 {
				return nil
			}
			if j < len(lhs) {
				ident, _ := lhs[j].(*ast.Ident)
				return ident
			}
		}
		return nil
	}
	ast.Inspect(file, func(n ast.Node) bool {
		if stmt != nil || n == nil || lparen < n.Pos() || n.End() <= lparen {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			if ident := pick(n.Lhs, n.Rhs); ident != nil && (n.Tok == token.DEFINE || n.Tok == token.ASSIGN) {
				stmt, id = n, ident
				return false
			}
		case *ast.DeclStmt:
			gd, ok := n.Decl.(*ast.GenDecl)
			if !ok || len(gd.Specs) != 1 {
				return true
			}
			if vs, ok := gd.Specs[0].(*ast.ValueSpec); ok {
				names := make([]ast.Expr, len(vs.Names))
				for i, name := range vs.Names {
					names[i] = name
				}
				if ident := pick(names, vs.Values); ident != nil {
					stmt, id = n, ident
					return false
				}
			}
		}
		return true
	})
	return stmt, id
}

// assignedElsewhere reports whether fn assigns v other than at def, or
// takes its address.
func assignedElsewhere(info *types.Info, fn ast.Node, v *types.Var, def *ast.Ident) bool {
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && id != def && info.ObjectOf(id) == v
	}
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				found = found || is(l)
			}
		case *ast.IncDecStmt:
			found = is(n.X)
		case *ast.UnaryExpr:
			found = n.Op == token.AND && is(n.X)
		case *ast.RangeStmt:
			found = n.Key != nil && is(n.Key) || n.Value != nil && is(n.Value)
		}
		return true
	})
	return found
}

// holds reports whether t is an integer type that can hold n.
func (c *checker) holds(t types.Type, n int64) bool {
	b, ok := t.Underlying().(*types.Basic)
	if !ok || b.Info()&types.IsInteger == 0 {
		return false
	}
	bits := 64
	if c.pass.TypesSizes != nil {
		bits = int(c.pass.TypesSizes.Sizeof(b)) * 8
	}
	if b.Info()&types.IsUnsigned == 0 {
		bits--
	}
	return bits >= 63 || n < int64(1)<<bits
}
