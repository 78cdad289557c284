package timeouts

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/internal/routes"
	"github.com/perfvet/perfvet/analyzers/internal/serverrole"
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

// setupServer reports whether the package serves a one-off setup wizard
// (serverrole.Setup): its servers are not reported for missing timeouts.
func (c *checker) setupServer() bool {
	if c.setup == 0 {
		c.setup = 1
		if serverrole.Setup(c.pass.Fset, c.pass.TypesInfo, c.pass.Files) {
			c.setup = 2
		}
	}
	return c.setup == 2
}

// commandLineTarget reports whether a request function's URL argument, in
// a main package, comes from the command line: os.Args, flag.Arg or
// flag.Args, or a flag.String value, directly or through concatenation,
// fmt.Sprintf and string functions. A developer tool that fetches the URL
// it is given (yarr's cmd/feed2json and cmd/readability, judged false) is
// run at a terminal by someone who interrupts a stuck request; the
// smallest program, func main() { http.Get("https://example.com") }, has a
// constant URL and stays reported.
func (c *checker) commandLineTarget(call *ast.CallExpr) bool {
	if c.pass.Pkg.Name() != "main" || len(call.Args) == 0 {
		return false
	}
	ci := c.ix.Call(call.Lparen)
	if ci == nil || len(ci.Common().Args) == 0 {
		return false
	}
	return fromCommandLine(ci.Common().Args[0], 0)
}

// fromCommandLine reports whether a string value derives from the
// program's command line.
func fromCommandLine(v ssa.Value, depth int) bool {
	if depth > 8 {
		return false
	}
	switch x := flow.Unconvert(v).(type) {
	case *ssa.UnOp:
		switch y := x.X.(type) {
		case *ssa.Global:
			return y.Pkg != nil && y.Pkg.Pkg.Path() == "os" && y.Name() == "Args"
		case *ssa.IndexAddr:
			return fromCommandLine(y.X, depth+1)
		case *ssa.Call:
			return flagValue(y)
		}
	case *ssa.Index:
		return fromCommandLine(x.X, depth+1)
	case *ssa.Slice:
		elems, ok := routes.VariadicElems(x) // fmt.Sprintf's arguments
		if !ok {
			return fromCommandLine(x.X, depth+1) // os.Args[1:]
		}
		for _, e := range elems {
			if fromCommandLine(e, depth+1) {
				return true
			}
		}
	case *ssa.BinOp:
		return fromCommandLine(x.X, depth+1) || fromCommandLine(x.Y, depth+1)
	case *ssa.Phi:
		for _, e := range x.Edges {
			if fromCommandLine(e, depth+1) {
				return true
			}
		}
	case *ssa.Extract:
		return fromCommandLine(x.Tuple, depth+1)
	case *ssa.Call:
		switch flow.CalleeName(x.Common()) {
		case "flag.Arg", "flag.Args", "(*flag.FlagSet).Arg", "(*flag.FlagSet).Args":
			return true
		}
		if callee := x.Common().StaticCallee(); callee != nil && callee.Pkg != nil {
			switch callee.Pkg.Pkg.Path() {
			case "fmt", "strings", "net/url", "path":
				for _, a := range x.Common().Args {
					if fromCommandLine(a, depth+1) {
						return true
					}
				}
			}
		}
	}
	return false
}

// flagValue reports whether a pointer is a flag's value (flag.String).
func flagValue(call *ssa.Call) bool {
	switch flow.CalleeName(call.Common()) {
	case "flag.String", "(*flag.FlagSet).String":
		return true
	}
	return false
}

// requestsToLoopback reports whether a client used in place (not stored,
// returned or handed on) sends every request, at least one, to a loopback
// host written as a constant prefix of the URL ("http://localhost:" +
// port, fmt.Sprintf("http://127.0.0.1:%d/health", port)): a probe of the
// program's own server (fider's ping command for Docker's HEALTHCHECK,
// judged false), which whoever runs the probe bounds.
func requestsToLoopback(allocs []*ssa.Alloc) bool {
	if !usedInPlace(allocs) {
		return false
	}
	return sendsOnly(allocs, func(req ssa.Value) bool { return loopbackURL(requestURL(req)) }, loopbackURL)
}

