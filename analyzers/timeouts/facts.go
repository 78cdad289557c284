package timeouts

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/objectpath"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// An ioFact says that a function does outbound work (a database query, a
// Redis command, an HTTP request) with one of its context parameters, or
// with no request context at all. Callers in request paths are checked
// against it, in this package and in every package that imports it.
type ioFact struct {
	CtxParams []CtxParam // parameters (SSA indexes; a receiver is 0) that reach outbound work
	Detached  *Site      // outbound work with context.Background/TODO or no context
	// UnboundedClient: every client the function returns is one the
	// client rule reports (http.DefaultClient, a literal never given a
	// Timeout, a package variable only ever set to those): a request sent
	// through it is bounded by that one fix (casdoor's
	// proxy.GetHttpClient).
	UnboundedClient bool
	// ClientTimeout: every client the function returns is an http.Client
	// literal of it with a constant Timeout; this is the longest
	// (notifuse's safehttpclient.New, 10s). A request sent through it is
	// bounded as one through such a literal is (shortClientArg).
	ClientTimeout time.Duration
	// BuildsRequest: the function returns a request made with no
	// context (http.NewRequest), which it does not send: the caller that
	// sends it (client.Do) does the work. BuildsVia names the chain.
	BuildsRequest bool
	BuildsVia     string
}

// A CtxParam is a context parameter that reaches outbound work.
type CtxParam struct {
	Index int
	Kind  string // kindDatabase, kindRedis, ...
	Via   string // the chain of calls to the work: "repo.Get → (*sql.DB).QueryRowContext"
}

// A Site is outbound work that no request context bounds, and the
// function that is its cause: the one that contains the work and has no
// context parameter to pass to it (see doc.go, "One cause, one finding").
// The cause travels up unchanged through the callers' facts.
type Site struct {
	Kind string
	Via  string
	Posn string // file:line of the work
	How  string // "no context", "context.Background()", ...

	Cause     string // the cause function, as messages name it: "(*storage.Storage).Entries"
	CauseOp   string // the work as seen from the cause: "(*sql.DB).QueryRow"
	CausePkg  string // its package path
	CauseMod  string // its module path, "" if unknown
	CauseObj  string // its objectpath within CausePkg, "" if it has none
	CauseFile string // the position of its name: file (absolute), line, column
	CauseLine int
	CauseCol  int
	// TimeoutParam is 1 + the index of the cause's parameter that every
	// client sending its request takes as Timeout (a helper given the
	// bound by its callers: statping's HttpRequest(..., timeout, ...));
	// 0 when none. A call that gives it a constant within the plan's
	// query_timeout is bounded, and does not reach the cause.
	TimeoutParam int
	// TimeoutUnit scales the parameter into the Timeout
	// (time.Duration(secs) * time.Second: 1e9), 0 for none; TimeoutZero
	// is the value the function puts in place of a zero argument
	// (if secs == 0 { secs = 5 }), 0 for none.
	TimeoutUnit int64 `json:",omitempty"`
	TimeoutZero int64 `json:",omitempty"`

	// Quiet: a finding at the cause would be dropped in the cause's own
	// package (a //perfvet:ignore directive there, an ignored package, a
	// generated or test file); importers then report nothing for it.
	Quiet bool

	// The cause's receiver type, for a method ("" for a function), and,
	// computed in the cause's package so that every package reporting it
	// writes the same finding: how many of the type's methods are causes,
	// what they run and the first few of their names. A type with
	// minRecvCauses or more is reported once, at its declaration.
	Recv       string // "*storage.Storage"
	RecvKey    string // package path and type name
	RecvObj    string // the type name's objectpath
	RecvFile   string
	RecvLine   int
	RecvCauses int
	RecvWhat   string // "database queries"
	RecvNames  string // "(*storage.Storage).A, (*storage.Storage).B, (*storage.Storage).C, …"

	// NoCtxLayer: the cause's layer takes no context anywhere: none of
	// its receiver type's methods (for a plain function: none of its
	// package's plain functions) has a context.Context parameter. There a
	// context is nowhere at hand, and the change is the layer's design
	// (see doc.go, "Layers with no context"). For a plain function of such
	// a package, Recv* describe the package: RecvKey is "package " and its
	// path.
	NoCtxLayer bool
}

// minRecvCauses is the number of cause methods of one type from which the
// type is reported once instead of each method.
const minRecvCauses = 4

// grouped reports whether the cause is reported at its receiver type.
func (s *Site) grouped() bool {
	return s.RecvKey != "" && !s.pkgGroup() && s.RecvCauses >= minRecvCauses
}

// pkgGroup reports whether Recv* describe the cause's package (a plain
// function of a layer with no context) rather than its receiver type.
func (s *Site) pkgGroup() bool { return strings.HasPrefix(s.RecvKey, "package ") }

// shortRoundTrip reports whether the work is a round trip to the
// service's own data store (a database query, a Redis command), which
// takes milliseconds, as opposed to a call to another service (HTTP, RPC),
// whose latency is that service's.
func (s *Site) shortRoundTrip() bool { return s.Kind == kindDatabase || s.Kind == kindRedis }

// reportKey returns how a cause reached from a request path is reported:
// under which key (one finding per key), whether at its group (type or
// package), and whether at all. layers is the -layers option.
func (s *Site) reportKey(layers bool) (key string, group, report bool) {
	switch {
	case s.NoCtxLayer && s.RecvKey != "" && layers:
		return s.RecvKey, true, true
	case s.NoCtxLayer && s.shortRoundTrip():
		return "", false, false // the layer's design: reported with -layers only
	case s.NoCtxLayer:
		return s.causeKey(), false, true
	case s.grouped():
		return s.RecvKey, true, true
	}
	return s.causeKey(), false, true
}

// causeKey identifies a cause across packages and drivers.
func (s *Site) causeKey() string { return s.CausePkg + " " + s.Cause }

// A causesFact, exported by a package, lists the causes (Site.causeKey)
// it reported findings for. A package that imports it, directly or not,
// does not report them again: under go vet each package is a separate
// process, and this is how the first package on an import chain to reach
// a cause keeps the ones above it quiet.
type causesFact struct {
	Causes []string // sorted
}

func (*causesFact) AFact() {}

func (f *causesFact) String() string { return "causes(" + strings.Join(f.Causes, ", ") + ")" }

func (*ioFact) AFact() {}

