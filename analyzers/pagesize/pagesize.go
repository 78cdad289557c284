package pagesize

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/internal/lint"
	"github.com/perfvet/perfvet/analyzers/internal/sqltext"
	"github.com/perfvet/perfvet/analyzers/internal/ssabuild"
	"github.com/perfvet/perfvet/analyzers/plan"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name.
const Name = "pagesize"

// Categories of findings.
const (
	CategoryUnclamped  = "unclamped"   // a page size from the request with no upper bound
	CategoryPlan       = "plan"        // a clamp above the plan's max_page_size
	CategoryWholeTable = "whole-table" // a request path that reads every row of a table
	CategoryIgnored    = "ignored"     // a gRPC method or HTTP handler that ignores its request's page size and reads every row
)

// Config configures a pagesize analyzer.
type Config struct {
	// Plans gives the plan of each package.
	Plans plan.Provider
	// Tests reports findings in _test.go files too (flag -tests).
	Tests bool
	// ParentKeys also reports, in request paths, reads of a child
	// collection by its parent's key with no LIMIT (WHERE order_id = $1),
	// which are allowed by default (flag -parentkeys).
	ParentKeys bool
	// WholeTable also reports request paths that read every row of a
	// table (flag -wholetable), which are allowed by default.
	WholeTable bool
}

// DefaultConfig discovers each package's perfplan.yaml.
func DefaultConfig() Config { return Config{Plans: plan.NewFinder("")} }

// Analyzer is the pagesize analyzer with the default configuration.
var Analyzer = New(DefaultConfig())

// New returns a pagesize analyzer.
func New(cfg Config) *analysis.Analyzer {
	opts := &lint.Options{Plans: cfg.Plans, Tests: cfg.Tests}
	parentKeys, wholeTable := cfg.ParentKeys, cfg.WholeTable
	a := &analysis.Analyzer{
		Name:      Name,
		Doc:       analysisutil.MustExtractDoc(doc, Name),
		URL:       "https://github.com/perfvet/perfvet/blob/main/analyzers/pagesize/doc.go",
		Requires:  []*analysis.Analyzer{inspect.Analyzer, ssabuild.Analyzer},
		FactTypes: []analysis.Fact{new(pageFact), new(causesFact), new(pendingFact), new(resolvedFact)},
		// The rules are flow rules: on an ill-typed package there is no SSA
		// and the analyzer stays silent.
		RunDespiteErrors: true,
	}
	a.Run = lint.Wrap(Name, opts, func(pass *lint.Pass) (any, error) { return run(pass, parentKeys, wholeTable) })
	opts.BindFlags(&a.Flags)
	a.Flags.BoolVar(&wholeTable, "wholetable", cfg.WholeTable, "also report request paths that read every row of a table (no LIMIT, no key in the WHERE clause)")
	a.Flags.BoolVar(&parentKeys, "parentkeys", cfg.ParentKeys, "also report unbounded reads of a child collection by its parent's key (WHERE order_id = $1)")
	return a
}

// relevant are the packages without which a package can neither read
// request input nor query a database.
var relevant = append([]string{
	knowledge.NetHTTP, "net/url", knowledge.Gin, knowledge.Echo4, knowledge.Chi5, knowledge.GorillaMx,
	"google.golang.org/protobuf/reflect/protoreflect", "github.com/Masterminds/squirrel",
}, knowledge.RoundTripPackages...)

