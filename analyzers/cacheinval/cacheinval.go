package cacheinval

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
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/internal/lint"
	"github.com/perfvet/perfvet/analyzers/internal/reach"
	"github.com/perfvet/perfvet/analyzers/internal/ssabuild"
	"github.com/perfvet/perfvet/analyzers/plan"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name.
const Name = "cacheinval"

// Categories of findings.
const (
	CategoryNeverExpires = "never-expires" // a write that never expires and is never invalidated
	CategoryTTL          = "ttl"           // a TTL above the plan's
	CategoryStale        = "stale"         // a table change that leaves cached rows stale
)

// Config configures a cacheinval analyzer.
type Config struct {
	// Plans gives the plan of each package.
	Plans plan.Provider
	// Tests reports findings in _test.go files too (flag -tests).
	Tests bool
	// Maps counts maps guarded by a mutex as caches (flag -maps). Off by
	// default: on real services such maps were mostly live state
	// (subscribers, queues), not copies of rows.
	Maps bool
}

// DefaultConfig discovers each package's perfplan.yaml.
func DefaultConfig() Config { return Config{Plans: plan.NewFinder("")} }

// Analyzer is the cacheinval analyzer with the default configuration.
var Analyzer = New(DefaultConfig())

// New returns a cacheinval analyzer.
func New(cfg Config) *analysis.Analyzer {
	opts := &lint.Options{Plans: cfg.Plans, Tests: cfg.Tests}
	a := &analysis.Analyzer{
		Name:             Name,
		Doc:              analysisutil.MustExtractDoc(doc, Name),
		URL:              "https://github.com/perfvet/perfvet/blob/main/analyzers/cacheinval/doc.go",
		Run:              lint.Wrap(Name, opts, func(p *lint.Pass) (any, error) { return run(p, &cfg) }),
		Requires:         []*analysis.Analyzer{ssabuild.Analyzer},
		FactTypes:        []analysis.Fact{new(summaryFact), new(familiesFact), new(pendingFact), new(resolvedFact)},
		RunDespiteErrors: true,
	}
	opts.BindFlags(&a.Flags)
	a.Flags.BoolVar(&cfg.Maps, "maps", cfg.Maps, "also count maps guarded by a mutex as caches")
	return a
}

// relevant are the packages without which a package can neither use a
// cache nor change a table.
var relevant = append(slices.Clone(knowledge.CachePackages), knowledge.DatabasePackages...)

func run(pass *lint.Pass, cfg *Config) (any, error) {
	if pass.Pkg == nil || isLibrary(pass.Pkg.Path()) {
		return nil, nil
	}
	if !analysisutil.ImportsAny(pass.Pkg, relevant...) && !callsCacheInterface(pass) {
		// A package that uses no cache nor database may still build keys:
		// read its one-line builders from the syntax, without SSA.
		exportKeyBuilders(pass)
		return nil, nil
	}
	res, ok := pass.ResultOf[ssabuild.Analyzer].(*ssabuild.Result)
	if !ok || res == nil {
		return nil, nil
	}
	_, funcs := res.SSA()
	if funcs == nil {
		return nil, nil // ill-typed: no flow, and every rule here is one
	}
	c := &checker{pass: pass, maps: cfg.Maps, facts: make(map[*types.Func]*summaryFact), calls: make(map[token.Pos]*ast.CallExpr), order: make(map[*types.Func]*callOrder), funcs: funcs}
	for _, f := range funcs {
		if obj, ok := f.Object().(*types.Func); ok && obj != nil && f.Parent() == nil {
			c.declared = append(c.declared, f)
		}
	}
	// First without links, to find what this package's read-through
	// writes cache; then judging table changes against every link this
	// package can see.
	c.fixedPoint()
	local := c.familiesOfPackage()
	c.collectVisible(local)
	c.resolveDeferred() // whole.go
	c.collectGuards(local)
	c.judge = true
	c.fixedPoint()
	c.exportFacts()

	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				c.calls[call.Lparen] = call
			}
			return true
		})
	}
	c.reporting = true
	c.never = make(map[string][]neverSite)
	for _, f := range c.declared {
		c.summarize(f)
	}
	c.reportStale() // group.go
	c.reportWrappers()
	c.checkPartialDeletes()
	resolved := c.reportDeferred()
	local.Reported = c.reportNever()
	local.normalize()
	if len(local.Invalidated) > 0 || len(local.Prefixes) > 0 || local.KeyDeleter || len(local.Links) > 0 || len(local.Guards) > 0 || len(local.Reported) > 0 {
		c.pass.ExportPackageFact(local)
	}
	c.checkWindows()
	if len(c.pending) > 0 {
		c.pass.ExportPackageFact(&pendingFact{Calls: c.pending})
	}
	if len(resolved) > 0 {
		slices.Sort(resolved)
		c.pass.ExportPackageFact(&resolvedFact{Keys: slices.Compact(resolved)})
	}
	return nil, nil
}

