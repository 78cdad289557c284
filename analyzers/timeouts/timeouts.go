package timeouts

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/objectpath"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/commands"
	"github.com/perfvet/perfvet/analyzers/internal/fixutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/internal/lint"
	wp "github.com/perfvet/perfvet/analyzers/internal/reach"
	"github.com/perfvet/perfvet/analyzers/internal/serverrole"
	"github.com/perfvet/perfvet/analyzers/internal/ssabuild"
	"github.com/perfvet/perfvet/analyzers/plan"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name.
const Name = "timeouts"

// Categories of findings.
const (
	CategoryClient   = "client"   // HTTP clients and dials with no timeout
	CategoryServer   = "server"   // HTTP servers with no timeouts
	CategoryRequest  = "request"  // work in a request path that outlives the request
	CategoryPlan     = "plan"     // bounds longer than the plan allows
	CategoryDisabled = "disabled" // library timeouts turned off
)

// Config configures a timeouts analyzer.
type Config struct {
	// Plans gives the plan of each package.
	Plans plan.Provider
	// Tests reports findings in _test.go files too (flag -tests).
	Tests bool
	// Layers also reports layers that take no context anywhere (a storage
	// type none of whose methods has a context parameter) for their
	// database queries and Redis commands, once per type or package (flag
	// -layers).
	Layers bool
	// PerSite reports every client, server and context-less call at its
	// own position, instead of one finding per category and function
	// with the others related (group.go; flag -persite).
	PerSite bool
	// WholeProgram says the driver analyses the whole program in one
	// process and reports in any package's files (perfvet, perfvet lsp,
	// golangci-lint). With Imported, the client findings of a package
	// that serves nothing are then held for the programs that import it,
	// and reported only by those that serve requests (held.go). Leave it
	// false under go vet -vettool and nogo: findings are then reported
	// where they are.
	WholeProgram bool
	// Imported, if set, reports whether the run analyses a package that
	// imports the package at a path: a package that none imports reports
	// its client findings in place, and decides on what its dependencies
	// hold. Nil: nothing is held.
	Imported func(pkgPath string) bool
}

// DefaultConfig discovers each package's perfplan.yaml.
func DefaultConfig() Config { return Config{Plans: plan.NewFinder("")} }

// Analyzer is the timeouts analyzer with the default configuration.
var Analyzer = New(DefaultConfig())

// New returns a timeouts analyzer.
func New(cfg Config) *analysis.Analyzer {
	opts := &lint.Options{Plans: cfg.Plans, Tests: cfg.Tests}
	flags := &options{layers: cfg.Layers, perSite: cfg.PerSite}
	a := &analysis.Analyzer{
		Name:             Name,
		Doc:              analysisutil.MustExtractDoc(doc, Name),
		URL:              "https://github.com/perfvet/perfvet/blob/main/analyzers/timeouts/doc.go",
		Run:              lint.Wrap(Name, opts, func(pass *lint.Pass) (any, error) { return run(pass, cfg, *flags) }),
		Requires:         []*analysis.Analyzer{inspect.Analyzer, ssabuild.Analyzer},
		FactTypes:        []analysis.Fact{new(ioFact), new(causesFact), new(clientVarFact), new(clientFieldFact), new(heldClientsFact), new(usesFact), new(ginHeldFact), new(ginEngineFact), new(servesFact), new(defaultClientFact), new(returnedFact), new(defaultMuxFact), new(heldMuxServersFact)},
		RunDespiteErrors: true,
	}
	opts.BindFlags(&a.Flags)
	a.Flags.BoolVar(&flags.perSite, "persite", cfg.PerSite, "report every HTTP client, server and context-less call at its own position, instead of one finding per function with the others as related positions")
	a.Flags.BoolVar(&flags.layers, "layers", cfg.Layers, "also report storage layers that take no context anywhere (their database queries and Redis commands reached from request paths), once per type or package")
	return a
}

// options are the analyzer's own flags, shared by its passes.
type options struct{ layers, perSite bool }

// relevant are the packages without which a package cannot create a
// client, server or dial, nor do outbound work.
var relevant = []string{
	knowledge.NetHTTP, knowledge.Net, knowledge.TLS, knowledge.Context,
	knowledge.SQL, knowledge.SQLX, knowledge.PGX5, knowledge.PGX5Pool, knowledge.PGX4, knowledge.PGX4Pool,
	knowledge.GORM, knowledge.Bun, knowledge.Redis9, knowledge.Redis8,
	knowledge.Gin, knowledge.Echo4, knowledge.GRPC,
}

func run(pass *lint.Pass, cfg Config, opts options) (any, error) {
	if isExample(pass.Pkg) {
		return nil, nil
	}
	c := &checker{
		pass:    pass,
		cfg:     cfg,
		layers:  opts.layers,
		perSite: opts.perSite,
		insp:    pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
		facts:   make(map[*types.Func]*ioFact),
	}
	if !analysisutil.ImportsAny(pass.Pkg, relevant...) {
		// Nothing to check here, but a main package decides on the
		// clients its dependencies hold, and a call of a function whose
		// client waits for its callers is a use it cannot follow.
		c.concludeReturned()
		c.reportHeld(false, c.usesOutsideCommands())
		c.muxScan = new(muxScan) // no net/http: it registers nothing on the default mux
		c.concludeDefaultMux()
		return nil, nil
	}
	c.defaultClientBounded = c.defaultClientSet()
	if res, ok := pass.ResultOf[ssabuild.Analyzer].(*ssabuild.Result); ok && res != nil {
		if _, funcs := res.SSA(); funcs != nil {
			c.ssa = res
			c.ix = flow.NewIndex(funcs)
			c.computeFacts(funcs)
			c.exportClientVarFacts()
		}
	}
	c.ginFallback = c.assignsField(knowledge.Gin, "Engine", "ContextWithFallback")
	c.check()
	c.reportGinContexts()
	c.reportCauses()
	c.flushFindings()
	c.concludeReturned()
	c.concludeClients()
	c.concludeDefaultMux()
	return nil, nil
}

// A checker holds the state of one pass.
type checker struct {
	pass  *lint.Pass
	cfg   Config
	insp  *inspector.Inspector
	ssa   *ssabuild.Result // nil when the package does not type-check
	ix    *flow.Index
	facts map[*types.Func]*ioFact // this package's functions

	// defaultClientBounded: the package sets http.DefaultClient.Timeout,
	// so the default client and http.Get are bounded.
	defaultClientBounded bool

	// ginFallback: the package sets gin's Engine.ContextWithFallback, so a
	// *gin.Context follows its request's cancellation.
	ginFallback bool

	commands *commands.Set       // the package's command-line commands (inCommand), found lazily
	calls    *callIndex          // the package's calls by callee (callers), built lazily
	settable map[*types.Var]bool // userSettable, by field
	probes   int                 // probesOnlyDefaultMux: 0 unknown, 1 no, 2 yes
	muxScan  *muxScan            // defaultMuxRegistrations, found lazily

	// muxServes: the servers of http.DefaultServeMux that this package
	// starts with a nil handler, by position; muxHeld: their findings
	// held for the program to decide (defaultmux.go).
	muxServes map[token.Pos]bool
	muxHeld   []wp.Found

	standalone int // standaloneTool: 0 unknown, 1 no, 2 yes

	globals map[*ssa.Global][]ssa.Value // values stored into package variables (globalStores)

	serves int // servesRequests: 0 unknown, 1 no, 2 yes
	starts int // servesProgram's server starts: 0 unknown, 1 no, 2 yes

	ginSites []ginSite // calls given a *gin.Context as context (reportGinContexts)

	queued        []analysis.Diagnostic   // findings to group by function (group.go)
	setups        map[ast.Node][]ast.Expr // values functions store into package-level clients (group.go)
	storers       map[ast.Node]ast.Node   // the function that stores a function's result into one
	defaultClient map[token.Pos]bool      // findings of requests through http.DefaultClient, grouped by package
	sinks         map[token.Pos]string    // findings of calls of a library function with no context: its name

	returnHolds map[token.Pos]ReturnedEntry // client findings that wait for the callers of the function returning the client (returned.go)
	returnHeld  map[string]*ReturnedEntry   // those held, by function

	holdClients int               // holdsClients: 0 unknown, 1 no, 2 yes
	held        []wp.Found        // client findings held for importers (held.go)
	heldFuncs   map[string]string // the unused exported functions that hold them, by key
	setup       int               // setupServer: 0 unknown, 1 no, 2 yes
	pkgCtx      int               // pkgTakesContext: 0 unknown, 1 no, 2 yes

	// layers: the -layers option (see Config.Layers).
	layers bool
	// perSite: the -persite option (see Config.PerSite).
	perSite bool

	enc      *objectpath.Encoder
	causes   map[string]*reach         // causes reached from this package's request paths, by Site.causeKey
	imported map[string]bool           // causes reported by imported packages
	files    map[string]*token.File    // the file set's files, by name
	pkgs     map[string]*types.Package // this package and its imports, by path

	sqliteOnly int // sqliteQuery: 0 unknown, 1 no, 2 yes
}

// check walks the syntax and applies every rule.
func (c *checker) check() {
	filter := []ast.Node{(*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.SelectorExpr)(nil), (*ast.AssignStmt)(nil)}
	for cur := range c.insp.Root().Preorder(filter...) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			c.checkCall(cur, n)
		case *ast.CompositeLit:
			c.checkLiteral(cur, n)
		case *ast.SelectorExpr:
			c.checkDefaultClientRef(cur, n)
		case *ast.AssignStmt:
			c.checkAssign(cur, n)
		}
	}
}