// loopbackTarget reports whether a call of http.Get, Head, Post or
// PostForm sends its request to a loopback host written as a constant
// prefix of its URL: a server on the same host, which answers or refuses
// at once (1Panel's OpenResty status page, judged false when reported).
func (c *checker) loopbackTarget(call *ast.CallExpr) bool {
	if len(call.Args) == 0 {
		return false
	}
	if ci := c.ix.Call(call.Lparen); ci != nil {
		return len(ci.Common().Args) > 0 && c.loopbackArg(ci.Common().Args[0])
	}
	// No SSA (a dependency does not type-check): a constant URL, or one
	// fmt.Sprintf formats from a constant.
	return loopbackPrefix(c.syntaxPrefix(call.Args[0]))
}

// syntaxPrefix returns the constant prefix of a URL written as a constant
// or a fmt.Sprintf of a constant format (see constPrefixes), or "".
func (c *checker) syntaxPrefix(e ast.Expr) string {
	info := c.pass.TypesInfo
	if tv := info.Types[e]; tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value)
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 || analysisutil.FullName(analysisutil.Callee(info, call)) != "fmt.Sprintf" {
		return ""
	}
	tv := info.Types[call.Args[0]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return ""
	}
	return formatPrefix(constant.StringVal(tv.Value))
}

