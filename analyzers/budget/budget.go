package budget

import (
	_ "embed"
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/internal/lint"
	"github.com/perfvet/perfvet/analyzers/internal/routes"
	"github.com/perfvet/perfvet/analyzers/internal/ssabuild"
	"github.com/perfvet/perfvet/analyzers/plan"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name.
const Name = "budget"

// Categories of findings.
const (
	CategoryEndpoint = "endpoint" // the estimate exceeds the endpoint's p95 objective
	CategoryDatabase = "database" // its database part exceeds budget.database
	CategoryExternal = "external" // its external part exceeds budget.external
)

// DefaultMissRate is the share of cache reads that miss, by default.
const DefaultMissRate = 0.1

// DefaultFanout is how many elements a loop over a collection the code
// does not bound runs, by default: a request's list, an entity's
// children (see doc.go, "The cost model").
const DefaultFanout = 10

// UnboundedFactor is how many times its objective an estimate may be
// before it is reported as unbounded rather than as a figure (see doc.go).
const UnboundedFactor = 10

// Config configures a budget analyzer.
type Config struct {
	// Plans gives the plan of each package.
	Plans plan.Provider
	// Tests reports findings in _test.go files too (flag -tests).
	Tests bool
	// MissRate is the share of cache reads that miss (flag -missrate);
	// zero means DefaultMissRate.
	MissRate float64
	// Fanout is how many times a loop over a collection the code does not
	// bound runs (flag -fanout); zero means DefaultFanout.
	Fanout int
}

// DefaultConfig discovers each package's perfplan.yaml.
func DefaultConfig() Config { return Config{Plans: plan.NewFinder("")} }

// Analyzer is the budget analyzer with the default configuration.
var Analyzer = New(DefaultConfig())

// New returns a budget analyzer.
func New(cfg Config) *analysis.Analyzer {
	opts := &lint.Options{Plans: cfg.Plans, Tests: cfg.Tests}
	miss := &rateFlag{v: cfg.MissRate}
	if miss.v <= 0 {
		miss.v = DefaultMissRate
	}
	fanout := &fanoutFlag{v: cfg.Fanout}
	if fanout.v <= 0 {
		fanout.v = DefaultFanout
	}
	a := &analysis.Analyzer{
		Name: Name,
		Doc:  analysisutil.MustExtractDoc(doc, Name),
		URL:  "https://github.com/perfvet/perfvet/blob/main/analyzers/budget/doc.go",
		Run: lint.Wrap(Name, opts, func(pass *lint.Pass) (any, error) {
			return run(pass, miss.v, fanout.v)
		}),
		Requires:         []*analysis.Analyzer{inspect.Analyzer, ssabuild.Analyzer},
		FactTypes:        []analysis.Fact{new(costFact), new(implsFact), new(openRoutesFact), new(resolvedRoutesFact)},
		ResultType:       reflect.TypeFor[*Result](),
		RunDespiteErrors: true,
	}
	opts.BindFlags(&a.Flags)
	a.Flags.Var(fanout, "fanout", "how many elements a loop over a collection the code does not bound runs (a request's list, an entity's children), instead of limits.max_page_size")
	a.Flags.Var(miss, "missrate", "share of cache reads that miss, between 0 and 1: a cache read costs costs.cache_hit plus this share of its miss path (or of costs.cache_miss)")
	return a
}

// rateFlag is a share between 0 and 1.
type rateFlag struct{ v float64 }

var _ flag.Value = (*rateFlag)(nil)

func (f *rateFlag) String() string { return strconv.FormatFloat(f.v, 'g', -1, 64) }

func (f *rateFlag) Set(s string) error {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 0 || v > 1 {
		return fmt.Errorf("missrate: %q is not a share between 0 and 1", s)
	}
	f.v = v
	return nil
}

// fanoutFlag is a positive count.
type fanoutFlag struct{ v int }

var _ flag.Value = (*fanoutFlag)(nil)

func (f *fanoutFlag) String() string { return strconv.Itoa(f.v) }

func (f *fanoutFlag) Set(s string) error {
	v, err := strconv.Atoi(s)
	if err != nil || v < 1 {
		return fmt.Errorf("fanout: %q is not a positive count", s)
	}
	f.v = v
	return nil
}

// A Result holds the estimates of the endpoints a package registers, for
// perfvet budget.
type Result struct {
	Endpoints []*Estimate
}

// An Estimate is one endpoint's estimated latency, against its objective.
type Estimate struct {
	Route     string         // "GET /items", as registered ("" if not constant)
	Handler   string         // the handler's name
	Pos       token.Position // the registration
	Objective time.Duration  // the p95 the endpoint is held to
	// ObjectiveFrom is where the objective comes from: "endpoints" (a
	// plan entry for the route) or "slo" (slo.latency.p95).
	ObjectiveFrom string
	Total         time.Duration
	// Layers are the parts of the estimate by budget layer, with the
	// plan's budget for each.
	Layers []Layer
	Over   []string // the categories of the findings it gets
	// Unbounded: the estimate exceeds UnboundedFactor times the objective.
	// Such a figure multiplies guesses (loop bounds, paths through many
	// helpers) more than it measures anything: it is reported as
	// unbounded, a loop to bound, rather than as a latency.
	Unbounded bool
	// CatchAll: the route matches every request (net/http's "/" with no
	// method); its estimate is the costliest request its handler
	// dispatches, and it gets no finding.
	CatchAll bool
	// Open counts the interface calls of the handler whose implementations
	// the estimating package does not see: they cost nothing here.
	Open int
	// ResolvedBy is the package that resolved interface calls the
	// registering package could not (the program's main, which wires
	// their implementations), and Resolved how many; "" and 0 for the
	// registering package's own estimate.
	ResolvedBy string
	Resolved   int
}

// A Layer is one budget layer of an estimate.
type Layer struct {
	Name   string
	Total  time.Duration
	Budget time.Duration
	Ops    []Op // costliest first
}

func run(pass *lint.Pass, missRate float64, fanout int) (any, error) {
	res := &Result{}
	if pass.Pkg == nil || knowledge.IsDescribed(pass.Pkg.Path()) || analysisutil.IsStdPath(pass.Pkg.Path()) {
		return res, nil // described by the knowledge tables
	}
	c := &checker{
		pass:     pass,
		insp:     pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
		plan:     pass.Plan,
		missRate: missRate,
		fanout:   fanout,
		decls:    make(map[*types.Func]*ast.FuncDecl),
		sums:     make(map[*types.Func]*summary),
		lits:     make(map[*ast.FuncLit]*summary),
	}
	c.indexDecls()
	c.summarizeAll()
	c.exportFacts()
	if s, ok := pass.ResultOf[ssabuild.Analyzer].(*ssabuild.Result); ok && s != nil && routes.MayRegister(pass.TypesInfo) {
		if _, funcs := s.SSA(); funcs != nil {
			c.checkRoutes(res, funcs)
		}
	}
	c.resolveRoutes(res)
	return res, nil
}

// A checker holds the state of one pass.
type checker struct {
	pass     *lint.Pass
	insp     *inspector.Inspector
	plan     *plan.Plan
	missRate float64
	fanout   int

	decls map[*types.Func]*ast.FuncDecl // the package's functions and methods
	sums  map[*types.Func]*summary      // computed (or being computed) summaries
	lits  map[*ast.FuncLit]*summary

	cands     map[string][]types.Type   // implementation candidates by method name
	imported  map[string]*types.Package // the packages imported, directly or not
	impls     map[implKey]*summary      // interface method resolutions
	implCount map[implKey]int           // how many implementations each weighed
	files     map[string]*token.File    // by name, for imported positions
	open      []openRoute               // routes with open interface calls, for importers
}

// A summary is what running a function costs: its costliest path, and
// the bound on the rows it returns.
type summary struct {
	ops  []Op
	rows bound
	done bool
}

func (s *summary) path() path {
	if s == nil {
		return path{}
	}
	return path{seq: s.ops}
}

// indexDecls maps the package's functions and methods to their
// declarations.
func (c *checker) indexDecls() {
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			if obj, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
				c.decls[obj] = fd
			}
		}
	}
}