// A checker holds the state of one pass.
type checker struct {
	pass     *lint.Pass
	declared []*ssa.Function
	facts    map[*types.Func]*summaryFact // this package's functions
	calls    map[token.Pos]*ast.CallExpr  // by Lparen

	cur       *ssa.Function // the function being summarised
	judge     bool          // judge table changes against links
	reporting bool          // report findings

	invalidated []string // key shapes some visible code deletes or expires, "*" for any
	prefixes    []string // patterns of the keys visible code deletes by prefix (scan.go)
	keyDeleter  bool     // a visible package exports a delete of its callers' keys
	links       []Link   // visible links, and the plan's
	guards      []Guard  // visible table changes that invalidate a family
	reportedDep []string // families a dependency reported as never expiring

	lockedCallees map[*ssa.Function]bool      // functions called by one that locks a mutex
	mapCands      map[*ssa.Function][]mapCand // instructions that may be map operations
	maps          bool                        // maps guarded by a mutex count as caches (-maps)

	never    map[string][]neverSite // never-expires findings by family, reported once each
	wrappers []wrapperSite          // key-value wrappers that never expire, reported at their write
	keySites []keySite              // writes and deletes where their key is formed (partial.go)

	impls *analysisutil.ImplFinder // implementations of the program's interfaces (reach.go)

	shaping   map[*ssa.Phi]bool   // the phis on the current key-shape walk (shape.go)
	phiShapes map[*ssa.Phi]string // the shapes of the phis this walk has finished

	order     map[*types.Func]*callOrder // where each function's operations and changes happen, for guards
	funcs     []*ssa.Function            // the package's functions, with their function literals
	sets      map[string]bool            // in-process caches whose values are only compared (holders.go)
	localSets []string                   // those of them this package reads

	stale  map[string]*staleGroup // stale findings of one change, reported once (group.go)
	stales []string               // their keys, in order
	files  *reach.Files

	pending     []pendingCall   // calls through interfaces whose implementations this package cannot see (whole.go)
	deferred    []resolvedCall  // the dependencies' pending calls, resolved here
	resolvedDep map[string]bool // pending calls a dependency reported
}

// fixedPoint computes the facts of this package's declared functions,
// iterating so that chains of helpers inside the package are followed.
func (c *checker) fixedPoint() {
	flow.Rounds(func() bool {
		changed := false
		for _, f := range c.declared {
			obj := f.Object().(*types.Func)
			nf := c.summarize(f)
			old := c.facts[obj]
			if nf.empty() {
				if old != nil {
					delete(c.facts, obj)
					changed = true
				}
				continue
			}
			if old == nil || old.key() != nf.key() {
				c.facts[obj] = nf
				changed = true
			}
		}
		return changed
	})
}

// exportFacts exports the facts of exported functions; the package's
// families are exported after reporting, with the families it reported.
func (c *checker) exportFacts() {
	for _, f := range c.declared {
		obj := f.Object().(*types.Func)
		if fact := c.facts[obj]; fact != nil && obj.Exported() {
			c.pass.ExportObjectFact(obj, fact)
		}
	}
}

// factOf returns what is known of fn: this package's computed fact or an
// imported one. Libraries are described by the knowledge tables instead.
func (c *checker) factOf(fn *types.Func) *summaryFact {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	fn = fn.Origin()
	if fn.Pkg() == c.pass.Pkg {
		return c.facts[fn]
	}
	if isLibrary(fn.Pkg().Path()) {
		return nil
	}
	var f summaryFact
	if c.pass.ImportObjectFact(fn, &f) {
		return &f
	}
	return nil
}

// isLibrary reports whether a package belongs to a library the knowledge
// tables describe, or to the standard library.
func isLibrary(path string) bool {
	if knowledge.IsDescribed(path) || analysisutil.IsStdPath(path) {
		return true
	}
	for _, p := range knowledge.CachePackages {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// ---- one function ----

// A pending change to a table's rows, and the call in the function that
// makes it.
type pendingMut struct {
	Mut
	instr ssa.CallInstruction
}

// summarize computes one function's fact from its body and its function
// literals; when reporting, it applies the rules as it goes.
func (c *checker) summarize(fn *ssa.Function) *summaryFact {
	c.cur = fn
	s := &summaryFact{}
	var pending []pendingMut
	dynamic := false
	ord := &callOrder{lastOp: make(map[string]token.Pos), firstMut: make(map[string]token.Pos), callee: make(map[token.Pos]*types.Func)}
	if obj, ok := fn.Object().(*types.Func); ok && fn.Parent() == nil {
		c.order[obj] = ord
	}
	addOp := func(o Op, pos token.Pos) {
		s.addOp(o)
		ord.op(o, pos)
	}
	eachCall(fn, func(instr ssa.CallInstruction) {
		common := instr.Common()
		callee := staticCallee(common)
		if callee == nil && common.IsInvoke() {
			callee = common.Method
		}
		if callee == nil {
			return
		}
		if callee.Name() == knowledge.RueidisBuild && callee.Pkg() != nil && callee.Pkg().Path() == knowledge.RueidisCmds {
			for _, o := range c.rueidisOps(instr) {
				addOp(o, instr.Pos())
			}
			return
		}
		if lop, ok := knowledge.LookupCacheOp(callee); ok {
			for _, o := range c.libOps(instr, callee, lop) {
				addOp(o, instr.Pos())
			}
			return
		}
		if rt, ok := knowledge.LookupRoundTrip(callee, nil); ok {
			if rt.Lib.IsCache() {
				return
			}
			reads, mut := c.dbEffects(common, callee, rt)
			s.addReads(reads...)
			if mut != nil {
				mut.Posn = c.posn(instr.Pos())
				mut.Via = analysisutil.Display(callee)
				mut.Func = analysisutil.Display(outermost(fn).Object().(*types.Func))
				mut.Site, _ = reach.SiteOf(c.pass.Fset, instr.Pos(), token.NoPos)
				mut.Owned = c.judge && c.seesFamily(mut.Table)
				pending = append(pending, pendingMut{*mut, instr})
			}
			return
		}
		if common.IsInvoke() {
			if isProgramInterface(callee) {
				dynamic = true
				// The implementation's operations, as through the
				// concrete wrapper (reach.go).
				ops, impl := c.implOps(common)
				for _, o := range ops {
					addOp(c.resolve(o, instr, impl), instr.Pos())
				}
				if len(ops) == 0 && c.reporting {
					c.deferCall(instr) // whole.go
				}
			}
			return
		}
		f := c.factOf(callee)
		if f == nil {
			return
		}
		ord.callee[instr.Pos()] = callee
		s.addReads(f.Reads...)
		for _, o := range f.Ops {
			addOp(c.resolve(o, instr, callee), instr.Pos())
		}
		for _, m := range f.Muts {
			m.Via = chain(analysisutil.Display(callee), m.Via)
			pending = append(pending, pendingMut{m, instr})
		}
	})
	for _, o := range c.mapOps(fn) {
		c.judgeOp(&o, posNode(o.pos), nil, knowledge.TTLNone, "")
		c.judgeWrapper(&o, posNode(o.pos))
		addOp(o, o.pos)
	}
	if res := fn.Signature.Results(); res.Len() > 0 && isStringType(res.At(0).Type()) && fn.Name() != "String" && fn.Name() != "Error" {
		s.Key = c.returnShape(fn)
	}
	s.Scan = c.returnKeys(fn) // scan.go
	for _, pm := range pending {
		ord.mut(pm.Table, pm.instr.Pos())
		if !c.judge {
			s.addMut(pm.Mut)
			continue
		}
		c.judgeMut(s, pm, dynamic)
	}
	s.normalize()
	return s
}

// eachCall calls visit for every call in fn and in the function literals
// it contains: a closure passed to Pipelined, a transaction or a
// goroutine runs on the function's path.
func eachCall(fn *ssa.Function, visit func(ssa.CallInstruction)) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if ci, ok := instr.(ssa.CallInstruction); ok {
				visit(ci)
			}
		}
	}
	for _, anon := range fn.AnonFuncs {
		eachCall(anon, visit)
	}
}