func (c *checker) checkCall(cur inspector.Cursor, call *ast.CallExpr) {
	fn := analysisutil.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		if isNewOf(c.pass.TypesInfo, call, knowledge.NetHTTP, "Client") {
			c.checkClientAlloc(cur, call, call.Lparen)
		}
		return
	}
	name := analysisutil.FullName(fn)
	switch {
	case knowledge.DefaultClientFuncs[name]:
		if !c.defaultClientBounded && !c.inCommand(cur) && !c.commandLineTarget(call) && !c.loopbackTarget(call) {
			c.viaDefaultClient(call)
			c.report(call, CategoryClient, "%s sends the request through http.DefaultClient, which has no timeout; a server that stops answering holds this goroutine and its connection forever; use an http.Client with Timeout set (the plan allows %v)", analysisutil.Display(fn), c.requestTimeout())
		}
		return
	case knowledge.UnboundedServers[name]:
		if c.setupServer() {
			return // a one-off wizard's server, which exits once set up
		}
		if (name == "net/http.Serve" || name == "net/http.ServeTLS") && len(call.Args) > 0 && c.unixListenerSyntax(cur, call.Args[0]) {
			return // local clients only; decided from the syntax where the package has no SSA (gogs' web package)
		}
		if ci := c.ix.Call(call.Lparen); ci != nil && len(ci.Common().Args) > 0 {
			if (name == "net/http.Serve" || name == "net/http.ServeTLS") && unixListener(ci.Common().Args[0]) {
				return // local clients only: no Slowloris exposure
			}
			if internalServe(name, ci.Common().Args) {
				return // a loopback or operators-only server (serverrole)
			}
			// A nil handler serves http.DefaultServeMux.
			if s, ok := knowledge.ServerStarts[name]; ok && s.Handler >= 0 && isNilConst(argAt(ci.Common().Args, s.Handler)) {
				if c.probesOnlyDefaultMux() {
					return // the default mux, with the package's probes only
				}
				c.servesDefaultMux(call.Pos())
			}
		}
		c.reportWithFix(call, c.serveFuncFix(call, name), CategoryServer, "%s serves with no read or write timeouts; slow clients can hold connections open forever (Slowloris); serve from an http.Server with ReadHeaderTimeout and ReadTimeout set (and WriteTimeout, unless a response streams)", analysisutil.Display(fn))
		return
	case knowledge.EchoStarts[name] != "":
		c.checkEchoStart(call, fn, knowledge.EchoStarts[name])
		return
	case knowledge.UnboundedDials[name] != "":
		if connectsAtOnce(c.pass.TypesInfo, call) {
			return // a Unix socket, or a connectionless one: no handshake
		}
		if c.dialsOwnServer(call) || c.dialsLoopback(call) {
			return // the program's own listener, or this host's: it answers or refuses at once
		}
		c.report(call, CategoryClient, "%s has no timeout; dialing an unreachable host blocks this goroutine until the operating system gives up, minutes later; use %s", analysisutil.Display(fn), knowledge.UnboundedDials[name])
		return
	case name == "(*net.Dialer).Dial" || name == "crypto/tls.DialWithDialer":
		c.checkDialerUse(call, name)
	}
	if op, ok := knowledge.RetryFuncs[name]; ok && op < len(call.Args) {
		c.checkRetriedPings(call.Args[op])
	}
	if _, ok := knowledge.ContextDeadlines[name]; ok && c.requestPath(cur) != nil {
		// The plan's request_timeout and query_timeout bound what
		// runs inside a request: a CLI command, a background job or a
		// client library sets its own deadlines.
		c.checkDeadline(call, name)
	}
	if c.inGoStmt(cur) {
		return // deliberately detached work
	}
	if h := c.requestPath(cur); h != nil {
		c.checkRequestPathCall(call, fn, name, h)
	}
}

// report reports a finding at node n.
func (c *checker) report(n ast.Node, category, format string, args ...any) {
	c.reportWithFix(n, nil, category, format, args...)
}

func (c *checker) requestTimeout() time.Duration { return c.pass.Plan.Limits.RequestTimeout }

// ---- HTTP clients ----

func (c *checker) checkLiteral(cur inspector.Cursor, lit *ast.CompositeLit) {
	t := c.pass.TypesInfo.TypeOf(lit)
	if t == nil {
		return
	}
	switch {
	case analysisutil.IsNamed(t, knowledge.NetHTTP, "Client"):
		if c.clientBoundsRequests(cur) {
			c.checkDurationField(lit, "Timeout", "http.Client Timeout")
		}
		c.checkClientAlloc(cur, lit, c.literalPos(cur, lit))
	case analysisutil.IsNamed(t, knowledge.NetHTTP, "Server"):
		c.checkDurationField(lit, "ReadTimeout", "http.Server ReadTimeout")
		c.checkDurationField(lit, "ReadHeaderTimeout", "http.Server ReadHeaderTimeout")
		c.checkDurationField(lit, "WriteTimeout", "http.Server WriteTimeout")
		c.checkServerAlloc(lit, c.literalPos(cur, lit))
	case analysisutil.IsNamed(t, knowledge.Net, "Dialer"):
		// Checked where it is used to dial: checkDialerUse.
	default:
		if knowledge.RedisOptions[analysisutil.TypeName(t)] {
			for _, field := range []string{"ReadTimeout", "WriteTimeout"} {
				if v := analysisutil.KeyedValue(lit, field); v != nil {
					c.checkRedisTimeout(v, field)
				}
			}
		}
	}
}

// literalPos returns the position of the SSA allocation that holds a
// composite literal: its left brace, or, for a struct value assigned to a
// local variable (c := http.Client{...}), which SSA builds in the
// variable's own storage, the variable's declaring identifier.
func (c *checker) literalPos(cur inspector.Cursor, lit *ast.CompositeLit) token.Pos {
	if c.ix.Alloc(lit.Lbrace) != nil {
		return lit.Lbrace
	}
	var lhs ast.Expr
	switch parent := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		for i, rhs := range parent.Rhs {
			if rhs == lit && i < len(parent.Lhs) && len(parent.Lhs) == len(parent.Rhs) {
				lhs = parent.Lhs[i]
			}
		}
	case *ast.ValueSpec:
		for i, v := range parent.Values {
			if v == lit && i < len(parent.Names) {
				lhs = parent.Names[i]
			}
		}
	}
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return lit.Lbrace
	}
	if obj := c.pass.TypesInfo.ObjectOf(id); obj != nil {
		return obj.Pos()
	}
	return lit.Lbrace
}

// servesServer accepts the calls that use an http.Server without
// configuring it: its own methods, and echo's StartServer.
func servesServer(call *ssa.CallCommon) bool {
	if isMethodOf(knowledge.NetHTTP, "Server")(call) {
		return true
	}
	fn := staticFunc(call)
	return fn != nil && knowledge.ServerUsers[analysisutil.FullName(fn)]
}

// checkClientAlloc reports an http.Client that never gets a Timeout in
// the function that creates it.
// zeroWritten reports whether the literal writes its field as the
// constant zero: the author chose "no limit" (wings streams a server's
// archive of many gigabytes with http.Client{Timeout: 0}), as
// DisableKeepAlives: true chooses a connection per request.
func (c *checker) zeroWritten(lit *ast.CompositeLit, field string) bool {
	v := analysisutil.KeyedValue(lit, field)
	if v == nil {
		return false
	}
	tv, ok := c.pass.TypesInfo.Types[v]
	return ok && tv.Value != nil && constant.Sign(tv.Value) == 0
}

func (c *checker) checkClientAlloc(cur inspector.Cursor, n ast.Node, pos token.Pos) {
	alloc := c.ix.Alloc(pos)
	if alloc == nil {
		return // no SSA: whether a Timeout is set later is a flow question
	}
	allocs := flow.Aliases(alloc)
	if c.inCommand(cur) && usedInPlace(allocs) {
		return // an operator's one-off at a terminal, who interrupts it
	}
	if requestsToLoopback(allocs) {
		return // a probe of the program's own server
	}
	if setsNonZero(flow.FieldStores(allocs, "Timeout")) {
		return
	}
	if lit, ok := n.(*ast.CompositeLit); ok && c.zeroWritten(lit, "Timeout") {
		return // Timeout: 0 written out: no deadline, on purpose (a long stream)
	}
	if flow.HandedOff(allocs, isMethodOf(knowledge.NetHTTP, "Client")) {
		return // a callee may set the Timeout
	}
	if transportBounded(allocs) || requestsHaveDeadlines(allocs) || storedInContext(allocs) || nilParamFallback(alloc) || c.handedWithContext(allocs) || sdkTransport(allocs) {
		return
	}
	if f := storedField(allocs); f != nil && (c.fieldRequestsBounded(f) || callerChosen(allocs, f) || c.deadField(allocs, f)) {
		return
	}
	if f := c.optionField(allocs); f != nil && c.fieldRequestsBounded(f) {
		return // handed to a client's option that keeps it (oapi-codegen's WithHTTPClient)
	}
	if c.returnedToHandOff(allocs) || c.returnedWithDeadline(allocs) || c.returnedToBoundedSends(allocs) {
		return
	}
	if ok, h := c.allocsSendBounded(allocs); ok {
		if h.fn == nil {
			return // every use sends bounded requests, through fields, variables and getters
		}
		c.holdReturned(n.Pos(), h)
	}
	c.reportWithFix(n, c.clientTimeoutFix(n, allocs), CategoryClient, "http.Client has no Timeout; a server that stops answering holds the calling goroutine and its connection forever; set Timeout (the plan's request_timeout is %v)", c.requestTimeout())
}

// checkDefaultClientRef reports uses of http.DefaultClient other than a
// Do whose request carries a deadline made in the same function.
func (c *checker) checkDefaultClientRef(cur inspector.Cursor, sel *ast.SelectorExpr) {
	obj, ok := c.pass.TypesInfo.Uses[sel.Sel].(*types.Var)
	if !ok || obj.Pkg() == nil || obj.Pkg().Path() != knowledge.NetHTTP || obj.Name() != "DefaultClient" || c.defaultClientBounded {
		return
	}
	parent := cur.Parent().Node()
	if as, ok := parent.(*ast.AssignStmt); ok && slices.Contains(as.Lhs, ast.Expr(sel)) {
		return // http.DefaultClient = ...: replacing the default client, not using it
	}
	if outer, ok := parent.(*ast.SelectorExpr); ok && outer.X == sel {
		if outer.Sel.Name == "Timeout" || outer.Sel.Name == "Transport" {
			return // configuring the default client, not using it
		}
		if as, ok := cur.Parent().Parent().Node().(*ast.AssignStmt); ok && slices.Contains(as.Lhs, ast.Expr(outer)) {
			return // http.DefaultClient.CheckRedirect = guard: configuring it (homebox)
		}
		if call, ok := cur.Parent().Parent().Node().(*ast.CallExpr); ok && call.Fun == outer {
			if outer.Sel.Name == "Do" && len(call.Args) == 1 && c.requestHasDeadline(call) {
				return
			}
			if c.inCommand(cur) {
				return // an operator's one-off at a terminal, who interrupts it
			}
			c.viaDefaultClient(call)
			c.report(call, CategoryClient, "http.DefaultClient.%s has no timeout; a server that stops answering holds this goroutine and its connection forever; use an http.Client with Timeout set, or a request whose context has a deadline", outer.Sel.Name)
			return
		}
	}
	if kv, ok := parent.(*ast.KeyValueExpr); ok && kv.Value == sel {
		// &request{client: http.DefaultClient}: bounded when every
		// request sent through the field is (miniflux's API client).
		if key, ok := kv.Key.(*ast.Ident); ok {
			if f, ok := c.pass.TypesInfo.Uses[key].(*types.Var); ok && f.IsField() && (knowledge.IsContextSDKField(f) || c.fieldRequestsBounded(f) || c.fieldUsedByCommands(f)) {
				return
			}
		}
	}
	if as, ok := parent.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
		// cfg.HttpClient = http.DefaultClient: judged by the field's uses.
		for i, rhs := range as.Rhs {
			if rhs != sel {
				continue
			}
			if lhs, ok := ast.Unparen(as.Lhs[i]).(*ast.SelectorExpr); ok {
				if f, ok := c.pass.TypesInfo.Uses[lhs.Sel].(*types.Var); ok && f.IsField() && (knowledge.IsContextSDKField(f) || c.fieldRequestsBounded(f) || c.fieldUsedByCommands(f)) {
					return
				}
			}
		}
	}
	if nilFallbackAssign(c.pass.TypesInfo, cur, sel) {
		return // if client == nil { client = http.DefaultClient }: the caller chooses
	}
	if fn := c.ssaFunc(cur); c.defaultClientUsesBounded(fn) || c.userChosenDefault(fn) || defaultClientCopied(fn) || defaultClientTimed(fn) {
		return // client := s3.Client; if client == nil { client = http.DefaultClient }; client.Do(req) of the caller's request
	}
	c.viaDefaultClient(sel)
	c.report(sel, CategoryClient, "http.DefaultClient has no timeout; a server that stops answering holds the calling goroutine and its connection forever; use an http.Client with Timeout set")
}

