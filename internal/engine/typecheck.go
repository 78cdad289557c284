package engine

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/build/constraint"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// A file is one parsed Go file.
type file struct {
	src    []byte // the content parsed; nil once a dependency is analysed
	ast    *ast.File
	tok    *token.File
	header *header
}

// A header is what go list reads from a Go file: whether a change to it
// needs the metadata to be loaded again.
type header struct {
	name    string   // package clause
	imports []string // import paths
	build   string   // build constraint lines, joined
}

// parseHeader reads the package clause, imports and build constraints.
func parseHeader(filename string, src []byte) *header {
	h := new(header)
	f, _ := parser.ParseFile(token.NewFileSet(), filename, src, parser.ImportsOnly|parser.ParseComments)
	if f != nil {
		h.name = f.Name.Name
		for _, imp := range f.Imports {
			if path, err := strconv.Unquote(imp.Path.Value); err == nil {
				h.imports = append(h.imports, path)
			}
		}
		var lines []string
		for _, g := range f.Comments {
			if g.Pos() >= f.Package {
				break
			}
			for _, c := range g.List {
				if constraint.IsGoBuild(c.Text) || constraint.IsPlusBuild(c.Text) {
					lines = append(lines, c.Text)
				}
			}
		}
		h.build = strings.Join(lines, "\n")
	}
	return h
}

// parseMode is go/packages' mode.
const parseMode = parser.AllErrors | parser.ParseComments

// typecheck parses the node's files (reusing the syntax of unchanged ones)
// and type-checks them against the current types of its dependencies, as
// go/packages does. With decls, only for its types: function bodies are
// blanked out before parsing (offsets and lines stay, so positions are
// the same) and not type-checked, errors are dropped, and no syntax or
// type information is kept (a package found in the result cache, whose
// types an analysed importer needs).
//
// It returns the files of the previous parse that the new one does not
// reuse (their content changed): the caller removes them from the file
// set (removeFiles), unless the early cut-off keeps them.
func (v *View) typecheck(n *node, read func(string) ([]byte, error), decls bool) (replaced []*file) {
	meta := n.meta
	pkg := new(packages.Package)
	*pkg = *meta
	pkg.Fset = v.fset
	pkg.Errors = append([]packages.Error(nil), meta.Errors...)
	pkg.TypeErrors = nil
	pkg.Imports = make(map[string]*packages.Package, len(meta.Imports))
	byID := make(map[string]*node, len(n.deps))
	for _, d := range n.deps {
		byID[d.meta.ID] = d
	}
	for path, imp := range meta.Imports {
		if d := byID[imp.ID]; d != nil && d.importPkg() != nil {
			pkg.Imports[path] = d.importPkg()
		}
	}

	oldFiles := n.files
	n.files = make(map[string]*file, len(meta.CompiledGoFiles))
	defer func() {
		for name, f := range oldFiles {
			if n.files[name] != f {
				replaced = append(replaced, f)
			}
		}
	}()

	if meta.PkgPath == "unsafe" {
		pkg.Types = types.Unsafe
		pkg.Syntax = []*ast.File{}
		pkg.TypesInfo = newTypesInfo()
		v.setPackage(n, pkg)
		return replaced
	}
	pkg.Types = types.NewPackage(meta.PkgPath, meta.Name)

	appendError := func(err error) {
		var pathErr *os.PathError
		var list scanner.ErrorList
		var typeErr types.Error
		switch {
		case errors.As(err, &pathErr):
			pkg.Errors = append(pkg.Errors, packages.Error{Pos: pathErr.Path + ":1", Msg: pathErr.Err.Error(), Kind: packages.ParseError})
		case errors.As(err, &list):
			for _, e := range list {
				pkg.Errors = append(pkg.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
			}
		case errors.As(err, &typeErr):
			pkg.TypeErrors = append(pkg.TypeErrors, typeErr)
			pkg.Errors = append(pkg.Errors, packages.Error{Pos: typeErr.Fset.Position(typeErr.Pos).String(), Msg: typeErr.Msg, Kind: packages.TypeError})
		default:
			pkg.Errors = append(pkg.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		}
	}

	pkg.Syntax = make([]*ast.File, 0, len(meta.CompiledGoFiles))
	for _, name := range meta.CompiledGoFiles {
		src, err := read(name)
		if err != nil {
			appendError(err)
			continue
		}
		if decls {
			src = blankBodies(src)
		} else if old := oldFiles[name]; old != nil && old.ast != nil && old.src != nil && bytes.Equal(old.src, src) {
			n.files[name] = old
			pkg.Syntax = append(pkg.Syntax, old.ast)
			continue
		}
		f, err := parser.ParseFile(v.fset, name, src, parseMode)
		if err != nil {
			appendError(err)
		}
		if f == nil {
			continue
		}
		// The source is kept to tell later whether the file changed, and
		// to map positions to editor coordinates; a dependency drops it
		// once it is analysed.
		pf := &file{ast: f, tok: v.fset.File(f.FileStart)}
		if !v.opts.Batch && !decls {
			pf.src, pf.header = src, parseHeader(name, src)
		}
		n.files[name] = pf
		pkg.Syntax = append(pkg.Syntax, f)
	}

	pkg.TypesInfo = newTypesInfo()
	if decls {
		pkg.TypesInfo = new(types.Info) // nothing recorded
	}
	pkg.TypesSizes = meta.TypesSizes
	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			imp := pkg.Imports[path]
			if imp == nil || imp.Types == nil {
				return nil, fmt.Errorf("no metadata for %s", path)
			}
			return imp.Types, nil
		}),
		Error:            appendError,
		Sizes:            meta.TypesSizes,
		IgnoreFuncBodies: decls,
	}
	if meta.Module != nil && meta.Module.GoVersion != "" {
		tc.GoVersion = "go" + meta.Module.GoVersion
	}
	typErr := types.NewChecker(tc, v.fset, pkg.Types, pkg.TypesInfo).Files(pkg.Syntax)
	if typErr != nil && len(pkg.Errors) == 0 {
		appendError(typErr)
	}
	ill := len(pkg.Errors) > 0
	for _, imp := range pkg.Imports {
		if imp.IllTyped {
			ill = true
		}
	}
	pkg.IllTyped = ill
	if decls {
		// The package had no errors when it was analysed (or it would
		// not be cached); without bodies it can only have fewer.
		pkg.Errors, pkg.TypeErrors, pkg.IllTyped = append([]packages.Error(nil), meta.Errors...), nil, false
		for _, f := range n.files {
			f.ast, f.src = nil, nil
		}
		pkg.Syntax, pkg.TypesInfo = nil, nil
	}
	v.setPackage(n, pkg)
	return replaced
}

