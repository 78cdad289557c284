package pagesize

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/fixutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
)

// The suggested fix of the unclamped rule: "if limit > 100 { limit = 100 }"
// (the plan's max_page_size) right after the statement that reads the page
// size into a local variable. It is offered only when that is certain to
// bound what reaches the query: the value at the sink is the variable's
// one definition (not a phi of several, not arithmetic on it), the
// definition is a statement of a block (not an if's or a for's init), the
// function assigns the variable nowhere else and never takes its address,
// and the variable is an integer type that can hold the bound.
//
// When the value at the sink merges several assignments (a default, then
// the request's value if it parses: an SSA phi), the clamp goes right
// before the statement that holds the sink's call instead, when exactly
// one argument of that call is a local integer variable (the only place
// a phi can come from) and that variable means the same one there.

// clampFix returns the fix clamping the page size v, which reaches the
// call at pos, or nil.
func (c *checker) clampFix(v ssa.Value, pos token.Pos) []analysis.SuggestedFix {
	if c.max <= 0 || v == nil {
		return nil
	}
	if _, ok := flow.Unconvert(v).(*ssa.Phi); ok {
		return c.clampBeforeFix(pos)
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
	return fixutil.Fix(c.clampMessage(id.Name), fixutil.InsertAfter(c.pass.Fset, stmt, c.clampText(id.Name)))
}

func (c *checker) clampText(name string) string {
	return fmt.Sprintf("if %s > %d {\n\t%s = %d\n}", name, c.max, name, c.max)
}

func (c *checker) clampMessage(name string) string {
	return fmt.Sprintf("Clamp %s to the plan's max_page_size (%d)", name, c.max)
}

// clampBeforeFix clamps the one local integer variable among the
// arguments of the call at pos right before the statement that holds the
// call.
func (c *checker) clampBeforeFix(pos token.Pos) []analysis.SuggestedFix {
	call := c.calls[pos]
	file := fixutil.File(c.pass.Files, pos)
	if call == nil || file == nil {
		return nil
	}
	var found *ast.Ident
	for _, arg := range call.Args {
		id := c.localIntVar(arg)
		if id == nil {
			continue
		}
		if found != nil && c.pass.TypesInfo.ObjectOf(found) != c.pass.TypesInfo.ObjectOf(id) {
			return nil // two candidates: which one is the page size is not known here
		}
		found = id
	}
	if found == nil {
		return nil
	}
	stmt := fixutil.ListStmt(file, call.Pos())
	if stmt == nil {
		return nil
	}
	if scope := c.pass.Pkg.Scope().Innermost(stmt.Pos()); scope == nil {
		return nil
	} else if _, obj := scope.LookupParent(found.Name, stmt.Pos()); obj != c.pass.TypesInfo.ObjectOf(found) {
		return nil // declared in the statement itself (an if's init), or hidden there
	}
	text := c.clampText(found.Name)
	return fixutil.Fix(c.clampMessage(found.Name), fixutil.InsertBefore(c.pass.Fset, stmt, strings.ReplaceAll(text, "\n", "\n"+fixutil.Indent(c.pass.Fset, stmt.Pos()))))
}

// localIntVar returns the identifier of e (or of the operand of a
// conversion e is) when it names a local variable of an integer type that
// can hold the plan's bound.
func (c *checker) localIntVar(e ast.Expr) *ast.Ident {
	e = ast.Unparen(e)
	if conv, ok := e.(*ast.CallExpr); ok && len(conv.Args) == 1 {
		if tv, ok := c.pass.TypesInfo.Types[conv.Fun]; ok && tv.IsType() {
			e = ast.Unparen(conv.Args[0])
		}
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == c.pass.Pkg.Scope() || v.IsField() || !c.holds(v.Type(), int64(c.max)) {
		return nil
	}
	return id
}

// definingCall returns the position of the call that makes v (after
// conversions and boxing), and which of its results v is.
func definingCall(v ssa.Value) (token.Pos, int, bool) {
	switch x := flow.Unconvert(v).(type) {
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
