package limits

import (
	"cmp"
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/fixutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/internal/lint"
	"github.com/perfvet/perfvet/analyzers/internal/serverrole"
	"github.com/perfvet/perfvet/analyzers/internal/ssabuild"
	"github.com/perfvet/perfvet/analyzers/plan"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name.
const Name = "limits"

// Categories of findings.
const (
	CategoryBody   = "body"   // a request body read whole with no limit
	CategoryUpload = "upload" // a multipart upload parsed with no limit
	CategoryPool   = "pool"   // a database pool never bounded
	// CategoryKeepAlive: an outbound transport whose connections are not
	// reused (built per call, or a single-host proxy's with two idle
	// connections).
	CategoryKeepAlive = "keepalive"
	CategoryPlan      = "plan" // a limit above the plan
)

// Config configures a limits analyzer.
type Config struct {
	// Plans gives the plan of each package.
	Plans plan.Provider
	// Tests reports findings in _test.go files too (flag -tests).
	Tests bool
	// PerSite reports each unlimited read at its own position, instead of
	// one finding per program (or per function) for reads that share a
	// fix (flag -persite): for drivers that filter findings by position
	// after the analysis (golangci-lint's //nolint), where a group's first
	// site filtered out would take the others with it.
	PerSite bool
}

// DefaultConfig discovers each package's perfplan.yaml.
func DefaultConfig() Config { return Config{Plans: plan.NewFinder("")} }

// Analyzer is the limits analyzer with the default configuration.
var Analyzer = New(DefaultConfig())

// New returns a limits analyzer.
func New(cfg Config) *analysis.Analyzer {
	opts := &lint.Options{Plans: cfg.Plans, Tests: cfg.Tests}
	a := &analysis.Analyzer{
		Name:             Name,
		Doc:              analysisutil.MustExtractDoc(doc, Name),
		URL:              "https://github.com/perfvet/perfvet/blob/main/analyzers/limits/doc.go",
		Run:              nil,
		Requires:         []*analysis.Analyzer{inspect.Analyzer, ssabuild.Analyzer},
		FactTypes:        []analysis.Fact{new(programFact), new(transportFact)},
		RunDespiteErrors: true,
	}
	perSite := cfg.PerSite
	a.Run = lint.Wrap(Name, opts, func(pass *lint.Pass) (any, error) { return run(pass, perSite) })
	opts.BindFlags(&a.Flags)
	a.Flags.BoolVar(&perSite, "persite", cfg.PerSite, "report each unlimited read at its own position, instead of one finding for the reads that share a fix")
	return a
}

// relevant are the packages without which a package neither reads a
// request body nor opens a pool.
var relevant = []string{
	knowledge.NetHTTP, knowledge.Gin, knowledge.Echo4, knowledge.Chi5, knowledge.SQL,
	knowledge.SQLX, knowledge.GORM, knowledge.PGX5Pool, knowledge.PGX4Pool, knowledge.Redis9, knowledge.Redis8,
	knowledge.BeegoConfigs[0], knowledge.BeegoConfigs[1],
}

func run(pass *lint.Pass, perSite bool) (any, error) {
	if isLibrary(pass.Pkg.Path()) {
		// A library's own reads and opens are its callers' to bound.
		return nil, nil
	}
	if !analysisutil.ImportsAny(pass.Pkg, relevant...) {
		// Nothing to read or open here, but the package may call a
		// function that builds a transport per call (a store's
		// constructor that checks its database once): its calls are
		// handed on for startupOnly. go vet shows a package only the
		// imports its dependencies' export data names, so this is not
		// decided by what it imports.
		c := &checker{pass: pass, own: &programFact{}}
		c.own.Calls, c.own.Escapes, c.own.Roots = c.startupCalls(c.transportCallers())
		c.passOnStartupCalls()
		if len(c.own.Calls) > 0 {
			pass.ExportPackageFact(c.own)
		}
		return nil, nil
	}
	c := &checker{pass: pass, perSite: perSite, own: &programFact{}, limitedFuncs: make(map[*types.Func]bool)}
	c.serves = declaresHandler(pass)
	c.setup = c.serves && serverrole.Setup(pass.Fset, pass.TypesInfo, pass.Files)
	// A dependency's reads and opens are its authors' to bound (and its
	// callers' to wrap); only its global limits and pool settings count.
	c.dependency = pass.Module != nil && pass.Module.Version != ""
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			if n.Body != nil {
				fn, _ := c.pass.TypesInfo.Defs[n.Name].(*types.Func)
				c.function(n.Body, fn)
			}
		case *ast.FuncLit:
			c.function(n.Body, nil)
		case *ast.CompositeLit:
			c.checkLiteral(n)
		case *ast.AssignStmt:
			c.checkFieldAssign(n)
			c.checkBeegoConfig(n)
		}
	}
	for _, r := range c.reads {
		if r.fn == nil || !c.limitedFuncs[r.fn] {
			c.checkRead(r.call, r.limited, r.fn)
		}
	}
	c.checkBeegoDefaults()
	c.checkTransports()
	c.constructorAlternatives()
	c.own.Calls, c.own.Escapes, c.own.Roots = c.startupCalls(c.transportCallers())
	c.passOnStartupCalls()
	c.conclude()
	return nil, nil
}

// A programFact is what a package contributes to its program's verdict:
// whether it limits request bodies for every route, whether it bounds a
// pool, its unlimited reads and unbounded opens (decided where the program
// is seen whole), and what a package that saw it already reported.
type programFact struct {
	Global bool
	Serves bool // the package starts a server: its importers' program serves requests
	// Dependency: the package is of a required module (a library): its
	// server start makes a program serve only where the program calls it
	// (quic-go's http3 starts servers, and every gin program imports it).
	Dependency   bool
	SetsMaxOpen  bool
	SetsLifetime bool
	Reads        []site
	Opens        []site
	// Limited are the functions (full names) to which a route's own
	// limiter hands the request it bounds: their reads are limited.
	Limited    []string
	Transports []site // per-call transports (keepalive.go)
	// Calls are the static calls of the package that lead to the
	// functions that build a transport per call (startup.go), Escapes
	// those of them used otherwise than by a call, and Roots the
	// package's functions that run once as the process starts.
	Calls    []callEdge `json:",omitempty"`
	Escapes  []string   `json:",omitempty"`
	Roots    []string   `json:",omitempty"`
	Reported []string   // Posn of sites reported by this package or below
	// AltOf places the opens of constructors that this package calls
	// in the cases of one switch (athens' getIndex: mysql.New or
	// postgres.New): open's Posn to its Alt.
	AltOf map[string]string
}

// A site is a read or an open, reported where its program is seen whole.
type site struct {
	Posn     string    // file:line:col, the file relative to nothing
	Pos      token.Pos // valid in hosts that share one FileSet
	Category string
	Msg      string
	// Func is the full name of the declared function that reads (a
	// read) or opens (an open), or "".
	Func string
	// Alt places an open in a case of a switch ("switch posn#case
	// posn"; see alternative): the opens of one switch's cases, one per
	// driver the configuration chooses, are one pool to bound, and one
	// finding.
	Alt string
	// fix limits the body before the read (fix.go); not in facts: only a
	// read reported by its own package is fixed.
	fix []analysis.TextEdit
}

func (*programFact) AFact() {}

func (f *programFact) String() string {
	var parts []string
	if f.Global {
		parts = append(parts, "global")
	}
	if f.Serves {
		parts = append(parts, "serves")
	}
	if f.SetsMaxOpen {
		parts = append(parts, "maxopen")
	}
	if f.SetsLifetime {
		parts = append(parts, "lifetime")
	}
	if n := len(f.Reads); n > 0 {
		parts = append(parts, fmt.Sprintf("reads=%d", n))
	}
	if n := len(f.Opens); n > 0 {
		parts = append(parts, fmt.Sprintf("opens=%d", n))
	}
	if n := len(f.Transports); n > 0 {
		parts = append(parts, fmt.Sprintf("transports=%d", n))
	}
	if n := len(f.Reported); n > 0 {
		parts = append(parts, fmt.Sprintf("reported=%d", n))
	}
	return "limits(" + strings.Join(parts, " ") + ")"
}

type checker struct {
	pass       *lint.Pass
	perSite    bool // each read at its own position (Config.PerSite)
	dependency bool
	own        *programFact
	start      ast.Node // the first server start, for sites whose position is unknown here

	serves          bool          // the package declares a request handler (declaresHandler)
	setup           bool          // the package serves a one-off setup wizard (serverrole.Setup)
	beegoRun        *ast.CallExpr // the first beego Run of the package
	beegoConfigured bool          // the package sets BConfig.MaxMemory or MaxUploadSize

	sqlite map[types.Object]bool // the variables a SQLite driver is registered under (sqliteNames)

	sqliteOnly int // onlySQLiteDrivers: 0 unknown, 1 no, 2 yes

	ix *flow.Index // the package's SSA calls, built at the first server start

	reads        []pendingRead        // body reads, checked once every function is seen
	limitedFuncs map[*types.Func]bool // functions a per-route limiter hands its request to
	indexed      bool
	serving      map[*types.Func]bool // functions a server start is reachable from (servingFuncs)
}

