package limits

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/fixutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// The suggested fix of the body and upload rules on net/http: the
// handler's first statement becomes r.Body = http.MaxBytesReader(w,
// r.Body, <the plan's size>), before every read of the function. It is
// offered only when the request whose body is read and exactly one
// http.ResponseWriter are parameters of the function that reads (a
// handler, or a helper given both): there the names mean them at the
// first statement. A helper given only the request, a request made in the
// function, and reads through gin or echo get no fix (their limit belongs
// in a middleware, as the message says). A function that also parses a
// multipart form gets max_upload_size, the bound the plan gives such
// bodies.

// bodyLimitFix returns the edits that limit the body read by call, whose
// request is owner, or nil.
func (c *checker) bodyLimitFix(call *ast.CallExpr, owner ast.Expr) []analysis.TextEdit {
	id, ok := ast.Unparen(owner).(*ast.Ident)
	if !ok {
		return nil
	}
	info := c.pass.TypesInfo
	req, ok := info.ObjectOf(id).(*types.Var)
	if !ok || !isRequest(req.Type()) {
		return nil
	}
	file := fixutil.File(c.pass.Files, call.Pos())
	if file == nil {
		return nil
	}
	ftype, body := analysisutil.FuncParts(fixutil.Enclosing(file, call.Pos()))
	if body == nil || len(body.List) == 0 || !isParam(info, ftype, req) {
		return nil
	}
	w := responseWriterParam(info, ftype)
	if w == nil {
		return nil
	}
	size := c.pass.Plan.Limits.MaxBodySize
	if readsUpload(info, body) {
		size = c.pass.Plan.Limits.MaxUploadSize
	}
	if size <= 0 {
		return nil
	}
	q, edits, ok := fixutil.Qualifier(c.pass.Pkg, info, file, body.List[0].Pos(), knowledge.NetHTTP, "http")
	if !ok {
		return nil
	}
	stmt := fmt.Sprintf("%s.Body = %s.MaxBytesReader(%s, %s.Body, %s)", req.Name(), q, w.Name(), req.Name(), fixutil.Size(int64(size)))
	return append(edits, fixutil.InsertBefore(c.pass.Fset, body.List[0], stmt))
}

func isRequest(t types.Type) bool {
	p, ok := t.(*types.Pointer)
	return ok && analysisutil.IsNamed(p.Elem(), knowledge.NetHTTP, "Request")
}

// isParam reports whether v is a named parameter of ftype.
func isParam(info *types.Info, ftype *ast.FuncType, v *types.Var) bool {
	for _, field := range ftype.Params.List {
		for _, name := range field.Names {
			if info.Defs[name] == v {
				return true
			}
		}
	}
	return false
}

// responseWriterParam returns the one named http.ResponseWriter parameter
// of ftype, or nil (none, or several: which one is not for a fix to say).
func responseWriterParam(info *types.Info, ftype *ast.FuncType) *types.Var {
	var found *types.Var
	for _, field := range ftype.Params.List {
		for _, name := range field.Names {
			v, ok := info.Defs[name].(*types.Var)
			if !ok || !analysisutil.IsNamed(v.Type(), knowledge.NetHTTP, "ResponseWriter") {
				continue
			}
			if found != nil || name.Name == "_" {
				return nil
			}
			found = v
		}
	}
	return found
}

// readsUpload reports whether body parses a multipart form (not counting
// function literals, which are functions of their own).
func readsUpload(info *types.Info, body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			found = found || knowledge.UploadReads[analysisutil.FullName(analysisutil.Callee(info, n))]
		}
		return !found
	})
	return found
}