func run(pass *lint.Pass, parentKeys, wholeTable bool) (any, error) {
	if pass.Pkg == nil || analysisutil.IsStdPath(pass.Pkg.Path()) || knowledge.IsDescribed(pass.Pkg.Path()) ||
		!analysisutil.ImportsAny(pass.Pkg, relevant...) {
		// The standard library serves requests and runs queries only
		// through the entry points the tables list, and a library the
		// tables describe is matched at its entry points.
		return nil, nil
	}
	res, ok := pass.ResultOf[ssabuild.Analyzer].(*ssabuild.Result)
	if !ok || res == nil {
		return nil, nil
	}
	_, funcs := res.SSA()
	if funcs == nil {
		return nil, nil
	}
	c := &checker{
		pass:        pass,
		parentKeys:  parentKeys,
		wholeTables: wholeTable,
		max:         pass.Plan.Limits.MaxPageSize,
		facts:       make(map[*types.Func]*pageFact),
		reported:    make(map[token.Pos]bool),

		readPos:      make(map[string]token.Pos),
		causes:       make(map[string]*cause),
		invokeCache:  make(map[*types.Func]*types.Func),
		analyzedPkgs: make(map[*types.Package]bool),
	}
	c.computeFacts(funcs)
	c.index()
	c.reporting = true
	for _, f := range funcs {
		c.analyze(f)
	}
	c.ignoredPageSizes(funcs)
	c.ignoredHTTPPages(funcs)
	c.reportCauses()
	c.resolvePending()
	return nil, nil
}

// A checker holds the state of one pass.
type checker struct {
	pass        *lint.Pass
	parentKeys  bool
	wholeTables bool // report whole-table reads (-wholetable)
	max         int  // the plan's max_page_size; 0 or less turns the clamp check off

	facts map[*types.Func]*pageFact // this package's functions

	// reporting: the facts are final; analyze reports what it finds.
	reporting bool
	reported  map[token.Pos]bool
	calls     map[token.Pos]*ast.CallExpr // by Lparen

	readPos map[string]token.Pos          // the whole-table reads of this package, by posn
	causes  map[string]*cause             // whole-table reads in helpers that request paths reach
	binops  map[token.Pos]*ast.BinaryExpr // by OpPos

	invokeCache  map[*types.Func]*types.Func // see libraryMethod
	libTypes     []types.Type
	analyzedPkgs map[*types.Package]bool  // see analyzed
	impls        *analysisutil.ImplFinder // implementations of the program's interfaces (reach.go)
	pending      pendingFact              // calls to open interface methods (whole.go)
}

// analyze walks one function: the page-size sinks its request input or
// its parameters reach, the values it returns, and the whole-table reads
// it runs. It returns what callers need to know of it.
func (c *checker) analyze(f *ssa.Function) *pageFact {
	fact := new(pageFact)
	reqPath := isRequestPath(f)
	for _, b := range f.Blocks {
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case *ssa.MakeSlice:
				for _, v := range []ssa.Value{in.Len, in.Cap} {
					if v != nil {
						c.sink(f, fact, v, b, in.Pos(), sinkMake)
					}
				}
			case ssa.CallInstruction:
				c.checkCall(f, fact, in, reqPath)
			case *ssa.BinOp:
				if v := concatSink(in); v != nil {
					c.sink(f, fact, v, b, in.Pos(), sinkLimit)
				}
			case *ssa.Store:
				c.paramFieldStore(f, fact, in)
			case *ssa.Return:
				if !errorReturn(in) {
					c.returns(f, fact, in)
				}
			}
		}
	}
	fact.normalize()
	return fact
}

// Sink kinds, as findings name them.
const (
	sinkLimit = "LIMIT"
	sinkMake  = "make"
)

