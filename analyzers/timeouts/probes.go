package timeouts

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/internal/serverrole"
)

// probesOnlyDefaultMux reports whether the handlers this package
// registers on http.DefaultServeMux (http.HandleFunc, http.Handle) are
// probes, at least one: each ignores its request (its *http.Request
// parameter is unused: a health, version or stats endpoint answers every
// caller alike), or serves operators (serverrole.OpsHandler). A server
// with no Handler serves that mux: it is the process's probe listener for
// its supervisor (woodpecker's agent healthcheck server: /healthz,
// /version, /varz; judged false), not a server of users. A package that
// registers nothing there but imports net/http/pprof, which registers its
// profiling handlers on the default mux, serves the profiler only
// (transfer.sh's :6060 listener). Handlers other packages register on the
// default mux are not seen.
func (c *checker) probesOnlyDefaultMux() bool {
	if c.probes != 0 {
		return c.probes == 2
	}
	c.probes = 1
	registered, others := c.defaultMuxRegistrations()
	if !others && (registered > 0 || importsPprof(c.pass.Pkg)) {
		c.probes = 2
	}
	return c.probes == 2
}

// defaultMuxRegistrations counts the handlers this package registers on
// http.DefaultServeMux (http.HandleFunc, http.Handle, and those methods
// of http.DefaultServeMux itself) that are probes (they ignore their
// request) or operators' handlers, and says whether it registers any
// other: a handler of the program's users.
func (c *checker) defaultMuxRegistrations() (probes int, others bool) {
	if c.muxScan != nil {
		return c.muxScan.probes, c.muxScan.others
	}
	c.muxScan = new(muxScan)
	if c.ssa == nil {
		// A package that does not type-check may register anything.
		c.muxScan.others = true
		return 0, true
	}
	pkg, funcs := c.ssa.SSA()
	all := funcs
	if pkg != nil {
		if init := pkg.Func("init"); init != nil {
			all = append(slices.Clip(all), init)
		}
	}
	for _, fn := range all {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				args := call.Common().Args
				switch flow.CalleeName(call.Common()) {
				case "net/http.HandleFunc", "net/http.Handle":
				case "(*net/http.ServeMux).HandleFunc", "(*net/http.ServeMux).Handle":
					if len(args) != 3 || !isDefaultServeMux(args[0]) {
						continue
					}
					args = args[1:]
				default:
					continue
				}
				if len(args) != 2 || !serverrole.IgnoresRequest(args[1]) && !serverrole.OpsHandler(args[1]) {
					c.muxScan.others = true
					continue
				}
				c.muxScan.probes++
			}
		}
	}
	return c.muxScan.probes, c.muxScan.others
}

// A muxScan is what defaultMuxRegistrations found.
type muxScan struct {
	probes int
	others bool
}

// isDefaultServeMux reports whether v is a load of http.DefaultServeMux.
func isDefaultServeMux(v ssa.Value) bool {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	g, ok := load.X.(*ssa.Global)
	return ok && g.Pkg != nil && g.Pkg.Pkg.Path() == knowledge.NetHTTP && g.Name() == "DefaultServeMux"
}

// standaloneTool reports whether the package is a program kept beside the
// service rather than part of it: a package main in a subdirectory of its
// module that imports no package of the module and declares no handler
// (ntfy's tools/loadgen, a load generator of the standard library alone;
// judged false). The operator who runs it watches it; its clients and
// dials are not reported. The module is known only where the driver says
// it (go vet, gopls and perfvet do; GOPATH mode does not).
func (c *checker) standaloneTool() bool {
	if c.standalone != 0 {
		return c.standalone == 2
	}
	c.standalone = 1
	mod := c.pass.Module
	if c.pass.Pkg.Name() != "main" || mod == nil || mod.Path == "" {
		return false
	}
	path := c.pass.Pkg.Path()
	if !strings.HasPrefix(path, mod.Path+"/") {
		return false
	}
	for _, imp := range c.pass.Pkg.Imports() {
		if imp.Path() == mod.Path || strings.HasPrefix(imp.Path(), mod.Path+"/") {
			return false
		}
	}
	if c.servesRequests() {
		return false
	}
	c.standalone = 2
	return true
}

// dialsOwnServer reports whether a dial's address is read through the
// same chain of struct fields (config.HTTP.Addr) as an http.Server literal
// of the package gets as its Addr: the program dials its own listener, a
// start-up probe that connects or is refused at once, not a remote host
// that may not answer (openfga's playground waits for its HTTP server with
// net.Dial("tcp", config.HTTP.Addr): judged false). Fields are compared
// by their declarations along the whole chain, so config.Upstream.Addr is
// not config.HTTP.Addr, whatever the variable that holds the config.
// dialsLoopback reports whether a dial's address is a constant loopback
// host and a port (net.Dial("tcp", fmt.Sprintf("127.0.0.1:%v", port)),
// pgweb's check that a local port is free: judged false when reported):
// this host's kernel answers or refuses at once.
func (c *checker) dialsLoopback(call *ast.CallExpr) bool {
	ci := c.ix.Call(call.Lparen)
	if ci == nil || len(ci.Common().Args) < 2 {
		return false
	}
	return serverrole.LoopbackAddr(ci.Common().Args[1])
}

func (c *checker) dialsOwnServer(call *ast.CallExpr) bool {
	if len(call.Args) < 2 {
		return false
	}
	path := fieldPath(c.pass.TypesInfo, call.Args[1])
	if len(path) == 0 {
		return false
	}
	for n := range c.insp.PreorderSeq((*ast.CompositeLit)(nil)) {
		lit := n.(*ast.CompositeLit)
		if !analysisutil.IsNamed(c.pass.TypesInfo.TypeOf(lit), knowledge.NetHTTP, "Server") {
			continue
		}
		if addr := analysisutil.KeyedValue(lit, "Addr"); addr != nil && slices.Equal(fieldPath(c.pass.TypesInfo, addr), path) {
			return true
		}
	}
	return false
}

// fieldPath returns the fields a chain of selectors reads, outermost
// last (config.HTTP.Addr: HTTP, Addr), or nil if e is not such a chain.
func fieldPath(info *types.Info, e ast.Expr) []*types.Var {
	var path []*types.Var
	for {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			break
		}
		s := info.Selections[sel]
		if s == nil || s.Kind() != types.FieldVal {
			break
		}
		v, ok := s.Obj().(*types.Var)
		if !ok {
			return nil
		}
		path = append([]*types.Var{v.Origin()}, path...)
		e = sel.X
	}
	return path
}

// importsPprof reports whether a package imports net/http/pprof itself.
func importsPprof(pkg *types.Package) bool {
	return slices.ContainsFunc(pkg.Imports(), func(p *types.Package) bool { return p.Path() == "net/http/pprof" })
}