// returnShape is the key shape a function returns on every path, or "".
func (c *checker) returnShape(fn *ssa.Function) string {
	shape := ""
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			ret, ok := instr.(*ssa.Return)
			if !ok || len(ret.Results) == 0 {
				continue
			}
			s, p := c.shapeOf(ret.Results[0])
			if p >= 0 || !isFamily(s) || shape != "" && s != shape {
				return ""
			}
			shape = s
		}
	}
	return shape
}

// isProgramInterface reports whether a method belongs to an interface the
// program declares: a call through it may reach code that invalidates.
func isProgramInterface(fn *types.Func) bool {
	if fn.Pkg() == nil || isLibrary(fn.Pkg().Path()) {
		return false
	}
	r := recvType(fn)
	return r != nil && types.IsInterface(r)
}

// ---- cache operations ----

// libOps returns the operations of a call to a cache library.
func (c *checker) libOps(instr ssa.CallInstruction, fn *types.Func, lop knowledge.CacheOp) []Op {
	common := instr.Common()
	base := Op{Kind: lop.Kind.String(), Lib: string(lop.Lib), KeyParam: -1, ValueParam: -1, Posn: c.posn(instr.Pos()), Via: analysisutil.Display(fn), pos: instr.Pos()}
	if lop.Lib.InProcess() {
		base.Cache = holderOf(receiverOf(common))
	}
	if lop.Held && base.Cache == "" {
		return nil // a sync.Map in a local: not a cache
	}
	ttlNode := c.argNode(instr, lop.TTL, false)
	var keys []ssa.Value
	var values []ssa.Value
	switch {
	case lop.Item:
		item := itemFields(argAt(common, lop.Key))
		keys = []ssa.Value{item["Key"]}
		values = []ssa.Value{item["Value"]}
		base.TTL = c.itemTTL(argAt(common, lop.Key), item)
		ttlNode = c.fieldNode(instr, lop.Key, "Expiration")
	case lop.Keys || lop.Pairs:
		elems, ok := sliceElems(argAt(common, lop.Key))
		if !ok {
			if lop.Keys && lop.Kind == knowledge.CacheDelete && !lop.Lib.InProcess() {
				if o, ok := c.scanKeyOp(base, argAt(common, lop.Key), false); ok {
					return c.keyOps(instr, o, ttlNode, lop.Mode) // scan.go
				}
			}
			keys = []ssa.Value{nil}
			break
		}
		step := 1
		if lop.Pairs {
			step = 2
		}
		for i := 0; i < len(elems); i += step {
			keys = append(keys, elems[i])
			if lop.Pairs && i+1 < len(elems) {
				values = append(values, elems[i+1])
			}
		}
	default:
		if lop.Key >= 0 {
			keys = []ssa.Value{argAt(common, lop.Key)}
		} else {
			keys = []ssa.Value{nil}
		}
		if lop.Value >= 0 {
			values = []ssa.Value{argAt(common, lop.Value)}
		}
	}
	if !lop.Item {
		base.TTL = c.callTTL(common, lop)
		if lop.Mode == knowledge.TTLSetArgs {
			ttlNode = c.fieldNode(instr, lop.TTL, "TTL")
		}
	}
	var tables, refills []string
	valueParam := -1
	for _, v := range values {
		if v == nil {
			continue
		}
		t, p, r := c.valueOrigin(v)
		tables = append(tables, t...)
		refills = append(refills, r...)
		if p >= 0 {
			valueParam = p
		}
	}
	slices.Sort(tables)
	tables = slices.Compact(tables)
	var ops []Op
	seen := make(map[string]bool)
	scanned := lop.Kind == knowledge.CacheDelete && !lop.Lib.InProcess() // scan.go
	for _, k := range keys {
		o := base
		o.Key = "*"
		fromScan := false
		if scanned {
			var so Op
			if so, fromScan = c.scanKeyOp(base, k, true); fromScan {
				o = so // one of the keys a SCAN returned
			}
		}
		if !fromScan && k != nil {
			o.Key, o.KeyParam = c.shapeOf(k)
			o.KeyParam = holderKeyParam(k, o.KeyParam, o.Cache)
		}
		if o.KeyParam < 0 {
			o.Key = familyKey(o.Key, o.Cache)
		}
		if id := fmt.Sprint(o.Key, o.KeyParam); seen[id] {
			continue // MSet(k1, v1, k2, v2) of one family: one write
		} else {
			seen[id] = true
		}
		if o.Kind == "write" {
			o.Tables, o.ValueParam, o.Refills = tables, valueParam, refills
		}
		site := c.callNode(instr)
		c.judgeOp(&o, site, ttlNode, lop.Mode, "")
		c.judgeWrapper(&o, site)
		c.noteKey(o, site)
		ops = append(ops, o)
	}
	return ops
}