// internalStart reports whether a server start serves an internal server
// (serverrole.Start): one on a loopback address, or serving operators'
// handlers only. Its bodies come from the operator's own browser or a
// scraper, not from the public the plan's limits protect (woodpecker's CLI
// receives a token from the user's browser on 127.0.0.1). In a package
// that does not type-check (no SSA), every start may be public.
func (c *checker) internalStart(call *ast.CallExpr) bool {
	if !c.indexed {
		c.indexed = true
		if res, ok := c.pass.ResultOf[ssabuild.Analyzer].(*ssabuild.Result); ok && res != nil {
			if _, funcs := res.SSA(); funcs != nil {
				c.ix = flow.NewIndex(funcs)
			}
		}
	}
	ci := c.ix.Call(call.Lparen)
	return ci != nil && serverrole.Start(ci.Common(), ci.Parent()) != ""
}

// checkBeegoDefaults reports, once, at the beego Run of a package that
// leaves beego's body bounds at their defaults (64MB, 1GB), the defaults
// above a size the plan file writes. A bound set in app.conf is not seen.
func (c *checker) checkBeegoDefaults() {
	if c.beegoRun == nil || c.beegoConfigured || c.dependency {
		return
	}
	c.checkBeegoSize(c.beegoRun, knowledge.BeegoMaxMemory, false, "beego's default MaxMemory of")
}

// function checks one function body: body reads against the limits set
// before them in the same function, and the calls the program's verdict
// counts.
func (c *checker) function(body *ast.BlockStmt, obj *types.Func) {
	info := c.pass.TypesInfo
	var limited []limitAt // bodies wrapped before a position
	var reads []*ast.CallExpr
	upload := false
	closedOnReturn := c.oneOffOpens(body, obj != nil && obj.Name() == "main" && c.pass.Pkg.Name() == "main")
	var wrapped []string // requests whose Body the function replaces by a wrapper of itself
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // a function of its own
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if i < len(n.Rhs) && isBodyField(info, lhs) && isLimiter(info, n.Rhs[i]) {
					limited = append(limited, limitAt{owner: types.ExprString(lhs.(*ast.SelectorExpr).X), pos: n.End()})
				}
				if i < len(n.Rhs) && isBodyField(info, lhs) && wrapsItself(lhs, n.Rhs[i]) {
					wrapped = append(wrapped, types.ExprString(lhs.(*ast.SelectorExpr).X))
				}
			}
		case *ast.CallExpr:
			name := analysisutil.FullName(analysisutil.Callee(info, n))
			if knowledge.UploadReads[name] {
				upload = true
			}
			if _, ok := knowledge.BodyReaders[name]; ok || knowledge.UploadReads[name] || knowledge.FrameworkBodyReads[name] {
				reads = append(reads, n)
			}
		}
		return true
	})
	if len(reads) == 0 && c.checksContentLength(body, wrapped) {
		// A limiter of the program's own (pocketbase's applyBodyLimit,
		// which its default BodyLimit middleware runs on every route):
		// it rejects a request whose ContentLength is above a bound and
		// replaces the body by a reader that wraps it, and reads nothing.
		c.own.Global = true
	}
	eachCall(info, body, func(call *ast.CallExpr, fn *types.Func) {
		name := analysisutil.FullName(fn)
		switch {
		case knowledge.BodyLimiters[name] != (knowledge.BodyLimiter{}):
			c.checkLimiter(call, name, upload)
			if knowledge.BodyLimiters[name].Global {
				c.own.Global = true // a handler wrapper: every route it wraps
			} else if name == "net/http.MaxBytesReader" && len(reads) == 0 {
				// A middleware that wraps the body and reads nothing
				// itself limits every route it wraps. One that hands the
				// request to functions of the program (gokapi's
				// processNewChunk, for its upload routes) limits their
				// reads, not every route's.
				if callees := c.requestCallees(body); len(callees) > 0 {
					for _, fn := range callees {
						c.limitedFuncs[fn] = true
						c.own.Limited = append(c.own.Limited, analysisutil.FullName(fn))
					}
				} else {
					c.own.Global = true
				}
			}
		case knowledge.PoolOpens[name] && !c.dependency:
			if c.isSQLite(call, name) || closedOnReturn[call] || c.overExistingConn(call, name, body) {
				break // not a server's pool, or not the service's pool, or not opened here
			}
			open := c.site(call, CategoryPool, fmt.Sprintf("%s opens a database pool", analysisutil.Display(fn)))
			open.Alt = c.alternative(body, call)
			if obj != nil {
				open.Func = analysisutil.FullName(obj)
			}
			c.own.Opens = append(c.own.Opens, open)
		case knowledge.PoolSetters[name] != "":
			c.checkSetter(call, name, body)
		case isPGXOpen(name):
			c.checkPGXOpen(call, name)
		case isServerStart(name):
			if c.start == nil && !c.internalStart(call) {
				c.start = call
			}
		case knowledge.BeegoRuns[name]:
			if c.beegoRun == nil {
				c.beegoRun = call
			}
		}
	})
	if !c.dependency {
		for _, call := range reads {
			c.reads = append(c.reads, pendingRead{call, limited, obj})
		}
	}
}

// A pendingRead is a body read to check once every function is seen: a
// function of the package that a per-route limiter hands its request to
// reads a limited body.
type pendingRead struct {
	call    *ast.CallExpr
	limited []limitAt
	fn      *types.Func // the function that reads, or nil (a function literal)
}

// requestCallees returns the functions and methods of the program to which
// body (not its function literals) passes a request (*http.Request,
// *gin.Context or echo.Context) as an argument: a handler's own work,
// where the request goes on to its handler's reads. A middleware passes it
// on to the next handler through an interface or a function value
// (next.ServeHTTP(w, r), next(w, r), c.Next(), next(c)), which this does
// not count.
func (c *checker) requestCallees(body *ast.BlockStmt) []*types.Func {
	info := c.pass.TypesInfo
	mod := ""
	if c.pass.Module != nil {
		mod = c.pass.Module.Path
	}
	ownPackage := analysisutil.SameModule(mod)
	var callees []*types.Func
	eachCall(info, body, func(call *ast.CallExpr, fn *types.Func) {
		if fn == nil || fn.Pkg() == nil || isInterfaceMethod(fn) || !ownPackage(fn.Pkg()) {
			return // the next handler, or a library's own handling
		}
		for _, arg := range call.Args {
			if isHandlerRequest(info.TypeOf(arg)) {
				callees = append(callees, fn.Origin())
				break
			}
		}
	})
	return callees
}

// eachCall calls f with each call of body that is not inside one of its
// function literals (functions of their own), and the call's callee, or
// nil.
func eachCall(info *types.Info, body *ast.BlockStmt, f func(*ast.CallExpr, *types.Func)) {
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok {
			f(call, analysisutil.Callee(info, call))
		}
		return true
	})
}

// isHandlerRequest reports whether t is a request as handlers receive
// it: *http.Request, *gin.Context or echo.Context.
func isHandlerRequest(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	return isRequest(types.NewPointer(t)) || analysisutil.IsNamed(t, knowledge.Gin, "Context") || analysisutil.IsNamed(t, knowledge.Echo4, "Context")
}

// isInterfaceMethod reports whether fn is an interface's method (a call
// through it is dynamic: next.ServeHTTP).
func isInterfaceMethod(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Recv() != nil && types.IsInterface(sig.Recv().Type())
}

// wrapsItself reports whether rhs is a struct literal (or its address)
// one of whose fields is the body field lhs itself: a reader that wraps
// the body it replaces (&limitedReader{ReadCloser: r.Body, limit: n}).
func wrapsItself(lhs, rhs ast.Expr) bool {
	lit := analysisutil.CompositeLit(rhs)
	if lit == nil {
		return false
	}
	want := types.ExprString(lhs)
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			elt = kv.Value
		}
		if types.ExprString(ast.Unparen(elt)) == want {
			return true
		}
	}
	return false
}

// checksContentLength reports whether the function compares the
// ContentLength of one of the requests (named as in owners) whose body it
// wraps: the bound a limiter checks before wrapping.
func (c *checker) checksContentLength(body *ast.BlockStmt, owners []string) bool {
	if len(owners) == 0 {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok || found {
			return false
		}
		bin, ok := n.(*ast.BinaryExpr)
		if !ok {
			return true
		}
		switch bin.Op {
		case token.GTR, token.GEQ, token.LSS, token.LEQ:
		default:
			return true
		}
		for _, side := range []ast.Expr{bin.X, bin.Y} {
			sel, ok := ast.Unparen(side).(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "ContentLength" || !analysisutil.IsNamed(c.pass.TypesInfo.TypeOf(sel.X), knowledge.NetHTTP, "Request") {
				continue
			}
			if slices.Contains(owners, types.ExprString(sel.X)) {
				found = true
			}
		}
		return true
	})
	return found
}

