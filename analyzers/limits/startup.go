package limits

import (
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/commands"
)

// Start-up only functions. A transport built on every call of a function
// that the program calls once, as it starts (scrutiny's InfluxDB set-up
// check, from the constructor of a middleware that its server's set-up
// calls; portainer's ping of the first environment, from main's
// InitEndpoint), costs one handshake per process: not a keep-alive to
// win. Which functions run only at start-up is a question about their
// callers, which the package that declares them does not see; so each
// package hands on, in its program fact, the static calls among the
// program's functions that lead to a per-call transport, and the program
// (main, or the package that starts its server) decides where it reports.
//
// A function runs only at start-up when it is a root (main, an init
// function, a command's run: commands.Find), or when every reference to
// it is a direct call, outside any loop, from a function that runs only
// at start-up, and there is one. A function used as a value (a handler, a
// callback, a method value) may run any number of times; so may one
// called through an interface, which has no static caller; and so may a
// call in a function literal that is not run where it is written (a
// go func() { ... }() or an immediately called literal is).

// A callEdge is a static call from one function of the program to
// another: their full names; Loop when the call is inside a loop.
type callEdge struct {
	From, To string
	Loop     bool `json:",omitempty"`
}

// rootCaller stands for the caller of a command's function literal (a
// cobra command's Run): the command runs once.
const rootCaller = "<command>"

// startupCalls returns the package's calls that lead to the functions in
// targets (and to their callers, in this package), the functions among
// them used otherwise than by a direct call, and the package's roots.
func (c *checker) startupCalls(targets map[string]bool) (edges []callEdge, escapes, roots []string) {
	if len(targets) == 0 {
		return nil, nil, nil
	}
	info := c.pass.TypesInfo
	mod := ""
	if c.pass.Module != nil {
		mod = c.pass.Module.Path
	}
	ownModule := analysisutil.SameModule(mod)
	cmds := commands.Find(info, c.pass.Pkg, c.pass.Files)
	var all []callEdge
	escaped := make(map[string]bool)
	called := make(map[*ast.Ident]bool) // the names of direct calls' callees
	var walk func(n ast.Node, from string, loop bool)
	walk = func(n ast.Node, from string, loop bool) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ForStmt:
				if n.Init != nil {
					walk(n.Init, from, loop)
				}
				for _, part := range []ast.Node{n.Cond, n.Post, n.Body} {
					if part != nil {
						walk(part, from, true)
					}
				}
				return false
			case *ast.RangeStmt:
				walk(n.X, from, loop)
				walk(n.Body, from, true)
				return false
			case *ast.FuncLit:
				if cmds.Lit(n) {
					walk(n.Body, rootCaller, false)
				} else {
					walk(n.Body, "", loop) // a value: its callers are not known
				}
				return false
			case *ast.CallExpr:
				if lit, ok := ast.Unparen(n.Fun).(*ast.FuncLit); ok {
					// func() { ... }(), go func() { ... }(), defer: run
					// where written.
					for _, arg := range n.Args {
						walk(arg, from, loop)
					}
					walk(lit.Body, from, loop)
					return false
				}
				fn := analysisutil.Callee(info, n)
				if fn == nil || fn.Pkg() == nil || !ownModule(fn.Pkg()) {
					return true
				}
				if id := analysisutil.CalleeIdent(n); id != nil {
					called[id] = true
				}
				to := analysisutil.FullName(fn.Origin())
				if from == "" {
					escaped[to] = true
				} else {
					all = append(all, callEdge{From: from, To: to, Loop: loop})
				}
			}
			return true
		})
	}
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, _ := info.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			name := analysisutil.FullName(fn)
			if isStartupRoot(fn) || cmds.Func(fn) {
				roots = append(roots, name)
			}
			walk(fd.Body, name, false)
		}
	}
	for id, obj := range info.Uses {
		if fn, ok := obj.(*types.Func); ok && !called[id] && fn.Pkg() != nil && ownModule(fn.Pkg()) {
			escaped[analysisutil.FullName(fn.Origin())] = true // a value: a handler, a callback
		}
	}
	// Keep what leads to the targets: the calls into them, and into
	// the functions of this package that call them, and so on.
	want := maps.Clone(targets)
	for changed := true; changed; {
		changed = false
		for _, e := range all {
			if want[e.To] && !want[e.From] && e.From != rootCaller {
				want[e.From] = true
				changed = true
			}
		}
	}
	for _, e := range all {
		if want[e.To] {
			edges = append(edges, e)
		}
	}
	for name := range escaped {
		if want[name] {
			escapes = append(escapes, name)
		}
	}
	// Roots matter only as callers of the calls kept.
	roots = slices.DeleteFunc(roots, func(r string) bool {
		return !slices.ContainsFunc(edges, func(e callEdge) bool { return e.From == r })
	})
	slices.Sort(escapes)
	slices.Sort(roots)
	return edges, escapes, roots
}

// isStartupRoot reports whether fn runs once as the process starts: main
// of a main package, or an init function.
func isStartupRoot(fn *types.Func) bool {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() != nil {
		return false
	}
	return fn.Name() == "init" || fn.Name() == "main" && fn.Pkg().Name() == "main"
}

// startupOnly decides, from a program's calls, which functions run only
// at start-up.
type startupOnly struct {
	callers map[string][]callEdge
	escapes map[string]bool
	roots   map[string]bool
	memo    map[string]int // 1 yes, 2 no, 3 being decided (a cycle: no)
	// open: the program is not seen whole (a package other than main
	// that starts a server decides for it), so an exported function
	// with no caller in sight may be a step of its importers' start-up:
	// the decision is left to them.
	open bool
}

func newStartupOnly(edges []callEdge, escapes, roots []string, open bool) *startupOnly {
	s := &startupOnly{callers: make(map[string][]callEdge), escapes: make(map[string]bool), roots: make(map[string]bool), memo: make(map[string]int), open: open}
	for _, e := range edges {
		if !slices.Contains(s.callers[e.To], e) {
			s.callers[e.To] = append(s.callers[e.To], e)
		}
	}
	for _, n := range escapes {
		s.escapes[n] = true
	}
	for _, n := range roots {
		s.roots[n] = true
	}
	return s
}

// only reports whether the function named name runs only at start-up.
func (s *startupOnly) only(name string) bool {
	if name == "" || name == rootCaller {
		return name == rootCaller
	}
	switch s.memo[name] {
	case 1:
		return true
	case 2, 3:
		return false
	}
	if s.roots[name] {
		s.memo[name] = 1
		return true
	}
	if s.open && !s.escapes[name] && len(s.callers[name]) == 0 && exportedName(name) {
		s.memo[name] = 1
		return true
	}
	s.memo[name] = 3
	ok := !s.escapes[name] && len(s.callers[name]) > 0
	for _, e := range s.callers[name] {
		if !ok {
			break
		}
		ok = !e.Loop && s.only(e.From)
	}
	if ok {
		s.memo[name] = 1
	} else {
		s.memo[name] = 2
	}
	return ok
}

// exportedName reports whether a full name ("pkg/path.F",
// "(*pkg/path.T).M") names an exported function or method.
func exportedName(full string) bool {
	i := strings.LastIndexAny(full, ".)")
	return i >= 0 && i+1 < len(full) && token.IsExported(full[i+1:])
}
