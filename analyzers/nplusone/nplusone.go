package nplusone

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/internal/lint"
	wp "github.com/perfvet/perfvet/analyzers/internal/reach"
	"github.com/perfvet/perfvet/analyzers/internal/ssabuild"
	"github.com/perfvet/perfvet/analyzers/plan"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name.
const Name = "nplusone"

// Categories of findings.
const (
	CategoryRead  = "read"  // a query or cache read once per element
	CategoryWrite = "write" // a write, delete or transaction once per element
)

// Config configures an nplusone analyzer.
type Config struct {
	// Plans gives the plan of each package.
	Plans plan.Provider
	// Tests reports findings in test code too (flag -tests).
	Tests bool
	// Writes reports writes in loops too (flag -writes); reads are always
	// reported.
	Writes bool
	// Libraries checks the code of the database and cache libraries the
	// knowledge tables describe (flag -libraries), for their maintainers.
	// Otherwise they are known by their entry points and not analysed.
	Libraries bool
	// WholeProgram says the driver analyses the whole program in one
	// process (perfvet, perfvet lsp, golangci-lint), so that a package
	// can report a finding in a dependency's file: the loops of exported
	// functions of internal packages that their own package does not use
	// are then held back for the packages that use them to decide (jobs
	// of other packages; see doc.go). Leave it false under drivers that
	// analyse each package in its own process (go vet -vettool, nogo):
	// findings are then reported where they are.
	WholeProgram bool
	// Imported, if set, reports whether the run analyses a package that
	// imports the package at a path. Under WholeProgram, a package that
	// no package of the run imports reports its findings in place: no
	// user is there to decide on them. Nil: assume one is.
	Imported func(pkgPath string) bool
	// Background reports loops that are not per-element work on a
	// request too (flag -background): loops over a timer's ticks, job
	// queues, retries and polls, migrations and command-line commands.
	Background bool
	// Each reports every round trip of a loop, and every loop that calls
	// a helper, one by one (flag -each), instead of one finding per loop
	// and one per helper called from many loops.
	Each bool
	// Memo reports lookups behind a memo keyed by a field of the element
	// too (flag -memo); those keyed by the element itself are always
	// reported, "on a cold memo".
	Memo bool
	// AnyCollection reports loops over any collection (flag
	// -anycollection), not only those over a list: a page of rows, a
	// list handed to an exported function (source.go).
	// Request input is reported only with it.
	AnyCollection bool
	// Unpaged reports loops over every row a read selects with no page
	// (flag -unpaged): the children of one parent, a whole table. By
	// default only loops over a page, or over a list handed to an
	// exported function, are reported (paged.go).
	Unpaged bool
	// API reports calls of HTTP API clients in loops too (flag -api):
	// methods of SDKs that return the SDK's response type, a struct
	// that embeds *http.Response (go-github, GitLab's client-go, the
	// Gitea and Forgejo SDKs).
	API bool
}

// DefaultConfig discovers each package's perfplan.yaml and reports reads
// and writes.
func DefaultConfig() Config { return Config{Plans: plan.NewFinder("")} }

// Analyzer is the nplusone analyzer with the default configuration.
var Analyzer = New(DefaultConfig())

// options are an instance's settings, bound to its flags.
type options struct {
	lint       lint.Options
	writes     bool
	libraries  bool
	background bool
	// wholeProgram: see Config.WholeProgram.
	wholeProgram bool
	imported     func(string) bool
	each         bool
	memo         bool
	anyColl      bool
	unpaged      bool
	api          bool
	// observe, set by tests only, sees every call checked in a loop: what
	// it may do, and whether it was reported.
	observe func(call *ast.CallExpr, p pair, reported bool)
}

// New returns an nplusone analyzer.
func New(cfg Config) *analysis.Analyzer { return newAnalyzer(cfg, nil) }