// removeFiles removes files of a previous parse from the file set, except
// those the node's canonical types still hold.
func (v *View) removeFiles(n *node, files []*file) {
	for _, f := range files {
		if !n.canonFiles[f] {
			v.removeFile(f)
		}
	}
}

// blankBodies returns src with the content of every function body (of a
// function or method declaration) replaced by spaces, newlines kept, so
// that parsing it costs little and every position is unchanged. A file
// with line directives, whose positions a blanked one might move, is
// returned as is.
func blankBodies(src []byte) []byte {
	if bytes.Contains(src, []byte("//line ")) || bytes.Contains(src, []byte("/*line ")) {
		return src
	}
	fset := token.NewFileSet()
	tf := fset.AddFile("", -1, len(src))
	var s scanner.Scanner
	s.Init(tf, src, func(token.Position, string) {}, 0)
	out := slices.Clone(src)
	// At the top level (no braces, parentheses or brackets open), a
	// "func" starts a declaration; its body is the first "{" at the top
	// level that does not follow "struct" or "interface" (a result type).
	depth := 0 // parentheses and brackets, and the braces of types, in the signature
	inFunc := false
	var prev token.Token
	for {
		pos, tok, _ := s.Scan()
		switch {
		case tok == token.EOF:
			return out
		case tok == token.FUNC && depth == 0 && !inFunc:
			inFunc = true
		case tok == token.SEMICOLON && depth == 0:
			inFunc = false // a function type, not a declaration
		case tok == token.LPAREN || tok == token.LBRACK:
			depth++
		case tok == token.RPAREN || tok == token.RBRACK:
			depth--
		case tok == token.LBRACE && (prev == token.STRUCT || prev == token.INTERFACE || depth > 0 || !inFunc):
			depth++
		case tok == token.RBRACE:
			depth--
		case tok == token.LBRACE:
			// The body: skip to its closing brace.
			start := tf.Offset(pos) + 1
			nest := 1
			for nest > 0 {
				p, t, _ := s.Scan()
				switch t {
				case token.LBRACE:
					nest++
				case token.RBRACE:
					nest--
					if nest == 0 {
						blank(out[start:tf.Offset(p)])
					}
				case token.EOF:
					return src // unbalanced: parse it as it is
				}
			}
			inFunc = false
		}
		if depth < 0 {
			return src
		}
		prev = tok
	}
}

func blank(b []byte) {
	for i, c := range b {
		if c != '\n' && c != '\r' {
			b[i] = ' '
		}
	}
}

// setPackage installs the node's new type-checked package.
func (v *View) setPackage(n *node, pkg *packages.Package) {
	v.typesMu.Lock()
	defer v.typesMu.Unlock()
	if n.pkg != nil && v.byTypes[n.pkg.Types] == n {
		delete(v.byTypes, n.pkg.Types)
	}
	n.pkg = pkg
	v.byTypes[pkg.Types] = n
}

// owner returns the node whose package is pkg.
func (v *View) owner(pkg *types.Package) *node {
	v.typesMu.RLock()
	defer v.typesMu.RUnlock()
	return v.byTypes[pkg]
}

func newTypesInfo() *types.Info {
	return &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