// summarizeAll computes the summary of every function of the package.
func (c *checker) summarizeAll() {
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if obj, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					c.summaryOf(obj)
				}
			}
		}
	}
}

// summaryOf returns the summary of a function of this package, computing
// it on first use; a function being computed (recursion) costs nothing
// more.
func (c *checker) summaryOf(fn *types.Func) *summary {
	fn = fn.Origin()
	if s, ok := c.sums[fn]; ok {
		return s
	}
	fd := c.decls[fn]
	if fd == nil {
		return nil
	}
	s := &summary{}
	c.sums[fn] = s
	w := c.newWalker(fd.Body)
	p := w.block(fd.Body.List)
	s.ops = compact(p.ops())
	s.rows = w.returnedRows(fd)
	s.done = true
	return s
}

// litSummary returns the summary of a function literal.
func (c *checker) litSummary(lit *ast.FuncLit) *summary {
	if s, ok := c.lits[lit]; ok {
		return s
	}
	s := &summary{}
	c.lits[lit] = s
	w := c.newWalker(lit.Body)
	s.ops = compact(w.block(lit.Body.List).ops())
	s.done = true
	return s
}

// exportFacts exports the summaries of exported functions and methods,
// and the types whose methods other packages' interfaces may reach.
func (c *checker) exportFacts() {
	var exported []string
	seen := make(map[string]bool)
	for fn, s := range c.sums {
		if fn.Pkg() != c.pass.Pkg || !fn.Exported() {
			continue
		}
		f := &costFact{Ops: s.ops, Rows: s.rows.n, RowsWhy: s.rows.why, RowsFrom: s.rows.from}
		if f.empty() {
			continue
		}
		c.pass.ExportObjectFact(fn, f)
		if recv := fn.Signature().Recv(); recv != nil {
			if named := namedOf(recv.Type()); named != nil && !types.IsInterface(named) && !seen[named.Obj().Name()] && len(s.ops) > 0 {
				seen[named.Obj().Name()] = true
				exported = append(exported, named.Obj().Name())
			}
		}
	}
	if len(exported) > 0 {
		sortStrings(exported)
		c.pass.ExportPackageFact(&implsFact{Types: exported})
	}
}

// factOf returns the summary of a function of another package, from its
// fact.
func (c *checker) factOf(fn *types.Func) *summary {
	fn = fn.Origin()
	if fn.Pkg() == nil {
		return nil
	}
	if fn.Pkg() == c.pass.Pkg {
		return c.summaryOf(fn)
	}
	if knowledge.IsDescribed(fn.Pkg().Path()) || analysisutil.IsStdPath(fn.Pkg().Path()) {
		return nil
	}
	var f costFact
	if !c.pass.ImportObjectFact(fn, &f) {
		return nil
	}
	return &summary{ops: f.Ops, rows: bound{n: f.Rows, why: f.RowsWhy, from: f.RowsFrom}, done: true}
}

func namedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}