// sdkTransport reports whether the client is stored, itself or as an
// interface, into a field of an SDK's options that the SDK sends through
// with its caller's context on every call (knowledge.ContextSDKFields:
// azcore's ClientOptions.Transport, distribution's Azure driver).
func sdkTransport(allocs []*ssa.Alloc) bool {
	for _, a := range allocs {
		for _, v := range clientForms(a) {
			for _, ref := range flow.Referrers(v) {
				if st, ok := ref.(*ssa.Store); ok && st.Val == v {
					if fa, ok := st.Addr.(*ssa.FieldAddr); ok && knowledge.IsContextSDKField(flow.FieldVar(fa)) {
						return true
					}
				}
			}
		}
	}
	return false
}

// clientForms returns the values that hold the client a literal makes:
// the literal, its conversions to an interface (an SDK's Doer or
// Transporter) and the copies of its value (Client: *client).
func clientForms(a *ssa.Alloc) []ssa.Value {
	vals := []ssa.Value{a}
	for _, ref := range flow.Referrers(a) {
		switch ref := ref.(type) {
		case *ssa.MakeInterface:
			vals = append(vals, ref)
		case *ssa.UnOp:
			if ref.Op == token.MUL {
				vals = append(vals, ref)
			}
		}
	}
	return vals
}

// storedField returns the struct field the client is stored into
// (svc.client = &http.Client{...}), or copied into by value (Client:
// *client), or nil.
func storedField(allocs []*ssa.Alloc) *types.Var {
	for _, a := range allocs {
		for _, v := range clientForms(a) {
			if _, ok := v.(*ssa.MakeInterface); ok {
				continue // an interface field may hold the caller's client too
			}
			for _, ref := range flow.Referrers(v) {
				st, ok := ref.(*ssa.Store)
				if !ok || st.Val != v {
					continue
				}
				if fa, ok := st.Addr.(*ssa.FieldAddr); ok {
					return flow.FieldVar(fa)
				}
			}
		}
	}
	return nil
}

// deadField reports whether the client is only stored into f, an
// unexported field of this package that no code reads: a client nothing
// sends through (gitness' maven adapter keeps one it never uses: judged
// false when reported).
func (c *checker) deadField(allocs []*ssa.Alloc, f *types.Var) bool {
	if c.ssa == nil || f.Exported() || f.Embedded() || f.Pkg() != c.pass.Pkg {
		return false
	}
	for _, a := range allocs {
		for _, v := range clientForms(a) {
			for _, ref := range flow.Referrers(v) {
				switch ref := ref.(type) {
				case *ssa.Store:
					fa, ok := ref.Addr.(*ssa.FieldAddr)
					if !ok || ref.Val != v || flow.FieldVar(fa) != f {
						return false
					}
				case *ssa.FieldAddr, *ssa.DebugRef, *ssa.UnOp:
					// the literal's own fields set, or its value taken
					// (clientForms follows it)
				default:
					return false
				}
			}
		}
	}
	_, funcs := c.ssa.SSA()
	return everyInstr(funcs, func(_ *ssa.Function, instr ssa.Instruction) bool {
		switch instr := instr.(type) {
		case *ssa.FieldAddr:
			if flow.FieldVar(instr) != f {
				return true
			}
			if !onlyStored(instr) {
				return false // read, or its address taken
			}
		case *ssa.Field:
			st, ok := types.Unalias(instr.X.Type()).Underlying().(*types.Struct)
			if ok && instr.Field < st.NumFields() && st.Field(instr.Field) == f {
				return false
			}
		}
		return true
	})
}

// optionField returns the struct field that a client literal ends up in
// when it is handed to a function of this package that stores its
// parameter there, directly or from a closure it returns: an API client's
// option (oapi-codegen's WithHTTPClient(doer) returns func(c *Client) {
// c.Client = doer }; lakefs's auth client, every request of which carries
// its caller's context: judged false when reported).
func (c *checker) optionField(allocs []*ssa.Alloc) *types.Var {
	for _, a := range allocs {
		for _, v := range clientForms(a) {
			for _, ref := range flow.Referrers(v) {
				call, ok := ref.(*ssa.Call)
				if !ok {
					continue
				}
				g := call.Common().StaticCallee()
				if g == nil || g.Pkg == nil || g.Pkg.Pkg != c.pass.Pkg || len(g.Params) != len(call.Call.Args) {
					continue
				}
				if i := slices.Index(call.Call.Args, v); i >= 0 {
					if f := paramField(g.Params[i]); f != nil {
						return f
					}
				}
			}
		}
	}
	return nil
}

// paramField returns the field a parameter is stored into, in its
// function or in a closure of it that captures it (through the cell SSA
// makes for a captured variable), if that is its one use.
func paramField(p *ssa.Parameter) *types.Var {
	refs := flow.Referrers(p)
	if len(refs) != 1 {
		return nil
	}
	st, ok := refs[0].(*ssa.Store)
	if !ok || st.Val != ssa.Value(p) {
		return nil
	}
	if fa, ok := st.Addr.(*ssa.FieldAddr); ok {
		return flow.FieldVar(fa)
	}
	cell, ok := st.Addr.(*ssa.Alloc)
	if !ok {
		return nil
	}
	var field *types.Var
	for _, ref := range flow.Referrers(cell) {
		switch ref := ref.(type) {
		case *ssa.Store:
			if ref != st {
				return nil // assigned again
			}
		case *ssa.MakeClosure:
			i := slices.Index(ref.Bindings, ssa.Value(cell))
			fn, ok := ref.Fn.(*ssa.Function)
			if i < 0 || !ok || i >= len(fn.FreeVars) || field != nil {
				return nil
			}
			field = loadedIntoField(fn.FreeVars[i])
			if field == nil {
				return nil
			}
		default:
			return nil
		}
	}
	return field
}

// loadedIntoField returns the field that the value a captured cell holds
// is stored into, when that is the cell's one use.
func loadedIntoField(fv *ssa.FreeVar) *types.Var {
	refs := flow.Referrers(fv)
	if len(refs) != 1 {
		return nil
	}
	load, ok := refs[0].(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil
	}
	uses := flow.Referrers(load)
	if len(uses) != 1 {
		return nil
	}
	st, ok := uses[0].(*ssa.Store)
	if !ok || st.Val != ssa.Value(load) {
		return nil
	}
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok {
		return nil
	}
	return flow.FieldVar(fa)
}

// fieldRequestsBounded reports whether every use, in this package, of the
// client held in field f sends a request bounded by a deadline made there
// or by the caller's context (boundedRequest), at least one: navidrome's
// plugin client gets a context.WithTimeout per request, miniflux's API
// client sends every request with its caller's context. So does a client
// handed to an SDK every call of which takes a context
// (knowledge.ContextSDKs: flipt's GitHub client, http.DefaultClient by
// default, given to go-github). Any other use (a Get, the client passed
// on) leaves the client unbounded.
func (c *checker) fieldRequestsBounded(f *types.Var) bool {
	n, ok := c.fieldSends(f, 1, nil)
	return ok && n > 0
}

// clientSends counts the calls of Do on a client value whose request is
// bounded (boundedRequest); ok is false when the client is used otherwise.
func clientSends(client ssa.Value) (int, bool) {
	n := 0
	for _, ref := range flow.Referrers(client) {
		call, ok := ref.(ssa.CallInstruction)
		if !ok {
			if _, isCmp := ref.(*ssa.BinOp); isCmp {
				continue // client == nil
			}
			return 0, false
		}
		k, ok := clientSend(client, call)
		if !ok {
			return 0, false
		}
		n += k
	}
	return n, true
}

// clientSend is clientSends for one call that uses the client: 1 for a
// bounded send, 0 for closing idle connections, not ok otherwise.
func clientSend(client ssa.Value, call ssa.CallInstruction) (int, bool) {
	args := call.Common().Args
	name := flow.CalleeName(call.Common())
	switch {
	case isDoerDo(call.Common()) && call.Common().Value == client:
		// Do of an interface *http.Client implements (an API client's
		// HttpRequestDoer field)
		if len(args) != 1 || !boundedRequest(args[0]) {
			return 0, false
		}
		return 1, true
	case name == "(*net/http.Client).CloseIdleConnections":
		return 0, true
	case name == "(*net/http.Client).Do":
		if len(args) != 2 || args[0] != client || !boundedRequest(args[1]) {
			return 0, false
		}
		return 1, true
	case knowledge.IsContextSDK(name):
		return 1, true // every call of the SDK takes its caller's context
	}
	return 0, false
}

// isDoerDo reports whether a call invokes an interface's method Do of
// the signature (*http.Client).Do has: func(*http.Request)
// (*http.Response, error).
func isDoerDo(call *ssa.CallCommon) bool {
	if !call.IsInvoke() || call.Method.Name() != "Do" {
		return false
	}
	sig := call.Signature()
	return sig.Params().Len() == 1 && isPointerTo(sig.Params().At(0).Type(), knowledge.NetHTTP, "Request") &&
		sig.Results().Len() == 2 && isPointerTo(sig.Results().At(0).Type(), knowledge.NetHTTP, "Response")
}

// requestHasDeadline reports whether the request passed to Do was made
// with a context that has a deadline set in this function, or with the
// caller's context (see boundedRequest).
func (c *checker) requestHasDeadline(call *ast.CallExpr) bool {
	ci := c.ix.Call(call.Lparen)
	if ci == nil || len(ci.Common().Args) == 0 {
		return false
	}
	args := ci.Common().Args
	return boundedRequest(args[len(args)-1])
}

// boundedRequest reports whether a request value was made with a context
// that has a deadline set in this function, or with the function's own
// context parameter: the caller's context, which ends when the caller's
// request does (the client leaves) or when the operator interrupts a
// command. On the 17 services of bench/realworld every client finding of
// this shape was judged false (pocketbase's NewFileFromURL(ctx) and JWKS
// fetch, woodpecker's CLI update check and plugin download under the
// pipeline's context, its Go SDK); the requests judged true were made with
// http.NewRequest, no context at all.
func boundedRequest(req ssa.Value) bool {
	if p, ok := req.(*ssa.Parameter); ok && isPointerTo(p.Type(), knowledge.NetHTTP, "Request") {
		// The caller's request, made with the caller's context
		// (pocketbase's S3 SignAndSend, every caller of which makes its
		// request with http.NewRequestWithContext(ctx, ...)).
		return true
	}
	switch flow.RequestContextOrigin(req).Origin {
	case flow.Deadline, flow.Param:
		return true
	}
	return madeWithServedContext(req)
}

