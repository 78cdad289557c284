package analysisutil

import "go/ast"

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
