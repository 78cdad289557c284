package serverrole

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// Setup reports whether a package serves a one-off setup server: a
// request handler it declares (outside _test.go files) ends the process
// or shuts a server down (knowledge.ServingEnds), in its body or in a
// function literal in it, such as a goroutine that does so once the
// response is written. That is an installation wizard: it runs until the
// administrator completes the setup, then gives way to the service proper
// (answer's installer exits; gokapi's setup shuts its server down). Its
// server is not the public one: timeouts, limits and metrics do not hold
// it to the plan (4 findings on bench/realworld, all judged false).
//
// A restart endpoint in the package of the service's own server would be
// taken for one; none was seen on the services of bench/realworld.
func Setup(fset *token.FileSet, info *types.Info, files []*ast.File) bool {
	for _, f := range files {
		if strings.HasSuffix(fset.Position(f.Pos()).Filename, "_test.go") {
			continue // a test's handler: not the package's server
		}
		found := false
		ast.Inspect(f, func(n ast.Node) bool {
			if found {
				return false
			}
			ft, body := analysisutil.FuncParts(n)
			if body != nil && IsHandler(info, ft) && endsServing(info, body) {
				found = true
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// IsHandler reports whether a function type serves a request: it takes
// an http.ResponseWriter, a *gin.Context, an echo.Context or a beego
// context.
func IsHandler(info *types.Info, ft *ast.FuncType) bool {
	if ft == nil || ft.Params == nil {
		return false
	}
	for _, field := range ft.Params.List {
		t := info.TypeOf(field.Type)
		if t == nil {
			continue
		}
		if analysisutil.IsNamed(t, knowledge.NetHTTP, "ResponseWriter") || analysisutil.IsNamed(t, knowledge.Gin, "Context") || analysisutil.IsNamed(t, knowledge.Echo4, "Context") {
			return true
		}
		for _, pkg := range knowledge.BeegoContexts {
			if analysisutil.IsNamed(t, pkg, "Context") {
				return true
			}
		}
	}
	return false
}

// endsServing reports whether a body ends the process or shuts a server
// down, itself or in a function literal in it.
func endsServing(info *types.Info, body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && knowledge.ServingEnds[analysisutil.FullName(analysisutil.Callee(info, call))] {
			found = true
		}
		return !found
	})
	return found
}
