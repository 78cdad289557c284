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