// oneOffOpens returns the pool opens of a function whose pool the same
// function uses only through its own methods, closed or not (db, err :=
// sql.Open(...); defer db.Close(); db.Exec(...); semaphore's createDb,
// which opens a connection to CREATE DATABASE and drops it): a connection
// used for one task at start-up (CREATE DATABASE, a migration), not the
// pool that serves requests. A pool handed on (an argument, a field of a
// struct literal) is one only when it is closed on return and no server
// can start from there. A pool stored, returned or used
// in a function literal (a goroutine, a handler) is the service's, and so
// is one that main, or a function that starts a server, keeps open.
func (c *checker) oneOffOpens(body *ast.BlockStmt, isMain bool) map[*ast.CallExpr]bool {
	info := c.pass.TypesInfo
	deferred := map[types.Object]bool{}
	serves := isMain // main, or a function that starts a server: its pool lives as long as the program
	opens := map[types.Object][]*ast.CallExpr{}
	escapes := map[types.Object]bool{}
	passed := map[types.Object]bool{} // handed to a call as an argument
	args := map[*ast.Ident]bool{}
	reachesServer := false // a call of a function from which a server start is reachable
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.DeferStmt:
			if sel, ok := ast.Unparen(n.Call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Close" && len(n.Call.Args) == 0 {
				if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.Uses[id] != nil {
					deferred[info.Uses[id]] = true
				}
			}
			if lit, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit); ok && len(n.Call.Args) == 0 {
				// defer func() { _ = db.Close() }(): closed on return too
				// (homebox's reset-password command).
				c.deferredCloses(lit, deferred, escapes)
				return false
			}
		case *ast.FuncLit:
			// A function literal that uses the pool (a goroutine, a
			// handler) shares it beyond this one task.
			ast.Inspect(n.Body, func(m ast.Node) bool {
				if id, ok := m.(*ast.Ident); ok && info.Uses[id] != nil {
					escapes[info.Uses[id]] = true
				}
				return true
			})
			return false
		case *ast.SelectorExpr:
			if _, ok := ast.Unparen(n.X).(*ast.Ident); ok {
				return false // x.Method: a use through its own methods
			}
		case *ast.Ident:
			if obj := info.Uses[n]; obj != nil {
				if args[n] {
					passed[obj] = true
				} else {
					escapes[obj] = true // any other use: stored, returned, converted
				}
			}
		case *ast.CompositeLit:
			// A field of a struct literal (config.StoreConfig{DB: db}) is
			// handed on as an argument is (goalert's set-config command,
			// which closes its pool on return).
			for _, e := range n.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					e = kv.Value
				}
				if id, ok := ast.Unparen(e).(*ast.Ident); ok {
					args[id] = true
				}
			}
		case *ast.CallExpr:
			callee := analysisutil.Callee(info, n)
			if isServerStart(analysisutil.FullName(callee)) {
				serves = true
			}
			if c.reachesServer(callee) {
				reachesServer = true
			}
			for _, a := range n.Args {
				if id, ok := ast.Unparen(a).(*ast.Ident); ok {
					args[id] = true
				}
			}
		case *ast.AssignStmt:
			if len(n.Rhs) != 1 || len(n.Lhs) == 0 {
				return true
			}
			call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr)
			if !ok || !knowledge.PoolOpens[analysisutil.FullName(analysisutil.Callee(info, call))] {
				return true
			}
			if id, ok := n.Lhs[0].(*ast.Ident); ok {
				if obj := info.ObjectOf(id); obj != nil {
					opens[obj] = append(opens[obj], call)
					if obj.Pkg() != nil && obj.Parent() == obj.Pkg().Scope() {
						escapes[obj] = true // a package variable: every function's pool (fider's dbx.conn)
					}
				}
			}
			for _, rhs := range n.Rhs {
				ast.Inspect(rhs, func(m ast.Node) bool {
					if id, ok := m.(*ast.Ident); ok && info.Uses[id] != nil {
						escapes[info.Uses[id]] = true
					}
					return true
				})
			}
			return false // the left-hand side assigns, it does not use
		}
		return true
	})
	out := map[*ast.CallExpr]bool{}
	for obj, calls := range opens {
		oneOff := !escapes[obj] && (deferred[obj] || !serves)
		if passed[obj] {
			// Handed on (an ent or sqlx driver over it, a migration):
			// one-off only when it is closed on return and no server can
			// start from here, so that nothing it was handed to serves.
			oneOff = oneOff && deferred[obj] && !serves && !reachesServer
		}
		if oneOff {
			for _, call := range calls {
				out[call] = true
			}
		}
	}
	return out
}

// deferredCloses records the pools a deferred function literal closes
// (db.Close(), _ = db.Close(), if err := db.Close(); ...); any other use of
// a variable in it is an escape.
func (c *checker) deferredCloses(lit *ast.FuncLit, deferred, escapes map[types.Object]bool) {
	info := c.pass.TypesInfo
	ast.Inspect(lit.Body, func(m ast.Node) bool {
		if call, ok := m.(*ast.CallExpr); ok && len(call.Args) == 0 {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Close" {
				if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.Uses[id] != nil {
					deferred[info.Uses[id]] = true
					return false
				}
			}
		}
		if id, ok := m.(*ast.Ident); ok && info.Uses[id] != nil {
			escapes[info.Uses[id]] = true
		}
		return true
	})
}

// reachesServer reports whether a server may start from a call of fn: fn
// is a server start, a function of this package from which one is
// reachable through the package's own calls, or a function of a package
// that starts servers (its fact says so).
func (c *checker) reachesServer(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	if isServerStart(analysisutil.FullName(fn)) {
		return true
	}
	if fn.Pkg() != c.pass.Pkg {
		var f programFact
		return c.pass.ImportPackageFact(fn.Pkg(), &f) && f.Serves
	}
	return c.servingFuncs()[fn.Origin()]
}

// servingFuncs returns the functions of the package from which a server
// start is reachable through the package's own calls (computed once).
func (c *checker) servingFuncs() map[*types.Func]bool {
	if c.serving != nil {
		return c.serving
	}
	info := c.pass.TypesInfo
	calls := make(map[*types.Func][]*types.Func)
	c.serving = make(map[*types.Func]bool)
	var work []*types.Func
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, ok := info.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				callee := analysisutil.Callee(info, call)
				if callee == nil || callee.Pkg() == nil {
					return true
				}
				if callee.Pkg() == c.pass.Pkg {
					calls[callee.Origin()] = append(calls[callee.Origin()], fn)
				} else if c.reachesServer(callee) && !c.serving[fn] {
					c.serving[fn] = true
					work = append(work, fn)
				}
				return true
			})
		}
	}
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		for _, caller := range calls[fn] {
			if !c.serving[caller] {
				c.serving[caller] = true
				work = append(work, caller)
			}
		}
	}
	return c.serving
}

// isSQLite reports whether a pool open names a SQLite driver (a constant
// driver name, or GORM's SQLite dialector): the database is a file in the
// process, and the pool's size does not load a server.
func (c *checker) isSQLite(call *ast.CallExpr, name string) bool {
	i, ok := knowledge.PoolDriverArg[name]
	if !ok || i >= len(call.Args) {
		return false
	}
	arg := ast.Unparen(call.Args[i])
	if tv := c.pass.TypesInfo.Types[arg]; tv.Value != nil && tv.Value.Kind() == constant.String {
		return knowledge.IsSQLiteDriver(constant.StringVal(tv.Value))
	}
	if inner, ok := arg.(*ast.CallExpr); ok {
		if fn := analysisutil.Callee(c.pass.TypesInfo, inner); fn != nil && fn.Pkg() != nil && (knowledge.SQLiteDialectors[fn.Pkg().Path()] || c.sqliteConstructor(fn)) {
			return true
		}
	}
	if obj := nameObject(c.pass.TypesInfo, arg); obj != nil && c.sqliteNames()[obj] {
		return true
	}
	return c.onlySQLiteDrivers()
}

// onlySQLiteDrivers reports whether the only database/sql drivers the
// package can open are SQLite's: it imports, directly or through its
// imports, a SQLite driver package and no server database's driver
// (knowledge.ServerDriverPackages), and registers no other driver itself.
// A driver name read from the configuration then names a file in the
// process (pagoda's sql.Open(cfg.Database.Driver, ...) beside its one
// blank import of mattn/go-sqlite3, judged false when reported).
func (c *checker) onlySQLiteDrivers() bool {
	if c.sqliteOnly != 0 {
		return c.sqliteOnly == 2
	}
	c.sqliteOnly = 1
	if !knowledge.ImportsOnlySQLiteDrivers(c.pass.Pkg) {
		return false
	}
	insp := c.pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for n := range insp.PreorderSeq((*ast.CallExpr)(nil)) {
		call := n.(*ast.CallExpr)
		fn := analysisutil.Callee(c.pass.TypesInfo, call)
		if fn != nil && analysisutil.FullName(fn) == "database/sql.Register" && len(call.Args) == 2 && !sqliteDriverType(c.pass.TypesInfo.TypeOf(call.Args[1])) {
			return false // a driver of the program's own
		}
	}
	c.sqliteOnly = 2
	return true
}

// sqliteConstructor reports whether fn is a function of this package
// returning a gorm.Dialector whose every return is a SQLite dialector's
// (nezha's openSQLiteDialector(path), one file per build tag).
func (c *checker) sqliteConstructor(fn *types.Func) bool {
	if fn.Pkg() != c.pass.Pkg || !returnsDialector(fn) {
		return false
	}
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || c.pass.TypesInfo.Defs[fd.Name] != fn {
				continue
			}
			returns := 0
			sqlite := true
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if _, lit := n.(*ast.FuncLit); lit {
					return false
				}
				ret, ok := n.(*ast.ReturnStmt)
				if !ok || len(ret.Results) != 1 {
					return true
				}
				returns++
				call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr)
				if !ok {
					sqlite = false
					return true
				}
				callee := analysisutil.Callee(c.pass.TypesInfo, call)
				if callee == nil || callee.Pkg() == nil || !knowledge.SQLiteDialectors[callee.Pkg().Path()] {
					sqlite = false
				}
				return true
			})
			return sqlite && returns > 0
		}
	}
	return false
}