// handedWithContext reports whether a client literal is only handed to
// calls of other packages that are handed, beside it, a context that ends
// (one with a deadline, the caller's, or the served request's): the
// library sends its requests under that context (hatchet's
// slack.GetOAuthV2ResponseContext(c.Request().Context(), &http.Client{},
// ...), judged false when reported).
func (c *checker) handedWithContext(allocs []*ssa.Alloc) bool {
	calls := 0
	var handed func(v ssa.Value, refs []ssa.Instruction, literal bool) bool
	handed = func(v ssa.Value, refs []ssa.Instruction, literal bool) bool {
		for _, ref := range refs {
			switch ref := ref.(type) {
			case *ssa.FieldAddr:
				if !literal {
					return false
				}
				continue // the literal's fields
			case *ssa.DebugRef:
				continue
			case *ssa.MakeInterface:
				// Handed as an interface the SDK declares (slack's
				// httpClient, which *http.Client implements).
				if !handed(ref, flow.Referrers(ref), false) {
					return false
				}
			case ssa.CallInstruction:
				common := ref.Common()
				callee := common.StaticCallee()
				if callee == nil || callee.Pkg == nil || callee.Pkg.Pkg == c.pass.Pkg || !slices.Contains(common.Args, v) || !endingContextArg(common.Args) {
					return false
				}
				calls++
			default:
				return false
			}
		}
		return true
	}
	for _, a := range allocs {
		if !handed(a, flow.Referrers(a), true) {
			return false
		}
	}
	return calls > 0
}

// endingContextArg reports whether one of args is a context that ends:
// with a deadline, the caller's, or the served request's.
func endingContextArg(args []ssa.Value) bool {
	for _, arg := range args {
		if !isContext(arg.Type()) {
			continue
		}
		switch flow.ContextOrigin(arg).Origin {
		case flow.Deadline, flow.Param:
			return true
		}
		if servedContext(arg, 0) {
			return true
		}
	}
	return false
}

// madeWithServedContext reports whether a request was made
// (http.NewRequestWithContext, req.WithContext) with the context of the
// request the function serves: r.Context() in a handler, echo's
// c.Request().Context(), gin's c.Request.Context(). It ends when that
// request's client leaves, as the caller's context does (hatchet's
// Prometheus federation proxy, judged false when reported).
func madeWithServedContext(req ssa.Value) bool {
	var ctx ssa.Value
	switch v := req.(type) {
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok && v.Index == 0 && flow.CalleeName(call.Common()) == "net/http.NewRequestWithContext" && len(call.Call.Args) > 0 {
			ctx = call.Call.Args[0]
		}
	case *ssa.Call:
		switch flow.CalleeName(v.Common()) {
		case "(*net/http.Request).WithContext", "(*net/http.Request).Clone":
			if len(v.Call.Args) > 1 {
				ctx = v.Call.Args[1]
			}
		}
	}
	return ctx != nil && servedContext(ctx, 0)
}

// servedContext reports whether a context is that of a request the
// function was handed (servedRequest), possibly derived by the context
// package's functions that keep its cancellation.
func servedContext(v ssa.Value, depth int) bool {
	if depth > 3 {
		return false
	}
	switch x := v.(type) {
	case *ssa.Call:
		name := flow.CalleeName(x.Common())
		switch {
		case name == "(*net/http.Request).Context" && len(x.Call.Args) == 1:
			return servedRequest(x.Call.Args[0])
		case knowledge.ContextDerivations[name] && len(x.Call.Args) > 0:
			return servedContext(x.Call.Args[0], depth+1)
		}
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok && x.Index == 0 && knowledge.ContextDerivations[flow.CalleeName(call.Common())] && len(call.Call.Args) > 0 {
			return servedContext(call.Call.Args[0], depth+1)
		}
	case *ssa.MakeInterface:
		return servedContext(x.X, depth+1)
	}
	return false
}

// servedRequest reports whether a *http.Request is one the function was
// handed: a parameter (r), a method's result on a parameter (echo's
// c.Request()), or a field of a parameter (gin's c.Request).
func servedRequest(v ssa.Value) bool {
	switch x := v.(type) {
	case *ssa.Call:
		c := x.Common()
		if c.IsInvoke() {
			return paramValue(c.Value)
		}
		if len(c.Args) == 1 && c.Signature().Recv() != nil {
			return paramValue(c.Args[0])
		}
	case *ssa.UnOp:
		if fa, ok := x.X.(*ssa.FieldAddr); ok {
			return paramValue(fa.X)
		}
	}
	return paramValue(v)
}

// paramValue reports whether v is a parameter of its function, directly
// or loaded from the cell a closure's capture spills it to (ctx used in a
// deferred literal).
func paramValue(v ssa.Value) bool {
	switch x := v.(type) {
	case *ssa.Parameter:
		return true
	case *ssa.UnOp:
		alloc, ok := x.X.(*ssa.Alloc)
		if !ok || x.Op != token.MUL {
			return false
		}
		stored := false
		for _, ref := range flow.Referrers(alloc) {
			if st, ok := ref.(*ssa.Store); ok && st.Addr == ssa.Value(alloc) {
				if _, p := st.Val.(*ssa.Parameter); !p || stored {
					return false
				}
				stored = true
			}
		}
		return stored
	}
	return false
}

// transportBounded reports whether the client's Transport is an
// http.Transport literal of this function with a ResponseHeaderTimeout: a
// server that stops answering is then cut off (the body of a response
// that has begun is the caller's to bound); or whose dial function sets
// a deadline on every connection it makes (gogs' httplib: DialContext:
// TimeoutDialer(connect, readWrite), which calls conn.SetDeadline). Where
// the Transport is one literal or another value on different paths (trans
// := r.setting.Transport; if trans == nil { trans = &http.Transport{...}
// }), the literals must be bounded, and the other values come from a
// field or a parameter: whoever made them configures them.
func transportBounded(allocs []*ssa.Alloc) bool {
	for _, st := range flow.FieldStores(allocs, "Transport") {
		if transportValueBounded(st.Val, 0) == transportBoundedLiteral {
			return true
		}
	}
	return false
}

// What transportValueBounded found.
const (
	transportUnbounded      = iota // a literal without a bound, or a value perfvet does not follow
	transportForeign               // a field or parameter: configured by whoever made it
	transportBoundedLiteral        // bounded literals only, at least one (foreign values aside)
)

func transportValueBounded(v ssa.Value, depth int) int {
	if depth > maxClientDepth {
		return transportUnbounded
	}
	switch v := v.(type) {
	case *ssa.MakeInterface:
		return transportValueBounded(v.X, depth+1)
	case *ssa.ChangeInterface:
		return transportValueBounded(v.X, depth+1)
	case *ssa.Parameter:
		return transportForeign
	case *ssa.UnOp:
		if _, ok := v.X.(*ssa.FieldAddr); ok && v.Op == token.MUL {
			return transportForeign
		}
	case *ssa.Phi:
		result := transportForeign
		for _, e := range v.Edges {
			switch transportValueBounded(e, depth+1) {
			case transportUnbounded:
				return transportUnbounded
			case transportBoundedLiteral:
				result = transportBoundedLiteral
			}
		}
		return result
	case *ssa.Alloc:
		tr := flow.Aliases(v)
		if setsNonZero(flow.FieldStores(tr, "ResponseHeaderTimeout")) {
			return transportBoundedLiteral
		}
		dials := append(flow.FieldStores(tr, "DialContext"), flow.FieldStores(tr, "Dial")...)
		for _, st := range dials {
			if !dialerSetsDeadline(st.Val, 0) {
				return transportUnbounded
			}
		}
		if len(dials) > 0 {
			return transportBoundedLiteral
		}
	}
	return transportUnbounded
}

// dialerSetsDeadline reports whether a dial function (a Transport's
// DialContext or Dial) sets a deadline on the connections it returns: a
// function of this package, or a function this package's function returns
// (TimeoutDialer(connect, readWrite) returns a closure), that calls
// SetDeadline or SetReadDeadline on a connection.
func dialerSetsDeadline(v ssa.Value, depth int) bool {
	if depth > maxClientDepth {
		return false
	}
	switch v := v.(type) {
	case *ssa.MakeClosure:
		fn, ok := v.Fn.(*ssa.Function)
		return ok && funcSetsDeadline(fn)
	case *ssa.Function:
		return funcSetsDeadline(v)
	case *ssa.Phi:
		for _, e := range v.Edges {
			if !dialerSetsDeadline(e, depth+1) {
				return false
			}
		}
		return len(v.Edges) > 0
	case *ssa.Call:
		callee := v.Call.StaticCallee()
		if callee == nil || len(callee.Blocks) == 0 {
			return false
		}
		returns := 0
		for _, b := range callee.Blocks {
			ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
			if !ok || len(ret.Results) != 1 {
				continue
			}
			if !dialerSetsDeadline(ret.Results[0], depth+1) {
				return false
			}
			returns++
		}
		return returns > 0
	}
	return false
}

// funcSetsDeadline reports whether fn calls SetDeadline or
// SetReadDeadline on a connection.
func funcSetsDeadline(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(ssa.CallInstruction); ok && knowledge.ConnDeadlines[flow.CalleeName(call.Common())] {
				return true
			}
		}
	}
	return false
}

// requestsHaveDeadlines reports whether the client is used only to send
// requests whose context has a deadline made in this function or is the
// caller's (boundedRequest), and to close idle connections, at least once:
// a command that runs its request under context.WithTimeout is bounded
// without a client Timeout.
func requestsHaveDeadlines(allocs []*ssa.Alloc) bool {
	return sendsOnly(allocs, boundedRequest, nil)
}

// sendsOnly reports whether the client allocs hold is used only to send
// requests, at least one, and to close idle connections: each request
// given to Do satisfies do, and each URL given to Get, Head, Post or
// PostForm satisfies get (nil: those calls do not).
func sendsOnly(allocs []*ssa.Alloc, do, get func(ssa.Value) bool) bool {
	sends := 0
	only := eachCall(allocs, func(name string, args []ssa.Value) bool {
		switch name {
		case "(*net/http.Client).CloseIdleConnections":
			return true
		case "(*net/http.Client).Do":
			sends++
			return len(args) == 2 && do(args[1])
		case "(*net/http.Client).Get", "(*net/http.Client).Head", "(*net/http.Client).Post", "(*net/http.Client).PostForm":
			sends++
			return get != nil && len(args) >= 2 && get(args[1])
		}
		return false
	})
	return only && sends > 0
}

// inCommand reports whether the cursor is in the code of a command-line
// command (package commands: a cobra or urfave/cli command's body, a
// go-flags command's Execute, and the unexported helpers only they call):
// an operator runs it at a terminal, sees a stuck request and interrupts
// it (remark42's cleanup command, judged false). func main is not a
// command: the smallest program, package main; func main() { http.Get(...)
// }, stays reported.
func (c *checker) inCommand(cur inspector.Cursor) bool {
	if c.commands == nil {
		c.commands = commands.Find(c.pass.TypesInfo, c.pass.Pkg, c.pass.Files)
	}
	if c.commands.Empty() {
		return false
	}
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch fn := fc.Node().(type) {
		case *ast.FuncLit:
			if c.commands.Lit(fn) {
				return true
			}
			if handlerOf(c.pass.TypesInfo, fn.Type) != nil {
				return false // a handler the command registers runs per request
			}
		case *ast.FuncDecl:
			obj, _ := c.pass.TypesInfo.Defs[fn.Name].(*types.Func)
			return c.commands.Func(obj)
		}
	}
	return false
}