// checkCall looks at one call: a SQL text whose LIMIT is a placeholder, a
// builder's Limit, a whole-table read, a helper with a fact.
func (c *checker) checkCall(f *ssa.Function, fact *pageFact, call ssa.CallInstruction, reqPath bool) {
	common := call.Common()
	if _, isGo := call.(*ssa.Go); isGo {
		reqPath = false // work started here outlives the request
	}
	fn := calleeObj(common)
	if fn == nil {
		return
	}
	recv, params := splitArgs(common, fn)
	pos := common.Pos()
	lib := c.libraryMethod(common, fn)
	key := knowledge.FuncKey(lib)
	if rt, ok := knowledge.LookupRoundTrip(lib, nil); ok && rt.SQL {
		if i := rt.SQLArg(lib); i >= 0 && i < len(params) {
			if text, ok := constString(params[i]); ok {
				st := sqltext.Parse(text)
				if v := placeholderArg(params[i+1:], st.Limit); v != nil {
					c.sink(f, fact, v, call.Block(), pos, sinkLimit)
				}
				if knowledge.MultiRowQueries[key] {
					if what := c.wholeTable(st); what != "" {
						c.readPos[c.posn(pos)] = pos
						c.read(fact, call, reqPath, &Read{What: what, Call: analysisutil.Display(lib), Posn: c.posn(pos), Generated: c.generated(pos), Func: funcName(f)}, nil)
					}
				}
			}
		}
	}
	// A page size written into the SQL text.
	for _, v := range formatSinks(common, key) {
		c.sink(f, fact, v, call.Block(), pos, sinkLimit)
	}
	if v := writeSink(call, key); v != nil {
		c.sink(f, fact, v, call.Block(), pos, sinkLimit)
	}
	if i, ok := knowledge.SQLTextArgs[key]; ok && i < len(params) {
		if text, ok := constString(params[i]); ok && strings.Contains(strings.ToUpper(text), "LIMIT") {
			st := sqltext.Parse("SELECT * FROM t " + text)
			if v := placeholderArg(params[i+1:], st.Limit); v != nil {
				c.sink(f, fact, v, call.Block(), pos, sinkLimit)
			}
		}
	}
	if i, ok := knowledge.LimitMethods[key]; ok && i < len(params) {
		c.sink(f, fact, params[i], call.Block(), pos, analysisutil.Display(fn))
	}
	if _, ok := knowledge.ORMFinders[key]; ok {
		if what := c.ormWholeTable(key, recv, params); what != "" {
			c.readPos[c.posn(pos)] = pos
			c.read(fact, call, reqPath, &Read{What: what, Call: analysisutil.Display(fn), Posn: c.posn(pos), Generated: c.generated(pos), Func: funcName(f)}, nil)
		}
	}
	callee := c.factOf(fn)
	if callee == nil && common.IsInvoke() {
		fn, callee = c.implFact(common, fn) // reach.go
	}
	if callee == nil {
		c.openCall(f, fact, call, fn, nil, reqPath) // whole.go
		return
	}
	if len(callee.Open) > 0 {
		c.openCall(f, fact, call, fn, callee, reqPath)
	}
	all := params
	if recv != nil {
		all = append([]ssa.Value{recv}, params...)
	}
	for _, s := range callee.Sinks {
		if s.Index >= len(all) {
			continue
		}
		c.sinkThrough(f, fact, all[s.Index], s, call, fn)
	}
	for _, w := range callee.Writes {
		if w.Param < len(all) {
			c.writeThrough(f, fact, all, w, call.Block())
		}
	}
	if callee.Read != nil {
		r := *callee.Read
		r.Via = chain(analysisutil.Display(fn), r.Via)
		c.read(fact, call, reqPath, &r, fn)
	}
}

// sink traces a value that sets a page size back to where it comes from:
// request input is reported here, a parameter becomes part of the fact.
func (c *checker) sink(f *ssa.Function, fact *pageFact, v ssa.Value, at *ssa.BasicBlock, pos token.Pos, sink string) {
	t := c.newTracer(f)
	t.root = v
	t.trace(v, at)
	c.settle(fact, t, pos, sink, "", c.posn(pos), nil)
}

// sinkThrough traces the argument of a call to a helper whose parameter
// (or a field of it) reaches a page-size sink.
func (c *checker) sinkThrough(f *ssa.Function, fact *pageFact, arg ssa.Value, s ParamSink, call ssa.CallInstruction, fn *types.Func) {
	t := c.newTracer(f)
	t.off = s.Off
	switch {
	case s.NonPos:
		t.nonPositive(arg, call.Block())
	case s.Field == "":
		t.root = arg
		t.trace(arg, call.Block())
	default:
		t.fieldOfArg(arg, s.Field, call)
	}
	c.settle(fact, t, call.Common().Pos(), s.Sink, chain(analysisutil.Display(fn), s.Via), s.Posn, fn)
}

