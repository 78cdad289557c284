package metrics

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/flow"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/internal/lint"
	"github.com/perfvet/perfvet/analyzers/internal/ssabuild"
	"github.com/perfvet/perfvet/analyzers/plan"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name.
const Name = "metrics"

// Categories of findings.
const (
	CategoryMissing = "missing" // a server whose program lacks a required metric
	CategoryRoute   = "route"   // a route no metrics middleware covers
	CategoryBuckets = "buckets" // histogram buckets that cannot show the SLOs
	CategoryLabels  = "labels"  // a planned metric without the plan's labels
	CategoryType    = "type"    // a planned metric of the wrong type
	CategoryNaming  = "naming"  // metric names against the conventions (-naming)
	CategoryUnit    = "unit"    // durations observed in another unit than the histogram's buckets
	CategoryClient  = "client"  // outbound HTTP clients without metrics
	CategoryPool    = "pool"    // database pools without metrics
	CategoryPath    = "path"    // a return after the work that skips the metrics the other paths record
	CategoryGRPC    = "grpc"    // gRPC services without metrics
)

// defaultExemptions are the routes that need no metrics middleware by
// default: the scrape endpoint, health checks and debug handlers.
const defaultExemptions = "/metrics,/health,/healthz,/livez,/readyz,/ready,/ping,/version,/varz,/debug/*,/.well-known/*,/swagger.json,/openapi.json,/openapi.yaml"

// Config configures a metrics analyzer.
type Config struct {
	// Plans gives the plan of each package.
	Plans plan.Provider
	// Tests reports findings in _test.go files too (flag -tests).
	Tests bool
	// Exempt lists the route paths that need no metrics middleware:
	// exact paths, or prefixes ending in "*" (flag -exempt). Nil means the
	// default: the scrape endpoint, health checks and /debug/.
	Exempt []string
	// Naming also checks the names of the metrics the program defines
	// beyond the plan's against Prometheus' naming conventions (flag
	// -naming). Off by default: on real services these metrics are
	// already exported, and renaming one breaks its users' dashboards.
	Naming bool
	// WholeProgram and Imported (the perfvet command): a package that a
	// package of the run imports, not main, holds its server starts'
	// missing-metrics finding in a package fact, and the package that
	// decides on the program (a main package, or one that no package of
	// the run imports) reports the program's missing metrics once, with
	// every start related, or nothing when its program defines them
	// (held.go). Otherwise each package reports its own starts.
	WholeProgram bool
	Imported     func(pkgPath string) bool
}

// DefaultConfig discovers each package's perfplan.yaml.
func DefaultConfig() Config { return Config{Plans: plan.NewFinder("")} }

// Analyzer is the metrics analyzer with the default configuration.
var Analyzer = New(DefaultConfig())

// New returns a metrics analyzer.
func New(cfg Config) *analysis.Analyzer {
	opts := &lint.Options{Plans: cfg.Plans, Tests: cfg.Tests}
	exempt := &listFlag{}
	if cfg.Exempt != nil {
		exempt.list = append([]string(nil), cfg.Exempt...)
	} else {
		_ = exempt.Set(defaultExemptions)
	}
	naming := cfg.Naming
	a := &analysis.Analyzer{
		Name: Name,
		Doc:  analysisutil.MustExtractDoc(doc, Name),
		URL:  "https://github.com/perfvet/perfvet/blob/main/analyzers/metrics/doc.go",
		Run: lint.Wrap(Name, opts, func(pass *lint.Pass) (any, error) {
			return run(pass, exempt.list, naming, programRole(cfg, pass.Pass))
		}),
		Requires:         []*analysis.Analyzer{inspect.Analyzer, ssabuild.Analyzer},
		FactTypes:        []analysis.Fact{new(programFact), new(recordsFact), new(metricFact), new(servesFact), new(heldStartsFact)},
		RunDespiteErrors: true,
	}
	opts.BindFlags(&a.Flags)
	a.Flags.BoolVar(&naming, "naming", cfg.Naming, "also check the names of metrics the plan does not name against Prometheus' conventions (_total on counters only, base units)")
	a.Flags.Var(exempt, "exempt", "comma-separated route paths that need no metrics middleware (a trailing * matches a prefix)")
	return a
}

// listFlag is a comma-separated list flag.
type listFlag struct{ list []string }

func (f *listFlag) String() string { return strings.Join(f.list, ",") }

func (f *listFlag) Set(s string) error {
	f.list = nil
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			f.list = append(f.list, p)
		}
	}
	return nil
}

