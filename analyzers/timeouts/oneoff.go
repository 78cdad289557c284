package timeouts

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// isControlPlane reports whether fn writes an object-storage bucket's
// configuration or creates a bucket (knowledge.ControlPlane): a
// control-plane call an administrator makes once, when a storage policy
// is set up. What it runs with no request context is one short,
// idempotent call that the admin repeats if it fails; it is not reported,
// in a request path or as a cause (cloudreve's
// CreateStoragePolicyCorsService through the S3, COS and OBS drivers: 3
// findings, judged false). Data-plane calls of the same SDKs (uploads,
// downloads, listings) stay reported.
func isControlPlane(fn *types.Func) bool { return knowledge.ControlPlane[analysisutil.FullName(fn)] }

// setupServer reports whether the package declares a request handler that
// ends the process (os.Exit in its body or in a function literal in it,
// such as a goroutine that exits once the response is written): the
// package serves a one-off, an installation wizard that runs until the
// administrator completes setup and then exits so that the service proper
// can start (answer's install server: judged false). Its servers are not
// reported for missing timeouts. Handlers in _test.go files do not count. A restart endpoint of the service's own
// server, in the package that serves it, would be taken for one; not seen
// on the 17 services of bench/realworld.
func (c *checker) setupServer() bool {
	if c.setup != 0 {
		return c.setup == 2
	}
	c.setup = 1
	for cur := range c.insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		ft, body := analysisutil.FuncParts(cur.Node())
		if body == nil || handlerOf(c.pass.TypesInfo, ft) == nil {
			continue
		}
		if strings.HasSuffix(c.pass.Fset.Position(body.Pos()).Filename, "_test.go") {
			continue // a test's handler: not the package's server
		}
		if c.exits(body) {
			c.setup = 2
			return true
		}
	}
	return false
}

// exits reports whether a body calls os.Exit, itself or in a function
// literal in it.
func (c *checker) exits(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok && analysisutil.FullName(analysisutil.Callee(c.pass.TypesInfo, call)) == "os.Exit" {
			found = true
		}
		return !found
	})
	return found
}
