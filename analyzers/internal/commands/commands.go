// Package commands finds the code of a package that runs as a
// command-line command, started by an operator at a terminal once per
// invocation of the program, rather than per request or per job: the
// bodies of cobra and urfave/cli commands (the function fields
// knowledge.CommandStructs lists, as literals or functions of the
// package, or the literals a function of the package returns when the
// field is set to its call: RunE: validate()), the Execute method of a go-flags command (a type whose method
// set implements github.com/jessevdk/go-flags' Commander, Execute([]string)
// error: the package that declares the command need not import go-flags,
// its main does), the Run method (returning only an error) of a type in a
// package that imports kong, which runs the selected command's Run, the
// methods of a go-arg subcommand's type (a field tagged
// arg:"subcommand:name" in a package that imports go-arg: dozzle's
// healthcheck), a function that ends the process on every path (os.Exit last, no return:
// a flag's one-off check), and the unexported functions and methods of the package
// that only those call, directly (a function used as a value, such as a
// handler registered with a router, may run per request), to a fixed
// depth.
//
// func main is not a command here: what it calls may serve requests, and
// the smallest program (package main; func main() { http.Get(...) }) is
// the one a new user tries first.
//
// nplusone's off-path loops (analyzers/nplusone/offpath.go) mark the same
// command bodies from the same knowledge table, together with migrations
// and jobs.
package commands

import (
	"go/ast"
	"go/types"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// A Set is the command code of one package.
type Set struct {
	funcs map[*types.Func]bool
	lits  map[*ast.FuncLit]bool
}

// Func reports whether a declared function of the package runs only as
// part of a command.
func (s *Set) Func(fn *types.Func) bool { return s != nil && fn != nil && s.funcs[fn.Origin()] }

// Lit reports whether a function literal is a command's body.
func (s *Set) Lit(lit *ast.FuncLit) bool { return s != nil && s.lits[lit] }

// Empty reports whether the package has no command code.
func (s *Set) Empty() bool { return s == nil || len(s.funcs) == 0 && len(s.lits) == 0 }

// Find returns the command code of a package.
func Find(info *types.Info, pkg *types.Package, files []*ast.File) *Set {
	s := &Set{funcs: make(map[*types.Func]bool), lits: make(map[*ast.FuncLit]bool)}
	s.seed(info, pkg, files)
	if !s.Empty() {
		s.propagate(info, pkg, files)
	}
	return s
}

// seed marks the commands' own bodies.
func (s *Set) seed(info *types.Info, pkg *types.Package, files []*ast.File) {
	factories := make(map[*types.Func]bool) // RunE: validate(), whose result is the body
	mark := func(e ast.Expr) {
		switch e := ast.Unparen(e).(type) {
		case *ast.FuncLit:
			s.lits[e] = true
		case *ast.Ident, *ast.SelectorExpr:
			if fn := funcOf(info, e); fn != nil && fn.Pkg() == pkg {
				s.funcs[fn] = true
			}
		case *ast.CallExpr:
			if fn := funcOf(info, e.Fun); fn != nil && fn.Pkg() == pkg {
				factories[fn] = true
			}
		}
	}
	defer s.markReturnedLits(info, files, factories)
	imports := importsKong(pkg)
	goArg := slices.ContainsFunc(pkg.Imports(), func(p *types.Package) bool { return p.Path() == knowledge.GoArgPackage })
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Field:
				if goArg && goArgSubcommand(n) {
					s.markMethods(info.TypeOf(n.Type), pkg)
				}
			case *ast.CompositeLit:
				tv, ok := info.Types[n]
				if !ok {
					return true
				}
				for _, elt := range n.Elts {
					kv, ok := elt.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					if key, ok := kv.Key.(*ast.Ident); ok && commandField(tv.Type, key.Name) {
						mark(kv.Value)
					}
				}
			case *ast.AssignStmt:
				if len(n.Lhs) != len(n.Rhs) {
					return true
				}
				for i, lhs := range n.Lhs {
					sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
					if !ok {
						continue
					}
					if sl := info.Selections[sel]; sl != nil && sl.Kind() == types.FieldVal && commandField(sl.Recv(), sel.Sel.Name) {
						mark(n.Rhs[i])
					}
				}
			case *ast.FuncDecl:
				if fn, ok := info.Defs[n.Name].(*types.Func); ok && (goFlagsExecute(fn) || kongRun(fn, imports) || endsProcess(info, n)) {
					s.funcs[fn] = true
				}
			}
			return true
		})
	}
}

// goArgSubcommand reports whether a struct field is a go-arg subcommand:
// its tag's arg key starts with "subcommand".
func goArgSubcommand(f *ast.Field) bool {
	if f.Tag == nil {
		return false
	}
	tag, err := strconv.Unquote(f.Tag.Value)
	if err != nil {
		return false
	}
	v, ok := reflect.StructTag(tag).Lookup("arg")
	return ok && strings.HasPrefix(v, knowledge.GoArgSubcommandTag)
}