func newAnalyzer(cfg Config, observe func(*ast.CallExpr, pair, bool)) *analysis.Analyzer {
	opts := &options{lint: lint.Options{Plans: cfg.Plans, Tests: cfg.Tests}, writes: cfg.Writes, libraries: cfg.Libraries, background: cfg.Background, wholeProgram: cfg.WholeProgram, imported: cfg.Imported, each: cfg.Each, memo: cfg.Memo, anyColl: cfg.AnyCollection, unpaged: cfg.Unpaged, api: cfg.API, observe: observe}
	a := &analysis.Analyzer{
		Name:             Name,
		Doc:              analysisutil.MustExtractDoc(doc, Name),
		URL:              "https://github.com/perfvet/perfvet/blob/main/analyzers/nplusone/doc.go",
		Requires:         []*analysis.Analyzer{ssabuild.Analyzer},
		FactTypes:        []analysis.Fact{new(queryFact), new(implsFact), new(pendingFact), new(resolvedFact), new(schedFact), new(jobPendingFact), new(jobUsesFact), new(listPendingFact), new(listUsesFact), new(loadsFact), new(lazyFact), new(convertsFact), new(noPageFact)},
		RunDespiteErrors: true,
	}
	a.Run = lint.Wrap(Name, &opts.lint, func(pass *lint.Pass) (any, error) { return run(pass, opts) })
	opts.lint.BindFlags(&a.Flags)
	a.Flags.BoolVar(&opts.writes, "writes", cfg.Writes, "report writes, deletes and transactions in loops too (category write)")
	a.Flags.BoolVar(&opts.background, "background", cfg.Background, "also report loops that are not per-element work on a request: timer ticks, job queues, retries and polls, migrations, command-line commands")
	a.Flags.BoolVar(&opts.each, "each", cfg.Each, "report every round trip of a loop and every loop that calls a helper, instead of one finding per loop and one per helper called from many loops")
	a.Flags.BoolVar(&opts.memo, "memo", cfg.Memo, "also report lookups behind a memo whose key is a field of the element (once per distinct value), not only those keyed by the element itself")
	a.Flags.BoolVar(&opts.anyColl, "anycollection", cfg.AnyCollection, "also report loops over collections not traced to a list: children of one entity, configuration, lists built in memory, lists a request carries (by default only loops over a page of rows or a list handed to an exported function are)")
	a.Flags.BoolVar(&opts.unpaged, "unpaged", cfg.Unpaged, "also report loops over every row a read selects with no page: the children of one parent (the permissions of one role), a whole table (by default only loops over a page of rows, or over a list handed to an exported function, are)")
	a.Flags.BoolVar(&opts.api, "api", cfg.API, "also report HTTP API client calls in loops: methods of SDKs whose result embeds *http.Response (go-github, GitLab's client-go, the Gitea and Forgejo SDKs); by default only database and cache round trips and the plan's queries are")
	a.Flags.BoolVar(&opts.libraries, "libraries", cfg.Libraries, "also check the code of the database and cache libraries perfvet knows (for their maintainers)")
	return a
}

func run(pass *lint.Pass, opts *options) (any, error) {
	if pass.Pkg == nil || analysisutil.IsStdPath(pass.Pkg.Path()) {
		// The standard library gets no facts (per-package drivers skip
		// it), and its only round trips are database/sql's entry points.
		return nil, nil
	}
	library := knowledge.IsDescribed(pass.Pkg.Path())
	if library && !opts.libraries {
		// A library the tables describe is known by its entry points;
		// analysing its internals for every program that uses it would
		// cost much and tell the program nothing.
		return nil, nil
	}
	c := &checker{
		pass:    pass,
		observe: opts.observe,
		// A described library's own loops are checked only on request,
		// and its facts are never exported.
		library:    library,
		writes:     opts.writes,
		background: opts.background,
		// With no package of the run importing this one, no user would
		// decide on what it holds back.
		wholeProgram:  opts.wholeProgram && (opts.imported == nil || opts.imported(pass.Pkg.Path())),
		each:          opts.each,
		memo:          opts.memo,
		anyCollection: opts.anyColl,
		unpaged:       opts.unpaged,
		api:           opts.api,
		summaries:     make(map[*ssa.Function]*queryFact),
		paramCalls:    make(map[*types.Func]paramCalls),
		callExprs:     make(map[token.Pos]*ast.CallExpr),
		implCache:     make(map[implKey]pair),
	}
	c.scanAllParams()
	c.scanSchedulers()
	c.exportNoPage()
	if !c.relevant() && !c.callsOpenInterface() {
		// No round trip can be made here; callers may still hand this
		// package's functions a function that makes one.
		c.exportParamFacts()
		c.resolveLists()
		c.resolveJobs()
		return nil, nil
	}
	c.walk()
	if res, ok := pass.ResultOf[ssabuild.Analyzer].(*ssabuild.Result); ok && res != nil {
		if _, funcs := res.SSA(); funcs != nil {
			c.ssa = res
			c.ix = flow.NewIndex(funcs)
			c.computeSummaries(funcs)
		}
	}
	if c.ssa == nil {
		c.exportParamFacts()
	}
	c.deferJobEntries(c.report)
	c.exportLoads()
	c.resolvePending()
	c.resolveLists()
	c.resolveJobs()
	return nil, nil
}