func (f *ioFact) String() string {
	var parts []string
	for _, p := range f.CtxParams {
		parts = append(parts, fmt.Sprintf("ctx%d: %s via %s", p.Index, p.Kind, p.Via))
	}
	if f.Detached != nil {
		parts = append(parts, fmt.Sprintf("detached: %s via %s", f.Detached.Kind, f.Detached.Via))
	}
	if f.UnboundedClient {
		parts = append(parts, "returns an unbounded client")
	}
	if f.ClientTimeout > 0 {
		parts = append(parts, fmt.Sprintf("returns a client with a %v timeout", f.ClientTimeout))
	}
	if f.BuildsRequest {
		parts = append(parts, "builds a request via "+f.BuildsVia)
	}
	return "io(" + strings.Join(parts, "; ") + ")"
}

func (f *ioFact) empty() bool {
	return len(f.CtxParams) == 0 && f.Detached == nil && !f.UnboundedClient && f.ClientTimeout == 0 && !f.BuildsRequest
}

// factOf returns what is known of fn: this package's computed fact or an
// imported one.
func (c *checker) factOf(fn *types.Func) *ioFact {
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	if isControlPlane(fn) {
		return nil // a bucket's configuration: an admin's one-off (oneoff.go)
	}
	if fn.Pkg() == c.pass.Pkg {
		return c.facts[fn]
	}
	if fn.Pkg() != nil && knowledge.IsOutboundPackage(fn.Pkg().Path()) {
		// A library's entry points are described by the knowledge tables;
		// what its internals do with contexts (a client constructor that
		// starts background work) is not the caller's request path.
		return nil
	}
	var f ioFact
	if c.pass.ImportObjectFact(fn, &f) {
		return &f
	}
	return nil
}

// computeFacts computes the facts of this package's declared functions,
// iterating to a fixed point so that chains of helpers inside the package
// are followed, and exports them.
func (c *checker) computeFacts(funcs []*ssa.Function) {
	declared := flow.DeclaredFuncs(funcs)
	flow.Fixpoint(declared, c.facts, func(f *ssa.Function) (*ioFact, bool) {
		nf := c.factFor(f)
		return nf, !nf.empty()
	})
	c.groupRecvCauses()
	// Only exported functions and methods can be called from another
	// package; the others' facts stay in this pass.
	for _, f := range declared {
		obj := f.Object().(*types.Func)
		if fact := c.facts[obj]; fact != nil && obj.Exported() {
			c.pass.ExportObjectFact(obj, fact)
		}
	}
}

// factFor computes the fact of one function from its own body; work in
// function literals and goroutines it starts is not its own.
func (c *checker) factFor(fn *ssa.Function) *ioFact {
	f := &ioFact{UnboundedClient: c.returnsUnboundedClient(fn), ClientTimeout: c.returnsTimedClient(fn)}
	if fn.Pkg != nil && knowledge.ConnectionContexts[fn.Pkg.Pkg.Path()] {
		// The connection's context, not the calls, decides (pop's
		// WithContext): none of this package's work is detached.
		defer func() { f.Detached = nil }()
	}
	takesContext := false
	for _, p := range fn.Params {
		if isContext(p.Type()) {
			takesContext = true
		}
	}
	if c.isHandlerFunc(fn) {
		// A handler has the request in reach: its own detached work is
		// reported where it happens (each site its own fix), and a
		// handler is nobody's cause.
		takesContext = true
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			ci, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			if _, isGo := instr.(*ssa.Go); isGo {
				continue
			}
			common := ci.Common()
			callee := staticFunc(common)
			if callee == nil && common.IsInvoke() {
				callee = common.Method
			}
			if callee == nil {
				continue
			}
			posn := c.posn(instr)
			if _, ok := knowledge.ContextFree[analysisutil.FullName(callee)]; ok {
				if onlyBuilt(ci) {
					f.setBuilds(analysisutil.Display(callee))
					continue
				}
				if onlyProxied(ci) {
					continue
				}
				if !takesContext && !c.coveredByClient(ci) && !c.shortClient(ci) && !c.sqliteQuery(callee) {
					site := c.causeSite(fn, Site{Kind: kindOf(callee), Via: analysisutil.Display(callee), Posn: posn, How: "no context"})
					site.TimeoutParam, site.TimeoutUnit, site.TimeoutZero = clientTimeoutParam(ci, fn)
					f.setDetached(site)
				}
				continue
			}
			if bf := c.factOf(callee); bf != nil && bf.BuildsRequest {
				if onlyBuilt(ci) {
					f.setBuilds(chain(callee, bf.BuildsVia))
				}
			}
			if via, ok := c.sendsBuilt(common); ok && !takesContext {
				f.setDetached(c.causeSite(fn, Site{Kind: kindHTTP, Via: via, Posn: posn, How: "no context"}))
			}
			for _, p := range c.contextParams(callee) {
				idx := p.Index
				if common.IsInvoke() {
					idx--
				}
				if idx < 0 || idx >= len(common.Args) {
					continue
				}
				via := chain(callee, p.Via)
				src := flow.ContextOrigin(common.Args[idx])
				switch src.Origin {
				case flow.Param:
					if i := slices.Index(fn.Params, src.Param); i >= 0 {
						f.addParam(CtxParam{Index: i, Kind: p.Kind, Via: via})
					}
				case flow.Detached:
					if !takesContext && !c.shortLoopbackRequest(ci) && !knowledge.IsSetupCall(analysisutil.FullName(callee)) {
						f.setDetached(c.causeSite(fn, Site{Kind: p.Kind, Via: via, Posn: posn, How: detachedHow(common.Args[idx])}))
					}
				}
			}
			if cf := c.factOf(callee); cf != nil && cf.Detached != nil && !takesContext && !presignedOnly(ci) {
				if c.boundedTimeoutArg(ci, cf.Detached) {
					continue // the callee's client is given a short constant Timeout here
				}
				s := *cf.Detached
				s.Via = chain(callee, s.Via)
				s.TimeoutParam, s.TimeoutUnit, s.TimeoutZero = 0, 0, 0 // the callee's parameter, not this function's
				f.setDetached(s)
			}
		}
	}
	return f
}

// chain prefixes a callee to the chain of calls below it.
func chain(callee *types.Func, below string) string {
	return flow.Chain(analysisutil.Display(callee), below)
}

func (f *ioFact) addParam(p CtxParam) {
	for _, q := range f.CtxParams {
		if q.Index == p.Index && q.Kind == p.Kind {
			return
		}
	}
	f.CtxParams = append(f.CtxParams, p)
	slices.SortFunc(f.CtxParams, func(a, b CtxParam) int {
		if a.Index != b.Index {
			return a.Index - b.Index
		}
		return strings.Compare(a.Kind, b.Kind)
	})
}

// setDetached keeps the first detached site, in source order.
func (f *ioFact) setDetached(s Site) {
	if f.Detached == nil {
		f.Detached = &s
	}
}

