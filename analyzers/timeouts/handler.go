package timeouts

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// A handler is a function that serves an HTTP request, and the name of the
// parameter that carries the request.
type handler struct {
	kind  int        // knowledge.Handler*
	name  string     // the *http.Request, *gin.Context or echo.Context parameter; "" if unnamed
	param *types.Var // that parameter; nil if unnamed
	where string     // the declared function the request path is in, for messages
}

// handlerOf returns the handler a function type declares: (w
// http.ResponseWriter, r *http.Request), (c *gin.Context) or (c
// echo.Context). chi and gorilla/mux handlers are net/http handlers.
func handlerOf(info *types.Info, ft *ast.FuncType) *handler {
	if ft == nil || ft.Params == nil {
		return nil
	}
	var writer bool
	var h *handler
	for _, field := range ft.Params.List {
		t := info.TypeOf(field.Type)
		if t == nil {
			continue
		}
		name := ""
		var param *types.Var
		if len(field.Names) == 1 && field.Names[0].Name != "_" {
			name = field.Names[0].Name
			param, _ = info.Defs[field.Names[0]].(*types.Var)
		}
		switch {
		case analysisutil.IsNamed(t, knowledge.NetHTTP, "ResponseWriter"):
			writer = true
		case isPointerTo(t, knowledge.NetHTTP, "Request"):
			h = &handler{kind: knowledge.HandlerNetHTTP, name: name, param: param}
		case isPointerTo(t, knowledge.Gin, "Context"):
			return &handler{kind: knowledge.HandlerGin, name: name, param: param}
		case analysisutil.IsNamed(t, knowledge.Echo4, "Context"):
			return &handler{kind: knowledge.HandlerEcho, name: name, param: param}
		}
	}
	if writer && h != nil {
		return h
	}
	return nil
}

func isPointerTo(t types.Type, pkg, name string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && analysisutil.IsNamed(p.Elem(), pkg, name)
}

// ctxExpr is the expression of the request's context in the handler.
func (h *handler) ctxExpr() string {
	name := h.name
	if name == "" {
		name = map[int]string{knowledge.HandlerNetHTTP: "r", knowledge.HandlerGin: "c", knowledge.HandlerEcho: "c"}[h.kind]
	}
	switch h.kind {
	case knowledge.HandlerGin:
		return name + ".Request.Context()"
	case knowledge.HandlerEcho:
		return name + ".Request().Context()"
	}
	return name + ".Context()"
}

// ctxExprAt returns the expression of the request's context at pos, and
// whether it means the request there: the parameter is named, and its name
// is not shadowed at pos (for _, r := range names { ... } makes r a string).
// A fix inserts the expression only then.
func (h *handler) ctxExprAt(pkg *types.Package, pos token.Pos) (string, bool) {
	if h.name == "" || h.param == nil || pkg == nil {
		return "", false
	}
	scope := pkg.Scope().Innermost(pos)
	if scope == nil {
		return "", false
	}
	if _, obj := scope.LookupParent(h.name, pos); obj != h.param {
		return "", false
	}
	return h.ctxExpr(), true
}

// ctxNote is how a message names the request's context at pos: " (r.Context())"
// when that expression means the request there, else what to do to reach it.
func (h *handler) ctxNote(pkg *types.Package, pos token.Pos) string {
	if e, ok := h.ctxExprAt(pkg, pos); ok {
		return " (" + e + ")"
	}
	if h.name == "" || h.param == nil {
		return " (name the handler's request parameter to reach it)"
	}
	return fmt.Sprintf(" (%s is shadowed here and is not the request: rename the inner %s, then pass %s)", h.name, h.name, h.ctxExpr())
}

// contextVariantFix rewrites db.Query(q, args...) into
// db.QueryContext(r.Context(), q, args...).
func contextVariantFix(pkg *types.Package, info *types.Info, call *ast.CallExpr, fn *types.Func, variant string, h *handler) []analysis.SuggestedFix {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || strings.Contains(variant, " ") || call.Ellipsis.IsValid() && len(call.Args) == 0 {
		return nil
	}
	insert, ok := h.ctxExprAt(pkg, call.Lparen)
	if !ok {
		return nil
	}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() == nil && fn.Pkg() != nil && fn.Pkg().Path() == knowledge.SQLX {
		// sqlx.Get(q, ...) takes a Queryer, sqlx.GetContext(ctx, q, ...)
		// a QueryerContext: only *sqlx.DB and *sqlx.Tx are known to be both.
		if len(call.Args) == 0 || !isPointerTo(info.TypeOf(call.Args[0]), knowledge.SQLX, "DB") && !isPointerTo(info.TypeOf(call.Args[0]), knowledge.SQLX, "Tx") {
			return nil
		}
	}
	switch {
	case variant == "BeginTx" || variant == "BeginTxx" || variant == "MustBeginTx":
		insert += ", nil"
	case len(call.Args) > 0:
		insert += ", "
	}
	return []analysis.SuggestedFix{{
		Message: "Use " + variant + " with the request's context",
		TextEdits: []analysis.TextEdit{
			{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte(variant)},
			{Pos: call.Lparen + 1, End: call.Lparen + 1, NewText: []byte(insert)},
		},
	}}
}

// replaceContextFix replaces a literal context.Background() or
// context.TODO() argument with the request's context.
func replaceContextFix(pkg *types.Package, arg ast.Expr, h *handler) []analysis.SuggestedFix {
	expr, ok := h.ctxExprAt(pkg, arg.Pos())
	if !ok {
		return nil
	}
	call, ok := ast.Unparen(arg).(*ast.CallExpr)
	if !ok {
		return nil
	}
	return []analysis.SuggestedFix{{
		Message:   "Pass the request's context",
		TextEdits: []analysis.TextEdit{{Pos: call.Pos(), End: call.End(), NewText: []byte(expr)}},
	}}
}

// render prints an expression as the user wrote it, shortened.
func render(fset *token.FileSet, e ast.Expr) string {
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, e); err != nil {
		return "this context"
	}
	s := buf.String()
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}

// ginContextFix replaces a *gin.Context passed as a context with its
// request's context.
func ginContextFix(fset *token.FileSet, arg ast.Expr) []analysis.SuggestedFix {
	if _, ok := ast.Unparen(arg).(*ast.Ident); !ok {
		return nil
	}
	return []analysis.SuggestedFix{{
		Message:   "Pass the request's context",
		TextEdits: []analysis.TextEdit{{Pos: arg.Pos(), End: arg.End(), NewText: []byte(render(fset, arg) + ".Request.Context()")}},
	}}
}