// A checker holds the state of one pass.
type checker struct {
	pass     *lint.Pass
	library  bool // a library the knowledge tables describe: no facts exported
	writes   bool
	observe  func(call *ast.CallExpr, p pair, reported bool)
	ssa      *ssabuild.Result // nil when the package does not type-check
	converts map[string]bool  // the other modules' types this package converts to interfaces (localConverts)
	ix       *flow.Index

	summaries  map[*ssa.Function]*queryFact // every function of the package, literals included
	paramCalls map[*types.Func]paramCalls   // the function parameters each declared function calls
	callExprs  map[token.Pos]*ast.CallExpr  // by Lparen
	sites      []site                       // calls inside loops, to check

	implCache map[implKey]pair
	cands     map[string][]types.Type // candidate implementations, by method name
	imported  map[string]*types.Package

	pending []Pending              // calls in loops that wait for implementations this package cannot see
	files   map[string]*token.File // the file set's files by name, for pending findings

	varInit map[types.Object]ast.Expr
	mutated map[types.Object]bool

	memo         bool // report memoised lookups keyed by a field too (flag -memo)
	decls        map[*types.Func]*ast.FuncDecl
	each         bool                          // one finding per round trip (flag -each)
	background   bool                          // report loops that are not request work too (flag -background)
	wholeProgram bool                          // hold back job entries' findings for their users (Config.WholeProgram)
	offLits      map[*ast.FuncLit]string       // function literals that are migrations or commands
	offFuncs     map[*types.Func]string        // declared functions that are
	pkgOffpath   string                        // the package holds migrations
	schedParams  map[*types.Func][]int         // the function parameters each function of the package hands to a job scheduler
	schedMethods map[*types.Func][]string      // the methods a job queue's worker calls on the interface values those parameters hold
	jobDecls     map[*types.Func]*ast.FuncDecl // exported functions whose loops their users judge (jobentry.go)
	jobHeld      map[string][]wp.Found         // findings held for their function's users, by function
	jobConverted map[*types.Func]bool          // job entries held as methods of the module's interfaces (jobentry.go)
	jobHolds     map[token.Pos][]string        // findings outside entries' bodies held for entries, by call (jobowned.go)
	owners       map[*types.Func]map[*types.Func]bool
	litCalls     map[*ast.FuncLit]*ast.CallExpr // the call each literal is an argument of (calledInPlace)
	invoked      *[]string                      // interface methods the package invokes (jobowned.go)
	excluding    bool                           // sources leave out the calls that run only for job entries other than allowed (jobowned.go)
	allowed      *types.Func                    // see excluding
	listHeld     map[string]*heldList           // findings held for the callers of exported functions, by listKey (handedin.go)
	listUnseen   map[*types.Func]bool           // whether exported functions may be called unseen, once asked (handedin.go)
	listValues   map[*types.Func]bool           // functions used as values (handedin.go)
	listForeign  *[]*types.Interface            // interfaces of other modules the package deals in (handedin.go)
	listCalls    *callScan                      // the package's calls, in one walk (handedin.go)
	refSink      *[]listRef                     // where the parameters a collection's source goes through are collected

	anyCollection bool // report loops over any collection (flag -anycollection)
	unpaged       bool // report loops over the rows of reads with no page (flag -unpaged)
	api           bool // HTTP API clients' calls are round trips (flag -api)
	uses          map[*ast.FuncDecl]map[*types.Var][]varUse
	callers       map[*types.Func][]callerSite
	loads         map[*types.Func]loaded   // what each function's lazy loaders did to the elements it returns (loaded.go)
	lazies        map[*types.Func]lazyInfo // whether each method is a lazy loader (loaded.go)
}

// paramCalls are the function parameters a function calls, those it
// calls once per element of a collection, and those it calls only on a
// miss of a cache's loader (cached.go).
type paramCalls struct {
	calls, loops, misses []int
}