// causeSite completes s, work with no request context in fn, with fn as
// its cause. Whether a finding at fn would be dropped is decided here, in
// fn's package, whose directives and plan govern it.
func (c *checker) causeSite(fn *ssa.Function, s Site) Site {
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj == nil {
		return s
	}
	s.Cause = analysisutil.Display(obj)
	s.CauseOp = s.Via
	s.CausePkg = c.pass.Pkg.Path()
	if c.pass.Module != nil {
		s.CauseMod = c.pass.Module.Path
	}
	if c.enc == nil {
		c.enc = new(objectpath.Encoder)
	}
	if p, err := c.enc.For(obj); err == nil {
		s.CauseObj = string(p)
	}
	posn := c.pass.Fset.Position(obj.Pos())
	s.CauseFile, s.CauseLine, s.CauseCol = posn.Filename, posn.Line, posn.Column
	s.Quiet = !c.pass.Reportable(obj.Pos())
	if recv := obj.Signature().Recv(); recv == nil {
		if !c.pkgTakesContext() {
			s.NoCtxLayer = true
			s.Recv = "package " + c.pass.Pkg.Name()
			s.RecvKey = "package " + c.pass.Pkg.Path()
		}
	} else {
		t := recv.Type()
		ptr := false
		if p, ok := t.(*types.Pointer); ok {
			t, ptr = p.Elem(), true
		}
		if n, ok := t.(*types.Named); ok && n.Obj().Pkg() == c.pass.Pkg {
			tn := n.Obj()
			s.Recv = c.pass.Pkg.Name() + "." + tn.Name()
			if ptr {
				s.Recv = "*" + s.Recv
			}
			s.RecvKey = "type " + c.pass.Pkg.Path() + "." + tn.Name()
			if p, err := c.enc.For(tn); err == nil {
				s.RecvObj = string(p)
			}
			tp := c.pass.Fset.Position(tn.Pos())
			s.RecvFile, s.RecvLine = tp.Filename, tp.Line
			s.NoCtxLayer = !takesContextAnywhere(n)
		}
	}
	return s
}

// takesContextAnywhere reports whether a method of the named type (value
// or pointer receiver) has the request's context at hand: a
// context.Context, *http.Request, *gin.Context or echo.Context parameter.
func takesContextAnywhere(n *types.Named) bool {
	for m := range n.Methods() {
		if hasContextParam(m.Signature()) {
			return true
		}
	}
	return false
}

// pkgTakesContext reports whether a plain function of this package has
// the request's context at hand (see takesContextAnywhere).
func (c *checker) pkgTakesContext() bool {
	if c.pkgCtx == 0 {
		c.pkgCtx = 1
		scope := c.pass.Pkg.Scope()
		for _, name := range scope.Names() {
			if fn, ok := scope.Lookup(name).(*types.Func); ok && hasContextParam(fn.Signature()) {
				c.pkgCtx = 2
				break
			}
		}
	}
	return c.pkgCtx == 2
}

// A *http.Request counts in a handler's signature (with an
// http.ResponseWriter) only: a storage function handed the request to
// read its query parameters (mailpit's storage.LatestID(r)) is no sign
// that the layer carries contexts (11 findings on mailpit's storage
// package, judged false).
func hasContextParam(sig *types.Signature) bool {
	writer := false
	for p := range sig.Params().Variables() {
		if analysisutil.IsNamed(p.Type(), knowledge.NetHTTP, "ResponseWriter") {
			writer = true
		}
	}
	for p := range sig.Params().Variables() {
		t := p.Type()
		if isContext(t) || writer && isPointerTo(t, knowledge.NetHTTP, "Request") || isPointerTo(t, knowledge.Gin, "Context") || analysisutil.IsNamed(t, knowledge.Echo4, "Context") {
			return true
		}
	}
	return false
}

// groupRecvCauses counts, for each type of this package, its methods that
// are causes (their own fact's cause is themselves), and writes the count,
// what they run and the first names into every fact of this package whose
// cause is one of them.
func (c *checker) groupRecvCauses() {
	type group struct {
		names []string
		kinds map[string]bool
		first *types.Func // the first cause by name, where a package's group is reported
	}
	groups := make(map[string]*group)
	for obj, f := range c.facts {
		s := f.Detached
		if s == nil || s.Quiet || s.RecvKey == "" || s.CausePkg != c.pass.Pkg.Path() || s.Cause != analysisutil.Display(obj) {
			continue
		}
		g := groups[s.RecvKey]
		if g == nil {
			g = &group{kinds: make(map[string]bool)}
			groups[s.RecvKey] = g
		}
		g.names = append(g.names, s.Cause)
		g.kinds[s.Kind] = true
		if g.first == nil || s.Cause < analysisutil.Display(g.first) {
			g.first = obj
		}
	}
	for _, f := range c.facts {
		s := f.Detached
		if s == nil || s.CausePkg != c.pass.Pkg.Path() {
			continue
		}
		g := groups[s.RecvKey]
		if g == nil {
			continue
		}
		slices.Sort(g.names)
		s.RecvCauses = len(g.names)
		s.RecvWhat = "outbound calls"
		if len(g.kinds) == 1 {
			s.RecvWhat = plural(s.Kind)
		}
		names := g.names
		if len(names) > 3 {
			names = append(names[:3:3], "…")
		}
		s.RecvNames = strings.Join(names, ", ")
		if s.pkgGroup() && g.first != nil {
			if p, err := c.enc.For(g.first); err == nil {
				s.RecvObj = string(p)
			}
			fp := c.pass.Fset.Position(g.first.Pos())
			s.RecvFile, s.RecvLine = fp.Filename, fp.Line
		}
	}
}

// plural names several of a kind of work: "database queries".
func plural(kind string) string {
	if strings.HasSuffix(kind, "query") {
		return strings.TrimSuffix(kind, "y") + "ies"
	}
	return kind + "s"
}

// isHandlerFunc reports whether fn is declared as a request handler.
func (c *checker) isHandlerFunc(fn *ssa.Function) bool {
	ft, _ := flow.FuncSyntax(fn)
	return ft != nil && handlerOf(c.pass.TypesInfo, ft) != nil
}

// detachedHow names a detached context argument as messages show it.
func detachedHow(v ssa.Value) string {
	if call, ok := v.(*ssa.Call); ok {
		switch flow.CalleeName(call.Common()) {
		case "context.Background":
			return "context.Background()"
		case "context.TODO":
			return "context.TODO()"
		}
	}
	return "a context made from context.Background()"
}

func (c *checker) posn(instr ssa.Instruction) string {
	p := c.pass.Fset.Position(instr.Pos())
	if !p.IsValid() {
		return "?"
	}
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}