// overExistingConn reports whether a GORM open wraps a connection opened
// before it: every dialector it may be given (the argument, or each value
// the function assigns to the variable it names) is a driver's
// New(Config{Conn: db, ...}) or a SQLite dialector. No pool is opened
// here; the one passed in is reported where it is opened, if it is a
// database/sql pool (pocket-id hands GORM a pgxpool, bounded by pgx's
// MaxConns, through stdlib.OpenDBFromPool).
func (c *checker) overExistingConn(call *ast.CallExpr, name string, body *ast.BlockStmt) bool {
	i, ok := knowledge.PoolDriverArg[name]
	if !ok || i >= len(call.Args) || name != knowledge.GORM+".Open" {
		return false
	}
	arg := ast.Unparen(call.Args[i])
	values := []ast.Expr{arg}
	if obj := nameObject(c.pass.TypesInfo, arg); obj != nil {
		values = nil
		ast.Inspect(body, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
				for j, lhs := range as.Lhs {
					if nameObject(c.pass.TypesInfo, ast.Unparen(lhs)) == obj {
						values = append(values, ast.Unparen(as.Rhs[j]))
					}
				}
			}
			return true
		})
	}
	wraps := false
	for _, v := range values {
		inner, ok := v.(*ast.CallExpr)
		if !ok {
			return false
		}
		fn := analysisutil.Callee(c.pass.TypesInfo, inner)
		if fn == nil || fn.Pkg() == nil {
			return false
		}
		switch {
		case fn.Name() == "New" && returnsDialector(fn) && len(inner.Args) == 1 && setsConn(inner.Args[0]):
			wraps = true
		case knowledge.SQLiteDialectors[fn.Pkg().Path()]:
		default:
			return false
		}
	}
	return wraps
}

// returnsDialector reports whether fn returns a gorm.Dialector: a GORM
// driver's constructor, whichever package declares it.
func returnsDialector(fn *types.Func) bool {
	res := fn.Signature().Results()
	if res.Len() != 1 {
		return false
	}
	named, ok := res.At(0).Type().(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == knowledge.GORM && named.Obj().Name() == "Dialector"
}

// setsConn reports whether e is a composite literal (or its address)
// that sets a Conn field.
func setsConn(e ast.Expr) bool {
	lit := analysisutil.CompositeLit(e)
	return lit != nil && analysisutil.KeyedValue(lit, "Conn") != nil
}

// sqliteNames returns the variables this package registers a SQLite
// driver under: sql.Register(name, d) where d's type is declared in a
// package of knowledge.SQLiteDriverPackages (navidrome registers
// &sqlite3.SQLiteDriver{...} as Driver = Dialect + "_custom" and opens
// sql.Open(Driver, path)).
func (c *checker) sqliteNames() map[types.Object]bool {
	if c.sqlite != nil {
		return c.sqlite
	}
	c.sqlite = make(map[types.Object]bool)
	insp := c.pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for n := range insp.PreorderSeq((*ast.CallExpr)(nil)) {
		call := n.(*ast.CallExpr)
		fn := analysisutil.Callee(c.pass.TypesInfo, call)
		if fn == nil || analysisutil.FullName(fn) != "database/sql.Register" || len(call.Args) != 2 {
			continue
		}
		if !sqliteDriverType(c.pass.TypesInfo.TypeOf(call.Args[1])) {
			continue
		}
		if obj := nameObject(c.pass.TypesInfo, ast.Unparen(call.Args[0])); obj != nil {
			c.sqlite[obj] = true
		}
	}
	return c.sqlite
}

// nameObject returns the variable an identifier or a qualified identifier
// (pkg.Name) denotes, or nil.
func nameObject(info *types.Info, e ast.Expr) types.Object {
	var id *ast.Ident
	switch x := e.(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	default:
		return nil
	}
	if v, ok := info.ObjectOf(id).(*types.Var); ok && !v.IsField() {
		return v // a use, or the name a := declares
	}
	return nil
}

// sqliteDriverType reports whether t (or what it points to) is a named
// type of a SQLite driver package.
func sqliteDriverType(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Pkg() != nil && knowledge.SQLiteDriverPackages[named.Obj().Pkg().Path()]
}

type limitAt struct {
	owner string // the expression whose Body was wrapped: "r", "c.Request"
	pos   token.Pos
}

// checkRead records a read of a request body that no limit set before it
// in the function bounds.
func (c *checker) checkRead(call *ast.CallExpr, limited []limitAt, in *types.Func) {
	info := c.pass.TypesInfo
	fn := analysisutil.Callee(info, call)
	name := analysisutil.FullName(fn)
	var owner string // the request (or framework context) whose body is read
	var ownerExpr ast.Expr
	switch {
	case knowledge.UploadReads[name] || knowledge.FrameworkBodyReads[name]:
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return
		}
		owner, ownerExpr = types.ExprString(sel.X), sel.X
	default:
		i := knowledge.BodyReaders[name]
		if i >= len(call.Args) {
			return
		}
		arg := ast.Unparen(call.Args[i])
		if !isBodyField(info, arg) {
			return // not a request body, or already a limited reader
		}
		if i > 0 && isDiscard(info, call.Args[0]) {
			return // drained, not held: io.Copy(io.Discard, r.Body)
		}
		ownerExpr = arg.(*ast.SelectorExpr).X
		owner = types.ExprString(ownerExpr)
	}
	if !c.serves && !knowledge.UploadReads[name] && !knowledge.FrameworkBodyReads[name] {
		// A request read in a package that serves none is a request the
		// program builds to send (a signature over its body, a cache key):
		// not a client's body.
		return
	}
	if !c.pass.Reportable(call.Pos()) {
		// Generated code (grpc-gateway's handlers), a test file, or a
		// directive: the program that reports the read, in another
		// package, cannot tell.
		return
	}
	if c.setup {
		// A one-off setup wizard's handler (serverrole.Setup): it serves
		// the administrator who is installing the service, then gives way
		// to the service proper.
		return
	}
	if c.beegoRequest(call, name) {
		// beego's router bounds the body before this runs (MaxMemory,
		// MaxUploadSize); its configured size is checked at the config.
		return
	}
	for _, l := range limited {
		// r.Body limited bounds r's reads; c.Request.Body bounds c's.
		if l.pos < call.Pos() && (l.owner == owner || strings.HasPrefix(l.owner, owner+".")) {
			return
		}
	}
	p := c.pass.Plan
	category, size, key := CategoryBody, p.Limits.MaxBodySize, "max_body_size"
	if knowledge.UploadReads[name] {
		category, size, key = CategoryUpload, p.Limits.MaxUploadSize, "max_upload_size"
	}
	what := analysisutil.Display(fn)
	var msg string
	switch {
	case name == "(*net/http.Request).MultipartReader":
		// It streams the parts: what they fill is up to their reader.
		msg = fmt.Sprintf("%s streams an upload with no limit on its size, so one request can run as long and fill as much as its parts' reader lets it; wrap the body first, r.Body = http.MaxBytesReader(w, r.Body, %d) (the plan's %s is %v)", what, int64(size), key, size)
	case category == CategoryUpload:
		msg = fmt.Sprintf("%s parses an upload with no limit on its size: files beyond the memory bound go to disk, so one request can fill it; wrap the body first, r.Body = http.MaxBytesReader(w, r.Body, %d) (the plan's %s is %v)", what, int64(size), key, size)
	case strings.HasPrefix(name, "(*"+knowledge.Gin+"."):
		msg = fmt.Sprintf("%s reads the whole request body with no limit, so one request of any size is held in memory; limit it in a middleware, c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, %d) (the plan's %s is %v)", what, int64(size), key, size)
	case name == "io.Copy" || name == "io.CopyBuffer":
		msg = fmt.Sprintf("%s copies the request body with no limit, so one request of any size is held in memory or fills the disk it is written to; wrap it first, r.Body = http.MaxBytesReader(w, r.Body, %d) (the plan's %s is %v)", what, int64(size), key, size)
	case strings.HasPrefix(name, "("+knowledge.Echo4+"."):
		msg = fmt.Sprintf("%s reads the whole request body with no limit, so one request of any size is held in memory; add e.Use(middleware.BodyLimit(%q)) (the plan's %s is %v)", what, echoSize(size), key, size)
	default:
		msg = fmt.Sprintf("%s reads the request body whole with no limit, so one request of any size is held in memory; wrap it first, r.Body = http.MaxBytesReader(w, r.Body, %d) (the plan's %s is %v)", what, int64(size), key, size)
	}
	s := c.site(call, category, msg)
	if in != nil {
		s.Func = analysisutil.FullName(in)
	}
	if !knowledge.FrameworkBodyReads[name] {
		s.fix = c.bodyLimitFix(call, ownerExpr)
	}
	c.own.Reads = append(c.own.Reads, s)
}