// relevant reports whether the package can make a round trip: it imports
// a database or cache library, or a package of a function the plan
// declares as a query, directly or not; or its facts may matter to
// callers (it calls function parameters).
func (c *checker) relevant() bool {
	paths := append([]string(nil), knowledge.RoundTripPackages...)
	for _, q := range c.pass.Plan.Queries {
		p := knowledge.PatternPackage(q)
		if p == "" {
			return true
		}
		paths = append(paths, p)
	}
	if c.api {
		paths = append(paths, knowledge.NetHTTP) // an API client's package uses net/http
	}
	return analysisutil.ImportsAny(c.pass.Pkg, paths...)
}

// exportParamFacts exports what the syntax says of the function
// parameters exported functions call, when no summaries are computed.
func (c *checker) exportParamFacts() {
	if c.library {
		return
	}
	for obj, pc := range c.paramCalls {
		if obj.Exported() && obj.Pkg() == c.pass.Pkg && (len(pc.calls) > 0 || len(pc.loops) > 0) {
			c.pass.ExportObjectFact(obj, &queryFact{Calls: pc.calls, Loops: pc.loops, Misses: pc.misses})
		}
	}
}

// A site is a call inside a sized loop, to be checked once the
// summaries are known.
type site struct {
	call      *ast.CallExpr
	loop      *loop
	outer     []*loop // the loops over data around loop, innermost first
	goroutine bool    // the call runs in a goroutine started per element
	exits     bool    // an unconditional return or break follows it in the loop
	// offpath says why the call is not request work: it is in a migration
	// or a command, or it is retried until it succeeds.
	offpath string
	memo    memoUse // the round trip sits behind a memo
	// arg, for a function that calls its function argument per element
	// (slices.SortFunc(xs, byOwner)), is the index of that argument; -1
	// for an ordinary call.
	arg int
}

// report checks every site and reports the round trips made per element.
func (c *checker) report() {
	var found []finding
	var observed []observation
	var deferred []site
	pairs := make([]pair, len(c.sites))
	dispatches := make([]bool, len(c.sites))
	for i, s := range c.sites {
		if c.observe == nil && (!s.loop.sized || s.loop.chunk || s.exits) {
			continue
		}
		pairs[i], dispatches[i] = c.siteReach(s)
	}
	writeLoops := c.writeLoops(pairs)
	for i, s := range c.sites {
		if c.observe == nil && (!s.loop.sized || s.loop.chunk || s.exits) {
			continue
		}
		p, dispatch := pairs[i], dispatches[i]
		r, category := p.read, CategoryRead
		if r == nil && c.writes {
			r, category = p.write, CategoryWrite
		}
		// A loop that writes to the database once per element is a bulk
		// write (an import, a copy, a sync): its reads come with its
		// writes and are reported with them, under -writes.
		inWriteLoop := !c.writes && writeLoops[s.loop]
		report := r != nil && !dispatch && !inWriteLoop && s.loop.sized && !s.loop.chunk && !s.exits && !c.runsEachStatement(s, r) && (c.background || c.offpathOf(s) == "") && !c.perGroup(s)
		if report {
			s.memo = c.memoOf(s)
			if !s.memo.memo && r.Cached {
				s.memo = c.argsMemo(s) // a cache-aside read (cached.go)
			}
			report = !s.memo.memo || s.memo.distinct || c.memo
		}
		if report && !c.memo && c.preloaded(s) {
			report = false // a lookup in a map preloaded before the loop, a query only for misses
		}
		if report && c.loadedAlready(s) {
			report = false // a lazy loader on elements its producer already loaded
		}
		if report {
			// The N+1 is over a list: the loop's own, or the one around
			// a loop over the children of one of its elements.
			if l := c.listLoop(s); l != nil && (c.writes || !writeLoops[l]) {
				s.loop = l
			} else {
				report = false
			}
		}
		if report {
			found = append(found, finding{site: s, reach: r, category: category})
		} else if p.empty() && !dispatch && !inWriteLoop && s.loop.sized && !s.loop.chunk && !s.exits && (c.background || c.offpathOf(s) == "") {
			// Nothing this package sees runs a query, but an interface it
			// cannot resolve may: the program decides (resolve.go).
			if l := c.listLoop(s); l != nil && (c.writes || !writeLoops[l]) && (c.memo || !c.preloaded(s) && !c.memoHides(s)) {
				s.loop = l
				deferred = append(deferred, s)
			}
		}
		if c.observe != nil {
			observed = append(observed, observation{s.call, p, report})
		}
	}
	// A loop reported here is one finding: its calls through interfaces
	// the program resolves are not deferred as more.
	foundLoops := make(map[*loop]bool)
	for _, f := range found {
		foundLoops[f.site.loop] = true
	}
	for _, s := range deferred {
		if c.each || !foundLoops[s.loop] {
			c.deferSite(s)
		}
	}
	c.holdSites(found)
	reported := c.reportFindings(found)
	for _, o := range observed {
		c.observe(o.call, o.p, o.report && reported[o.call])
	}
}