// coveredByClient reports whether a context-free HTTP call (http.NewRequest,
// client.Get) sends its request through a client that is itself reported
// for having no timeout (http.DefaultClient, or an http.Client literal of
// the function that never gets a Timeout): one fix, the client's Timeout,
// bounds both, so the request is not reported again.
func (c *checker) coveredByClient(ci ssa.CallInstruction) bool {
	common := ci.Common()
	switch analysisutil.FullName(staticFunc(common)) {
	case "net/http.NewRequest":
		sent := false
		for _, do := range requestSends(ci) {
			if do == nil {
				continue // another use of the request: not a send
			}
			if !c.unboundedClient(do.Common().Args[0]) {
				return false
			}
			sent = true
		}
		return sent
	case "(*net/http.Client).Get", "(*net/http.Client).Head", "(*net/http.Client).Post", "(*net/http.Client).PostForm":
		return len(common.Args) > 0 && c.unboundedClient(common.Args[0])
	}
	return false
}

// returnsUnboundedClient reports whether fn returns an *http.Client and
// every client it returns is one the client rule reports (unboundedClient).
func (c *checker) returnsUnboundedClient(fn *ssa.Function) bool {
	res := fn.Signature.Results()
	if res.Len() != 1 || !isPointerTo(res.At(0).Type(), knowledge.NetHTTP, "Client") {
		return false
	}
	returns := 0
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) == 1 {
			if !c.unboundedClientDepth(ret.Results[0], 0) {
				return false
			}
			returns++
		}
	}
	return returns > 0
}

// returnsTimedClient returns the longest Timeout of the clients fn
// returns, when each is an http.Client literal of fn whose every Timeout
// store is a positive constant; 0 otherwise.
func (c *checker) returnsTimedClient(fn *ssa.Function) time.Duration {
	res := fn.Signature.Results()
	if res.Len() != 1 || !isPointerTo(res.At(0).Type(), knowledge.NetHTTP, "Client") {
		return 0
	}
	var longest time.Duration
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) != 1 {
			continue
		}
		alloc, ok := ret.Results[0].(*ssa.Alloc)
		if !ok || alloc.Comment != "complit" {
			return 0
		}
		d := c.literalTimeout(alloc)
		if d <= 0 {
			return 0
		}
		longest = max(longest, d)
	}
	return longest
}

// unboundedClient reports whether v is a client the client rule reports:
// http.DefaultClient in a package that does not set its Timeout, an
// http.Client literal of this function never given a Timeout nor handed
// to a function that might set one, a variable of the package that is
// only ever set to such clients, or the result of a function whose fact
// says it returns only such clients.
func (c *checker) unboundedClient(v ssa.Value) bool { return c.unboundedClientDepth(v, 0) }

// maxClientDepth bounds the walk from a client value through package
// variables and phis.
const maxClientDepth = 4

func (c *checker) unboundedClientDepth(v ssa.Value, depth int) bool {
	if depth > maxClientDepth {
		return false
	}
	switch v := v.(type) {
	case *ssa.Phi:
		for _, e := range v.Edges {
			if !c.unboundedClientDepth(e, depth+1) {
				return false
			}
		}
		return len(v.Edges) > 0
	case *ssa.Call:
		callee := staticFunc(v.Common())
		if callee == nil {
			return false
		}
		f := c.factOf(callee)
		return f != nil && f.UnboundedClient
	case *ssa.Parameter:
		return isPointerTo(v.Type(), knowledge.NetHTTP, "Client") && c.unboundedParam(v, depth)
	case *ssa.UnOp:
		if g, ok := v.X.(*ssa.Global); ok && v.Op == token.MUL && g.Pkg != nil && g.Pkg.Pkg == c.pass.Pkg {
			return c.unboundedGlobal(g, depth)
		}
		if g, ok := v.X.(*ssa.Global); ok && v.Op == token.MUL && g.Pkg != nil && g.Pkg.Pkg.Path() != knowledge.NetHTTP {
			// A variable of another package of the program, every store
			// of which there is such a client (casdoor's
			// proxy.ProxyHttpClient): its clientVarFact.
			var f clientVarFact
			return c.pass.ImportObjectFact(g.Object(), &f) && f.Unbounded
		}
	}
	switch v := v.(type) {
	case *ssa.UnOp:
		g, ok := v.X.(*ssa.Global)
		return ok && v.Op == token.MUL && g.Pkg != nil && g.Pkg.Pkg.Path() == knowledge.NetHTTP && g.Name() == "DefaultClient" && !c.defaultClientBounded
	case *ssa.Alloc:
		if v.Comment != "complit" {
			return false
		}
		allocs := flow.Aliases(v)
		return !setsNonZero(flow.FieldStores(allocs, "Timeout")) && !flow.HandedOff(allocs, isMethodOf(knowledge.NetHTTP, "Client"))
	}
	return false
}

// unboundedGlobal reports whether every value this package stores into
// its variable g is a client the client rule reports, at least one.
func (c *checker) unboundedGlobal(g *ssa.Global, depth int) bool {
	stores := c.globalStores(g)
	for _, st := range stores {
		if !c.unboundedClientDepth(st, depth+1) {
			return false
		}
	}
	return len(stores) > 0
}

// A clientVarFact says that every value its package stores into an
// exported *http.Client variable is a client the client rule reports
// there (unboundedClient): a request another package sends through the
// variable is bounded by that one fix.
type clientVarFact struct{ Unbounded bool }

func (*clientVarFact) AFact() {}

func (f *clientVarFact) String() string { return fmt.Sprintf("clientVar(unbounded=%v)", f.Unbounded) }

// exportClientVarFacts exports a clientVarFact for each exported
// package variable of type *http.Client only ever set to clients the
// client rule reports.
func (c *checker) exportClientVarFacts() {
	pkg, _ := c.ssa.SSA()
	if pkg == nil {
		return
	}
	for _, m := range pkg.Members {
		g, ok := m.(*ssa.Global)
		if !ok || !g.Object().Exported() {
			continue
		}
		if !isPointerTo(g.Type().(*types.Pointer).Elem(), knowledge.NetHTTP, "Client") {
			continue
		}
		if c.unboundedGlobal(g, 0) {
			c.pass.ExportObjectFact(g.Object(), &clientVarFact{Unbounded: true})
		}
	}
	c.exportClientFieldFacts()
}

// A clientFieldFact says that every value its package stores into an
// exported *http.Client field of one of its struct types (an embedded
// *http.Client included) is a client with a constant Timeout, at most
// Timeout: a request another package sends through the field is bounded
// by it (portainer's client.HTTPClient, which NewHTTPClient fills with a
// five-second client, sent through by its endpoints handlers).
type clientFieldFact struct{ Timeout time.Duration }