// relevant are the packages without which a package can neither define nor
// record a metric, nor serve or register HTTP and gRPC routes.
var relevant = append([]string{
	knowledge.NetHTTP, knowledge.Gin, knowledge.Echo4, knowledge.Chi5, knowledge.GorillaMx, knowledge.GRPC, knowledge.SQL,
}, knowledge.MetricsPackages...)

func run(pass *lint.Pass, exempt []string, naming bool, role role) (any, error) {
	if pass.Pkg == nil || knowledge.IsMetricsLibrary(pass.Pkg.Path()) || isNetHTTP(pass.Pkg.Path()) {
		return nil, nil // described by the knowledge tables
	}
	var held []heldStart
	if role == roleDecides {
		held = heldStarts(pass.Pass)
	}
	if !analysisutil.ImportsAny(pass.Pkg, relevant...) && len(held) == 0 {
		return nil, nil
	}
	c := &checker{
		role:      role,
		held:      held,
		pass:      pass,
		insp:      pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
		exempt:    exempt,
		naming:    naming,
		defsByPos: make(map[token.Pos]*definition),
		defsByObj: make(map[types.Object]*definition),
		records:   make(map[*types.Func]*recordsFact),
		assigns:   make(map[types.Object][]ast.Expr),
	}
	// A package that cannot reach a metrics library defines and records
	// nothing, and nothing in it is instrumented: only its servers (and,
	// when the plan asks, its clients and pools) are checked.
	measures := analysisutil.ImportsAny(pass.Pkg, knowledge.MetricsPackages...)
	if measures {
		c.indexAssignments()
		c.findDefinitions()
	}
	startsServers := c.mayStartServers()
	if measures || startsServers || c.wantsClientMetrics() {
		c.lazySSA()
		if c.funcs != nil && measures {
			c.bindStorage()
			c.computeRecords()
		}
		if c.funcs != nil && startsServers {
			c.findStarts()
		}
	}
	c.exportFacts()
	c.checkDefinitions()
	c.checkServers()
	if c.funcs != nil {
		if measures {
			c.checkRoutes()
			c.checkGRPC()
			c.checkUnits()
			c.checkPaths()
		}
		c.checkClients()
	}
	return nil, nil
}

// lazySSA gets the package's SSA on first use; it stays nil for a package
// that does not type-check.
func (c *checker) lazySSA() {
	if c.ssaTried {
		return
	}
	c.ssaTried = true
	if res, ok := c.pass.ResultOf[ssabuild.Analyzer].(*ssabuild.Result); ok && res != nil {
		if _, funcs := res.SSA(); funcs != nil {
			c.funcs = funcs
			c.ix = flow.NewIndex(funcs)
		}
	}
}

// isNetHTTP reports whether path is net/http or one of its packages, whose
// servers and handlers the knowledge tables describe.
func isNetHTTP(path string) bool {
	return path == knowledge.NetHTTP || strings.HasPrefix(path, knowledge.NetHTTP+"/")
}

// A checker holds the state of one pass.
type checker struct {
	pass   *lint.Pass
	insp   *inspector.Inspector
	exempt []string
	naming bool // check the conventions of names the plan does not give

	funcs    []*ssa.Function // nil when the package does not type-check
	ssaTried bool
	ix       *flow.Index

	// defs are this package's metric definitions, in source order.
	defs      []*definition
	defsByPos map[token.Pos]*definition    // by the Lparen of the defining call
	defsByObj map[types.Object]*definition // by the variable or field that holds it
	records   map[*types.Func]*recordsFact // this package's functions
	assigns   map[types.Object][]ast.Expr  // values assigned to each variable
	program   *programFact                 // what this package and its dependencies define
	// callsByLparen indexes the package's calls, built on first use.
	callsByLparen map[token.Pos]*ast.CallExpr
	routers       *routerSet          // built on first use
	serves        map[*types.Func]int // functions that serve a parameter, and which
	starts        []*start            // server starts
	planNames     map[string]bool

	role role        // who reports the program's missing metrics (held.go)
	held []heldStart // the starts the program's dependencies hold, when it decides
}

// report reports a finding at node n.
func (c *checker) report(n ast.Node, category, format string, args ...any) {
	c.reportRelated(n, category, nil, format, args...)
}

func (c *checker) reportRelated(n ast.Node, category string, related []analysis.RelatedInformation, format string, args ...any) {
	c.pass.Report(analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Category: category, Message: fmt.Sprintf(format, args...), Related: related})
}

func (c *checker) posn(pos token.Pos) string {
	p := c.pass.Fset.Position(pos)
	if !p.IsValid() {
		return "?"
	}
	return fmt.Sprintf("%s:%d", shortFile(p.Filename), p.Line)
}

func shortFile(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		return name[i+1:]
	}
	return name
}