// declaresHandler reports whether the package declares a function (or
// function literal) that serves a request: one taking an
// http.ResponseWriter, a *gin.Context, an echo.Context or a beego
// context. A package that declares none and reads an *http.Request's body
// reads a request it builds to send (navidrome's HTTP cache key, casdoor's
// Azure request signature): those reads are not reported.
func declaresHandler(pass *lint.Pass) bool {
	for _, f := range pass.Files {
		found := false
		ast.Inspect(f, func(n ast.Node) bool {
			if ft, ok := n.(*ast.FuncType); ok && serverrole.IsHandler(pass.TypesInfo, ft) {
				found = true
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// beegoRequest reports whether the request whose body a read reads is a
// beego context's Request (ctx.Request, c.Ctx.Request).
func (c *checker) beegoRequest(call *ast.CallExpr, name string) bool {
	var req ast.Expr
	if knowledge.UploadReads[name] || knowledge.FrameworkBodyReads[name] {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			req = sel.X
		}
	} else if i := knowledge.BodyReaders[name]; i < len(call.Args) {
		if body, ok := ast.Unparen(call.Args[i]).(*ast.SelectorExpr); ok {
			req = body.X
		}
	}
	sel, ok := ast.Unparen(req).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Request" {
		return false
	}
	t := c.pass.TypesInfo.TypeOf(sel.X)
	for _, pkg := range knowledge.BeegoContexts {
		if analysisutil.IsNamed(t, pkg, "Context") {
			return true
		}
	}
	return false
}

// checkBeegoConfig compares beego's body bounds (BConfig.MaxMemory and
// MaxUploadSize, set by assignment) with the plan.
func (c *checker) checkBeegoConfig(as *ast.AssignStmt) {
	for i, lhs := range as.Lhs {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok || i >= len(as.Rhs) || (sel.Sel.Name != "MaxMemory" && sel.Sel.Name != "MaxUploadSize") {
			continue
		}
		v, ok := c.pass.TypesInfo.ObjectOf(sel.Sel).(*types.Var)
		if !ok || !v.IsField() || v.Pkg() == nil || !slices.Contains(knowledge.BeegoConfigs, v.Pkg().Path()) {
			continue
		}
		c.beegoConfigured = true
		n, ok := c.constInt(as.Rhs[i])
		if !ok {
			continue
		}
		c.checkBeegoSize(as.Rhs[i], n, sel.Sel.Name == "MaxUploadSize", "beego's "+sel.Sel.Name+" of")
	}
}

// checkBeegoSize reports a beego body bound above the plan's size, when
// the plan file writes that size.
func (c *checker) checkBeegoSize(at ast.Node, n int64, upload bool, what string) {
	p := c.pass.Plan
	max, key := p.Limits.MaxBodySize, "max_body_size"
	if upload {
		max, key = p.Limits.MaxUploadSize, "max_upload_size"
	}
	if max <= 0 || plan.Size(n) <= max || !c.wrote("limits", key) {
		return
	}
	c.pass.Report(analysis.Diagnostic{Pos: at.Pos(), End: at.End(), Category: CategoryPlan,
		Message: fmt.Sprintf("%s %v bounds every request body beego serves above the plan's %s (%v); set it to at most %d", what, plan.Size(n), key, max, int64(max))})
}

// conclude exports the package's contribution, and where the program is
// seen whole (a main package, or one that starts a server) reports the
// program's unlimited reads and unbounded pools.
func (c *checker) conclude() {
	own := c.own
	if c.pass.Pkg.Name() != "main" && c.start == nil {
		// Not where the program is seen whole: pass the verdict's inputs on.
		if own.Global || own.SetsMaxOpen || own.SetsLifetime || len(own.Reads) > 0 || len(own.Opens) > 0 || len(own.Transports) > 0 || len(own.Limited) > 0 || len(own.AltOf) > 0 || len(own.Calls) > 0 {
			c.pass.ExportPackageFact(own)
		}
		return
	}
	global, maxOpen, lifetime := own.Global, own.SetsMaxOpen, own.SetsLifetime
	serves := c.start != nil
	reported := map[string]bool{}
	reads, opens, transports := slices.Clone(own.Reads), slices.Clone(own.Opens), slices.Clone(own.Transports)
	limitedFuncs := slices.Clone(own.Limited)
	calls, escapes, roots := slices.Clone(own.Calls), slices.Clone(own.Escapes), slices.Clone(own.Roots)
	altOf := maps.Clone(own.AltOf)
	for _, pf := range c.pass.AllPackageFacts() {
		f, ok := pf.Fact.(*programFact)
		if !ok || pf.Package == c.pass.Pkg {
			continue
		}
		global = global || f.Global
		serves = serves || f.Serves && !f.Dependency
		maxOpen = maxOpen || f.SetsMaxOpen
		lifetime = lifetime || f.SetsLifetime
		reads = append(reads, f.Reads...)
		limitedFuncs = append(limitedFuncs, f.Limited...)
		calls = append(calls, f.Calls...)
		escapes = append(escapes, f.Escapes...)
		roots = append(roots, f.Roots...)
		opens = append(opens, f.Opens...)
		transports = append(transports, f.Transports...)
		for k, v := range f.AltOf {
			if altOf == nil {
				altOf = make(map[string]string)
			}
			altOf[k] = v
		}
		for _, r := range f.Reported {
			reported[r] = true
		}
	}
	if c.start == nil {
		// A main whose server starts in another package: anchor the
		// program's findings at the call that starts it. A library that
		// starts servers serves this program only if it calls the library.
		c.start = c.servingCall()
		serves = serves || c.start != nil
	}
	if !serves {
		// A main package of a program that serves no requests (a command,
		// a job): bodies and pools are not its concern.
		return
	}
	var done []string
	if !global {
		var fresh []site
		for _, s := range reads {
			if s.Func != "" && slices.Contains(limitedFuncs, s.Func) {
				continue // a function a route's own limiter hands its bounded request to
			}
			if !reported[s.Posn] {
				fresh = append(fresh, s)
				done = append(done, s.Posn)
			}
		}
		for _, category := range []string{CategoryBody, CategoryUpload} {
			c.reportReads(fresh, category)
		}
	}
	if !maxOpen || !lifetime {
		// The message names what is missing and what that costs: wakapi
		// sets SetMaxOpenConns and no lifetime.
		var what string
		switch {
		case !maxOpen && !lifetime:
			what = " that the program never bounds (no SetMaxOpenConns and no SetConnMaxLifetime on any pool): under load it opens connections until the database refuses them and keeps each one forever; call db.SetMaxOpenConns(n) and db.SetConnMaxLifetime(d) after opening it"
		case !maxOpen:
			what = " that the program never bounds (no SetMaxOpenConns on any pool): under load it opens connections until the database refuses them; call db.SetMaxOpenConns(n) after opening it"
		default:
			what = " whose connections the program never retires (no SetConnMaxLifetime on any pool): it keeps each one forever, past the database's idle timeout, a failover or a DNS change; call db.SetConnMaxLifetime(d) after opening it"
		}
		pool := c.pass.Plan.Pool
		for i := range opens {
			if opens[i].Alt == "" {
				opens[i].Alt = altOf[opens[i].Posn]
			}
		}
		// In the order of their positions, whatever order the packages'
		// facts came in: the first of a switch's opens is the finding,
		// under go vet as in a whole run.
		slices.SortStableFunc(opens, func(a, b site) int { return comparePosn(a.Posn, b.Posn) })
		for i, s := range opens {
			if reported[s.Posn] {
				continue
			}
			s.Msg += what + fmt.Sprintf(" (the plan's pool allows %s)", poolBounds(pool))
			if others := alternatives(opens[i+1:], s, reported); len(others) > 0 {
				// alist opens MySQL or Postgres in one switch: one pool.
				if v, ok := strings.CutPrefix(s.Alt, "var "); ok {
					v, _, _ = strings.Cut(v, "#")
					s.Msg += "; " + v[strings.LastIndex(v, ".")+1:] + " is opened for the other drivers too (" + strings.Join(others, ", ") + "): one pool to bound"
				} else {
					s.Msg += "; the other cases of the switch open the other drivers' pools (" + strings.Join(others, ", ") + ")"
				}
				for _, o := range others {
					reported[o] = true
					done = append(done, o)
				}
			}
			reported[s.Posn] = true
			c.report(s)
			done = append(done, s.Posn)
		}
	}
	startup := newStartupOnly(calls, escapes, roots, c.pass.Pkg.Name() != "main")
	transports = slices.DeleteFunc(transports, func(s site) bool {
		// Built on every call of a function the program runs once, as
		// it starts: one handshake per process. Where the program is
		// not seen whole, its importers decide.
		return s.Func != "" && startup.only(s.Func)
	})
	done = append(done, c.reportTransports(transports, reported)...)
	for r := range reported {
		done = append(done, r)
	}
	if c.pass.Pkg.Name() == "main" {
		return // nothing imports a main package
	}
	slices.Sort(done)
	c.pass.ExportPackageFact(&programFact{Global: global, Serves: true, Dependency: c.dependency, SetsMaxOpen: maxOpen, SetsLifetime: lifetime, Reported: slices.Compact(done), Calls: own.Calls, Escapes: own.Escapes, Roots: own.Roots})
}

// passOnStartupCalls adds to the package's fact the calls, escapes and
// roots of the packages it imports: go vet hands a package the facts of
// the packages its export data refers to, not of every package below
// it, so each package carries what it saw on (a store's constructor's
// call of a probe, below a server package whose API names no store
// type, reaches main).
func (c *checker) passOnStartupCalls() {
	for _, pf := range c.pass.AllPackageFacts() {
		f, ok := pf.Fact.(*programFact)
		if !ok || pf.Package == c.pass.Pkg {
			continue
		}
		for _, e := range f.Calls {
			if !slices.Contains(c.own.Calls, e) {
				c.own.Calls = append(c.own.Calls, e)
			}
		}
		for _, n := range f.Escapes {
			if !slices.Contains(c.own.Escapes, n) {
				c.own.Escapes = append(c.own.Escapes, n)
			}
		}
		for _, n := range f.Roots {
			if !slices.Contains(c.own.Roots, n) {
				c.own.Roots = append(c.own.Roots, n)
			}
		}
	}
	slices.SortFunc(c.own.Calls, func(a, b callEdge) int {
		return cmp.Or(strings.Compare(a.From, b.From), strings.Compare(a.To, b.To), cmpBool(a.Loop, b.Loop))
	})
	slices.Sort(c.own.Escapes)
	slices.Sort(c.own.Roots)
}

// cmpBool orders false before true.
func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// transportCallers returns the functions that build a transport per
// call, of this package and of those it imports, and the functions
// those packages found calling them: what startupCalls follows.
func (c *checker) transportCallers() map[string]bool {
	targets := make(map[string]bool)
	for _, s := range c.own.Transports {
		if s.Func != "" {
			targets[s.Func] = true
		}
	}
	for _, pf := range c.pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*programFact); ok && pf.Package != c.pass.Pkg {
			for _, s := range f.Transports {
				if s.Func != "" {
					targets[s.Func] = true
				}
			}
			for _, e := range f.Calls {
				targets[e.From] = true
			}
		}
	}
	return targets
}

// alternative returns where an open is among the cases of the innermost
// switch statement of body around it ("switch posn#case posn"), or "".
func (c *checker) alternative(body *ast.BlockStmt, call *ast.CallExpr) string {
	alt := ""
	ast.Inspect(body, func(n ast.Node) bool {
		if alt != "" && n != nil && n.Pos() > call.End() {
			return false
		}
		var clauses []ast.Stmt
		switch sw := n.(type) {
		case *ast.FuncLit:
			return false // another function
		case *ast.SwitchStmt:
			clauses = sw.Body.List
		case *ast.TypeSwitchStmt:
			clauses = sw.Body.List
		default:
			return true
		}
		for _, cl := range clauses {
			if cl.Pos() <= call.Pos() && call.End() <= cl.End() {
				alt = posnOf(c.pass.Fset.Position(n.Pos())) + "#" + posnOf(c.pass.Fset.Position(cl.Pos()))
			}
		}
		return true
	})
	if alt == "" {
		alt = c.packageVarOpen(body, call)
	}
	return alt
}

// packageVarOpen returns "var path.name#posn" when an open's pool is
// assigned to a package-level variable: the opens of one variable, one
// per driver in functions of their own (opengist's setupPostgres and
// setupMySQL), are one pool to bound, as the cases of a switch are.
func (c *checker) packageVarOpen(body *ast.BlockStmt, call *ast.CallExpr) string {
	alt := ""
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || alt != "" || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != ast.Expr(call) || len(as.Lhs) == 0 {
			return alt == ""
		}
		id, ok := ast.Unparen(as.Lhs[0]).(*ast.Ident)
		if !ok {
			return false
		}
		if v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var); ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
			alt = "var " + v.Pkg().Path() + "." + v.Name() + "#" + posnOf(c.pass.Fset.Position(call.Pos()))
		}
		return false
	})
	return alt
}