func (*clientFieldFact) AFact() {}

func (f *clientFieldFact) String() string { return fmt.Sprintf("clientField(timeout=%v)", f.Timeout) }

// exportClientFieldFacts exports a clientFieldFact for each exported
// *http.Client field of the package's struct types whose every store in
// the package is a client with a constant Timeout (madeTimeout).
func (c *checker) exportClientFieldFacts() {
	scope := c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for f := range st.Fields() {
			if !f.Exported() || !isPointerTo(f.Type(), knowledge.NetHTTP, "Client") {
				continue
			}
			if d := c.storedTimeout(c.fieldStores(f)); d > 0 {
				c.pass.ExportObjectFact(f, &clientFieldFact{Timeout: d})
			}
		}
	}
}

// storedTimeout returns the longest Timeout of the clients stored, when
// each has a constant one (madeTimeout), and 0 otherwise or when there is
// no store.
func (c *checker) storedTimeout(stores []ssa.Value) time.Duration {
	var longest time.Duration
	for _, v := range stores {
		d := c.madeTimeout(v)
		if d <= 0 {
			return 0
		}
		longest = max(longest, d)
	}
	return longest
}

// setBuilds records that the function returns a request built with no
// context, the first chain in source order.
func (f *ioFact) setBuilds(via string) {
	if !f.BuildsRequest {
		f.BuildsRequest, f.BuildsVia = true, via
	}
}

// sendsBuilt reports whether a call is client.Do of a request that a
// function of the program built with no context and returned
// (ioFact.BuildsRequest: a request helper), through a client that no
// finding of its own already bounds (coveredByClient, shortClient), and
// names the chain.
func (c *checker) sendsBuilt(common *ssa.CallCommon) (string, bool) {
	if analysisutil.FullName(staticFunc(common)) != "(*net/http.Client).Do" || len(common.Args) != 2 {
		return "", false
	}
	req := common.Args[1]
	if ex, ok := req.(*ssa.Extract); ok && ex.Index == 0 {
		req = ex.Tuple
	}
	call, ok := req.(*ssa.Call)
	if !ok {
		return "", false
	}
	builder := staticFunc(call.Common())
	bf := c.factOf(builder)
	if bf == nil || !bf.BuildsRequest {
		return "", false
	}
	if c.unboundedClient(common.Args[0]) {
		return "", false // the client's finding is the fix
	}
	if limit := c.pass.Plan.Limits.QueryTimeout; limit > 0 && c.shortClientValue(common.Args[0], limit) {
		return "", false
	}
	return chain(builder, bf.BuildsVia), true
}

// presignedOnly reports whether a call returns an aws-sdk-go (v1) request
// that the function only presigns (knowledge.PresignOnly): s3's
// GetObjectRequest builds its request with http.NewRequest, and nothing
// sends it; the client that fetches the signed URL later chooses its own
// context.
func presignedOnly(ci ssa.CallInstruction) bool {
	call, ok := ci.(*ssa.Call)
	if !ok {
		return false
	}
	var req ssa.Value
	if _, tuple := call.Type().(*types.Tuple); !tuple {
		req = call
	}
	for _, ref := range flow.Referrers(call) {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == 0 {
			req = ex
		}
	}
	if req == nil || !isPointerTo(req.Type(), knowledge.AWSv1Request, "Request") {
		return false
	}
	signed := false
	for _, use := range flow.Referrers(req) {
		switch use := use.(type) {
		case *ssa.DebugRef:
		case *ssa.Call:
			if !knowledge.PresignOnly[analysisutil.FullName(staticFunc(use.Common()))] || use.Common().Args[0] != req {
				return false
			}
			signed = true
		default:
			return false
		}
	}
	return signed
}

// onlyBuilt reports whether a call that makes a request (http.NewRequest,
// or a builder of the program: ioFact.BuildsRequest) builds a request
// that the function never sends nor hands on: it only sets its fields,
// calls its methods or a helper that returns it again (r.WithContext, a
// withContext of the package), and returns it (ntfy's
// newRequestFromMatrixJSON turns a Matrix push into a request that its own
// handler serves). Building a request is not outbound work; whoever sends
// it chooses its context.
func onlyBuilt(ci ssa.CallInstruction) bool {
	returned, _, ok := requestUses(ci)
	return ok && returned
}

// onlyProxied reports whether a request made with no context is never
// sent at all: it is only configured and handed to a proxy function (a
// Transport's Proxy, http.ProxyFromEnvironment), which reads its URL to
// choose a proxy. client-go builds one so in every rest.Config's
// transport (ConfigToExecCluster), and no request leaves the process.
func onlyProxied(ci ssa.CallInstruction) bool {
	returned, proxied, ok := requestUses(ci)
	return ok && proxied && !returned
}

// requestUses follows the request made by ci through the function and
// says whether it is returned and whether it is handed to a proxy
// function; ok is false when some use may send it (or is not known).
func requestUses(ci ssa.CallInstruction) (returned, proxied, ok bool) {
	call, isCall := ci.(*ssa.Call)
	if !isCall {
		return false, false, false
	}
	var work []ssa.Value
	if _, tuple := call.Type().(*types.Tuple); !tuple {
		work = append(work, call)
	}
	for _, ref := range flow.Referrers(call) {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == 0 {
			work = append(work, ex)
		}
	}
	if len(work) == 0 || !isPointerTo(work[0].Type(), knowledge.NetHTTP, "Request") {
		return false, false, false
	}
	seen := make(map[ssa.Value]bool)
	for len(work) > 0 && len(seen) < 32 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[v] {
			continue
		}
		seen[v] = true
		for _, use := range flow.Referrers(v) {
			switch use := use.(type) {
			case *ssa.Return:
				returned = true
			case *ssa.FieldAddr, *ssa.DebugRef:
				// req.Header, req.RemoteAddr: configuring it
			case *ssa.Phi:
				work = append(work, use)
			case *ssa.Store:
				// A local variable that lives in memory: follow its loads.
				local, ok := use.Addr.(*ssa.Alloc)
				if !ok || use.Val != v || local.Heap && local.Parent() != v.Parent() {
					return false, false, false
				}
				for _, ref := range flow.Referrers(local) {
					switch ref := ref.(type) {
					case *ssa.UnOp:
						if ref.Op != token.MUL {
							return false, false, false
						}
						work = append(work, ref)
					case *ssa.Store, *ssa.DebugRef:
					default:
						return false, false, false // its address taken, captured
					}
				}
			case *ssa.Call:
				switch {
				case returnsRequest(use.Common()):
					work = append(work, use)
				case isMethodOf(knowledge.NetHTTP, "Request")(use.Common()) && use.Common().Args[0] == v:
					// req.SetBasicAuth(...), req.AddCookie(...)
				case isProxyFunc(use.Common().Signature()):
					proxied = true
				default:
					return false, false, false
				}
			default:
				return false, false, false
			}
		}
	}
	return returned, proxied, len(work) == 0
}