// settle reports the request input a trace found, records the
// parameters it found in the fact, and reports clamps above the plan.
func (c *checker) settle(fact *pageFact, t *tracer, pos token.Pos, sink, via, posn string, helper *types.Func) {
	for _, o := range t.origins {
		switch {
		case o.source != "" && o.nonPos:
			c.reportOff(pos, o.source, sink, via, posn, helper)
		case o.source != "":
			c.reportUnclamped(pos, o.source, sink, via, posn, helper, c.clampFix(t.root, pos))
		case o.param >= 0:
			fact.Sinks = append(fact.Sinks, ParamSink{Index: o.param, Field: o.field, Sink: sink, Via: via, Posn: posn, Off: o.off, NonPos: o.nonPos})
		}
	}
	if sink == sinkMake {
		// A bound on a buffer's size is not a page size: the plan's
		// max_page_size applies to rows.
		return
	}
	for _, cl := range t.clamps {
		c.reportClamp(cl)
	}
}

// paramFieldStore records a store to a field of a struct a parameter
// points to (a builder's e.limit = n) in the fact.
func (c *checker) paramFieldStore(f *ssa.Function, fact *pageFact, st *ssa.Store) {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok || !isNumberOrString(st.Val.Type()) {
		return
	}
	p, ok := fa.X.(*ssa.Parameter)
	if !ok {
		return
	}
	i := paramIndex(f, p)
	if i < 0 {
		return
	}
	// if limit > 0 { e.limit = ... } with no else: a non-positive limit
	// leaves the field as it was.
	skip := 0
	for j, q := range f.Params {
		if isNumberOrString(q.Type()) && offGuard(st.Block(), func(x ssa.Value) bool { return x == q }) {
			skip = j + 1
			break
		}
	}
	c.addWrites(f, fact, i, fieldNameOf(fa.X.Type(), fa.Field), st.Val, st.Block(), skip)
}

// writeThrough records, for a call to a helper that sets a field of
// one of its parameters, the same write on this function's parameter
// that the call passes.
func (c *checker) writeThrough(f *ssa.Function, fact *pageFact, args []ssa.Value, w FieldWrite, at *ssa.BasicBlock) {
	p, ok := unwrapIface(args[w.Param]).(*ssa.Parameter)
	if !ok {
		return
	}
	i := paramIndex(f, p)
	if i < 0 {
		return
	}
	switch {
	case w.Source != "":
		fact.Writes = append(fact.Writes, FieldWrite{Param: i, Field: w.Field, From: -1, Source: w.Source})
	case w.From >= 0 && w.From < len(args):
		c.addWrites(f, fact, i, w.Field, args[w.From], at, skipThrough(f, args, w.Skip))
	default:
		fact.Writes = append(fact.Writes, FieldWrite{Param: i, Field: w.Field, From: -1, Skip: skipThrough(f, args, w.Skip)})
	}
}

// skipThrough maps a callee's Skip (1 + the index of the parameter whose
// non-positive value skips a write) to the caller's parameter the call
// passes there, or 0.
func skipThrough(f *ssa.Function, args []ssa.Value, skip int) int {
	if skip <= 0 || skip-1 >= len(args) {
		return 0
	}
	if p, ok := strip(args[skip-1]).(*ssa.Parameter); ok {
		if j := paramIndex(f, p); j >= 0 {
			return j + 1
		}
	}
	return 0
}