// alternatives returns the positions of the opens, not yet reported, in
// other cases of the switch that s is in (or other opens of its package
// variable).
func alternatives(opens []site, s site, reported map[string]bool) []string {
	sw, clause, ok := strings.Cut(s.Alt, "#")
	if !ok {
		return nil
	}
	var out []string
	for _, o := range opens {
		osw, oclause, _ := strings.Cut(o.Alt, "#")
		if !reported[o.Posn] && osw == sw && oclause != clause {
			out = append(out, o.Posn)
		}
	}
	return out
}

// constructorAlternatives places the opens of the constructors this
// package calls in the cases of one switch, one constructor per case
// (athens' getIndex: case "mysql": mysql.New(...); case "postgres":
// postgres.New(...)): the configuration opens one of them, one pool to
// bound. An open already in a switch of its own keeps that place.
func (c *checker) constructorAlternatives() {
	byFunc := make(map[string][]string) // constructor → the Posn of its opens
	add := func(opens []site) {
		for _, o := range opens {
			if o.Func != "" && o.Alt == "" {
				byFunc[o.Func] = append(byFunc[o.Func], o.Posn)
			}
		}
	}
	add(c.own.Opens)
	for _, pf := range c.pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*programFact); ok && pf.Package != c.pass.Pkg {
			add(f.Opens)
		}
	}
	if len(byFunc) < 2 {
		return
	}
	insp := c.pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for cur := range insp.Root().Preorder((*ast.SwitchStmt)(nil), (*ast.TypeSwitchStmt)(nil)) {
		var body *ast.BlockStmt
		switch sw := cur.Node().(type) {
		case *ast.SwitchStmt:
			body = sw.Body
		case *ast.TypeSwitchStmt:
			body = sw.Body
		}
		for _, cl := range body.List {
			alt := posnOf(c.pass.Fset.Position(cur.Node().Pos())) + "#" + posnOf(c.pass.Fset.Position(cl.Pos()))
			ast.Inspect(cl, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit, *ast.SwitchStmt, *ast.TypeSwitchStmt:
					return false // another function, or a switch of its own
				case *ast.CallExpr:
					for _, posn := range byFunc[analysisutil.FullName(analysisutil.Callee(c.pass.TypesInfo, n))] {
						if c.own.AltOf == nil {
							c.own.AltOf = make(map[string]string)
						}
						c.own.AltOf[posn] = alt
					}
				}
				return true
			})
		}
	}
}

// servingCall returns the package's first call, in source order, of a
// function whose package starts a server (its fact says Serves), or nil.
func (c *checker) servingCall() ast.Node {
	insp := c.pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil)) {
		fn, ok := typeutil.Callee(c.pass.TypesInfo, cur.Node().(*ast.CallExpr)).(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg {
			continue
		}
		var f programFact
		if c.pass.ImportPackageFact(fn.Pkg(), &f) && f.Serves {
			return cur.Node()
		}
	}
	return nil
}

// maxSeparate is the number of unlimited reads of one kind a program may
// have before they are reported as one finding: beyond it the fix is one
// limit where the program serves (http.MaxBytesHandler, a middleware),
// not an edit per handler. Two JSON bodies already share that fix (answer's
// two gin binders, semaphore's three reads: each judged one cause); uploads
// are bounded per route (an import's size is not an avatar's), so a few of
// them stay separate.
var maxSeparate = map[string]int{CategoryBody: 1, CategoryUpload: 3}

// maxAtRead is the number of grouped reads still reported at a read (the
// first, with one fix that limits each): beyond it the finding is at the
// server start, where the one limit goes.
const maxAtRead = 3

// reportReads reports the program's unlimited reads of one category: each
// at its read, or, when there are more than maxSeparate, once: at the
// first read with the others related when there are a few and all are in
// this run's files, else at the server start with the reads related.
func (c *checker) reportReads(reads []site, category string) {
	var these []site
	for _, s := range reads {
		if s.Category == category {
			these = append(these, s)
		}
	}
	if len(these) <= maxSeparate[category] || c.perSite {
		c.reportEach(these)
		return
	}
	sortSites(these)
	if len(these) <= maxAtRead {
		const where = "in the program"
		if ds, ok := c.inPlace(these); ok {
			c.pass.Report(analysisutil.MergeFindings(c.pass.Fset, ds, where))
			return
		}
		if c.start != nil {
			// go vet: another package's read has no position here; the
			// finding is at the server start, naming the first read.
			first := these[0]
			c.pass.Report(analysis.Diagnostic{Pos: c.start.Pos(), Category: category,
				Message: fmt.Sprintf("%s; and %d more %s (related positions) (at %s)", first.Msg, len(these)-1, where, first.Posn)})
			return
		}
	}
	if c.start == nil {
		c.reportAtFirstRead(these)
		return
	}
	var related []analysis.RelatedInformation
	for _, s := range these {
		if s.Pos.IsValid() && c.samePlace(s.Pos, s.Posn) {
			related = append(related, analysis.RelatedInformation{Pos: s.Pos, Message: "read with no limit here"})
		}
	}
	p := c.pass.Plan
	what, size, key := "request bodies are read whole", p.Limits.MaxBodySize, "max_body_size"
	if category == CategoryUpload {
		what, size, key = "multipart uploads are parsed", p.Limits.MaxUploadSize, "max_upload_size"
	}
	c.pass.Report(analysis.Diagnostic{Pos: c.start.Pos(), Category: category, Related: analysisutil.BoundedRelated(c.pass.Fset, related),
		Message: fmt.Sprintf("%d %s with no limit in the program this serves (%s and others), so one request of any size is held in memory or on disk; bound them all where it serves: http.MaxBytesHandler(h, %d), or a middleware (gin: c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, n); echo: e.Use(middleware.BodyLimit(%q))) (the plan's %s is %v)",
			len(these), what, these[0].Posn, int64(size), echoSize(size), key, size)})
}