// writeLoops returns the loops that write to the database once per
// element: those around a call that may run a database write, delete or
// transaction (not a cache write: a read-through cache fills itself in a
// read loop), where the call runs on every iteration that reaches it. A
// write reached only through an interface resolved to its implementations
// does not count: the dispatch over-approximates (on a real service a
// file lookup reached a write of some other implementation, and its read
// loop would have passed for a bulk write), unless every implementation
// writes (Sure: gogs' Engine over xorm's engine and session).
func (c *checker) writeLoops(pairs []pair) map[*loop]bool {
	if c.writes {
		return nil
	}
	loops := make(map[*loop]bool)
	for i, s := range c.sites {
		w := pairs[i].write
		if w == nil || w.Dynamic && !w.Sure || knowledge.Lib(w.Lib).IsCache() || !s.loop.sized || s.loop.chunk || s.exits {
			continue
		}
		loops[s.loop] = true
		for _, l := range s.outer {
			loops[l] = true
		}
	}
	return loops
}

// perGroup reports whether a site's call is handed the group of a range
// over a map of slices (for owner, names := range namesByOwner {
// In("name", names).Find(...) }): the list is already grouped, and the
// call runs once per group, with the group's elements in one query.
func (c *checker) perGroup(s site) bool {
	g := s.loop.group
	if g == nil {
		return c.groupByKey(s)
	}
	info := c.pass.TypesInfo
	isGroup := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == g
	}
	found := false
	ast.Inspect(s.call, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IndexExpr:
			if isGroup(n.X) {
				return false // one element of the group (ids[0]): per group, one lookup
			}
		case *ast.CallExpr:
			if b, ok := info.Uses[identOf(n.Fun)].(*types.Builtin); ok && (b.Name() == "len" || b.Name() == "cap") {
				return false
			}
		case *ast.Ident:
			if info.Uses[n] == g {
				found = true
			}
		}
		return !found
	})
	return found
}

// groupByKey reports whether a site's call is handed, as an argument, the
// group of the loop's element in a map of slices (for _, view := range
// viewIDs { conflictsAmong(s, view, positionsByView[view]) }, vikunja's
// batched conflict check): the loop walks the map's keys, and the call
// runs once per group with the group's elements, as in a range over the
// map itself.
func (c *checker) groupByKey(s site) bool {
	rs, ok := s.loop.node.(*ast.RangeStmt)
	if !ok {
		return false
	}
	info := c.pass.TypesInfo
	elem := c.objOf(rs.Value)
	if tv, ok := info.Types[rs.X]; ok {
		if _, isMap := coreType(tv.Type).(*types.Map); isMap {
			elem = c.objOf(rs.Key)
		}
	}
	if elem == nil {
		return false
	}
	for _, a := range s.call.Args {
		ix, ok := ast.Unparen(a).(*ast.IndexExpr)
		if !ok || !isVar(info, ix.Index, elem) {
			continue
		}
		if tv, ok := info.Types[ix.X]; ok {
			if m, ok := coreType(tv.Type).(*types.Map); ok && isChunk(m.Elem()) {
				return true
			}
		}
	}
	return false
}

// identOf returns e as an identifier, or nil.
func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

type observation struct {
	call   *ast.CallExpr
	p      pair
	report bool
}