// addWrites records that field name of parameter i is set to v, unless
// parameter skip-1 is 0 or less (skip 0: always).
func (c *checker) addWrites(f *ssa.Function, fact *pageFact, i int, name string, v ssa.Value, at *ssa.BasicBlock, skip int) {
	if name == "" {
		return
	}
	t := c.newTracer(f)
	t.trace(v, at)
	n := len(fact.Writes)
	for _, o := range t.origins {
		switch {
		case o.source != "":
			fact.Writes = append(fact.Writes, FieldWrite{Param: i, Field: name, From: -1, Source: o.source, Skip: skip})
		case o.param >= 0 && o.field == "":
			fact.Writes = append(fact.Writes, FieldWrite{Param: i, Field: name, From: o.param, Skip: skip})
		}
	}
	if len(fact.Writes) == n {
		fact.Writes = append(fact.Writes, FieldWrite{Param: i, Field: name, From: -1, Skip: skip})
	}
}

func unwrapIface(v ssa.Value) ssa.Value {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		return mi.X
	}
	return v
}

// returns records what a function's results carry: request input, or a
// parameter unclamped; and the pointer parameters it returns.
func (c *checker) returns(f *ssa.Function, fact *pageFact, ret *ssa.Return) {
	for _, r := range ret.Results {
		if i := c.aliasOf(f, r); i >= 0 {
			fact.Aliases = append(fact.Aliases, i)
		}
	}
	for ri, r := range ret.Results {
		if !isNumberOrString(r.Type()) {
			continue
		}
		t := c.newTracer(f)
		t.trace(r, ret.Block())
		for _, o := range t.origins {
			if o.source != "" && len(ret.Results) > 1 && !slices.Contains(fact.SourceResults, ri) {
				fact.SourceResults = append(fact.SourceResults, ri)
			}
			switch {
			case o.source != "" && fact.Source == "":
				fact.Source, fact.SourceName = o.source, o.nameParam+1
			case o.param >= 0 && o.field == "":
				fact.Returns = append(fact.Returns, o.param)
			}
		}
		if len(ret.Results) != 1 {
			continue // what a value of 0 or less comes from is known per function, not per result
		}
		low := c.newTracer(f)
		low.nonPositive(r, ret.Block())
		for _, o := range low.origins {
			switch {
			case o.source != "" && fact.LowSource == "":
				fact.LowSource, fact.LowSourceName = o.source, o.nameParam+1
			case o.param >= 0 && o.field == "":
				fact.LowReturns = append(fact.LowReturns, o.param)
			}
		}
	}
}