// reportEach reports reads one by one, but the reads of one function as
// one finding at the first (opengist's upload handler parses the form,
// then takes its file: one upload), the others related.
func (c *checker) reportEach(sites []site) {
	byFunc := make(map[string][]site)
	var order []string
	for i, s := range sites {
		key := s.Func
		if key == "" {
			key = fmt.Sprint("#", i) // no function known: its own finding
		}
		if _, ok := byFunc[key]; !ok {
			order = append(order, key)
		}
		byFunc[key] = append(byFunc[key], s)
	}
	for _, key := range order {
		group := byFunc[key]
		if len(group) > 1 && !c.perSite {
			sortSites(group)
			if ds, ok := c.inPlace(group); ok {
				c.pass.Report(analysisutil.MergeFindings(c.pass.Fset, ds, "in "+key[strings.LastIndex(key, "/")+1:]))
				continue
			}
		}
		for _, s := range group {
			c.report(s)
		}
	}
}

// reportAtFirstRead reports reads that have no server start to be
// reported at (the program's main does not type-check, so the call that
// starts it is not seen: navidrome without its build tags): one finding at
// the first read, with the others related. They are one program's, which
// this package sees through its imports.
func (c *checker) reportAtFirstRead(sites []site) {
	var ds []analysis.Diagnostic
	for _, s := range sites {
		if d, ok := c.atSite(s); ok {
			ds = append(ds, d)
		} // else: not in this run's files, and nothing to anchor it on
	}
	if len(ds) > 0 {
		c.pass.Report(analysisutil.MergeFindings(c.pass.Fset, ds, "in the program"))
	}
}

// sortSites sorts sites by their positions as every host names them
// (posnOf: the file's last two path elements, line, column), so that the
// first, where a group is reported, is the same under go vet.
func sortSites(sites []site) {
	key := func(s site) (string, int, int) {
		file, line, col := s.Posn, 0, 0
		if i := strings.LastIndex(file, ":"); i >= 0 {
			col, _ = strconv.Atoi(file[i+1:])
			file = file[:i]
		}
		if i := strings.LastIndex(file, ":"); i >= 0 {
			line, _ = strconv.Atoi(file[i+1:])
			file = file[:i]
		}
		return file, line, col
	}
	slices.SortStableFunc(sites, func(a, b site) int {
		fa, la, ca := key(a)
		fb, lb, cb := key(b)
		return cmp.Or(cmp.Compare(fa, fb), cmp.Compare(la, lb), cmp.Compare(ca, cb))
	})
}

// report reports a site at its position, or, in a host that analyses one
// package at a time (go vet), at the server start with its position named.
func (c *checker) report(s site) {
	if d, ok := c.atSite(s); ok {
		c.pass.Report(d)
		return
	}
	at := c.start
	if at == nil {
		return // a main package that starts no server: nothing to anchor on
	}
	c.pass.Report(analysis.Diagnostic{Pos: at.Pos(), Category: s.Category, Message: s.Msg + " (at " + s.Posn + ")"})
}

// atSite returns the finding of a site at its own position, when this
// run's files hold it.
func (c *checker) atSite(s site) (analysis.Diagnostic, bool) {
	if pos := s.Pos; pos.IsValid() && c.samePlace(pos, s.Posn) {
		return analysis.Diagnostic{Pos: pos, Category: s.Category, Message: s.Msg, SuggestedFixes: fixutil.Fix("Limit the request body to the plan's size", s.fix...)}, true
	}
	return analysis.Diagnostic{}, false
}

// inPlace returns the findings of sites at their own positions, in the
// sites' order, when this run's files hold every one.
func (c *checker) inPlace(sites []site) ([]analysis.Diagnostic, bool) {
	var ds []analysis.Diagnostic
	for _, s := range sites {
		d, ok := c.atSite(s)
		if !ok {
			return nil, false
		}
		ds = append(ds, d)
	}
	return ds, true
}

func (c *checker) samePlace(pos token.Pos, posn string) bool {
	p := c.pass.Fset.Position(pos)
	return p.IsValid() && posnOf(p) == posn
}

func (c *checker) site(n ast.Node, category, msg string) site {
	return site{Posn: posnOf(c.pass.Fset.Position(n.Pos())), Pos: n.Pos(), Category: category, Msg: msg}
}

// comparePosn orders two Posn by file, then line and column as numbers.
func comparePosn(a, b string) int {
	fa, la, ca := splitPosn(a)
	fb, lb, cb := splitPosn(b)
	return cmp.Or(strings.Compare(fa, fb), cmp.Compare(la, lb), cmp.Compare(ca, cb))
}

// splitPosn splits a Posn (file:line:col) into its parts.
func splitPosn(p string) (file string, line, col int) {
	i := strings.LastIndexByte(p, ':')
	if i < 0 {
		return p, 0, 0
	}
	col, _ = strconv.Atoi(p[i+1:])
	p = p[:i]
	j := strings.LastIndexByte(p, ':')
	if j < 0 {
		return p, 0, col
	}
	line, _ = strconv.Atoi(p[j+1:])
	return p[:j], line, col
}

// posnOf names a position by the file's last two path elements, its line
// and column: enough to tell sites apart, and the same in every host.
func posnOf(p token.Position) string {
	file := filepath.ToSlash(p.Filename)
	if i := strings.LastIndex(file, "/"); i >= 0 {
		if j := strings.LastIndex(file[:i], "/"); j >= 0 {
			file = file[j+1:]
		}
	}
	return fmt.Sprintf("%s:%d:%d", file, p.Line, p.Column)
}

// checkLimiter compares a constant body limit with the plan.
func (c *checker) checkLimiter(call *ast.CallExpr, name string, upload bool) {
	l := knowledge.BodyLimiters[name]
	if l.Size < 0 || l.Size >= len(call.Args) {
		return
	}
	var n int64
	var ok bool
	if l.String {
		n, ok = c.echoLimit(call.Args[l.Size])
	} else {
		n, ok = c.constInt(call.Args[l.Size])
	}
	if !ok {
		return
	}
	p := c.pass.Plan
	max, key := p.Limits.MaxBodySize, "max_body_size"
	if upload {
		max, key = p.Limits.MaxUploadSize, "max_upload_size"
	}
	if max > 0 && plan.Size(n) > max && c.wrote("limits", key) {
		c.pass.Report(analysis.Diagnostic{Pos: call.Args[l.Size].Pos(), End: call.Args[l.Size].End(), Category: CategoryPlan,
			Message: fmt.Sprintf("body limit of %v is above the plan's %s (%v); lower it to at most %d", plan.Size(n), key, max, int64(max))})
	}
}

// A limit set in the code above the plan is reported only against a
// number the team wrote in its perfplan.yaml: with the embedded default
// plan, or a plan file that does not write the key, a deliberate
// per-endpoint limit (a 500MB CSV import, a 256MB gateway for uploads) is
// the team's decision, not a defect (on 17 services, both such findings
// against the default were judged false).

// wrote reports whether the package's plan file writes the key (section
// "limits" or "pool", key "max_body_size"), see plan.Wrote.
func (c *checker) wrote(section, key string) bool {
	p := c.pass.Plan
	switch section + "." + key {
	case "limits.max_body_size":
		return plan.Wrote(p, func(p *plan.Plan) plan.Size { return p.Limits.MaxBodySize })
	case "limits.max_upload_size":
		return plan.Wrote(p, func(p *plan.Plan) plan.Size { return p.Limits.MaxUploadSize })
	case "pool.max_open":
		return plan.Wrote(p, func(p *plan.Plan) int { return p.Pool.MaxOpen })
	case "pool.max_idle":
		return plan.Wrote(p, func(p *plan.Plan) int { return p.Pool.MaxIdle })
	case "pool.conn_max_lifetime":
		return plan.Wrote(p, func(p *plan.Plan) time.Duration { return p.Pool.ConnMaxLifetime })
	case "pool.conn_max_idle_time":
		return plan.Wrote(p, func(p *plan.Plan) time.Duration { return p.Pool.ConnMaxIdleTime })
	}
	return false
}