// offpathOf says why a site's loop is not per-element work on a request's
// data, if it is not: the site is in a migration or a command, retried
// until it succeeds, in a loop over a timer's ticks or paced by one, or
// in a loop over a channel of jobs. A channel carries jobs unless its
// values come from a query (a stream a query returns, or sends in a loop
// over a result set or a query's result) and one goroutine drains it; a
// pool of goroutines started in a loop takes jobs, whatever fills it.
func (c *checker) offpathOf(s site) string {
	switch {
	case s.offpath != "":
		return s.offpath
	case s.loop.offpath != "":
		return s.loop.offpath
	case s.loop.isChan && (s.loop.chanPool || !c.chanFromQuery(s.loop)):
		return offJobs
	}
	return ""
}

// siteReach returns what the call of a site may do. dispatch is set for a
// call through an interface on the loop's own element (for _, h := range
// handlers { h.Handle(e) }): that walks a list of implementations, not
// the data.
func (c *checker) siteReach(s site) (pair, bool) {
	if s.arg >= 0 {
		return c.argSiteReach(s), false
	}
	if _, ok := ast.Unparen(s.call.Fun).(*ast.FuncLit); ok {
		return pair{}, false // func() {...}(): its calls are checked where they are written
	}
	if c.ix != nil {
		ci := c.ix.Call(s.call.Lparen)
		if ci == nil {
			return pair{}, false
		}
		p := c.callReach(ci, true)
		if ci.Common().IsInvoke() && c.isLoopElement(s.loop, s.call) {
			return p, true
		}
		return p, false
	}
	return c.syntacticReach(s.call), false
}

// argSiteReach is what the function argument of a per-element caller may
// do.
func (c *checker) argSiteReach(s site) pair {
	if c.ix == nil {
		return pair{}
	}
	ci := c.ix.Call(s.call.Lparen)
	if ci == nil || ci.Common().IsInvoke() {
		return pair{}
	}
	common := ci.Common()
	i := s.arg
	if callee := common.StaticCallee(); callee != nil {
		if obj := funcObject(callee); obj != nil {
			if sig, ok := obj.Type().(*types.Signature); ok && sig.Recv() != nil {
				i++
			}
		}
	}
	if i >= len(common.Args) {
		return pair{}
	}
	fv := funcValue(common.Args[i])
	if fv == nil {
		return pair{}
	}
	return c.staticReach(fv, nil, token.NoPos)
}

// isLoopElement reports whether the receiver of an interface call is the
// element of a range loop.
func (c *checker) isLoopElement(l *loop, call *ast.CallExpr) bool {
	rs, ok := l.node.(*ast.RangeStmt)
	if !ok {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	obj := rootObj(c.pass.TypesInfo, sel.X)
	return obj != nil && (obj == c.objOf(rs.Value) || obj == c.objOf(rs.Key))
}

// syntacticReach resolves a call without SSA, for packages that do not
// type-check: library round trips and imported facts only.
func (c *checker) syntacticReach(call *ast.CallExpr) pair {
	fn := analysisutil.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		return pair{}
	}
	if p, ok := c.roundTrip(fn, c.recvTypeAt(call.Lparen, nil), nil, call.Lparen); ok {
		return p
	}
	if fn.Pkg() == c.pass.Pkg || knowledge.Batchers[analysisutil.FullName(fn)] {
		return pair{} // a batcher queues work for a round trip per batch
	}
	return pairOf(c.factOf(fn)).through(analysisutil.Display(fn))
}

// reportSite reports one round trip made once per element, with the
// other round trips of the same loop related.
func (c *checker) reportSite(s site, r *Reach, category string, others []finding) {
	write := category == CategoryWrite
	msg := c.message(s, r, write, len(others))
	var related []analysis.RelatedInformation
	if rel, ok := c.roundTripRelated(s, r, write); ok {
		related = append(related, rel)
	}
	more := make([]analysis.RelatedInformation, 0, len(others))
	for _, o := range others {
		more = append(more, analysis.RelatedInformation{Pos: o.site.call.Pos(), End: o.site.call.End(), Message: "in the same loop, " + c.displayCall(o.site) + " runs " + article(noun(o.reach, o.category == CategoryWrite)) + " too"})
	}
	related = append(related, analysisutil.BoundedRelated(c.pass.Fset, more)...)
	related = append(related, analysis.RelatedInformation{Pos: s.loop.node.Pos(), End: loopHead(s.loop), Message: "once per " + s.loop.describe(c.pass.Fset)})
	d := analysis.Diagnostic{
		Pos:      s.call.Pos(),
		End:      s.call.End(),
		Category: category,
		Message:  msg,
		Related:  related,
	}
	if refs := c.handedRefs(s.loop); refs != nil {
		// A list an exported function is handed: its callers decide
		// (handedin.go).
		if c.pass.Suppressed != nil && c.pass.Suppressed(d) {
			return
		}
		if c.holdList(refs, d) {
			return
		}
	}
	c.pass.Report(d)
}

