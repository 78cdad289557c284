package analysisutil

import (
	"go/ast"
	"go/token"
)

// CompositeLit returns the composite literal e is, with its parentheses
// and a taking of its address (&T{...}) stripped, or nil.
func CompositeLit(e ast.Expr) *ast.CompositeLit {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, _ := e.(*ast.CompositeLit)
	return lit
}

// KeyedValue returns the value of field in a keyed composite literal
// (Handler in &http.Server{Handler: h}), or nil when it is not set there.
func KeyedValue(lit *ast.CompositeLit, field string) ast.Expr {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if id, ok := kv.Key.(*ast.Ident); ok && id.Name == field {
			return kv.Value
		}
	}
	return nil
}

// FuncParts returns the type and body of a function declaration or a
// function literal; nil and nil for any other node (a declaration
// without a body has a nil body).
func FuncParts(n ast.Node) (*ast.FuncType, *ast.BlockStmt) {
	switch fn := n.(type) {
	case *ast.FuncDecl:
		return fn.Type, fn.Body
	case *ast.FuncLit:
		return fn.Type, fn.Body
	}
	return nil, nil
}