// callNode returns the syntax of a call, or nil before the reporting pass.
func (c *checker) callNode(instr ssa.CallInstruction) ast.Node {
	if call := c.calls[instr.Common().Pos()]; call != nil {
		return call
	}
	return nil
}

// A posNode is a position as an ast.Node, for findings at instructions
// that are not calls (a map update).
type posNode token.Pos

func (p posNode) Pos() token.Pos { return token.Pos(p) }
func (p posNode) End() token.Pos { return token.Pos(p) }

// callTTL reads the TTL of a call by the library's convention.
func (c *checker) callTTL(common *ssa.CallCommon, lop knowledge.CacheOp) TTL {
	switch lop.Mode {
	case knowledge.TTLNone:
		return TTL{State: ttlNever}
	case knowledge.TTLZeroNever, knowledge.TTLSecondsZeroNever, knowledge.TTLNegativeNever, knowledge.TTLMinusOneNever, knowledge.TTLAlways:
		return c.ttlOf(argAt(common, lop.TTL), lop.Mode)
	case knowledge.TTLSetArgs:
		fields := structFields(argAt(common, lop.TTL))
		if fields == nil {
			return TTL{State: ttlUnknown}
		}
		if fields["KeepTTL"] != nil || fields["ExpireAt"] != nil {
			return TTL{State: ttlUnknown}
		}
		if v := fields["TTL"]; v != nil {
			return c.ttlOf(v, knowledge.TTLZeroNever)
		}
		return TTL{State: ttlNever}
	}
	return TTL{State: ttlUnknown}
}

// itemTTL reads a memcache Item's Expiration: zero, or never set on a
// literal, means no expiry.
func (c *checker) itemTTL(item ssa.Value, fields map[string]ssa.Value) TTL {
	if fields == nil {
		return TTL{State: ttlUnknown}
	}
	if v := fields["Expiration"]; v != nil {
		return c.ttlOf(v, knowledge.TTLItem)
	}
	if _, ok := item.(*ssa.Alloc); ok {
		return TTL{State: ttlNever}
	}
	return TTL{State: ttlUnknown}
}

// resolve carries a callee's operation to the call: parameters it took
// from the call's arguments become what those arguments are here.
func (c *checker) resolve(o Op, instr ssa.CallInstruction, callee *types.Func) Op {
	common := instr.Common()
	arg := func(i int) ssa.Value {
		if i < 0 || i >= len(common.Args) {
			return nil
		}
		return common.Args[i]
	}
	o.Via = chain(analysisutil.Display(callee), o.Via)
	wasJudged := o.Judged
	if o.KeyParam >= 0 {
		// Key is what follows the parameter: "" for the key itself, "*"
		// for the keys it prefixes.
		if a := arg(o.KeyParam); a != nil {
			suffix := o.Key
			if suffix == "" {
				o.Key, o.KeyParam = c.shapeOf(a)
			} else {
				o.Key, o.KeyParam = c.patternShape(a)
				if o.KeyParam >= 0 {
					o.Key += suffix
				} else {
					o.Key = collapse(o.Key + suffix)
				}
			}
		} else {
			o.Key, o.KeyParam = "*", -1
		}
		if o.KeyParam < 0 {
			o.Key = familyKey(o.Key, o.Cache)
			c.noteKey(o, c.callNode(instr))
		}
	}
	var ttlNode ast.Node
	mode := knowledge.TTLMode(o.TTL.Mode)
	if o.TTL.State == ttlParam {
		p := o.TTL.Param
		if a := arg(p); a != nil {
			o.TTL = c.ttlOf(a, knowledge.TTLMode(o.TTL.Mode))
		} else {
			o.TTL = TTL{State: ttlUnknown}
		}
		ttlNode = c.argNode(instr, p, true)
	}
	if o.ValueParam >= 0 {
		if a := arg(o.ValueParam); a != nil {
			tables, p, refills := c.valueOrigin(a)
			o.Refills = append(slices.Clone(o.Refills), refills...)
			o.Tables = append(slices.Clone(o.Tables), tables...)
			slices.Sort(o.Tables)
			o.Tables = slices.Compact(o.Tables)
			o.ValueParam = p
		} else {
			o.ValueParam = -1
		}
	}
	if !wasJudged {
		c.judgeOp(&o, c.callNode(instr), ttlNode, mode, analysisutil.Display(callee))
	}
	return o
}