// errorReturn reports whether a return hands back an error that is not
// nil: the other results of (limit, offset, err) are then not the
// caller's to use (sftpgo's getSearchFilters returns the unclamped limit
// with its parse error, and clamps it on the way to the success path).
// The error is known not nil when it is made there (errors.New,
// fmt.Errorf) or when the return is reached only where it tested not
// nil.
func errorReturn(ret *ssa.Return) bool {
	n := len(ret.Results)
	if n < 2 || !types.Identical(ret.Results[n-1].Type(), types.Universe.Lookup("error").Type()) {
		return false
	}
	err := ret.Results[n-1]
	if v, ok := err.(*ssa.MakeInterface); ok {
		err = v.X
	}
	if call, ok := err.(*ssa.Call); ok {
		switch flow.CalleeName(call.Common()) {
		case "errors.New", "fmt.Errorf":
			return true
		}
	}
	for b := ret.Block(); b != nil; b = b.Idom() {
		idom := b.Idom()
		if idom == nil || len(idom.Succs) != 2 {
			continue
		}
		ifs, ok := idom.Instrs[len(idom.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		cond, ok := ifs.Cond.(*ssa.BinOp)
		if !ok || cond.X != ret.Results[n-1] && cond.Y != ret.Results[n-1] {
			continue
		}
		if k, ok := cond.Y.(*ssa.Const); !ok || !k.IsNil() {
			continue
		}
		// b is dominated by one branch of err != nil (or err == nil).
		taken := idom.Succs[0]
		if cond.Op == token.EQL {
			taken = idom.Succs[1]
		}
		if cond.Op == token.NEQ || cond.Op == token.EQL {
			return b == taken && len(taken.Preds) == 1
		}
	}
	return false
}

// aliasOf returns the index of the pointer parameter of f that v is
// (directly, or returned by a call of a method that returns it, or a phi
// of such values that all are the same parameter: builder =
// builder.WithX() under an if), or -1.
func (c *checker) aliasOf(f *ssa.Function, v ssa.Value) int {
	return max(c.aliasOfSeen(f, v, make(map[ssa.Value]int)), -1)
}

// aliasInProgress marks a phi whose edges are being followed: an edge
// that comes back to it (a loop) adds nothing.
const aliasInProgress = -2

func (c *checker) aliasOfSeen(f *ssa.Function, v ssa.Value, memo map[ssa.Value]int) int {
	for range 8 {
		if _, ok := v.Type().Underlying().(*types.Pointer); !ok {
			return -1
		}
		if r, ok := memo[v]; ok {
			return r
		}
		if len(memo) > 64 {
			return -1
		}
		switch x := v.(type) {
		case *ssa.Parameter:
			return paramIndex(f, x)
		case *ssa.Phi:
			memo[x] = aliasInProgress
			i := -1
			for _, e := range x.Edges {
				j := c.aliasOfSeen(f, e, memo)
				if j == aliasInProgress {
					continue
				}
				if j < 0 || i >= 0 && j != i {
					memo[x] = -1
					return -1
				}
				i = j
			}
			memo[x] = i
			return i
		case *ssa.Call:
			fn := calleeObj(x.Common())
			fact := c.factOf(fn)
			if fact == nil || len(fact.Aliases) == 0 {
				return -1
			}
			recv, params := splitArgs(x.Common(), fn)
			all := params
			if recv != nil {
				all = append([]ssa.Value{recv}, params...)
			}
			if fact.Aliases[0] >= len(all) {
				return -1
			}
			v = all[fact.Aliases[0]]
			continue
		}
		return -1
	}
	return -1
}

// read handles a whole-table read: reported in a request path, carried up
// to callers otherwise.
func (c *checker) read(fact *pageFact, call ssa.CallInstruction, reqPath bool, r *Read, helper *types.Func) {
	if reqPath && helper == nil {
		c.reportRead(call.Common().Pos(), r, nil)
		return
	}
	if reqPath {
		c.addCause(call.Common().Pos(), r, helper)
		return
	}
	if fact.Read == nil {
		fact.Read = r
	}
}

// ---- reports ----

func (c *checker) reportUnclamped(pos token.Pos, source, sink, via, posn string, helper *types.Func, fixes []analysis.SuggestedFix) {
	where := "reaches " + sink
	if sink == sinkMake {
		where = "sizes make"
	}
	cost := "so one request can ask for every row"
	if sink == sinkMake {
		cost = "so one request can allocate any amount of memory"
	}
	if via != "" {
		where += " through " + via + " (" + posn + ")"
	}
	var related []analysis.RelatedInformation
	if helper != nil {
		related = c.relatedAt(helper, posn, "the page size reaches "+sink)
	}
	c.reportFix(pos, related, fixes, CategoryUnclamped, "page size from %s %s without an upper bound, %s; clamp it to %s", source, where, cost, c.planMax())
}

// reportOff reports request input whose value 0 or less turns a LIMIT
// off: a write skips it, and the LIMIT is left out of the query when the
// field is zero.
func (c *checker) reportOff(pos token.Pos, source, sink, via, posn string, helper *types.Func) {
	where := sink
	if via != "" {
		where += " of " + via + " (" + posn + ")"
	}
	var related []analysis.RelatedInformation
	if helper != nil {
		related = c.relatedAt(helper, posn, "the "+sink+" is written only for a positive page size")
	}
	c.report(pos, related, CategoryUnclamped, "page size from %s turns the %s off when it is 0 or less: a non-positive value is not stored and the %s is written only when the field is positive, so one request can ask for every row; treat a page size of 0 or less as the default or %s", source, where, sink, c.planMax())
}

// reportClamp reports a constant clamp above the plan's max_page_size, a
// number the team wrote down: against the embedded default, a larger
// bound is the team's deliberate choice (nakama's runtime API, which
// documents 1000 as its maximum: 6 findings, judged false), as timeouts
// treats bounds longer than the default's request_timeout.
func (c *checker) reportClamp(cl clamp) {
	if c.max <= 0 || cl.max <= int64(c.max) || !plan.Wrote(c.pass.Plan, func(p *plan.Plan) int { return p.Limits.MaxPageSize }) {
		return
	}
	c.report(cl.pos, nil, CategoryPlan, "page size is clamped to %d, above the plan's max_page_size (%d); one request can still read %d rows; lower the bound to %d", cl.max, c.max, cl.max, c.max)
}

func (c *checker) reportRead(pos token.Pos, r *Read, helper *types.Func) {
	call, through := r.Call, ""
	var related []analysis.RelatedInformation
	if r.Via != "" {
		var rest string
		call, rest, _ = strings.Cut(r.Via, " → ")
		through = ", through " + chain(rest, r.Call) + " at " + r.Posn
		related = c.relatedAt(helper, r.Posn, "the query runs")
	}
	c.report(pos, related, CategoryWholeTable, "%s reads %s in a request path%s; every request loads the whole result into memory, and it grows with the table; page it with LIMIT (at most %s)", call, r.What, through, c.planMax())
}

// funcName returns the full name of the declared function f is or is
// inside of.
func funcName(f *ssa.Function) string {
	for f.Parent() != nil {
		f = f.Parent()
	}
	if obj, ok := f.Object().(*types.Func); ok && obj != nil {
		return obj.Origin().FullName()
	}
	return ""
}

// generated reports whether pos is in a generated file of the package.
func (c *checker) generated(pos token.Pos) bool {
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return c.pass.Generated[f]
		}
	}
	return false
}