// markMethods marks the methods, declared in pkg, of a named type or a
// pointer to one: a subcommand's type, whose methods the program runs
// when the user asks for it.
func (s *Set) markMethods(t types.Type, pkg *types.Package) {
	if t == nil {
		return
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() != pkg {
		return
	}
	for m := range named.Methods() {
		s.funcs[m] = true
	}
}

// markReturnedLits marks the function literals that the factories return
// (func validate() func(*cobra.Command, []string) error { return func(...)
// {...} }, permify's commands) as command bodies.
func (s *Set) markReturnedLits(info *types.Info, files []*ast.File, factories map[*types.Func]bool) {
	if len(factories) == 0 {
		return
	}
	for _, f := range files {
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil || !factories[funcDef(info, fd)] {
				continue
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return false // its returns are its own
				case *ast.ReturnStmt:
					for _, r := range n.Results {
						if lit, ok := ast.Unparen(r).(*ast.FuncLit); ok {
							s.lits[lit] = true
						}
					}
				}
				return true
			})
		}
	}
}

func funcDef(info *types.Info, fd *ast.FuncDecl) *types.Func {
	fn, _ := info.Defs[fd.Name].(*types.Func)
	return fn
}

// commandField reports whether field of type t holds a command's body
// (knowledge.CommandStructs).
func commandField(t types.Type, field string) bool {
	name := strings.TrimPrefix(analysisutil.TypeName(t), "*")
	for _, f := range knowledge.CommandStructs[name] {
		if f == field {
			return true
		}
	}
	return false
}

// goFlagsExecute reports whether fn is the method by which a type
// implements go-flags' Commander (knowledge.CommanderMethod): a method of
// that name with signature func([]string) error.
func goFlagsExecute(fn *types.Func) bool {
	sig := fn.Signature()
	if sig.Recv() == nil || fn.Name() != knowledge.CommanderMethod {
		return false
	}
	if sig.Params().Len() != 1 || sig.Results().Len() != 1 {
		return false
	}
	sl, ok := sig.Params().At(0).Type().Underlying().(*types.Slice)
	if !ok || !types.Identical(sl.Elem(), types.Typ[types.String]) {
		return false
	}
	return types.Identical(sig.Results().At(0).Type(), types.Universe.Lookup("error").Type())
}

// endsProcess reports whether a declared function other than main ends
// the process on every path: its last statement calls os.Exit and it has
// no return statement (vouch's -healthcheck flag runs a check of the
// program's own server and exits with its result; Docker's HEALTHCHECK
// bounds it). It is a one-off run once per invocation, as a command is.
func endsProcess(info *types.Info, fd *ast.FuncDecl) bool {
	if fd.Body == nil || len(fd.Body.List) == 0 || fd.Name.Name == "main" && fd.Recv == nil {
		return false
	}
	last, ok := fd.Body.List[len(fd.Body.List)-1].(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(last.X).(*ast.CallExpr)
	if !ok || analysisutil.FullName(analysisutil.Callee(info, call)) != "os.Exit" {
		return false
	}
	returns := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			returns = true
		}
		return !returns
	})
	return !returns
}

// RunMethod reports whether fn, declared in pkg, is a method a
// command-line parser runs as a command's body: a go-flags command's
// Execute, or a kong command's Run.
func RunMethod(fn *types.Func, pkg *types.Package) bool {
	return goFlagsExecute(fn) || kongRun(fn, importsKong(pkg))
}

func importsKong(pkg *types.Package) bool {
	return slices.ContainsFunc(pkg.Imports(), func(p *types.Package) bool { return p.Path() == knowledge.KongPackage })
}

// KongSubcommand reports whether a struct field declares a subcommand of
// kong's grammar: its tag has a cmd key (CLI cli.CLI `cmd:""`), in a
// package that imports kong. Its type is the command's, which kong runs
// when the user asks for it: a reference to another package there is
// command code (syncthing's cli, decrypt and generate commands).
func KongSubcommand(pkg *types.Package, f *ast.Field) bool {
	if f == nil || f.Tag == nil || !importsKong(pkg) {
		return false
	}
	tag, err := strconv.Unquote(f.Tag.Value)
	if err != nil {
		return false
	}
	_, ok := reflect.StructTag(tag).Lookup("cmd")
	return ok
}

// kongRun reports whether fn is the method by which kong runs a command:
// a method named Run (knowledge.KongRunMethod) returning only an error,
// in a package that imports kong (cerbos' healthcheck.Cmd).
func kongRun(fn *types.Func, importsKong bool) bool {
	sig := fn.Signature()
	if !importsKong || sig.Recv() == nil || fn.Name() != knowledge.KongRunMethod || sig.Results().Len() != 1 {
		return false
	}
	return types.Identical(sig.Results().At(0).Type(), types.Universe.Lookup("error").Type())
}

// propagate extends the command code to the unexported functions and
// methods of the package that only it calls, directly.
func (s *Set) propagate(info *types.Info, pkg *types.Package, files []*ast.File) {
	uses := analysisutil.FuncUses(info, pkg, files)
	inCommand := func(lit *ast.FuncLit) bool { return s.lits[lit] }
	flow.Rounds(func() bool {
		changed := false
		for fn, us := range uses {
			if s.funcs[fn] || fn.Exported() {
				continue
			}
			only := len(us) > 0
			for _, u := range us {
				if !u.Direct || u.From == fn || !slices.ContainsFunc(u.Lits, inCommand) && !s.funcs[u.From] {
					only = false
					break
				}
			}
			if only {
				s.funcs[fn] = true
				changed = true
			}
		}
		return changed
	})
}

// funcOf returns the function an identifier or selector names.
func funcOf(info *types.Info, e ast.Expr) *types.Func {
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	default:
		return nil
	}
	fn, _ := info.Uses[id].(*types.Func)
	return fn
}