// fieldUsedByCommands reports whether every read, in this package, of
// the struct field f is in the code of a command-line command (inCommand),
// at least one: a client kept in a plugin's configuration for its update
// command (pocketbase's ghupdate: Config.HttpClient = http.DefaultClient
// at registration, read only by the update command) is the operator's to
// interrupt.
func (c *checker) fieldUsedByCommands(f *types.Var) bool {
	if c.ssa == nil || f.Pkg() != c.pass.Pkg {
		return false
	}
	if c.commands == nil {
		c.commands = commands.Find(c.pass.TypesInfo, c.pass.Pkg, c.pass.Files)
	}
	if c.commands.Empty() {
		return false
	}
	_, funcs := c.ssa.SSA()
	reads := 0
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch x := instr.(type) {
				case *ssa.FieldAddr:
					if flow.FieldVar(x) != f {
						continue
					}
					for _, ref := range flow.Referrers(x) {
						if st, ok := ref.(*ssa.Store); ok && st.Addr == ssa.Value(x) {
							continue // the field set
						}
						if onlyNilChecked(ref) {
							continue // if cfg.Client == nil { ... }
						}
						if !c.ssaInCommand(fn) {
							return false
						}
						reads++
					}
				case *ssa.Field:
					if st, ok := x.X.Type().Underlying().(*types.Struct); ok && x.Field < st.NumFields() && st.Field(x.Field) == f {
						if !c.ssaInCommand(fn) {
							return false
						}
						reads++
					}
				}
			}
		}
	}
	return reads > 0
}

// onlyNilChecked reports whether an instruction is a load whose value is
// only compared (with nil, as the configuration's default is set).
func onlyNilChecked(instr ssa.Instruction) bool {
	load, ok := instr.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	refs := flow.Referrers(load)
	for _, ref := range refs {
		if _, ok := ref.(*ssa.BinOp); !ok {
			return false
		}
	}
	return len(refs) > 0
}

// ssaInCommand reports whether an SSA function is command code: a
// function literal that is a command's body or inside one (not a handler
// on the way), or a declared function of the command code.
func (c *checker) ssaInCommand(fn *ssa.Function) bool {
	for depth := 0; fn != nil && depth < 16; depth++ {
		if lit, ok := fn.Syntax().(*ast.FuncLit); ok {
			if c.commands.Lit(lit) {
				return true
			}
			if handlerOf(c.pass.TypesInfo, lit.Type) != nil {
				return false
			}
		}
		if fn.Parent() == nil {
			obj, _ := fn.Object().(*types.Func)
			return c.commands.Func(obj)
		}
		fn = fn.Parent()
	}
	return false
}

// usedInPlace reports whether a client is only configured and used by
// the function that makes it: its fields set, its methods called; not
// stored, returned or handed to another function, where a server's code
// could use it.
func usedInPlace(allocs []*ssa.Alloc) bool {
	isClient := isMethodOf(knowledge.NetHTTP, "Client")
	for _, a := range allocs {
		for _, ref := range flow.Referrers(a) {
			switch ref := ref.(type) {
			case *ssa.FieldAddr, *ssa.DebugRef:
			case *ssa.Store:
				if ref.Val == ssa.Value(a) {
					return false
				}
			case ssa.CallInstruction:
				common := ref.Common()
				if !isClient(common) || len(common.Args) == 0 || common.Args[0] != ssa.Value(a) {
					return false
				}
				for _, arg := range common.Args[1:] {
					if arg == ssa.Value(a) {
						return false
					}
				}
			default:
				return false
			}
		}
	}
	return true
}

// nilParamFallback reports whether the client is made only as the
// fallback for a nil *http.Client parameter (if c == nil { c =
// &http.Client{} }): the callers choose the client, and a library's
// default for "none given" is the caller's to override (woodpecker's
// httputil.WrapClient, whose callers all pass their own; judged false).
//
// So is one converted to an interface parameter's type that *http.Client
// implements (if inner == nil { inner = &http.Client{} } with inner a
// Doer: hatchet's retry.NewRestDoer, whose one caller passes its own;
// judged false when reported).
func nilParamFallback(alloc *ssa.Alloc) bool {
	refs := flow.Referrers(alloc)
	for _, ref := range refs {
		if mi, ok := ref.(*ssa.MakeInterface); ok {
			refs = append(slices.Clip(refs), flow.Referrers(mi)...)
		}
	}
	for _, ref := range refs {
		phi, ok := ref.(*ssa.Phi)
		if !ok {
			continue
		}
		for _, e := range phi.Edges {
			p, ok := e.(*ssa.Parameter)
			if !ok {
				continue
			}
			if isPointerTo(p.Type(), knowledge.NetHTTP, "Client") || types.IsInterface(p.Type()) && types.Implements(alloc.Type(), p.Type().Underlying().(*types.Interface)) {
				return true
			}
		}
	}
	return false
}

// storedInContext reports whether the client is put into a context
// (context.WithValue(ctx, oauth2.HTTPClient, client)): the library that
// takes it from there sends its requests under that context, the caller's
// (woodpecker's forge OAuth clients, under the login request's context).
func storedInContext(allocs []*ssa.Alloc) bool {
	for _, a := range allocs {
		for _, ref := range flow.Referrers(a) {
			mi, ok := ref.(*ssa.MakeInterface)
			if !ok {
				continue
			}
			for _, use := range flow.Referrers(mi) {
				if call, ok := use.(ssa.CallInstruction); ok && flow.CalleeName(call.Common()) == "context.WithValue" {
					return true
				}
			}
		}
	}
	return false
}

// eachCall calls visit with the callee's name and the arguments of every
// call that takes one of allocs as an argument (a method's receiver
// included), a φ of them (var client *http.Client assigned a literal in
// each branch, glance's Docker widget) or a literal's free variable bound
// to them (crowdsec's lookupLatest sends in the operation it hands
// backoff.Retry), until visit returns false; it reports whether none did.
func eachCall(allocs []*ssa.Alloc, visit func(name string, args []ssa.Value) bool) bool {
	var vals, cells []ssa.Value // values that are the client, addresses that hold it
	seen := make(map[ssa.Value]bool)
	add := func(list *[]ssa.Value, v ssa.Value) {
		if !seen[v] {
			seen[v] = true
			*list = append(*list, v)
		}
	}
	for _, a := range allocs {
		add(&vals, a)
	}
	for len(vals) > 0 || len(cells) > 0 {
		if n := len(cells); n > 0 {
			cell := cells[n-1]
			cells = cells[:n-1]
			for _, ref := range flow.Referrers(cell) {
				switch ref := ref.(type) {
				case *ssa.UnOp:
					if ref.Op == token.MUL {
						add(&vals, ref)
					}
				case *ssa.MakeClosure:
					if fv := flow.BoundFreeVar(ref, cell); fv != nil {
						add(&cells, fv)
					}
				}
			}
			continue
		}
		v := vals[len(vals)-1]
		vals = vals[:len(vals)-1]
		for _, ref := range flow.Referrers(v) {
			switch ref := ref.(type) {
			case ssa.CallInstruction:
				if !visit(flow.CalleeName(ref.Common()), ref.Common().Args) {
					return false
				}
			case *ssa.Phi:
				add(&vals, ref)
			case *ssa.MakeClosure:
				if fv := flow.BoundFreeVar(ref, v); fv != nil {
					add(&vals, fv)
				}
			case *ssa.Store:
				// client := &http.Client{} captured by a literal lives
				// in a cell the literal loads it from.
				if cell, ok := ref.Addr.(*ssa.Alloc); ok && ref.Val == v {
					add(&cells, cell)
				}
			}
		}
	}
	return true
}

// setsDefaultClientTimeout reports whether the package assigns
// http.DefaultClient.Timeout anywhere.
func (c *checker) setsDefaultClientTimeout() bool {
	for n := range c.insp.PreorderSeq((*ast.AssignStmt)(nil)) {
		as := n.(*ast.AssignStmt)
		for i, lhs := range as.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok {
				continue
			}
			if sel.Sel.Name == "Timeout" {
				if inner, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok && c.isDefaultClient(inner) {
					return true // http.DefaultClient.Timeout = d
				}
				continue
			}
			// http.DefaultClient = &http.Client{Timeout: d} (fider's
			// httpclient package, in its init).
			if c.isDefaultClient(sel) && i < len(as.Rhs) && len(as.Lhs) == len(as.Rhs) {
				if lit := fixutil.Literal(as.Rhs[i]); lit != nil && analysisutil.KeyedValue(lit, "Timeout") != nil {
					return true
				}
			}
		}
	}
	return false
}

// isDefaultClient reports whether sel is net/http's DefaultClient.
func (c *checker) isDefaultClient(sel *ast.SelectorExpr) bool {
	obj, ok := c.pass.TypesInfo.Uses[sel.Sel].(*types.Var)
	return ok && obj.Pkg() != nil && obj.Pkg().Path() == knowledge.NetHTTP && obj.Name() == "DefaultClient"
}

// A defaultClientFact says that a package gives http.DefaultClient a
// Timeout: in every program that links it (its importers), the default
// client is bounded.
type defaultClientFact struct{}

func (*defaultClientFact) AFact() {}

func (*defaultClientFact) String() string { return "bounds http.DefaultClient" }

// defaultClientSet reports whether this package, or a package it imports,
// gives http.DefaultClient a Timeout, and exports the fact when this
// package does.
func (c *checker) defaultClientSet() bool {
	if c.setsDefaultClientTimeout() {
		c.pass.ExportPackageFact(new(defaultClientFact))
		return true
	}
	for _, pf := range c.pass.AllPackageFacts() {
		if _, ok := pf.Fact.(*defaultClientFact); ok {
			return true
		}
	}
	return false
}

// assignsField reports whether the package assigns the field of the named
// struct type anywhere (as x.Field = v).
func (c *checker) assignsField(pkg, typeName, field string) bool {
	for n := range c.insp.PreorderSeq((*ast.AssignStmt)(nil)) {
		for _, lhs := range n.(*ast.AssignStmt).Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if ok && sel.Sel.Name == field && analysisutil.IsNamed(c.pass.TypesInfo.TypeOf(sel.X), pkg, typeName) {
				return true
			}
		}
	}
	return false
}

// ---- HTTP servers ----

func (c *checker) checkServerAlloc(lit *ast.CompositeLit, pos token.Pos) {
	alloc := c.ix.Alloc(pos)
	if alloc == nil {
		return
	}
	allocs := flow.Aliases(alloc)
	if setsNonZero(flow.FieldStores(allocs, "ReadHeaderTimeout")) || setsNonZero(flow.FieldStores(allocs, "ReadTimeout")) {
		return
	}
	if flow.HandedOff(allocs, servesServer) {
		return
	}
	if servesOnlyUnix(allocs) {
		return // local clients only: no Slowloris exposure
	}
	if f := storedField(allocs); f != nil && c.fieldServesOnly(f, unixListener) {
		return // s.localServer = &http.Server{...}; s.localServer.Serve(unixListener)
	}
	if f := storedField(allocs); f != nil && c.fieldServesOnly(f, serverrole.EphemeralListener) {
		return // a port only the program knows, read back where the field's server is served
	}
	if f := storedField(allocs); f != nil && c.fieldServesOnly(f, serverrole.LoopbackListener) {
		return // p.server.Serve(p.listener), the listener on 127.0.0.1 in every store
	}
	if serverrole.Server(allocs) != "" {
		return // a loopback or operators-only server: not the public one
	}
	if c.setupServer() {
		return // a one-off wizard's server, which exits once set up
	}
	if len(flow.FieldStores(allocs, "Handler")) == 0 && c.probesOnlyDefaultMux() {
		return // the default mux, with the package's probes only
	}
	c.reportWithFix(lit, c.serverTimeoutsFix(lit, allocs), CategoryServer, "http.Server has no ReadHeaderTimeout or ReadTimeout; slow clients can hold connections open forever (Slowloris); set ReadHeaderTimeout and ReadTimeout, within the plan's request_timeout of %v (and WriteTimeout, unless a response streams)", c.requestTimeout())
}