// judgeOp applies the rules on expiry to an operation whose key and TTL
// are now known, once: where that first happens.
func (c *checker) judgeOp(o *Op, call ast.Node, ttlNode ast.Node, mode knowledge.TTLMode, through string) {
	if o.Judged || o.KeyParam >= 0 || o.TTL.State == ttlParam {
		return
	}
	o.Judged = true
	if !c.reporting || call == nil {
		return
	}
	ttlSyntax := ttlNode // nil: the call has no TTL to fix
	if ttlNode == nil {
		ttlNode = call
	}
	p := c.pass.Plan
	switch o.Kind {
	case "write", "expire":
		if o.TTL.State != ttlKnown {
			break
		}
		limit, rule := p.TTLFor(o.Key)
		if limit <= 0 || o.TTL.D <= limit {
			break
		}
		what := fmt.Sprintf("cache.max_ttl (%s)", dur(limit))
		if rule != "" {
			what = fmt.Sprintf("the %s the plan gives %s", dur(limit), rule)
		}
		c.report(ttlNode, CategoryTTL, "TTL %s for %s is above %s; a stale entry is served for that long after its data changes; use a TTL of at most %s", dur(o.TTL.D), family(o.Key), what, dur(limit))
	}
	if o.Kind != "write" && o.Kind != "persist" || o.TTL.State != ttlNever || !isShapeFamily(o.Key) || isMapLike(o.Lib) || isSizeBounded(o.Lib) || c.isInvalidated(o.Key, o.Cache) || slices.Contains(c.reportedDep, o.Key) {
		return
	}
	where := ""
	if through != "" {
		where = fmt.Sprintf(" (through %s, at %s)", through, o.Posn)
	}
	verb := "is written with no expiry"
	if o.Kind == "persist" {
		verb = "loses its expiry"
	}
	limit, _ := p.TTLFor(o.Key)
	fix := "give it a TTL"
	if limit > 0 {
		fix = fmt.Sprintf("give it a TTL (the plan allows %s)", dur(limit))
	}
	c.never[o.Key] = append(c.never[o.Key], neverSite{node: call, fix: c.ttlEdits(ttlSyntax, mode, limit), msg: fmt.Sprintf("%s %s%s and nothing in this package or its dependencies deletes or expires it: once its data changes, readers get the stale entry until the cache is flushed; %s, or delete the key where the data changes", family(o.Key), verb, where, fix)})
}

// isMapLike reports whether a cache is a Go map or a sync.Map: those are
// judged by the stale rule and as key-value wrappers, not for each write
// of a family with no expiry (a map keyed "handler:"+name is a registry
// as often as a cache).
func isMapLike(lib string) bool {
	return lib == string(knowledge.LibMap) || lib == string(knowledge.LibSyncMap)
}

// isSizeBounded reports whether a cache with no expiry still evicts by
// size (golang-lru, lcw's LruCache): the entry of a key that is no longer
// read goes, so a write there is not a leak of the never-expires kind; a
// read-through entry it keeps is still judged by the stale rule. (kratos
// keeps 16 compiled templates in one, keyed by their constant names.)
func isSizeBounded(lib string) bool {
	return lib == string(knowledge.LibLRU) || lib == string(knowledge.LibLCW)
}

// A neverSite is a write of a family with no expiry.
type neverSite struct {
	node ast.Node
	msg  string
	fix  []analysis.TextEdit // gives this write the plan's TTL (fix.go)
}

// reportNever reports each family written with no expiry once, at its
// first write, with the others as related positions (one cause: the
// family has no TTL and no invalidation), and returns the families.
func (c *checker) reportNever() []string {
	fams := make([]string, 0, len(c.never))
	for fam, sites := range c.never {
		// The finding goes to the first write outside test files (whose
		// findings are dropped unless -tests is set).
		slices.SortFunc(sites, func(a, b neverSite) int {
			if ta, tb := c.inTestFile(a.node.Pos()), c.inTestFile(b.node.Pos()); ta != tb {
				if ta {
					return 1
				}
				return -1
			}
			return int(a.node.Pos() - b.node.Pos())
		})
		c.never[fam] = sites
		fams = append(fams, fam)
	}
	slices.Sort(fams)
	for _, fam := range fams {
		sites := c.never[fam]
		var related []analysis.RelatedInformation
		for _, s := range sites[1:] {
			if s.node.Pos() != sites[0].node.Pos() {
				related = append(related, analysis.RelatedInformation{Pos: s.node.Pos(), End: s.node.End(), Message: "also written with no expiry here"})
			}
		}
		c.pass.Report(analysis.Diagnostic{Pos: sites[0].node.Pos(), End: sites[0].node.End(), Category: CategoryNeverExpires, Message: sites[0].msg,
			Related: analysisutil.BoundedRelated(c.pass.Fset, related), SuggestedFixes: c.neverFix(sites)})
	}
	return fams
}

func family(shape string) string {
	if h := holderFamily(shape); h != "" {
		return "the entries of the in-process cache " + holderName(h)
	}
	if !isFamily(shape) {
		return "a cache key"
	}
	return "cache key family " + shape
}