// isProxyFunc reports whether sig is a proxy function's,
// func(*http.Request) (*url.URL, error), the type of Transport.Proxy.
func isProxyFunc(sig *types.Signature) bool {
	return sig.Params().Len() == 1 && isPointerTo(sig.Params().At(0).Type(), knowledge.NetHTTP, "Request") &&
		sig.Results().Len() == 2 && isPointerTo(sig.Results().At(0).Type(), "net/url", "URL") &&
		types.Identical(sig.Results().At(1).Type(), types.Universe.Lookup("error").Type())
}

// returnsRequest accepts a call that gives a request back: a method of
// *http.Request returning one (WithContext, Clone), or a function of the
// program whose only result is a *http.Request.
func returnsRequest(call *ssa.CallCommon) bool {
	fn := staticFunc(call)
	if fn == nil {
		return false
	}
	res := fn.Signature().Results()
	if res.Len() != 1 || !isPointerTo(res.At(0).Type(), knowledge.NetHTTP, "Request") {
		return false
	}
	if fn.Pkg() != nil && fn.Pkg().Path() == knowledge.NetHTTP {
		return isMethodOf(knowledge.NetHTTP, "Request")(call)
	}
	return fn.Pkg() != nil && !knowledge.IsOutboundPackage(fn.Pkg().Path())
}

// globalStores returns the values this package's functions store into a
// package variable (its initializer included: package init is one of
// them).
func (c *checker) globalStores(g *ssa.Global) []ssa.Value {
	if c.ssa == nil {
		return nil
	}
	if c.globals == nil {
		c.globals = make(map[*ssa.Global][]ssa.Value)
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
					if st, ok := instr.(*ssa.Store); ok {
						if sg, ok := st.Addr.(*ssa.Global); ok {
							c.globals[sg] = append(c.globals[sg], st.Val)
						}
					}
				}
			}
		}
	}
	return c.globals[g]
}

// shortClient reports whether a context-free HTTP call (client.Get, Post,
// PostForm, Head) goes through a client whose Timeout is a constant no
// longer than the plan's query_timeout, the longest the plan lets one
// round trip of a request run: after the client of the request has gone
// the call runs that long at most. The client is a package variable or a
// struct field every store of which, in this package, is an http.Client
// literal with such a Timeout (listmonk's captcha client, 5s, judged not
// worth a change; shiori's one-minute archive client stays reported).
func (c *checker) shortClient(ci ssa.CallInstruction) bool {
	limit := c.pass.Plan.Limits.QueryTimeout
	common := ci.Common()
	if limit <= 0 || len(common.Args) == 0 {
		return false
	}
	switch analysisutil.FullName(staticFunc(common)) {
	case "(*net/http.Client).Get", "(*net/http.Client).Head", "(*net/http.Client).Post", "(*net/http.Client).PostForm":
		return c.shortClientValue(common.Args[0], limit)
	case "net/http.NewRequest":
		sent := 0
		for _, do := range requestSends(ci) {
			if do == nil || !c.shortClientValue(do.Common().Args[0], limit) {
				return false
			}
			sent++
		}
		return sent > 0
	}
	return false
}

// shortLoopbackRequest reports whether a call of
// http.NewRequestWithContext makes a request to a loopback host, written
// as the URL's constant prefix, that is sent only through clients whose
// Timeout is a constant no longer than the plan's query_timeout: a call
// to a local process that answers or is cut off within that time,
// whatever the context (3x-ui's three-second calls to its MTProto proxy
// on 127.0.0.1 under context.Background(), judged false; its three-second
// public IP lookup, to a host of the configuration, stays reported).
func (c *checker) shortLoopbackRequest(ci ssa.CallInstruction) bool {
	limit := c.pass.Plan.Limits.QueryTimeout
	common := ci.Common()
	if limit <= 0 || flow.CalleeName(common) != "net/http.NewRequestWithContext" || len(common.Args) != 4 || !loopbackURL(common.Args[2]) {
		return false
	}
	sends := requestSends(ci)
	for _, do := range sends {
		if do == nil || !c.shortClientArg(do.Common().Args[0], limit) {
			return false
		}
	}
	return len(sends) > 0
}

// shortClientArg reports whether the client a call sends through has a
// constant Timeout no longer than limit: a package variable or field
// (shortClientValue), or a client variable of the function
// (client := http.Client{Timeout: 3 * time.Second}; client.Do(req)).
func (c *checker) shortClientArg(v ssa.Value, limit time.Duration) bool {
	if c.shortClientValue(v, limit) {
		return true
	}
	alloc, ok := flow.Unwrap(v).(*ssa.Alloc)
	return ok && c.shortTimeoutStores(literalOf(alloc), limit)
}

// literalOf returns the composite literal a client variable was copied
// from (client := http.Client{...} stores the literal's value into the
// variable), or the variable itself.
func literalOf(alloc *ssa.Alloc) *ssa.Alloc {
	for _, ref := range flow.Referrers(alloc) {
		st, ok := ref.(*ssa.Store)
		if !ok || st.Addr != alloc {
			continue
		}
		if load, ok := st.Val.(*ssa.UnOp); ok && load.Op == token.MUL {
			if src, ok := load.X.(*ssa.Alloc); ok {
				return src
			}
		}
	}
	return alloc
}

// clientTimeoutParam returns 1 + the index of fn's parameter that every
// client sending a context-free request (http.NewRequest sent with Do, or
// client.Get, Head, Post, PostForm) takes as its Timeout, each client an
// http.Client literal of fn; 0 when there is no such parameter. The
// parameter may be scaled into a duration (time.Duration(secs) *
// time.Second: unit) and replaced when zero by a positive constant (if
// secs == 0 { secs = 5 }: zero), as portainer's client.Get(url, secs)
// does.
func clientTimeoutParam(ci ssa.CallInstruction, fn *ssa.Function) (param int, unit, zero int64) {
	var clients []ssa.Value
	common := ci.Common()
	switch analysisutil.FullName(staticFunc(common)) {
	case "net/http.NewRequest":
		for _, do := range requestSends(ci) {
			if do == nil {
				return 0, 0, 0
			}
			clients = append(clients, do.Common().Args[0])
		}
	case "(*net/http.Client).Get", "(*net/http.Client).Head", "(*net/http.Client).Post", "(*net/http.Client).PostForm":
		if len(common.Args) > 0 {
			clients = append(clients, common.Args[0])
		}
	}
	idx := -1
	for _, cl := range clients {
		alloc, ok := flow.Unwrap(cl).(*ssa.Alloc)
		if ok {
			alloc = literalOf(alloc) // client := http.Client{...}; client.Post(...)
		}
		if !ok || alloc.Comment != "complit" {
			return 0, 0, 0
		}
		stores := flow.FieldStores(flow.Aliases(alloc), "Timeout")
		if len(stores) == 0 {
			return 0, 0, 0
		}
		for _, st := range stores {
			i, u, z, ok := timeoutFromParam(st.Val, fn)
			if !ok || idx >= 0 && (i != idx || u != unit || z != zero) {
				return 0, 0, 0
			}
			idx, unit, zero = i, u, z
		}
	}
	return idx + 1, unit, zero
}

