package cacheinval

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/lint"
)

// exportKeyBuilders exports the key shapes of a package's exported
// one-line key builders (func ProductKey(id int64) string { return
// "product:" + ... }) and TableName methods, read from the syntax: in a
// package that touches no cache nor database, building SSA for them all
// would cost more than the rare builder is worth.
func exportKeyBuilders(pass *lint.Pass) {
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || len(fd.Body.List) != 1 || !fd.Name.IsExported() || fd.Name.Name == "String" || fd.Name.Name == "Error" {
				continue
			}
			fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			sig := fn.Type().(*types.Signature)
			ret, ok := fd.Body.List[0].(*ast.ReturnStmt)
			if !ok || len(ret.Results) == 0 || sig.Results().Len() == 0 || !isStringType(sig.Results().At(0).Type()) {
				continue
			}
			if shape := collapse(exprShape(pass.TypesInfo, ret.Results[0], 0)); isFamily(shape) {
				pass.ExportObjectFact(fn, &summaryFact{Key: shape})
			}
		}
	}
}

// exprShape is shapeOf on syntax: constants, +, fmt.Sprintf with a
// constant format, strings.Join of a literal, and key builders with facts.
func exprShape(info *types.Info, e ast.Expr, depth int) string {
	if depth > maxDepth {
		return "*"
	}
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() == constant.String {
			return constant.StringVal(tv.Value)
		}
		return "*"
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			return exprShape(info, e.X, depth+1) + exprShape(info, e.Y, depth+1)
		}
	case *ast.CallExpr:
		fn := analysisutil.Callee(info, e)
		if fn == nil {
			return "*"
		}
		switch analysisutil.FullName(fn) {
		case "fmt.Sprintf":
			if len(e.Args) > 0 {
				if tv, ok := info.Types[e.Args[0]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
					return formatShape(constant.StringVal(tv.Value))
				}
			}
		case "strings.Join":
			if len(e.Args) != 2 {
				return "*"
			}
			lit, ok := e.Args[0].(*ast.CompositeLit)
			sep, ok2 := info.Types[e.Args[1]]
			if ok && ok2 && sep.Value != nil && sep.Value.Kind() == constant.String {
				parts := make([]string, len(lit.Elts))
				for i, el := range lit.Elts {
					parts[i] = exprShape(info, el, depth+1)
				}
				return strings.Join(parts, constant.StringVal(sep.Value))
			}
		}
	}
	return "*"
}