// pathOnlyRequest reports whether a call makes a request whose URL is a
// constant path with no scheme or host ("/favicon.svg"): no client can
// send it, and the program serves it to a handler of its own, in the
// process (filestash's ServeFavicon hands it to ServeFile; judged false
// when reported). Read from the syntax, which a package whose dependency
// does not type-check still has.
func (c *checker) pathOnlyRequest(call *ast.CallExpr, name string) bool {
	i, ok := requestURLArg[name]
	if !ok || i >= len(call.Args) {
		return false
	}
	tv := c.pass.TypesInfo.Types[call.Args[i]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	p := constant.StringVal(tv.Value)
	return strings.HasPrefix(p, "/") && !strings.HasPrefix(p, "//")
}

// requestURL returns the URL argument of the http.NewRequest that made a
// request, or nil.
func requestURL(req ssa.Value) ssa.Value {
	ex, ok := flow.Unwrap(req).(*ssa.Extract)
	if !ok || ex.Index != 0 {
		return nil
	}
	call, ok := ex.Tuple.(*ssa.Call)
	if !ok {
		return nil
	}
	args := call.Common().Args
	if i, ok := requestURLArg[flow.CalleeName(call.Common())]; ok && i < len(args) {
		return args[i]
	}
	return nil
}

// requestURLArg is the index of the URL argument of the functions that
// make a request.
var requestURLArg = map[string]int{
	"net/http.NewRequest":            1,
	"net/http.NewRequestWithContext": 2,
}

// loopbackURL reports whether every constant prefix a URL value may have
// names a loopback host, up to the port or path that ends it.
func loopbackURL(v ssa.Value) bool {
	if v == nil {
		return false
	}
	prefixes, _ := constPrefixes(v, 0)
	if len(prefixes) == 0 {
		return false
	}
	for _, p := range prefixes {
		if !loopbackPrefix(p) {
			return false
		}
	}
	return true
}

// loopbackArg is loopbackURL, also for a parameter of an unexported
// function that every call in the package passes such a URL: filestash's
// ensureAppHasBooted(fmt.Sprintf("http://127.0.0.1:%d%s", port, ...)),
// its start-up probe of its own listener, judged false when reported.
func (c *checker) loopbackArg(v ssa.Value) bool {
	p, ok := v.(*ssa.Parameter)
	if !ok {
		return loopbackURL(v)
	}
	idx := slices.Index(p.Parent().Params, p)
	calls := c.localCalls(p.Parent())
	for _, call := range calls {
		args := call.Common().Args
		if idx < 0 || idx >= len(args) || !loopbackURL(args[idx]) {
			return false
		}
	}
	return len(calls) > 0
}

// loopbackPrefix reports whether a URL's constant prefix names a loopback
// host, up to the port or path that ends it.
func loopbackPrefix(p string) bool {
	rest, ok := strings.CutPrefix(p, "http://")
	if !ok {
		rest, ok = strings.CutPrefix(p, "https://")
	}
	if !ok {
		return false
	}
	end := strings.IndexAny(rest, ":/")
	return end >= 0 && serverrole.LoopbackHost(rest[:end])
}

// formatPrefix returns a fmt format's text up to its first verb, reading
// a leading "%s://" as a scheme (filestash's "%s://127.0.0.1:%d"): the
// host that follows is what the prefix tells.
func formatPrefix(format string) string {
	if rest, ok := strings.CutPrefix(format, "%s://"); ok {
		format = "http://" + rest
	}
	format, _, _ = strings.Cut(format, "%")
	return format
}

// constPrefixes returns the constant prefixes a string value may start
// with, and whether they are the whole value: a constant, each edge of a
// phi of constants, the left operands of a concatenation, or fmt.Sprintf's
// format up to its first verb (a leading "%s://" read as a scheme). nil
// if one is not known.
func constPrefixes(v ssa.Value, depth int) (prefixes []string, whole bool) {
	if depth > 8 {
		return nil, false
	}
	switch x := flow.Unconvert(v).(type) {
	case *ssa.Const:
		if x.Value != nil && x.Value.Kind() == constant.String {
			return []string{constant.StringVal(x.Value)}, true
		}
	case *ssa.Phi:
		whole = true
		for _, e := range x.Edges {
			p, w := constPrefixes(e, depth+1)
			if p == nil {
				return nil, false
			}
			prefixes = append(prefixes, p...)
			whole = whole && w
		}
		return prefixes, whole
	case *ssa.BinOp:
		if x.Op != token.ADD {
			return nil, false
		}
		left, leftWhole := constPrefixes(x.X, depth+1)
		if left == nil || !leftWhole {
			return left, false
		}
		right, rightWhole := constPrefixes(x.Y, depth+1)
		if right == nil {
			return left, false
		}
		for _, l := range left {
			for _, r := range right {
				prefixes = append(prefixes, l+r)
			}
		}
		return prefixes, rightWhole
	case *ssa.Call:
		if flow.CalleeName(x.Common()) == "fmt.Sprintf" && len(x.Common().Args) > 0 {
			if k, ok := x.Common().Args[0].(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
				return []string{formatPrefix(constant.StringVal(k.Value))}, false
			}
		}
	}
	return nil, false
}

// checkRetriedPings reports the pings with no deadline in an operation a
// retry helper calls until it succeeds (openfga's datastore start-up
// before its #3113): a database that accepts the connection and never
// answers holds the first attempt forever, and the policy's bound
// (MaxElapsedTime) is checked between attempts only, so the program never
// starts and never says why. A ping given a context with a deadline, or
// through a function the operation calls, is not reported.
func (c *checker) checkRetriedPings(op ast.Expr) {
	lit, ok := ast.Unparen(op).(*ast.FuncLit)
	if !ok {
		return
	}
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn := analysisutil.Callee(c.pass.TypesInfo, call)
		ctxArg, ok := knowledge.Pings[analysisutil.FullName(fn)]
		if !ok {
			return true
		}
		if ctxArg >= 0 && (ctxArg >= len(call.Args) || !isContextRootCall(c.pass.TypesInfo, call.Args[ctxArg])) {
			return true // the caller's context, perhaps with a deadline
		}
		c.report(call, CategoryClient, "%s in an operation that is retried has no deadline: a database that accepts the connection and never answers holds the attempt forever, and the retry's bound is checked between attempts only; give each attempt a deadline (ctx, cancel := context.WithTimeout(ctx, d); db.PingContext(ctx))", analysisutil.Display(fn))
		return true
	})
}