// timeoutFromParam matches a Timeout value made from a parameter of fn:
// the parameter itself, or times a constant unit, after a conversion, and
// perhaps replaced by a positive constant where fn finds it zero.
func timeoutFromParam(v ssa.Value, fn *ssa.Function) (idx int, unit, zero int64, ok bool) {
	if b, isMul := v.(*ssa.BinOp); isMul && b.Op == token.MUL {
		k, x := b.X, b.Y
		if _, isConst := k.(*ssa.Const); !isConst {
			k, x = x, k
		}
		u, isInt := intConst(k)
		if !isInt || u <= 0 {
			return 0, 0, 0, false
		}
		unit, v = u, x
	}
	v = flow.Unconvert(v)
	if phi, isPhi := v.(*ssa.Phi); isPhi && len(phi.Edges) == 2 {
		for i, e := range phi.Edges {
			p, isParam := e.(*ssa.Parameter)
			c, isInt := intConst(phi.Edges[1-i])
			if isParam && isInt && c > 0 && zeroTested(p) {
				v, zero = p, c
				break
			}
		}
	}
	p, isParam := v.(*ssa.Parameter)
	if i := slices.Index(fn.Params, p); isParam && i >= 0 {
		return i, unit, zero, true
	}
	return 0, 0, 0, false
}

// zeroTested reports whether p's function branches on p == 0 (or
// p <= 0): the test of a default put in place of a zero argument.
func zeroTested(p *ssa.Parameter) bool {
	for _, ref := range flow.Referrers(p) {
		b, ok := ref.(*ssa.BinOp)
		if !ok || b.X != p || b.Op != token.EQL && b.Op != token.LEQ {
			continue
		}
		if k, isInt := intConst(b.Y); isInt && k == 0 {
			for _, use := range flow.Referrers(b) {
				if _, isIf := use.(*ssa.If); isIf {
					return true
				}
			}
		}
	}
	return false
}

// intConst returns the value of an integer constant.
func intConst(v ssa.Value) (int64, bool) {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(k.Value)
}

// boundedTimeoutArg reports whether a call gives the parameter that the
// site's TimeoutParam names a constant that makes the Timeout positive
// and no longer than the plan's query_timeout (as shortClient bounds a
// client's own constant).
func (c *checker) boundedTimeoutArg(ci ssa.CallInstruction, s *Site) bool {
	limit := c.pass.Plan.Limits.QueryTimeout
	args := ci.Common().Args
	param := s.TimeoutParam
	if param <= 0 || limit <= 0 || ci.Common().IsInvoke() || param > len(args) {
		return false
	}
	d, ok := intConst(args[param-1])
	if load, isLoad := args[param-1].(*ssa.UnOp); isLoad && load.Op == token.MUL {
		if g, isGlobal := load.X.(*ssa.Global); isGlobal {
			// A package variable that keeps the constant it is declared
			// with (mailpit's timeout = 8, in seconds).
			d = int64(c.startupDuration(g))
			ok = d > 0 // 0: written elsewhere, or not a constant
		}
	}
	if !ok {
		return false
	}
	if d == 0 {
		d = s.TimeoutZero
	}
	if s.TimeoutUnit > 0 {
		if d > int64(limit)/s.TimeoutUnit {
			return false
		}
		d *= s.TimeoutUnit
	}
	return d > 0 && time.Duration(d) <= limit
}

// requestSends returns the calls of (*http.Client).Do that send the
// request made by a call of http.NewRequest; a nil entry stands for a use
// of the request that is not such a Do.
func requestSends(ci ssa.CallInstruction) []ssa.CallInstruction {
	call, ok := ci.(*ssa.Call)
	if !ok {
		return nil
	}
	var out []ssa.CallInstruction
	seen := make(map[ssa.Value]bool)
	var uses func(v ssa.Value)
	uses = func(v ssa.Value) {
		if seen[v] {
			return
		}
		seen[v] = true
		for _, use := range flow.Referrers(v) {
			do, ok := use.(ssa.CallInstruction)
			switch {
			case ok && analysisutil.FullName(staticFunc(do.Common())) == "(*net/http.Client).Do" && len(do.Common().Args) == 2 && do.Common().Args[1] == v:
				out = append(out, do)
			case ok && isMethodOf(knowledge.NetHTTP, "Request")(do.Common()) && do.Common().Args[0] == v:
				// req.SetBasicAuth(...): configuring it
			case ok && onlyConfigures(do.Common(), v):
				// authorize(req, token): a helper that sets a header
			default:
				switch use := use.(type) {
				case *ssa.Phi:
					uses(use) // req made in one of several branches (dingtalk's httpRequest)
				case *ssa.FieldAddr, *ssa.DebugRef:
				default:
					out = append(out, nil)
				}
			}
		}
	}
	for _, ref := range flow.Referrers(call) {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == 0 {
			uses(ex)
		}
	}
	return out
}