// dur formats a duration as people write it: 24h, 90m, 1h30m, 10s.
func dur(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// ---- table changes ----

// judgeMut checks a change to a table's rows against the key families
// that cache the table: the function, with its callees, must delete,
// expire or rewrite each of them. A change to a table no visible family
// caches is left to the callers, in the function's fact.
func (c *checker) judgeMut(s *summaryFact, pm pendingMut, dynamic bool) {
	links := c.linksFor(pm.Table)
	if len(links) == 0 {
		s.addMut(pm.Mut)
		return
	}
	if dynamic {
		return // a call through the program's own interface may invalidate
	}
	var missing []tableLink
	for _, l := range links {
		if !invalidates(s.Ops, l.Link, l.Posn == "plan") {
			missing = append(missing, l)
		}
	}
	if len(missing) == 0 || !c.reporting {
		return
	}
	call := c.calls[pm.instr.Common().Pos()]
	if call == nil {
		return
	}
	var fams, where []string
	var related []analysis.RelatedInformation
	sibling := ""
	for _, l := range missing {
		fams = append(fams, familyName(l.Family))
		switch {
		case l.Posn == "plan":
			where = append(where, familyName(l.Family)+" by the plan's cache.invalidate")
		case l.guard != nil:
			where = append(where, familyName(l.Family)+" at "+l.Posn+" with "+ttlPhrase(l.TTL))
			if sibling == "" {
				sibling = fmt.Sprintf("; %s drops or rewrites it after changing %s (at %s), so this path must too", l.guard.Func, l.Table, l.guard.Posn)
			}
			if p := c.posOf(l.guard.Posn); p.IsValid() {
				related = append(related, analysis.RelatedInformation{Pos: p, Message: l.guard.Func + " invalidates " + familyName(l.Family) + " here"})
			}
		default:
			where = append(where, familyName(l.Family)+" at "+l.Posn+" with no TTL")
		}
		if l.Posn != "plan" {
			if p := c.posOf(l.Posn); p.IsValid() {
				related = append(related, analysis.RelatedInformation{Pos: p, Message: familyName(l.Family) + " is filled from " + l.Table + " here"})
			}
		}
	}
	rest := fmt.Sprintf(" leaves %s stale: %s its rows (%s)%s, and nothing on this path deletes or rewrites the entry, so readers get the old row until the key is dropped; delete the key after the write (e.g. rdb.Del(ctx, key)), write the new value through, or give the entry a TTL", strings.Join(fams, ", "), plural2(len(fams), "that family caches", "those families cache"), strings.Join(where, "; "), sibling)
	c.addStale(pm, call, rest, related)
}

// seesFamily reports whether a family visible here, other than by the
// plan, caches a table.
func (c *checker) seesFamily(table string) bool {
	return slices.ContainsFunc(c.links, func(l Link) bool { return l.Table == table && l.Posn != "plan" })
}

// outermost returns the declared function a function literal is in.
func outermost(fn *ssa.Function) *ssa.Function {
	for i := 0; fn.Parent() != nil && i < 64; i++ {
		fn = fn.Parent()
	}
	return fn
}

// familyName is a family as a message names it: its key shape, or the
// in-process cache that holds it.
func familyName(fam string) string {
	if h := holderFamily(fam); h != "" {
		return "the in-process cache " + holderName(h)
	}
	return fam
}

func ttlPhrase(ttl string) string {
	switch ttl {
	case "":
		return "a TTL"
	case "none":
		return "no TTL"
	}
	return "TTL " + ttl
}

func plural2(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// invalidates reports whether operations drop or replace keys of a
// family: a delete, an expiry, a flush or a write whose key may be in it.
// A key taken from a parameter may be any key; an operation on an
// in-process cache with a key perfvet cannot shape may be any key of
// that cache.
func invalidates(ops []Op, l Link, planGlob bool) bool {
	for _, o := range ops {
		if o.KeyParam >= 0 || overlap(o.Key, l.Family, planGlob || o.Prefix) || sameCache(o, l) {
			return true
		}
	}
	return false
}

// sameCache reports whether an operation is on the in-process cache of a
// link whose family, or whose key, is that cache as a whole.
func sameCache(o Op, l Link) bool {
	return l.Cache != "" && o.Cache == l.Cache && (holderFamily(l.Family) != "" || holderFamily(o.Key) != "" || o.KeyParam >= 0)
}

// A tableLink is a family that a change to a table must invalidate, and,
// for a family whose entries expire, the sibling path that shows it.
type tableLink struct {
	Link
	guard *Guard
}

// linksFor returns the families whose entries a change to a table's rows
// leaves stale until someone drops them: those the plan's
// cache.invalidate names, those a read-through writes with no expiry,
// and those a read-through writes with a TTL when another path that
// changes the table drops or rewrites them (the code itself shows they
// must be invalidated). Otherwise an entry that expires is stale for its
// TTL at most, which the plan accepts ("every write expires or is
// invalidated") and bounds with cache.max_ttl.
func (c *checker) linksFor(table string) []tableLink {
	var out []tableLink
	for _, l := range c.links {
		if l.Table != table || slices.ContainsFunc(out, func(x tableLink) bool { return x.Family == l.Family }) {
			continue
		}
		if l.Posn == "plan" || l.TTL == "none" {
			out = append(out, tableLink{Link: l})
			continue
		}
		// The first guard by name, so that every package that reports
		// a change names the same one.
		var guard *Guard
		for i := range c.guards {
			if g := &c.guards[i]; g.Table == table && g.Family == l.Family && (guard == nil || g.Func+g.Posn < guard.Func+guard.Posn) {
				guard = g
			}
		}
		if guard != nil {
			out = append(out, tableLink{Link: l, guard: guard})
		}
	}
	return out
}

// ---- families ----

// familiesOfPackage collects what this package does to families as a
// whole, from every function's summary.
func (c *checker) familiesOfPackage() *familiesFact {
	f := &familiesFact{}
	for _, fn := range c.declared {
		obj := fn.Object().(*types.Func)
		s := c.facts[obj]
		if s == nil {
			continue
		}
		for _, o := range s.Ops {
			switch o.Kind {
			case "delete", "expire", "flush", "script":
				switch {
				case o.Kind == "flush":
					f.addInvalidated(familyKey("*", o.Cache))
				case o.KeyParam < 0 && o.Prefix:
					f.addPrefix(o.Key)
				case o.KeyParam < 0:
					f.addInvalidated(o.Key)
				case obj.Exported() && o.Cache != "":
					// A helper that deletes the key its callers give,
					// from an in-process cache this package holds: its
					// callers in other packages cannot be seen, and the
					// cache is the family here.
					f.addInvalidated(familyKey("*", o.Cache))
				}
				// A helper of a shared key space (Redis, memcache) that
				// deletes its caller's key counts for the families its
				// callers give it: each call is resolved in the caller's
				// summary, which its package's fact carries.
				if o.KeyParam >= 0 && o.Cache == "" && obj.Exported() {
					f.KeyDeleter = true
				}
			case "write":
				fam := o.Key
				if o.KeyParam >= 0 && o.Cache != "" {
					// A string key its callers give, into a cache this
					// package holds: the cache is the family here.
					fam = familyKey("*", o.Cache)
				}
				if (o.KeyParam < 0 || o.Cache != "") && isFamily(fam) && o.TTL.State != ttlParam && (o.Cache == "" || !c.onlyCompared(o.Cache)) {
					for _, t := range o.Tables {
						f.addLink(Link{Table: t, Family: fam, Posn: o.Posn, TTL: ttlText(o.TTL), Cache: o.Cache})
					}
				}
			}
		}
	}
	f.Sets = slices.Clone(c.localSets)
	f.normalize()
	return f
}

func ttlText(t TTL) string {
	switch t.State {
	case ttlNever:
		return "none"
	case ttlKnown:
		return dur(t.D)
	}
	return ""
}

// collectVisible gathers the invalidations and links of this package, of
// every package it imports (directly or not), and of the plan.
func (c *checker) collectVisible(local *familiesFact) {
	add := func(f *familiesFact) {
		c.invalidated = append(c.invalidated, f.Invalidated...)
		c.prefixes = append(c.prefixes, f.Prefixes...)
		c.keyDeleter = c.keyDeleter || f.KeyDeleter
		c.links = append(c.links, f.Links...)
		c.guards = append(c.guards, f.Guards...)
	}
	add(local)
	for _, pf := range c.pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*familiesFact); ok {
			add(f)
			c.reportedDep = append(c.reportedDep, f.Reported...)
		}
	}
	for _, inv := range c.pass.Plan.Cache.Invalidate {
		for _, k := range inv.Keys {
			c.links = append(c.links, Link{Table: tableName(inv.Table), Family: k, Posn: "plan"})
		}
	}
}