// displayCall names what a site calls.
func (c *checker) displayCall(s site) string {
	if fn := analysisutil.Callee(c.pass.TypesInfo, s.call); fn != nil {
		return c.displayAt(s.call.Lparen, fn)
	}
	return render(c.pass.Fset, s.call.Fun)
}

// roundTripRelated points at the round trip a site's call reaches, when
// the call is not the round trip itself.
func (c *checker) roundTripRelated(s site, r *Reach, write bool) (analysis.RelatedInformation, bool) {
	switch {
	case r.pos == s.call.Lparen:
		// The call is the round trip.
	case r.pos.IsValid():
		return analysis.RelatedInformation{Pos: r.pos, Message: "the " + noun(r, write) + " runs here"}, true
	case r.Posn != "":
		if fn := c.siteCallee(s); fn != nil && fn.Pos().IsValid() {
			if pos := analysisutil.LineIn(c.pass.Fset, fn.Pos(), r.Posn); pos.IsValid() {
				return analysis.RelatedInformation{Pos: pos, Message: "the " + noun(r, write) + " runs here"}, true
			}
			return analysis.RelatedInformation{Pos: fn.Pos(), Message: "the " + noun(r, write) + " runs in " + r.Posn}, true
		}
	}
	return analysis.RelatedInformation{}, false
}

// siteCallee is the function a site runs: the callee, or, for a function
// handed to a per-element caller (slices.DeleteFunc(xs, isOrphan)), that
// function.
func (c *checker) siteCallee(s site) *types.Func {
	if s.arg >= 0 {
		fn, _ := typeutilFunc(c.pass.TypesInfo, s.call.Args[s.arg])
		return fn
	}
	return analysisutil.Callee(c.pass.TypesInfo, s.call)
}

// loopHead is the end of a loop's header: where its body starts.
func loopHead(l *loop) token.Pos {
	switch n := l.node.(type) {
	case *ast.RangeStmt:
		return n.Body.Lbrace
	case *ast.ForStmt:
		return n.Body.Lbrace
	}
	return l.node.End()
}

// runsEachStatement reports whether a site runs SQL text that changes with
// the iteration (for _, m := range migrations { tx.Exec(m.SQL) }): that
// runs a list of statements, not the same query once per element. The
// call is a library round trip, or a call through the program's own
// interface that reaches a library's SQL method directly (an ExecQuerier
// over *sql.DB), whose SQL text is then its first string parameter too.
func (c *checker) runsEachStatement(s site, r *Reach) bool {
	if s.arg >= 0 {
		return false
	}
	fn := analysisutil.Callee(c.pass.TypesInfo, s.call)
	if fn == nil {
		return false
	}
	i := -1
	if rt, ok := knowledge.LookupRoundTrip(fn, c.recvTypeAt(s.call.Lparen, nil)); ok {
		i = rt.SQLArg(fn)
	} else if r != nil && r.Dynamic && isSQLLib(r.Lib) && isInterfaceMethod(fn) {
		if _, below := c.subject(s, r); below != "" && !strings.Contains(below, "→") {
			i = knowledge.RoundTrip{SQL: true}.SQLArg(fn)
		}
	}
	if i < 0 || i >= len(s.call.Args) {
		return false
	}
	arg := s.call.Args[i]
	if tv, ok := c.pass.TypesInfo.Types[arg]; ok && tv.Value != nil {
		return false
	}
	return c.dependsOnIteration(s.loop, arg)
}

// isSQLLib reports whether a library sends SQL text.
func isSQLLib(lib string) bool {
	switch knowledge.Lib(lib) {
	case knowledge.LibSQL, knowledge.LibSQLX, knowledge.LibPGX, knowledge.LibBun, knowledge.LibEnt, knowledge.LibXORM, knowledge.LibGorp:
		return true
	}
	return false
}

// isInterfaceMethod reports whether fn is a method of an interface.
func isInterfaceMethod(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Recv() != nil && types.IsInterface(sig.Recv().Type())
}
