// Package fixutil builds the text edits of the analyzers' suggested fixes:
// Go expressions for the plan's values (a duration, a size), a package
// qualifier valid at a position (adding the import when the file lacks
// it), a field added to a composite literal, a statement inserted before
// or after another. Each helper answers ok=false when the edit it would
// make is not certain to compile; the caller then offers no fix.
package fixutil

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
)

// Duration renders d as a Go expression of type time.Duration using the
// qualifier q of package time: 30 * time.Second, time.Hour, 1500 *
// time.Millisecond. A d that is not positive gives "".
func Duration(d time.Duration, q string) string {
	if d <= 0 {
		return ""
	}
	units := []struct {
		d    time.Duration
		name string
	}{{time.Hour, "Hour"}, {time.Minute, "Minute"}, {time.Second, "Second"}, {time.Millisecond, "Millisecond"}, {time.Microsecond, "Microsecond"}, {time.Nanosecond, "Nanosecond"}}
	for _, u := range units {
		if d%u.d != 0 {
			continue
		}
		if n := d / u.d; n != 1 {
			return fmt.Sprintf("%d * %s.%s", n, q, u.name)
		}
		return q + "." + u.name
	}
	return "" // unreachable: every duration is a whole number of nanoseconds
}

// Size renders a byte count as people write it in Go: 10 << 20 for 10MB,
// 512 << 10 for 512KB, else the number.
func Size(n int64) string {
	switch {
	case n > 0 && n%(1<<20) == 0:
		return fmt.Sprintf("%d << 20", n>>20)
	case n > 0 && n%(1<<10) == 0:
		return fmt.Sprintf("%d << 10", n>>10)
	}
	return strconv.FormatInt(n, 10)
}

// File returns the file of files that holds pos, or nil.
func File(files []*ast.File, pos token.Pos) *ast.File {
	for _, f := range files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// Qualifier returns the name by which the code at pos in file f can refer
// to the package path, and the edits that import it if f does not. It
// fails when the name the import would take is already taken at pos (a
// local variable named time, a package-level declaration) or when the
// package is imported with a dot or a blank name only.
func Qualifier(pkg *types.Package, info *types.Info, f *ast.File, pos token.Pos, path, name string) (string, []analysis.TextEdit, bool) {
	if f == nil || pkg == nil {
		return "", nil, false
	}
	scope := innermost(pkg, info, f, pos)
	for _, spec := range f.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil || p != path {
			continue
		}
		local := name
		if spec.Name != nil {
			local = spec.Name.Name
		}
		if local == "_" || local == "." {
			continue
		}
		if resolvesToPackage(scope, pos, local, path) {
			return local, nil, true
		}
	}
	// Not imported under a usable name: import it, if nothing at pos or in
	// the package's scope already has the name.
	if _, obj := scope.LookupParent(name, pos); obj != nil {
		return "", nil, false
	}
	if pkg.Scope().Lookup(name) != nil {
		return "", nil, false
	}
	edit, ok := importEdit(f, path)
	if !ok {
		return "", nil, false
	}
	return name, []analysis.TextEdit{edit}, true
}

// innermost returns the innermost scope at pos in f, or the file's scope.
func innermost(pkg *types.Package, info *types.Info, f *ast.File, pos token.Pos) *types.Scope {
	if s := pkg.Scope().Innermost(pos); s != nil {
		return s
	}
	if s := info.Scopes[f]; s != nil {
		return s
	}
	return pkg.Scope()
}

func resolvesToPackage(scope *types.Scope, pos token.Pos, name, path string) bool {
	_, obj := scope.LookupParent(name, pos)
	pn, ok := obj.(*types.PkgName)
	return ok && pn.Imported().Path() == path
}

// importEdit inserts an import of the standard package path into f: into
// its first import declaration (made a block if it is a single import), in
// sorted place among the standard imports before any third-party one, or
// as a declaration of its own after the package clause.
func importEdit(f *ast.File, path string) (analysis.TextEdit, bool) {
	quoted := strconv.Quote(path)
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if !gd.Lparen.IsValid() {
			// import "x": a block of both, as goimports writes it.
			is, ok := gd.Specs[0].(*ast.ImportSpec)
			if !ok {
				return analysis.TextEdit{}, false
			}
			other := is.Path.Value
			if is.Name != nil {
				other = is.Name.Name + " " + other
			}
			p, _ := strconv.Unquote(is.Path.Value)
			var block string
			switch {
			case strings.Contains(p, "."):
				block = quoted + "\n\n\t" + other
			case p < path:
				block = other + "\n\t" + quoted
			default:
				block = quoted + "\n\t" + other
			}
			return analysis.TextEdit{Pos: gd.Pos(), End: gd.End(), NewText: []byte("import (\n\t" + block + "\n)")}, true
		}
		specs := gd.Specs
		if len(specs) == 0 {
			return analysis.TextEdit{Pos: gd.Lparen + 1, End: gd.Lparen + 1, NewText: []byte("\n\t" + quoted + "\n")}, true
		}
		// Before the first standard import that sorts after path, else
		// after the last standard import before the third-party ones.
		var prev ast.Spec
		for _, s := range specs {
			is := s.(*ast.ImportSpec)
			p, _ := strconv.Unquote(is.Path.Value)
			if strings.Contains(p, ".") {
				if prev != nil {
					return analysis.TextEdit{Pos: prev.End(), End: prev.End(), NewText: []byte("\n\t" + quoted)}, true
				}
				// Only third-party imports: a standard group of its own.
				return analysis.TextEdit{Pos: is.Pos(), End: is.Pos(), NewText: []byte(quoted + "\n\n\t")}, true
			}
			if p > path {
				return analysis.TextEdit{Pos: is.Pos(), End: is.Pos(), NewText: []byte(quoted + "\n\t")}, true
			}
			prev = s
		}
		last := specs[len(specs)-1]
		return analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte("\n\t" + quoted)}, true
	}
	if f.Name == nil {
		return analysis.TextEdit{}, false
	}
	return analysis.TextEdit{Pos: f.Name.End(), End: f.Name.End(), NewText: []byte("\n\nimport " + quoted)}, true
}