// checkSetter records a pool setting and compares a constant with the plan.
func (c *checker) checkSetter(call *ast.CallExpr, name string, body ast.Node) {
	key := knowledge.PoolSetters[name]
	switch key {
	case "max_open":
		c.own.SetsMaxOpen = true
	case "conn_max_lifetime":
		c.own.SetsLifetime = true
	}
	if len(call.Args) != 1 || c.setOnSQLite(call, body) {
		return
	}
	method := name[strings.LastIndex(name, ".")+1:]
	pool := c.pass.Plan.Pool
	arg := call.Args[0]
	report := func(format string, args ...any) {
		c.pass.Report(analysis.Diagnostic{Pos: arg.Pos(), End: arg.End(), Category: CategoryPlan, Message: fmt.Sprintf(format, args...)})
	}
	switch key {
	case "max_open", "max_idle":
		n, ok := c.constInt(arg)
		limit := pool.MaxOpen
		if key == "max_idle" {
			limit = pool.MaxIdle
		}
		switch {
		case !ok || limit == 0:
		case n <= 0 && key == "max_open":
			report("%s(%d) leaves the pool's open connections unlimited; set at most %d (the plan's pool.max_open)", method, n, limit)
		case n > int64(limit) && c.wrote("pool", key):
			report("%s(%d) is above the plan's pool.%s (%d)", method, n, key, limit)
		}
	case "conn_max_lifetime", "conn_max_idle_time":
		d, ok := c.constInt(arg)
		limit := pool.ConnMaxLifetime
		if key == "conn_max_idle_time" {
			limit = pool.ConnMaxIdleTime
		}
		switch {
		case !ok || limit == 0:
		case d <= 0:
			report("%s(%v) keeps connections forever, across database failovers and DNS changes; set at most %v (the plan's pool.%s)", method, time.Duration(d), limit, key)
		case time.Duration(d) > limit && c.wrote("pool", key):
			report("%s(%v) is above the plan's pool.%s (%v)", method, time.Duration(d), key, limit)
		}
	}
}

// setOnSQLite reports whether a pool setter's receiver was opened, in
// the same function, as a SQLite database (isSQLite): a file in the
// process, with no server whose limits or failovers the plan's pool
// settings are for (autobrr's SQLite pool, SetMaxOpenConns(1) and
// SetConnMaxLifetime(0): judged false when reported).
func (c *checker) setOnSQLite(call *ast.CallExpr, body ast.Node) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || body == nil {
		return false
	}
	info := c.pass.TypesInfo
	pool := poolObject(info, sel.X)
	if pool == nil {
		return false
	}
	sqlite := false
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || sqlite {
			return !sqlite
		}
		open, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok {
			return true
		}
		fn := analysisutil.Callee(info, open)
		if fn == nil || !knowledge.PoolOpens[analysisutil.FullName(fn)] || len(as.Lhs) == 0 || poolObject(info, as.Lhs[0]) != pool {
			return true
		}
		sqlite = c.isSQLite(open, analysisutil.FullName(fn))
		return !sqlite
	})
	return sqlite
}

// poolObject returns the variable or field that an expression holding a
// pool names (db, s.db, db.Handler).
func poolObject(info *types.Info, e ast.Expr) types.Object {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.ObjectOf(x)
	case *ast.SelectorExpr:
		if s := info.Selections[x]; s != nil && s.Kind() == types.FieldVal {
			return s.Obj()
		}
		return info.ObjectOf(x.Sel)
	}
	return nil
}

var poolMaxConns = regexp.MustCompile(`pool_max_conns=(\d+)`)

// checkPGXOpen compares a pool_max_conns in a constant connection string
// with the plan.
func (c *checker) checkPGXOpen(call *ast.CallExpr, name string) {
	i := knowledge.PGXPoolOpens[name]
	if i < 0 || i >= len(call.Args) {
		return
	}
	tv := c.pass.TypesInfo.Types[call.Args[i]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return
	}
	m := poolMaxConns.FindStringSubmatch(constant.StringVal(tv.Value))
	if m == nil {
		return
	}
	n, err := strconv.Atoi(m[1])
	if limit := c.pass.Plan.Pool.MaxOpen; err == nil && limit > 0 && n > limit && c.wrote("pool", "max_open") {
		c.pass.Report(analysis.Diagnostic{Pos: call.Args[i].Pos(), End: call.Args[i].End(), Category: CategoryPlan,
			Message: fmt.Sprintf("pool_max_conns=%d is above the plan's pool.max_open (%d)", n, limit)})
	}
}

// checkLiteral compares go-redis's PoolSize with the plan.
func (c *checker) checkLiteral(lit *ast.CompositeLit) {
	t := c.pass.TypesInfo.TypeOf(lit)
	if t == nil || !analysisutil.IsNamed(t, knowledge.Redis9, "Options") && !analysisutil.IsNamed(t, knowledge.Redis8, "Options") {
		return
	}
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if id, isID := kv.Key.(*ast.Ident); !ok || !isID || id.Name != "PoolSize" {
			continue
		}
		c.checkPoolSize(kv.Value, "redis.Options PoolSize")
	}
}

// checkFieldAssign compares pgxpool.Config's MaxConns and go-redis's
// PoolSize set by assignment with the plan.
func (c *checker) checkFieldAssign(as *ast.AssignStmt) {
	for i, lhs := range as.Lhs {
		sel, ok := lhs.(*ast.SelectorExpr)
		if !ok || i >= len(as.Rhs) {
			continue
		}
		v, ok := c.pass.TypesInfo.ObjectOf(sel.Sel).(*types.Var)
		if !ok || !v.IsField() || v.Pkg() == nil {
			continue
		}
		switch {
		case v.Name() == "MaxConns" && (v.Pkg().Path() == knowledge.PGX5Pool || v.Pkg().Path() == knowledge.PGX4Pool):
			c.checkPoolSize(as.Rhs[i], "pgxpool.Config MaxConns")
		case v.Name() == "PoolSize" && (v.Pkg().Path() == knowledge.Redis9 || v.Pkg().Path() == knowledge.Redis8):
			c.checkPoolSize(as.Rhs[i], "redis.Options PoolSize")
		}
	}
}

func (c *checker) checkPoolSize(e ast.Expr, what string) {
	n, ok := c.constInt(e)
	if limit := c.pass.Plan.Pool.MaxOpen; ok && limit > 0 && n > int64(limit) && c.wrote("pool", "max_open") {
		c.pass.Report(analysis.Diagnostic{Pos: e.Pos(), End: e.End(), Category: CategoryPlan,
			Message: fmt.Sprintf("%s of %d is above the plan's pool.max_open (%d)", what, n, limit)})
	}
}

func (c *checker) constInt(e ast.Expr) (int64, bool) {
	tv := c.pass.TypesInfo.Types[e]
	if tv.Value == nil {
		return 0, false
	}
	return constant.Int64Val(constant.ToInt(tv.Value))
}

// echoLimit parses echo's BodyLimit size ("2M", "512K", "1G"; echo's units
// are powers of 1024).
func (c *checker) echoLimit(e ast.Expr) (int64, bool) {
	tv := c.pass.TypesInfo.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return 0, false
	}
	s := strings.ToUpper(strings.TrimSpace(constant.StringVal(tv.Value)))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		n      int64
	}{{"B", 1}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"T", 1 << 40}, {"P", 1 << 50}} {
		if rest, ok := strings.CutSuffix(s, u.suffix); ok && rest != "" {
			s, mult = rest, u.n
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0, false
	}
	return n * mult, true
}

// echoSize writes a size the way echo's BodyLimit reads it.
func echoSize(s plan.Size) string {
	switch {
	case s > 0 && s%(1<<30) == 0:
		return fmt.Sprintf("%dG", s>>30)
	case s > 0 && s%(1<<20) == 0:
		return fmt.Sprintf("%dM", s>>20)
	case s > 0 && s%(1<<10) == 0:
		return fmt.Sprintf("%dK", s>>10)
	}
	return fmt.Sprintf("%dB", int64(s))
}

func poolBounds(p plan.Pool) string {
	var parts []string
	if p.MaxOpen > 0 {
		parts = append(parts, fmt.Sprintf("at most %d open connections", p.MaxOpen))
	}
	if p.ConnMaxLifetime > 0 {
		parts = append(parts, fmt.Sprintf("a lifetime of at most %v", p.ConnMaxLifetime))
	}
	if len(parts) == 0 {
		return "any bound"
	}
	return strings.Join(parts, " and ")
}

// isDiscard reports whether e is io.Discard (or io/ioutil's).
func isDiscard(info *types.Info, e ast.Expr) bool {
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		id = x.Sel
	case *ast.Ident:
		id = x
	default:
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && v.Pkg() != nil && (v.Pkg().Path() == "io" || v.Pkg().Path() == "io/ioutil") && v.Name() == "Discard"
}

// isBodyField reports whether e is the Body field of an *http.Request.
func isBodyField(info *types.Info, e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Body" {
		return false
	}
	return analysisutil.IsNamed(info.TypeOf(sel.X), knowledge.NetHTTP, "Request")
}

// isLimiter reports whether e is a call that limits a reader.
func isLimiter(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	name := analysisutil.FullName(analysisutil.Callee(info, call))
	return name == "net/http.MaxBytesReader" || name == "io.LimitReader"
}

// isLibrary reports whether a package belongs to the standard library or
// to a library the knowledge tables describe (gin, echo, chi, sqlx, ...).
func isLibrary(path string) bool {
	if knowledge.IsDescribed(path) || analysisutil.IsStdPath(path) {
		return true
	}
	for _, p := range []string{knowledge.Gin, knowledge.Echo4, knowledge.Chi5, knowledge.SQLX, knowledge.GORM, knowledge.PGX5, knowledge.PGX4, knowledge.Redis9, knowledge.Redis8} {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

func isPGXOpen(name string) bool {
	_, ok := knowledge.PGXPoolOpens[name]
	return ok
}

func isServerStart(name string) bool {
	_, ok := knowledge.ServerStarts[name]
	return ok
}
