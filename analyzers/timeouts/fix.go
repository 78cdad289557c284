package timeouts

import (
	"fmt"
	"go/ast"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/fixutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
)

// The suggested fixes of the client and server rules: the plan's
// request_timeout written into the literal that creates the client or
// server. Offered only where the edit is certain to compile and to be
// what runs: a keyed literal (not a value copied from elsewhere) whose
// field is neither written in it nor stored to anywhere else in the
// function, and a "time" qualifier that resolves at the literal.

// reportWithFix reports a finding at node n with its suggested fixes.
func (c *checker) reportWithFix(n ast.Node, fixes []analysis.SuggestedFix, category, format string, args ...any) {
	if category == CategoryClient && c.standaloneTool() {
		return
	}
	c.emit(analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Category: category, Message: fmt.Sprintf(format, args...), SuggestedFixes: fixes})
}

// clientTimeoutFix adds Timeout: <request_timeout> to an http.Client
// literal.
func (c *checker) clientTimeoutFix(n ast.Node, allocs []*ssa.Alloc) []analysis.SuggestedFix {
	e, _ := n.(ast.Expr)
	if e == nil {
		return nil
	}
	lit := fixutil.Literal(e)
	if lit == nil || len(flow.FieldStores(allocs, "Timeout")) > 0 {
		return nil
	}
	return c.durationFieldsFix(lit, "Set the client's Timeout to the plan's request_timeout", "Timeout")
}

// serverTimeoutsFix adds ReadHeaderTimeout and ReadTimeout to an
// http.Server literal, each the plan's request_timeout. It adds no
// WriteTimeout: that one bounds the whole response, and would cut a stream
// (server-sent events, a long download) that the fix cannot see; the read
// deadline is cleared once the body is read, and websocket upgrades clear
// both.
func (c *checker) serverTimeoutsFix(lit *ast.CompositeLit, allocs []*ssa.Alloc) []analysis.SuggestedFix {
	fields := []string{"ReadHeaderTimeout", "ReadTimeout"}
	for _, f := range fields {
		if storedOutside(flow.FieldStores(allocs, f), lit) || keyed(lit, f) {
			return nil // set (to zero) elsewhere: a choice the fix would not see
		}
	}
	return c.durationFieldsFix(lit, "Set the server's read timeouts to the plan's request_timeout", fields...)
}

// durationFieldsFix adds each field, set to the plan's request_timeout,
// to lit.
func (c *checker) durationFieldsFix(lit *ast.CompositeLit, message string, fields ...string) []analysis.SuggestedFix {
	d := c.requestTimeout()
	if d <= 0 || len(fields) == 0 {
		return nil
	}
	file := fixutil.File(c.pass.Files, lit.Pos())
	q, edits, ok := fixutil.Qualifier(c.pass.Pkg, c.pass.TypesInfo, file, lit.Pos(), "time", "time")
	if !ok {
		return nil
	}
	value := fixutil.Duration(d, q)
	add := make([]fixutil.Field, len(fields))
	for i, f := range fields {
		add[i] = fixutil.Field{Key: f, Value: value}
	}
	e, ok := fixutil.AddFields(c.pass.Fset, lit, add...)
	if !ok {
		return nil
	}
	return fixutil.Fix(message, append(edits, e)...)
}

// keyed reports whether lit sets field.
func keyed(lit *ast.CompositeLit, field string) bool {
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == field {
				return true
			}
		}
	}
	return false
}

// storedOutside reports whether a store is not one of the literal's own.
func storedOutside(stores []*ssa.Store, lit *ast.CompositeLit) bool {
	for _, st := range stores {
		if st.Pos() < lit.Pos() || st.Pos() >= lit.End() {
			return true
		}
	}
	return false
}

// serveFuncFix rewrites http.ListenAndServe(addr, h) (and
// ListenAndServeTLS, Serve, ServeTLS) into the same call on an
// http.Server with the plan's timeouts: the standard library's function
// is exactly &http.Server{Addr: addr, Handler: h} and that method, so the
// rewrite changes nothing but the timeouts. Where the rewrite evaluates
// the arguments in another order (the handler before the listener or the
// certificate files), every argument must be a name, a literal or a
// selector of names, which evaluate the same in any order.
func (c *checker) serveFuncFix(call *ast.CallExpr, name string) []analysis.SuggestedFix {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || call.Ellipsis.IsValid() {
		return nil
	}
	pkgName, ok := sel.X.(*ast.Ident)
	if !ok {
		return nil
	}
	d := c.requestTimeout()
	if d <= 0 {
		return nil
	}
	var addr, handler string
	var rest []ast.Expr
	reordered := true
	args := call.Args
	switch name {
	case "net/http.ListenAndServe":
		if len(args) != 2 {
			return nil
		}
		addr, handler, reordered = c.source(args[0]), c.source(args[1]), false
	case "net/http.ListenAndServeTLS":
		if len(args) != 4 {
			return nil
		}
		addr, handler, rest = c.source(args[0]), c.source(args[3]), args[1:3]
	case "net/http.Serve":
		if len(args) != 2 {
			return nil
		}
		handler, rest = c.source(args[1]), args[:1]
	case "net/http.ServeTLS":
		if len(args) != 4 {
			return nil
		}
		handler, rest = c.source(args[1]), []ast.Expr{args[0], args[2], args[3]}
	default:
		return nil
	}
	listens := name == "net/http.ListenAndServe" || name == "net/http.ListenAndServeTLS"
	if handler == "" || listens && addr == "" || reordered && slices.ContainsFunc(args, isComplex) {
		return nil
	}
	file := fixutil.File(c.pass.Files, call.Pos())
	q, edits, ok := fixutil.Qualifier(c.pass.Pkg, c.pass.TypesInfo, file, call.Pos(), "time", "time")
	if !ok {
		return nil
	}
	value := fixutil.Duration(d, q)
	fields := []string{"Handler: " + handler, "ReadHeaderTimeout: " + value, "ReadTimeout: " + value}
	if addr != "" {
		fields = append([]string{"Addr: " + addr}, fields...)
	}
	restText := make([]string, len(rest))
	for i, e := range rest {
		if restText[i] = c.source(e); restText[i] == "" {
			return nil
		}
	}
	text := fmt.Sprintf("(&%s.Server{%s}).%s(%s)", pkgName.Name, strings.Join(fields, ", "), sel.Sel.Name, strings.Join(restText, ", "))
	edits = append(edits, analysis.TextEdit{Pos: call.Pos(), End: call.End(), NewText: []byte(text)})
	return fixutil.Fix("Serve from an http.Server with the plan's read timeouts", edits...)
}

// source returns the text of e as written, or "".
func (c *checker) source(e ast.Expr) string {
	tf := c.pass.Fset.File(e.Pos())
	if tf == nil {
		return ""
	}
	content, err := c.pass.ReadFile(tf.Name())
	if err != nil {
		return ""
	}
	start, end := tf.Offset(e.Pos()), tf.Offset(e.End())
	if start < 0 || end > len(content) || start > end {
		return ""
	}
	return string(content[start:end])
}

// isComplex reports whether evaluating e could do something (a call, a
// receive, an index that may panic): not a name, a literal or a selector
// of names.
func isComplex(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident, *ast.BasicLit:
		return false
	case *ast.SelectorExpr:
		return isComplex(e.X)
	}
	return true
}