// isNilConst reports whether v is the constant nil.
func isNilConst(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && k.IsNil()
}

// internalServe reports whether a call of http.ListenAndServe(TLS) or
// http.Serve(TLS) serves an internal server (serverrole): on a loopback
// address or listener, or only operators' handlers.
func internalServe(name string, args []ssa.Value) bool {
	var addr, listener, handler ssa.Value
	switch name {
	case "net/http.ListenAndServe":
		addr, handler = args[0], argAt(args, 1)
	case "net/http.ListenAndServeTLS":
		addr, handler = args[0], argAt(args, 3)
	case "net/http.Serve", "net/http.ServeTLS":
		listener, handler = args[0], argAt(args, 1)
	}
	return serverrole.Serve(addr, listener, handler) != ""
}

func argAt(args []ssa.Value, i int) ssa.Value {
	if i < len(args) {
		return args[i]
	}
	return nil
}

// servesOnlyUnix reports whether the server is started only with Serve
// or ServeTLS on a listener made in this function by net.Listen on a
// "unix" network (directly, or through a field stored in the function):
// its clients are local processes, not the Internet.
func servesOnlyUnix(allocs []*ssa.Alloc) bool {
	serves := 0
	only := eachCall(allocs, func(name string, args []ssa.Value) bool {
		switch name {
		case "(*net/http.Server).Serve", "(*net/http.Server).ServeTLS":
			serves++
			return len(args) >= 2 && unixListener(args[1])
		case "(*net/http.Server).ListenAndServe", "(*net/http.Server).ListenAndServeTLS":
			return false
		}
		return true
	})
	return only && serves > 0
}

// fieldServesOnly reports whether every start, in this package, of the
// server held in field f is Serve or ServeTLS on a listener that listener
// accepts, at least one: a "unix" listener (focalboard's local-mode
// server, started in a goroutine on its socket), or one whose port the
// program reads back (portainer's agent proxy servers, each served by
// its start method on net.Listen("tcp", ":0") for the program's own
// compose and kubectl calls: judged false when reported), or one on a
// loopback address (serverrole.LoopbackListener).
func (c *checker) fieldServesOnly(f *types.Var, listener func(ssa.Value) bool) bool {
	if c.ssa == nil {
		return false
	}
	_, funcs := c.ssa.SSA() // with their function literals: the goroutine's that serves
	serves := 0
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				args := call.Common().Args
				if len(args) == 0 {
					continue
				}
				load, ok := args[0].(*ssa.UnOp)
				if !ok || load.Op != token.MUL {
					continue
				}
				fa, ok := load.X.(*ssa.FieldAddr)
				if !ok || flow.FieldVar(fa) != f {
					continue
				}
				switch flow.CalleeName(call.Common()) {
				case "(*net/http.Server).Serve", "(*net/http.Server).ServeTLS":
					if len(args) < 2 || !listener(args[1]) {
						return false
					}
					serves++
				case "(*net/http.Server).ListenAndServe", "(*net/http.Server).ListenAndServeTLS":
					return false
				}
			}
		}
	}
	return serves > 0
}

// unixListenerSyntax reports whether the listener argument of Serve is a
// variable of the enclosing function every assignment of which is from
// net.Listen or net.ListenUnix on a constant "unix..." network. It answers
// from the syntax and the types alone, so that a package that does not
// type-check as a whole (a dependency the proxy refuses), and so has no
// SSA, gets the same answer as unixListener gives on SSA (gogs serves its
// web UI on a Unix socket in such a package).
func (c *checker) unixListenerSyntax(cur inspector.Cursor, arg ast.Expr) bool {
	id, ok := ast.Unparen(arg).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == c.pass.Pkg.Scope() {
		return false // a package-level variable may be set anywhere
	}
	var body ast.Node
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		body = fc.Node()
		break
	}
	if body == nil {
		return false
	}
	assigned := 0
	only := true
	ast.Inspect(body, func(n ast.Node) bool {
		if !only {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				lid, ok := ast.Unparen(lhs).(*ast.Ident)
				if !ok || c.pass.TypesInfo.ObjectOf(lid) != v {
					continue
				}
				assigned++
				if i != 0 || len(n.Rhs) != 1 || !c.unixListenCall(n.Rhs[0]) {
					only = false
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if c.pass.TypesInfo.Defs[name] != v || len(n.Values) == 0 {
					continue
				}
				assigned++
				if i != 0 || len(n.Values) != 1 || !c.unixListenCall(n.Values[0]) {
					only = false
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if uid, ok := ast.Unparen(n.X).(*ast.Ident); ok && c.pass.TypesInfo.Uses[uid] == v {
					only = false // its address taken: set elsewhere, perhaps
				}
			}
		}
		return true
	})
	return only && assigned > 0
}

// unixListenCall reports whether e is net.Listen or net.ListenUnix on a
// constant network starting with "unix".
func (c *checker) unixListenCall(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return false
	}
	switch analysisutil.FullName(analysisutil.Callee(c.pass.TypesInfo, call)) {
	case "net.Listen", "net.ListenUnix":
	default:
		return false
	}
	tv, ok := c.pass.TypesInfo.Types[call.Args[0]]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.String && strings.HasPrefix(constant.StringVal(tv.Value), "unix")
}

// unixListener reports whether a listener value is the result of
// net.Listen with a constant network starting with "unix", or of a
// tailnet node's Listen or ListenTLS (tailscale.com/tsnet: only the
// tailnet's own devices reach it; headscale's TailSQL console, judged
// false when reported; ListenFunnel, open to the internet, is not one),
// directly or through a struct field stored in the same function or a
// variable every store of which is such a listener (a goroutine's
// literal serving lst, set by Listen and then, for HTTPS, by ListenTLS).
func unixListener(v ssa.Value) bool { return localListener(v, 0) }

func localListener(v ssa.Value, depth int) bool {
	if depth > 6 { // a conversion, a field load and its store: a few steps at most
		return false
	}
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return localListener(x.X, depth+1)
	case *ssa.Extract:
		call, ok := x.Tuple.(*ssa.Call)
		if !ok || x.Index != 0 || len(call.Call.Args) == 0 {
			return false
		}
		switch flow.CalleeName(call.Common()) {
		case "net.Listen", "net.ListenUnix":
			k, ok := call.Call.Args[0].(*ssa.Const)
			return ok && k.Value != nil && k.Value.Kind() == constant.String && strings.HasPrefix(constant.StringVal(k.Value), "unix")
		case "(*tailscale.com/tsnet.Server).Listen", "(*tailscale.com/tsnet.Server).ListenTLS":
			return true
		}
		return false
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return false
		}
		// A variable a goroutine's literal captured: what it holds.
		addr := x.X
		if fv, ok := addr.(*ssa.FreeVar); ok {
			addr = flow.Binding(fv)
		}
		if a, ok := addr.(*ssa.Alloc); ok {
			stores := 0
			for _, ref := range flow.Referrers(a) {
				if st, ok := ref.(*ssa.Store); ok && st.Addr == a {
					if !localListener(st.Val, depth+1) {
						return false
					}
					stores++
				}
			}
			return stores > 0
		}
		fa, ok := addr.(*ssa.FieldAddr)
		if !ok {
			return false
		}
		stored := storedInField(fa)
		return stored != nil && localListener(stored, depth+1)
	}
	return false
}

// storedInField returns the one value the function stores into the same
// field of the same struct as fa, or nil. The struct pointer may be loaded
// anew at each use (a receiver captured by a closure: s.l = ...; then
// srv.Serve(s.l) loads s twice).
func storedInField(fa *ssa.FieldAddr) ssa.Value {
	bases := []ssa.Value{fa.X}
	if load, ok := fa.X.(*ssa.UnOp); ok && load.Op == token.MUL {
		bases = bases[:0]
		for _, ref := range flow.Referrers(load.X) {
			if other, ok := ref.(*ssa.UnOp); ok && other.Op == token.MUL && other.X == load.X {
				bases = append(bases, other)
			}
		}
	}
	var found ssa.Value
	for _, base := range bases {
		for _, ref := range flow.Referrers(base) {
			other, ok := ref.(*ssa.FieldAddr)
			if !ok || other.Field != fa.Field {
				continue
			}
			for _, r2 := range flow.Referrers(other) {
				if st, ok := r2.(*ssa.Store); ok && st.Addr == other {
					if found != nil && found != st.Val {
						return nil
					}
					found = st.Val
				}
			}
		}
	}
	return found
}

// checkEchoStart reports e.Start (and the other methods that serve one of
// the Echo's own servers: field is "Server" or "TLSServer") on an echo
// instance created in this function whose server gets no read timeout.
func (c *checker) checkEchoStart(call *ast.CallExpr, fn *types.Func, field string) {
	ci := c.ix.Call(call.Lparen)
	if ci == nil || len(ci.Common().Args) == 0 {
		return
	}
	e := ci.Common().Args[0]
	created, ok := e.(*ssa.Call)
	if !ok || flow.CalleeName(created.Common()) != knowledge.Echo4+".New" {
		return // configured elsewhere, perhaps
	}
	if echoServerConfigured(e, field) || echoHandedOff(e) || c.setupServer() {
		return
	}
	c.report(call, CategoryServer, "%s serves e.%s, which has no read or write timeouts; slow clients can hold connections open forever (Slowloris); set e.%s.ReadHeaderTimeout and ReadTimeout (and WriteTimeout, unless a response streams) before starting", analysisutil.Display(fn), field, field)
}

// echoHandedOff reports whether e is passed to a function other than
// echo's own methods; that function may configure its servers.
func echoHandedOff(e ssa.Value) bool {
	isEcho := isMethodOf(knowledge.Echo4, "Echo")
	for _, ref := range *e.Referrers() {
		call, ok := ref.(ssa.CallInstruction)
		if !ok || isEcho(call.Common()) {
			continue
		}
		for _, arg := range call.Common().Args {
			if arg == e {
				return true
			}
		}
	}
	return false
}

// echoServerConfigured reports whether the function sets e's server field
// (e.Server or e.TLSServer) or that server's ReadTimeout or
// ReadHeaderTimeout.
func echoServerConfigured(e ssa.Value, field string) bool {
	for _, ref := range *e.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.X != e || fieldName(fa) != field {
			continue
		}
		for _, r2 := range *fa.Referrers() {
			switch r2 := r2.(type) {
			case *ssa.Store:
				if r2.Addr == fa {
					return true // e.Server = &http.Server{...}, checked on its own
				}
			case *ssa.UnOp:
				for _, r3 := range *r2.Referrers() {
					if inner, ok := r3.(*ssa.FieldAddr); ok {
						switch fieldName(inner) {
						case "ReadTimeout", "ReadHeaderTimeout":
							for _, r4 := range *inner.Referrers() {
								if st, ok := r4.(*ssa.Store); ok && st.Addr == inner && !isZeroConst(st.Val) {
									return true
								}
							}
						}
					}
				}
			}
		}
	}
	return false
}

// ---- dials ----