// planMax names the plan's bound for messages.
func (c *checker) planMax() string {
	if c.max <= 0 {
		return "a fixed maximum (the plan sets no max_page_size)"
	}
	return fmt.Sprintf("the plan's max_page_size (%d)", c.max)
}

// report reports a finding at the call, make or comparison at pos, once.
func (c *checker) report(pos token.Pos, related []analysis.RelatedInformation, category, format string, args ...any) {
	c.reportFix(pos, related, nil, category, format, args...)
}

// reportFix is report with suggested fixes.
func (c *checker) reportFix(pos token.Pos, related []analysis.RelatedInformation, fixes []analysis.SuggestedFix, category, format string, args ...any) {
	if !c.reporting || !pos.IsValid() || c.reported[pos] {
		return
	}
	c.reported[pos] = true
	d := analysis.Diagnostic{Pos: pos, Category: category, Message: fmt.Sprintf(format, args...), Related: related, SuggestedFixes: fixes}
	if call := c.calls[pos]; call != nil {
		d.Pos, d.End = call.Pos(), call.End()
	} else if b := c.binops[pos]; b != nil {
		d.Pos, d.End = b.Pos(), b.End()
	}
	c.pass.Report(d)
}

// index maps the positions SSA gives (a call's Lparen, a comparison's
// operator) to the syntax, for findings that cover the whole expression.
func (c *checker) index() {
	c.calls = make(map[token.Pos]*ast.CallExpr)
	c.binops = make(map[token.Pos]*ast.BinaryExpr)
	insp := c.pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	insp.Preorder([]ast.Node{(*ast.CallExpr)(nil), (*ast.BinaryExpr)(nil)}, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.CallExpr:
			c.calls[n.Lparen] = n
		case *ast.BinaryExpr:
			c.binops[n.OpPos] = n
		}
	})
}

// posn renders a position as directory, file name and line:
// "store/users.go:42".
func (c *checker) posn(pos token.Pos) string {
	p := c.pass.Fset.Position(pos)
	if !p.IsValid() {
		return "?"
	}
	return fmt.Sprintf("%s/%s:%d", filepath.Base(filepath.Dir(p.Filename)), filepath.Base(p.Filename), p.Line)
}