// onlyConfigures reports whether a call passes the request req to a
// function with a body whose parameter it binds is only configured
// there: its fields set or read, its methods called (3x-ui's
// authorize(req, token), which sets the Authorization header).
func onlyConfigures(call *ssa.CallCommon, req ssa.Value) bool {
	fn := call.StaticCallee()
	if fn == nil || len(fn.Blocks) == 0 || len(fn.Params) != len(call.Args) {
		return false
	}
	i := slices.Index(call.Args, req)
	if i < 0 {
		return false
	}
	for _, use := range flow.Referrers(fn.Params[i]) {
		switch use := use.(type) {
		case *ssa.FieldAddr, *ssa.DebugRef:
		case ssa.CallInstruction:
			if !isMethodOf(knowledge.NetHTTP, "Request")(use.Common()) || use.Common().Args[0] != fn.Params[i] {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// shortClientValue reports whether a client value is a package variable
// or a struct field every store of which, in this package, is an
// http.Client literal with a constant Timeout no longer than limit (or
// the result of a function that returns only such literals:
// shortClientMade), or a parameter of a function only this package calls
// (localCalls) that every call passes such a client (notifuse's
// tryDefaultFavicon, handed the handler's safehttpclient.New() client,
// 10s: judged false when reported).
func (c *checker) shortClientValue(v ssa.Value, limit time.Duration) bool {
	if p, ok := v.(*ssa.Parameter); ok {
		return c.shortClientParam(p, limit)
	}
	return c.shortClientStored(v, limit)
}

// shortClientParam is shortClientValue for a parameter: every call of
// its function, all of them in this package, passes a client that
// shortClientStored accepts.
func (c *checker) shortClientParam(p *ssa.Parameter, limit time.Duration) bool {
	fn := p.Parent()
	idx := slices.Index(fn.Params, p)
	calls := c.localCalls(fn)
	if idx < 0 || len(calls) == 0 {
		return false
	}
	for _, call := range calls {
		args := call.Common().Args
		if idx >= len(args) || !c.shortClientStored(args[idx], limit) {
			return false
		}
	}
	return true
}

// shortClientStored is shortClientValue for a package variable, a struct
// field or a function's result.
func (c *checker) shortClientStored(v ssa.Value, limit time.Duration) bool {
	if c.shortClientMade(v, limit) {
		return true
	}
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	var stores []ssa.Value
	switch addr := load.X.(type) {
	case *ssa.Global:
		if addr.Pkg == nil || addr.Pkg.Pkg != c.pass.Pkg {
			return false
		}
		stores = c.globalStores(addr)
	case *ssa.FieldAddr:
		f := flow.FieldVar(addr)
		if f == nil {
			return false
		}
		stores = c.fieldStores(f)
		if f.Pkg() != c.pass.Pkg {
			// Another package's field: its stores there (the fact), and
			// this package's own, if any.
			var fact clientFieldFact
			if !c.pass.ImportObjectFact(f, &fact) || fact.Timeout > limit {
				return false
			}
			if len(stores) == 0 {
				return true
			}
		}
	default:
		return false
	}
	for _, v := range stores {
		if !c.shortClientMade(v, limit) {
			return false
		}
	}
	return len(stores) > 0
}

// shortClientMade reports whether v is an http.Client literal with a
// constant Timeout no longer than limit, or the result of a function, of
// any package, that returns only such literals (ioFact.ClientTimeout).
func (c *checker) shortClientMade(v ssa.Value, limit time.Duration) bool {
	d := c.madeTimeout(v)
	return d > 0 && d <= limit
}

// madeTimeout returns the constant Timeout of an http.Client literal
// (literalTimeout), or the longest of those a function, of any package,
// returns (ioFact.ClientTimeout); 0 for any other value.
func (c *checker) madeTimeout(v ssa.Value) time.Duration {
	switch v := v.(type) {
	case *ssa.Alloc:
		if v.Comment == "complit" {
			return c.literalTimeout(v)
		}
	case *ssa.Call:
		if callee := staticFunc(v.Common()); callee != nil {
			if f := c.factOf(callee); f != nil {
				return f.ClientTimeout
			}
		}
	}
	return 0
}

// shortTimeoutStores reports whether every store to the Timeout field of
// an http.Client allocation is a positive constant no longer than limit
// (and there is one).
func (c *checker) shortTimeoutStores(alloc *ssa.Alloc, limit time.Duration) bool {
	d := c.literalTimeout(alloc)
	return d > 0 && d <= limit
}

// literalTimeout returns the longest Timeout stored into an http.Client
// allocation when every store is a positive constant, or a package
// variable that starts as one (startupDuration), and 0 otherwise (or when
// there is none).
func (c *checker) literalTimeout(alloc *ssa.Alloc) time.Duration {
	var longest time.Duration
	for _, st := range flow.FieldStores(flow.Aliases(alloc), "Timeout") {
		d := positiveDuration(st.Val)
		if load, ok := st.Val.(*ssa.UnOp); ok && load.Op == token.MUL {
			if g, ok := load.X.(*ssa.Global); ok {
				d = c.startupDuration(g)
			}
		}
		if d <= 0 {
			return 0
		}
		longest = max(longest, d)
	}
	return longest
}

// positiveDuration returns a positive integer constant as a duration, and
// 0 for any other value.
func positiveDuration(v ssa.Value) time.Duration {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
		return 0
	}
	d, exact := constant.Int64Val(k.Value)
	if !exact || d <= 0 {
		return 0
	}
	return time.Duration(d)
}

// startupDuration returns the positive constant a package variable of
// this package is declared with, when nothing but the package's init
// functions writes it afterwards (supabase auth's defaultTimeout of 10s,
// read from the environment in init when set), and 0 otherwise: a bound
// the program keeps from its start. A variable whose address is taken
// (flag.DurationVar) may be written anywhere.
func (c *checker) startupDuration(g *ssa.Global) time.Duration {
	if c.ssa == nil || g.Pkg == nil || g.Pkg.Pkg != c.pass.Pkg {
		return 0
	}
	_, funcs := c.ssa.SSA()
	if pkgInit := g.Pkg.Func("init"); pkgInit != nil && !slices.Contains(funcs, pkgInit) {
		funcs = append(slices.Clip(funcs), pkgInit)
	}
	var declared time.Duration
	ok := everyInstr(funcs, func(fn *ssa.Function, instr ssa.Instruction) bool {
		for _, op := range instr.Operands(nil) {
			if op == nil || *op != ssa.Value(g) {
				continue
			}
			switch instr := instr.(type) {
			case *ssa.UnOp:
				continue // a load
			case *ssa.Store:
				if instr.Addr != ssa.Value(g) {
					return false
				}
				switch {
				case fn.Synthetic == "package initializer":
					if declared = positiveDuration(instr.Val); declared <= 0 {
						return false
					}
				case !initFunc(fn):
					return false
				}
			default:
				return false
			}
		}
		return true
	})
	if !ok {
		return 0
	}
	return declared
}

// initFunc reports whether fn is a func init of its package (or a
// literal in one).
func initFunc(fn *ssa.Function) bool {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	return fn.Synthetic == "" && strings.HasPrefix(fn.Name(), "init#")
}

// fieldStores returns the values this package's functions store into
// struct field f.
func (c *checker) fieldStores(f *types.Var) []ssa.Value {
	if c.ssa == nil {
		return nil
	}
	_, funcs := c.ssa.SSA()
	return flow.StoredIn(funcs, f)
}