// checkDialerUse reports d.Dial and tls.DialWithDialer(d, ...) on a
// net.Dialer literal of this function that sets neither Timeout nor
// Deadline. A Dialer used only through DialContext is bounded by the
// caller's context and is not reported.
func (c *checker) checkDialerUse(call *ast.CallExpr, name string) {
	ci := c.ix.Call(call.Lparen)
	if ci == nil || len(ci.Common().Args) == 0 {
		return
	}
	alloc, ok := ci.Common().Args[0].(*ssa.Alloc)
	if !ok {
		return
	}
	allocs := flow.Aliases(alloc)
	if lit := literalCopiedInto(alloc); lit != nil {
		// d := net.Dialer{...} built apart and copied into d.
		allocs = append(allocs, flow.Aliases(lit)...)
	}
	if setsNonZero(flow.FieldStores(allocs, "Timeout")) || setsNonZero(flow.FieldStores(allocs, "Deadline")) {
		return
	}
	what := "(*net.Dialer).Dial"
	if name == "crypto/tls.DialWithDialer" {
		what = "tls.DialWithDialer"
	}
	c.report(call, CategoryClient, "%s uses a net.Dialer with no Timeout; dialing an unreachable host blocks this goroutine until the operating system gives up, minutes later; set the Dialer's Timeout", what)
}

// literalCopiedInto returns the composite literal whose value is stored
// into the variable alloc, if there is exactly one.
func literalCopiedInto(alloc *ssa.Alloc) *ssa.Alloc {
	var found *ssa.Alloc
	for _, ref := range *alloc.Referrers() {
		st, ok := ref.(*ssa.Store)
		if !ok || st.Addr != alloc {
			continue
		}
		load, ok := st.Val.(*ssa.UnOp)
		if !ok || load.Op != token.MUL {
			continue
		}
		src, ok := load.X.(*ssa.Alloc)
		if !ok || src.Comment != "complit" || (found != nil && found != src) {
			return nil
		}
		found = src
	}
	return found
}

// ---- go-redis ----

func (c *checker) checkRedisTimeout(v ast.Expr, field string) {
	d, ok := constDuration(c.pass.TypesInfo, v)
	if !ok || d >= 0 {
		return
	}
	c.report(v, CategoryDisabled, "redis %s of %v disables the socket timeout; a Redis server that stops answering holds this goroutine forever; leave it unset (the default is a few seconds) or set a positive timeout", field, d)
}

// checkAssign checks assignments of constant durations to the fields the
// plan bounds, and of negative timeouts to go-redis options.
func (c *checker) checkAssign(cur inspector.Cursor, as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		field, ok := c.pass.TypesInfo.Uses[sel.Sel].(*types.Var)
		if !ok || !field.IsField() {
			continue
		}
		recv := c.pass.TypesInfo.TypeOf(sel.X)
		rhs := as.Rhs[i]
		switch {
		case analysisutil.IsNamed(recv, knowledge.NetHTTP, "Client") && field.Name() == "Timeout":
			if c.clientBoundsRequests(cur) {
				c.checkPlanDuration(rhs, "http.Client Timeout")
			}
		case analysisutil.IsNamed(recv, knowledge.NetHTTP, "Server") && (field.Name() == "ReadTimeout" || field.Name() == "WriteTimeout" || field.Name() == "ReadHeaderTimeout"):
			c.checkPlanDuration(rhs, "http.Server "+field.Name())
		case knowledge.RedisOptions[analysisutil.TypeName(recv)] && (field.Name() == "ReadTimeout" || field.Name() == "WriteTimeout"):
			c.checkRedisTimeout(rhs, field.Name())
		}
	}
}

// ---- the plan's bounds ----

// clientBoundsRequests reports whether the plan's request_timeout applies
// to an http.Client built or set at the cursor: the client is set inside a
// request path, or its package serves requests (declares a request
// handler). A client in a CLI command, a client SDK or a background job's
// package sets the timeout its own work needs.
func (c *checker) clientBoundsRequests(cur inspector.Cursor) bool {
	return c.requestPath(cur) != nil || c.servesRequests()
}

// servesRequests reports whether the package declares a request handler
// (a function or function literal that handlerOf recognizes).
func (c *checker) servesRequests() bool {
	if c.serves == 0 {
		c.serves = 1
		for cur := range c.insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			ft, _ := analysisutil.FuncParts(cur.Node())
			if handlerOf(c.pass.TypesInfo, ft) != nil {
				c.serves = 2
				break
			}
		}
	}
	return c.serves == 2
}

// checkDurationField checks the constant value of a keyed field of a
// literal against the plan's request_timeout.
func (c *checker) checkDurationField(lit *ast.CompositeLit, field, what string) {
	if v := analysisutil.KeyedValue(lit, field); v != nil {
		c.checkPlanDuration(v, what)
	}
}

func (c *checker) checkPlanDuration(v ast.Expr, what string) {
	limit := c.requestTimeout()
	d, ok := constDuration(c.pass.TypesInfo, v)
	if !ok || limit <= 0 || d <= limit || !c.wroteRequestTimeout() {
		return
	}
	c.report(v, CategoryPlan, "%s of %v is longer than the plan's request_timeout (%v); a stuck peer holds a goroutine and a connection that long; lower it to at most %v", what, d, limit, limit)
}

// wroteRequestTimeout reports whether the plan file writes
// limits.request_timeout. A bound longer than the plan is reported only
// against a number the team wrote down: against the embedded default, all
// ten such findings judged on real services were deliberate (an archive
// download's minute, a 5-minute WriteTimeout for uploads, an MCP session).
func (c *checker) wroteRequestTimeout() bool {
	return plan.Wrote(c.pass.Plan, func(p *plan.Plan) time.Duration { return p.Limits.RequestTimeout })
}

// checkDeadline checks context.WithTimeout/WithDeadline durations against
// the plan: request_timeout always, query_timeout when the context reaches
// a database query.
func (c *checker) checkDeadline(call *ast.CallExpr, name string) {
	spec := knowledge.ContextDeadlines[name]
	if len(call.Args) <= spec.Arg {
		return
	}
	durExpr := call.Args[spec.Arg]
	if !spec.Duration {
		durExpr = timeNowAdd(c.pass.TypesInfo, durExpr)
		if durExpr == nil {
			return
		}
	}
	d, ok := constDuration(c.pass.TypesInfo, durExpr)
	if !ok || d <= 0 {
		return
	}
	if q := c.pass.Plan.Limits.QueryTimeout; q > 0 && d > q && plan.Wrote(c.pass.Plan, func(p *plan.Plan) time.Duration { return p.Limits.QueryTimeout }) {
		if via, ok := c.reachesDatabase(call); ok {
			c.report(durExpr, CategoryPlan, "context deadline of %v bounds a database query (%s), longer than the plan's query_timeout (%v); a slow query holds a connection from the pool that long; lower it to at most %v", d, via, q, q)
			return
		}
	}
	if limit := c.requestTimeout(); limit > 0 && d > limit && c.wroteRequestTimeout() {
		c.report(durExpr, CategoryPlan, "context deadline of %v is longer than the plan's request_timeout (%v); work under it holds a goroutine and its connections that long; lower it to at most %v", d, limit, limit)
	}
}

// reachesDatabase reports whether the context made by the call is passed
// to a database query in this function, directly or through a helper whose
// fact says it queries with that parameter, and names the query.
func (c *checker) reachesDatabase(call *ast.CallExpr) (string, bool) {
	ci := c.ix.Call(call.Lparen)
	sc, ok := ci.(*ssa.Call)
	if !ok {
		return "", false
	}
	via := ""
	for _, ref := range *sc.Referrers() {
		ex, ok := ref.(*ssa.Extract)
		if !ok || ex.Index != 0 {
			continue
		}
		flow.ContextUses(ex, func(use ssa.CallInstruction, i int) {
			if via != "" {
				return
			}
			callee := staticFunc(use.Common())
			if callee == nil {
				if m := use.Common().Method; m != nil && m.Pkg() != nil && knowledge.IsDatabasePackage(m.Pkg().Path()) {
					via = analysisutil.Display(m)
				}
				return
			}
			if callee.Pkg() != nil && knowledge.IsDatabasePackage(callee.Pkg().Path()) {
				via = analysisutil.Display(callee)
				return
			}
			if f := c.factOf(callee); f != nil {
				for _, p := range f.CtxParams {
					if p.Index == i && p.Kind == kindDatabase {
						via = analysisutil.Display(callee) + " → " + p.Via
						return
					}
				}
			}
		})
	}
	return via, via != ""
}

// ---- request paths ----

// A ginSite is a call given a *gin.Context as its context: its finding,
// and the callee as the finding names it.
type ginSite struct {
	diag analysis.Diagnostic
	what string
}

// checkRequestPathCall reports outbound work in a request path that runs
// with no request context and so outlives the request.
func (c *checker) checkRequestPathCall(call *ast.CallExpr, fn *types.Func, name string, h *handler) {
	if knowledge.IsSetupCall(name) {
		return // a step of the service's one-time set-up
	}
	if variant, ok := knowledge.ContextFree[name]; ok {
		if c.sqliteQuery(fn) || c.pathOnlyRequest(call, name) {
			return
		}
		if ci := c.ix.Call(call.Lparen); ci != nil && c.coveredByClient(ci) {
			return // the client's finding is the fix: its Timeout bounds this request
		}
		if ci := c.ix.Call(call.Lparen); ci != nil && c.shortClient(ci) {
			return // the client's short Timeout bounds this request
		}
		c.sinkOf(call, name)
		c.emit(analysis.Diagnostic{
			Pos: call.Pos(), End: call.End(), Category: CategoryRequest,
			Message: fmt.Sprintf("%s in a request path has no context, so the %s keeps running after the client has gone; use %s with the request's context%s",
				c.display(call, fn), kindOf(fn), variant, h.ctxNote(c.pass.Pkg, call.Pos())),
			SuggestedFixes: contextVariantFix(c.pass.Pkg, c.pass.TypesInfo, call, fn, variant, h),
		})
		return
	}
	params := c.contextParams(fn)
	if len(params) == 0 {
		if f := c.factOf(fn); f != nil && f.Detached != nil {
			if ci := c.ix.Call(call.Lparen); ci != nil && presignedOnly(ci) {
				return // a presigned link: nothing is sent
			}
			if ci := c.ix.Call(call.Lparen); ci != nil && c.boundedTimeoutArg(ci, f.Detached) {
				return // the helper's client is given a short constant Timeout here
			}
			c.reachCause(call, fn, f.Detached, h)
		}
		return
	}
	for _, p := range params {
		arg := c.argFor(call, fn, p.Index)
		if arg == nil {
			continue
		}
		if isPointerTo(c.pass.TypesInfo.TypeOf(arg), knowledge.Gin, "Context") && !c.ginFallback {
			what := c.display(call, fn)
			c.ginSites = append(c.ginSites, ginSite{what: what, diag: analysis.Diagnostic{
				Pos: call.Pos(), End: call.End(), Category: CategoryRequest,
				Message: fmt.Sprintf("%s runs %s with a *gin.Context as its context, which is never canceled unless the engine sets ContextWithFallback, so it keeps running after the client has gone; pass %s.Request.Context()",
					what, article(p.Kind), render(c.pass.Fset, arg)),
				SuggestedFixes: ginContextFix(c.pass.Fset, arg),
			}})
			return
		}
		if !c.isDetached(call, arg, p.Index) {
			continue
		}
		if c.handlerRequest(call, fn, h) {
			// r.WithContext(context.Background()) on the handler's own
			// request: what it is handed to runs detached (vouch's
			// TimeLog middleware, for every route).
			c.emit(analysis.Diagnostic{
				Pos: call.Pos(), End: call.End(), Category: CategoryRequest,
				Message: fmt.Sprintf("%s replaces the request's context with %s, so the handlers and calls it is handed to keep running after the client has gone; keep the request's context (derive from %s.Context())",
					c.display(call, fn), render(c.pass.Fset, arg), h.name),
				SuggestedFixes: replaceContextFix(c.pass.Pkg, arg, h),
			})
			return
		}
		what := fmt.Sprintf("%s runs %s", c.display(call, fn), article(p.Kind))
		if p.Via != "" {
			what += " (" + p.Via + ")"
		}
		c.emit(analysis.Diagnostic{
			Pos: call.Pos(), End: call.End(), Category: CategoryRequest,
			Message: fmt.Sprintf("%s with %s in a request path, so it keeps running after the client has gone; pass the request's context%s",
				what, render(c.pass.Fset, arg), h.ctxNote(c.pass.Pkg, arg.Pos())),
			SuggestedFixes: replaceContextFix(c.pass.Pkg, arg, h),
		})
		return
	}
}