// relatedAt points at the place a helper's fact names (its Posn) when it
// is in the helper's own file, else at the helper's declaration.
func (c *checker) relatedAt(fn *types.Func, posn, here string) []analysis.RelatedInformation {
	if fn == nil || !fn.Pos().IsValid() {
		return nil
	}
	if pos := analysisutil.LineIn(c.pass.Fset, fn.Pos(), posn); pos.IsValid() {
		return []analysis.RelatedInformation{{Pos: pos, Message: here + " here"}}
	}
	return []analysis.RelatedInformation{{Pos: fn.Pos(), Message: here + " in " + posn}}
}

// ---- SSA helpers ----

// calleeObj returns the function or interface method a call invokes.
func calleeObj(common *ssa.CallCommon) *types.Func {
	if common.IsInvoke() {
		return common.Method
	}
	f := common.StaticCallee()
	if f == nil {
		return nil
	}
	if f.Origin() != nil {
		f = f.Origin()
	}
	if obj, ok := f.Object().(*types.Func); ok && obj != nil {
		return obj.Origin()
	}
	return nil
}

// splitArgs returns a call's receiver (nil for a function) and its other
// arguments.
func splitArgs(common *ssa.CallCommon, fn *types.Func) (ssa.Value, []ssa.Value) {
	if common.IsInvoke() {
		return common.Value, common.Args
	}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil && len(common.Args) > 0 {
		return common.Args[0], common.Args[1:]
	}
	return nil, common.Args
}

// constString returns the value of a constant string.
func constString(v ssa.Value) (string, bool) {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(k.Value), true
}

// constInt returns the value of an integer constant.
func constInt(v ssa.Value) (int64, bool) {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
		return 0, false
	}
	return k.Int64(), true
}

// placeholderArg returns the argument bound to a LIMIT placeholder among
// the variadic arguments that follow the SQL text: the ordinal'th for $n
// and ?, the value of sql.Named(name, v) for :name and @name.
func placeholderArg(rest []ssa.Value, l *sqltext.Limit) ssa.Value {
	if l == nil || l.Placeholder == "" || len(rest) == 0 {
		return nil
	}
	elems := variadic(rest[len(rest)-1])
	if l.Ordinal > 0 {
		if l.Ordinal <= len(elems) {
			return elems[l.Ordinal-1]
		}
		return nil
	}
	name := l.Placeholder[1:]
	for _, e := range elems {
		call, ok := e.(*ssa.Call)
		if !ok || len(call.Call.Args) != 2 || calleeKey(call.Common()) != "database/sql.Named" {
			continue
		}
		if n, ok := constString(call.Call.Args[0]); ok && n == name {
			return call.Call.Args[1]
		}
	}
	return nil
}

// calleeKey returns the knowledge tables' name of a call's callee, or "".
func calleeKey(common *ssa.CallCommon) string {
	if fn := calleeObj(common); fn != nil && fn.Pkg() != nil {
		return knowledge.FuncKey(fn)
	}
	return ""
}

// variadic returns the elements of a variadic argument built at the call
// (f(a, b) passes a new slice of a and b), without their conversion to
// interface; nil if the slice comes from elsewhere.
func variadic(v ssa.Value) []ssa.Value {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	var elems []ssa.Value
	for _, ref := range *arr.Referrers() {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		i, ok := constInt(ia.Index)
		if !ok || i < 0 || i > 1<<10 {
			continue
		}
		for _, r2 := range *ia.Referrers() {
			st, ok := r2.(*ssa.Store)
			if !ok || st.Addr != ia {
				continue
			}
			for int64(len(elems)) <= i {
				elems = append(elems, nil)
			}
			val := st.Val
			if mi, ok := val.(*ssa.MakeInterface); ok {
				val = mi.X
			}
			elems[i] = val
		}
	}
	return elems
}

func isNumberOrString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsNumeric|types.IsString) != 0
}