// A Field is a field of a composite literal to add: Key: Value.
type Field struct{ Key, Value string }

// AddFields returns the edit that adds fields to a keyed (or empty)
// composite literal, after its last element: on its line in a one-line
// literal, one a line in a literal written one element a line. It fails
// on a literal with positional elements, or one that already has a key.
func AddFields(fset *token.FileSet, lit *ast.CompositeLit, fields ...Field) (analysis.TextEdit, bool) {
	if len(fields) == 0 {
		return analysis.TextEdit{}, false
	}
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			return analysis.TextEdit{}, false
		}
		if id, ok := kv.Key.(*ast.Ident); ok && slices.ContainsFunc(fields, func(f Field) bool { return f.Key == id.Name }) {
			return analysis.TextEdit{}, false
		}
	}
	parts := make([]string, len(fields))
	for i, f := range fields {
		parts[i] = f.Key + ": " + f.Value
	}
	if len(lit.Elts) == 0 {
		return analysis.TextEdit{Pos: lit.Lbrace + 1, End: lit.Rbrace, NewText: []byte(strings.Join(parts, ", "))}, true
	}
	last := lit.Elts[len(lit.Elts)-1]
	if fset.Position(lit.Rbrace).Line > fset.Position(last.End()).Line {
		// One element a line, each ending in a comma: lines of their own,
		// before the closing brace's line.
		indent := Indent(fset, last.Pos())
		var b strings.Builder
		for _, p := range parts {
			b.WriteString(indent + p + ",\n")
		}
		at := lineStart(fset, lit.Rbrace)
		return analysis.TextEdit{Pos: at, End: at, NewText: []byte(b.String())}, true
	}
	return analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte(", " + strings.Join(parts, ", "))}, true
}

// lineStart returns the position of the first column of pos's line.
func lineStart(fset *token.FileSet, pos token.Pos) token.Pos {
	tf := fset.File(pos)
	if tf == nil {
		return pos
	}
	return tf.LineStart(tf.Line(pos))
}

// Indent returns the indentation of the line holding pos, as gofmt
// writes it: a tab per level (gofmt-ed code indents with tabs only).
func Indent(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	return strings.Repeat("\t", max(0, p.Column-1))
}

// InsertBefore returns the edit that puts stmt (one line, no newline) on
// a line of its own before the statement s, at s's indentation.
func InsertBefore(fset *token.FileSet, s ast.Stmt, stmt string) analysis.TextEdit {
	return analysis.TextEdit{Pos: s.Pos(), End: s.Pos(), NewText: []byte(stmt + "\n" + Indent(fset, s.Pos()))}
}

// InsertAfter returns the edit that puts text (lines separated by \n) on
// lines of their own after the statement s, at s's indentation.
func InsertAfter(fset *token.FileSet, s ast.Stmt, text string) analysis.TextEdit {
	indent := Indent(fset, s.Pos())
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = indent + l
	}
	return analysis.TextEdit{Pos: s.End(), End: s.End(), NewText: []byte("\n" + strings.Join(lines, "\n"))}
}

// ListStmt returns the statement of a statement list (a block, a case or
// select clause body) that holds pos, with the stack of nodes from f down
// to pos; nil if pos is in no such statement.
func ListStmt(f *ast.File, pos token.Pos) ast.Stmt {
	var found ast.Stmt
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil || pos < n.Pos() || n.End() <= pos {
			return false
		}
		var list []ast.Stmt
		switch n := n.(type) {
		case *ast.BlockStmt:
			list = n.List
		case *ast.CaseClause:
			list = n.Body
		case *ast.CommClause:
			list = n.Body
		}
		if i := slices.IndexFunc(list, func(s ast.Stmt) bool { return s.Pos() <= pos && pos < s.End() }); i >= 0 {
			found = list[i]
		}
		return true
	})
	return found
}

// Enclosing returns the innermost function (declaration or literal) of f
// whose body holds pos, or nil.
func Enclosing(f *ast.File, pos token.Pos) ast.Node {
	var fn ast.Node
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil || pos < n.Pos() || n.End() <= pos {
			return false
		}
		switch n.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			fn = n
		}
		return true
	})
	return fn
}

// Fix wraps edits as the one suggested fix of a diagnostic, or nil when
// there are none.
func Fix(message string, edits ...analysis.TextEdit) []analysis.SuggestedFix {
	if len(edits) == 0 {
		return nil
	}
	return []analysis.SuggestedFix{{Message: message, TextEdits: edits}}
}

// Literal returns the composite literal e is or takes the address of, or
// nil.
func Literal(e ast.Expr) *ast.CompositeLit {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = ast.Unparen(u.X)
	}
	lit, _ := e.(*ast.CompositeLit)
	return lit
}