// handlerRequest reports whether call is WithContext or Clone on the
// request the handler h was given.
func (c *checker) handlerRequest(call *ast.CallExpr, fn *types.Func, h *handler) bool {
	switch analysisutil.FullName(fn) {
	case "(*net/http.Request).WithContext", "(*net/http.Request).Clone":
	default:
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || h == nil || h.param == nil {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	return ok && c.pass.TypesInfo.Uses[id] == h.param
}

// contextParams returns the context parameters through which fn does
// outbound work: a library's own context parameter, or what fn's fact says.
func (c *checker) contextParams(fn *types.Func) []CtxParam {
	if fn.Pkg() != nil && knowledge.IsOutboundPackage(fn.Pkg().Path()) {
		sig := fn.Type().(*types.Signature)
		offset := 0
		if sig.Recv() != nil {
			offset = 1
		}
		for i := 0; i < sig.Params().Len(); i++ {
			if isContext(sig.Params().At(i).Type()) {
				return []CtxParam{{Index: i + offset, Kind: kindOf(fn)}}
			}
		}
		return nil
	}
	if f := c.factOf(fn); f != nil {
		return f.CtxParams
	}
	return nil
}

// argFor returns the syntax of the argument bound to SSA parameter index
// i of fn (the receiver is parameter 0 of a method).
func (c *checker) argFor(call *ast.CallExpr, fn *types.Func, i int) ast.Expr {
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		i--
	}
	if i < 0 || i >= len(call.Args) {
		return nil
	}
	return call.Args[i]
}

// isDetached reports whether a context argument is context.Background or
// TODO (possibly derived without a deadline), syntactically or on every
// SSA path.
func (c *checker) isDetached(call *ast.CallExpr, arg ast.Expr, param int) bool {
	if isContextRootCall(c.pass.TypesInfo, arg) {
		return true
	}
	ci := c.ix.Call(call.Lparen)
	if ci == nil {
		return false
	}
	args := ci.Common().Args
	idx := param
	if ci.Common().IsInvoke() {
		idx--
	}
	if idx < 0 || idx >= len(args) {
		return false
	}
	return flow.ContextOrigin(args[idx]).Origin == flow.Detached
}

// inGoStmt reports whether the call is the call of a go statement, or
// inside a function literal started by one: work deliberately detached.
func (c *checker) inGoStmt(cur inspector.Cursor) bool {
	if _, ok := cur.Parent().Node().(*ast.GoStmt); ok {
		return true
	}
	for lit := range cur.Enclosing((*ast.FuncLit)(nil)) {
		if _, ok := lit.Parent().Parent().Node().(*ast.GoStmt); ok {
			return true
		}
	}
	return false
}

// requestPath returns the handler whose request path the cursor is in: the
// innermost enclosing function that is a handler, or a function literal
// inside one.
func (c *checker) requestPath(cur inspector.Cursor) *handler {
	h := c.innermostHandler(cur)
	if h != nil {
		for fc := range cur.Enclosing((*ast.FuncDecl)(nil)) {
			h.where = funcDeclName(c.pass.TypesInfo, fc.Node().(*ast.FuncDecl))
		}
	}
	return h
}

// funcDeclName names a declared function as messages do: f, or
// (*T).m for a method.
func funcDeclName(info *types.Info, fd *ast.FuncDecl) string {
	if fn, ok := info.Defs[fd.Name].(*types.Func); ok {
		return analysisutil.Display(fn)
	}
	return fd.Name.Name
}

func (c *checker) innermostHandler(cur inspector.Cursor) *handler {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var ft *ast.FuncType
		switch fn := fc.Node().(type) {
		case *ast.FuncDecl:
			ft = fn.Type
		case *ast.FuncLit:
			ft = fn.Type
		}
		if h := handlerOf(c.pass.TypesInfo, ft); h != nil {
			return h
		}
	}
	return nil
}

// display names the called function the way the call site sees it: a
// method promoted from an unexported embedded type (go-redis's cmdable) is
// shown on the receiver's type, (*redis.Client).Get.
func (c *checker) display(call *ast.CallExpr, fn *types.Func) string {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return analysisutil.Display(fn)
	}
	selection := c.pass.TypesInfo.Selections[sel]
	if selection == nil || len(selection.Index()) < 2 {
		return analysisutil.Display(fn)
	}
	byName := func(p *types.Package) string { return p.Name() }
	return "(" + types.TypeString(selection.Recv(), byName) + ")." + fn.Name()
}

// article prefixes a kind of work with its indefinite article.
func article(kind string) string {
	if kind == kindHTTP {
		return "an " + kind
	}
	return "a " + kind
}

func kindOf(fn *types.Func) string {
	if fn.Pkg() == nil {
		return "call"
	}
	switch p := fn.Pkg().Path(); {
	case knowledge.IsDatabasePackage(p):
		return kindDatabase
	case knowledge.IsRedisPackage(p):
		return kindRedis
	case p == knowledge.NetHTTP:
		return kindHTTP
	default:
		return kindRPC
	}
}

// sqliteQuery reports whether fn is a database/sql or sqlx call in a
// package whose only database drivers are SQLite's: the database is a file
// in the process, and a query with no context has no server or network to
// wait on after the client has gone (golink's CSV export, filestash's
// shares: judged false when reported).
func (c *checker) sqliteQuery(fn *types.Func) bool {
	if fn.Pkg() == nil || (fn.Pkg().Path() != knowledge.SQL && fn.Pkg().Path() != knowledge.SQLX) {
		return false
	}
	if c.sqliteOnly == 0 {
		c.sqliteOnly = 1
		if knowledge.ImportsOnlySQLiteDrivers(c.pass.Pkg) {
			c.sqliteOnly = 2
		}
	}
	return c.sqliteOnly == 2
}

// Kinds of outbound work, as messages name them.
const (
	kindDatabase = "database query"
	kindRedis    = "Redis command"
	kindHTTP     = "HTTP request"
	kindRPC      = "remote call"
)

// ---- small predicates ----

// isExample reports whether a package is an example shipped with the
// service (under a directory named examples, example or _examples):
// documentation for its users, not code that serves; only other examples
// import it, so none needs its facts. A name heuristic, the last resort:
// nothing in the types tells an example from a command.
func isExample(pkg *types.Package) bool {
	for _, elem := range strings.Split(pkg.Path(), "/") {
		switch elem {
		case "examples", "example", "_examples":
			return true
		}
	}
	return false
}

func isContext(t types.Type) bool {
	return analysisutil.IsNamed(t, knowledge.Context, "Context")
}

// isContextRootCall reports whether e is context.Background() or TODO().
func isContextRootCall(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	return knowledge.ContextRoots[analysisutil.FullName(analysisutil.Callee(info, call))]
}

// connectsAtOnce reports whether a dial's network is a constant one whose
// dial waits for no peer: a Unix socket ("unix", "unixgram",
// "unixpacket") connects or fails at once, and a UDP or IP socket ("udp",
// "udp4", "udp6", "ip4:icmp") sends nothing when dialed (1Panel's
// net.Dial("udp", "8.8.8.8:80") that reads its own outbound address back:
// judged false).
func connectsAtOnce(info *types.Info, call *ast.CallExpr) bool {
	if len(call.Args) == 0 {
		return false
	}
	tv, ok := info.Types[call.Args[0]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	network := constant.StringVal(tv.Value)
	return strings.HasPrefix(network, "unix") || strings.HasPrefix(network, "udp") || strings.HasPrefix(network, "ip")
}

// isNewOf reports whether call is new(pkg.name).
func isNewOf(info *types.Info, call *ast.CallExpr, pkg, name string) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || len(call.Args) != 1 {
		return false
	}
	if b, ok := info.Uses[id].(*types.Builtin); !ok || b.Name() != "new" {
		return false
	}
	t := info.TypeOf(call.Args[0])
	return t != nil && analysisutil.IsNamed(t, pkg, name)
}

// isMethodOf returns a predicate accepting calls of the methods of the
// named type: using a client is not configuring it.
func isMethodOf(pkg, name string) func(*ssa.CallCommon) bool {
	return func(c *ssa.CallCommon) bool {
		fn := staticFunc(c)
		if fn == nil {
			return false
		}
		sig, ok := fn.Type().(*types.Signature)
		return ok && sig.Recv() != nil && analysisutil.IsNamed(sig.Recv().Type(), pkg, name)
	}
}

func staticFunc(c *ssa.CallCommon) *types.Func {
	if f := c.StaticCallee(); f != nil {
		if obj, ok := f.Object().(*types.Func); ok {
			return obj.Origin()
		}
	}
	return nil
}

// constDuration returns the value of a constant expression of a numeric
// type as a duration (nanoseconds, as time.Duration counts them).
func constDuration(info *types.Info, e ast.Expr) (time.Duration, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	v, exact := constant.Int64Val(tv.Value)
	if !exact {
		return 0, false
	}
	return time.Duration(v), true
}

// timeNowAdd returns d of time.Now().Add(d), the usual WithDeadline
// argument, or nil.
func timeNowAdd(info *types.Info, e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || analysisutil.FullName(analysisutil.Callee(info, call)) != "(time.Time).Add" {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	now, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	if !ok || analysisutil.FullName(analysisutil.Callee(info, now)) != "time.Now" {
		return nil
	}
	return call.Args[0]
}

// setsNonZero reports whether any of the stores writes a value other than
// the constant zero.
func setsNonZero(stores []*ssa.Store) bool {
	for _, st := range stores {
		if !isZeroConst(st.Val) {
			return true
		}
	}
	return false
}

func isZeroConst(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && (k.Value == nil || (k.Value.Kind() == constant.Int && constant.Sign(k.Value) == 0))
}

func fieldName(fa *ssa.FieldAddr) string {
	p, ok := types.Unalias(fa.X.Type()).Underlying().(*types.Pointer)
	if !ok {
		return ""
	}
	s, ok := p.Elem().Underlying().(*types.Struct)
	if !ok || fa.Field >= s.NumFields() {
		return ""
	}
	return s.Field(fa.Field).Name()
}