// collectGuards finds this package's paths that change a table's rows
// and invalidate a family caching it, from the summaries computed before
// judging (where the changes are still carried up).
func (c *checker) collectGuards(local *familiesFact) {
	for _, fn := range c.declared {
		obj := fn.Object().(*types.Func)
		s := c.facts[obj]
		if s == nil || len(s.Muts) == 0 {
			continue
		}
		for _, m := range s.Muts {
			for _, l := range c.links {
				if l.Table != m.Table || l.Posn == "plan" {
					continue
				}
				for _, o := range s.Ops {
					if o.Kind == "persist" || o.Kind == "script" {
						continue
					}
					if sameCache(o, l) || o.KeyParam < 0 && o.Key != "*" && overlap(o.Key, l.Family, o.Prefix) {
						if o.Kind == "write" && !c.writesAfter(obj, o, m.Table, l, 0) {
							continue // the fill that read the row, not a write of the changed one
						}
						if o.Kind == "write" && slices.ContainsFunc(o.Refills, func(k string) bool { return overlap(k, l.Family, false) }) {
							continue // the cached value written back: a refresh of its TTL
						}
						if o.Kind == "write" && slices.Contains(o.Tables, m.Table) && c.throughGetter(obj, o, m.Table) {
							continue // a read-through called after the change, which fills on a miss only
						}
						g := Guard{Table: m.Table, Family: l.Family, Func: analysisutil.Display(obj), Posn: o.Posn}
						local.addGuard(g)
						c.guards = append(c.guards, g)
						break
					}
				}
			}
		}
	}
}

// throughGetter reports whether a function's write of a value read from
// table is made by a callee that reads the table itself: a read-through
// getter (one-api's billing calls CacheUpdateUserQuota after the quota
// changes, which answers from the cache and fills it on a miss only),
// not a write of the changed row.
func (c *checker) throughGetter(fn *types.Func, op Op, table string) bool {
	ord := c.order[fn]
	if ord == nil {
		return false
	}
	callee := ord.callee[ord.lastOp[op.identity()]]
	if callee == nil {
		return false
	}
	f := c.facts[callee]
	if callee.Pkg() != c.pass.Pkg {
		f = c.factOf(callee)
	}
	return f != nil && slices.Contains(f.Reads, table)
}

// A callOrder holds where, in a function and its function literals, the
// last call that leads to each of its cache operations is, and the first
// that leads to a change of each table.
type callOrder struct {
	lastOp   map[string]token.Pos // by Op.identity
	firstMut map[string]token.Pos // by table
	callee   map[token.Pos]*types.Func
}

func (o *callOrder) op(op Op, pos token.Pos) {
	if id := op.identity(); pos > o.lastOp[id] {
		o.lastOp[id] = pos
	}
}

func (o *callOrder) mut(table string, pos token.Pos) {
	if old, ok := o.firstMut[table]; pos.IsValid() && (!ok || pos < old) {
		o.firstMut[table] = pos
	}
}

// writesAfter reports whether a function's write of a family (op) may
// come after its first change of table: a read-through that fills the
// family and then changes the row (one-api's token check, which caches
// the token and then marks it expired) has not written the new row, and
// is no guard. When one call leads to both, the callee is asked: through
// a function of this package, the same question of its own write; of
// another package, whether that package found it a guard. Source order
// stands for execution order, which a loop can break; unknown order
// counts as after.
func (c *checker) writesAfter(fn *types.Func, op Op, table string, l Link, depth int) bool {
	ord := c.order[fn]
	if ord == nil || depth > 8 {
		return true
	}
	last, ok1 := ord.lastOp[op.identity()]
	first, ok2 := ord.firstMut[table]
	if !ok1 || !ok2 || !last.IsValid() || last > first {
		return true
	}
	if last < first {
		return false
	}
	callee := ord.callee[last]
	if callee == nil {
		return true
	}
	if callee.Pkg() != c.pass.Pkg {
		return slices.ContainsFunc(c.guards, func(g Guard) bool {
			return g.Func == analysisutil.Display(callee) && g.Table == table && g.Family == l.Family
		})
	}
	s := c.facts[callee]
	if s == nil {
		return true
	}
	for _, o := range s.Ops {
		if o.Kind == "write" && (o.KeyParam >= 0 || sameCache(o, l) || o.Key != "*" && overlap(o.Key, l.Family, o.Prefix)) && c.writesAfter(callee, o, table, l, depth+1) {
			return true
		}
	}
	return false
}

// isInvalidated reports whether visible code deletes or expires keys of
// the family (or, for an in-process cache, any key of the cache that
// holds it), or the plan says which table changes drop it.
func (c *checker) isInvalidated(fam, holder string) bool {
	for _, s := range c.invalidated {
		if overlap(s, fam, false) || holder != "" && s == familyKey("*", holder) {
			return true
		}
	}
	for _, s := range c.prefixes {
		if holder == "" && overlap(s, fam, true) {
			return true
		}
	}
	for _, inv := range c.pass.Plan.Cache.Invalidate {
		for _, k := range inv.Keys {
			if overlap(k, fam, true) {
				return true
			}
		}
	}
	return false
}

// ---- cache-wide lifetimes ----

// checkWindows compares the lifetimes in-process caches give all their
// entries (an expirable LRU's ttl, bigcache's LifeWindow, go-cache's
// default expiration) with cache.max_ttl.
func (c *checker) checkWindows() {
	limit := c.pass.Plan.Cache.MaxTTL
	if limit <= 0 {
		return
	}
	info := c.pass.TypesInfo
	check := func(e ast.Expr, what string) {
		tv, ok := info.Types[e]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
			return
		}
		n, ok := constant.Int64Val(tv.Value)
		if !ok || n <= 0 {
			return
		}
		if d := time.Duration(n); d > limit {
			c.report(e, CategoryTTL, "%s of %s is above cache.max_ttl (%s); every entry of this cache may be served that long after its data changes; use at most %s", what, dur(d), dur(limit), dur(limit))
		}
	}
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				fn := analysisutil.Callee(info, n)
				if fn == nil {
					return true
				}
				if w, ok := knowledge.CacheWindows[knowledge.FuncKey(fn)]; ok && w.Arg < len(n.Args) {
					check(n.Args[w.Arg], "the lifetime "+analysisutil.Display(fn)+" gives every entry")
				}
			case *ast.CompositeLit:
				t := info.TypeOf(n)
				for ref, field := range knowledge.CacheWindowFields {
					if t == nil || !analysisutil.IsNamed(t, ref.Pkg, ref.Name) {
						continue
					}
					for _, el := range n.Elts {
						if kv, ok := el.(*ast.KeyValueExpr); ok {
							if id, ok := kv.Key.(*ast.Ident); ok && id.Name == field {
								check(kv.Value, ref.Name+"."+field)
							}
						}
					}
				}
			}
			return true
		})
	}
}

// ---- positions ----

// argNode returns the syntax of a call's argument i: receiver not counted
// unless param says i is an SSA parameter index of the callee.
func (c *checker) argNode(instr ssa.CallInstruction, i int, param bool) ast.Node {
	call := c.calls[instr.Common().Pos()]
	if call == nil || i < 0 {
		return nil
	}
	if param && !instr.Common().IsInvoke() && instr.Common().Signature().Recv() != nil {
		if _, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr); isSel {
			i-- // x.M(args): the receiver is not among the arguments
		}
	}
	if i < 0 || i >= len(call.Args) {
		return nil
	}
	return call.Args[i]
}

// fieldNode returns the value of field name in a composite literal given
// as argument i, or the argument.
func (c *checker) fieldNode(instr ssa.CallInstruction, i int, name string) ast.Node {
	n := c.argNode(instr, i, false)
	e, _ := n.(ast.Expr)
	if e == nil {
		return n
	}
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u.X
	}
	if lit, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
		for _, el := range lit.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
					return kv.Value
				}
			}
		}
	}
	return n
}

func (c *checker) report(n ast.Node, category, format string, args ...any) {
	c.reportRelated(n, category, nil, format, args...)
}

func (c *checker) reportRelated(n ast.Node, category string, related []analysis.RelatedInformation, format string, args ...any) {
	c.pass.Report(analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Category: category, Message: fmt.Sprintf(format, args...), Related: related})
}

func (c *checker) inTestFile(pos token.Pos) bool {
	f := c.pass.Fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// posOf turns a position a fact names ("dir/file.go:12") back into a
// position when the file belongs to this package, or token.NoPos.
func (c *checker) posOf(posn string) token.Pos {
	for _, f := range c.pass.Files {
		if p := analysisutil.LineIn(c.pass.Fset, f.Pos(), posn); p.IsValid() {
			return p
		}
	}
	return token.NoPos
}

func (c *checker) posn(pos token.Pos) string {
	p := c.pass.Fset.Position(pos)
	if !p.IsValid() {
		return "?"
	}
	return fmt.Sprintf("%s/%s:%d", filepath.Base(filepath.Dir(p.Filename)), filepath.Base(p.Filename), p.Line)
}

// ---- composite values ----

// itemFields returns the values stored in the fields of a *memcache.Item
// built in this function, by field name, or nil.
func itemFields(v ssa.Value) map[string]ssa.Value {
	a, ok := v.(*ssa.Alloc)
	if !ok {
		return nil
	}
	return storedFields(a)
}

// structFields returns the fields stored in a struct value loaded from a
// local variable (redis.SetArgs{TTL: d}), or nil.
func structFields(v ssa.Value) map[string]ssa.Value {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil
	}
	a, ok := load.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	return storedFields(a)
}

func storedFields(a *ssa.Alloc) map[string]ssa.Value {
	out := make(map[string]ssa.Value)
	st, ok := analysisutil.Deref(a.Type()).Underlying().(*types.Struct)
	if !ok {
		return out
	}
	for _, ref := range referrers(a) {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.Field >= st.NumFields() {
			continue
		}
		for _, r2 := range referrers(fa) {
			if s, ok := r2.(*ssa.Store); ok && s.Addr == fa {
				out[st.Field(fa.Field).Name()] = s.Val
			}
		}
	}
	return out
}
