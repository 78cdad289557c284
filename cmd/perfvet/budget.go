package main

import (
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/perfvet/perfvet/analyzers/budget"
	"github.com/perfvet/perfvet/analyzers/plan"
	"github.com/perfvet/perfvet/internal/driver"
)

const budgetHelp = `usage: perfvet budget [-C DIR] [-plan FILE] [-json | -html FILE] [-tags T] [-missrate R] [-fanout N] [packages]

perfvet budget estimates the latency of every endpoint the packages
(default ./...) register, from their code and the plan's costs (see
'perfvet help budget' for the cost model), and prints it as a tree in the
shape of the plan's budget: route, then layer (database, external), then
operation, with its cost and its share of the estimate. Each route is
compared with its objective: its endpoints: entry's p95, else the SLO's.
An estimate above 10 times its objective prints as "unbounded": a product
of loop bounds, not a latency. A catch-all route ("/" with no method) is
marked: its estimate is the costliest request it dispatches.

-json prints the same as JSON; -html FILE also writes a static page (no
JavaScript) with a bar per endpoint against its objective, for a pull
request comment or a CI artefact.

Exit codes: 0 every endpoint within its objective and budgets, 1 some
endpoint above, 2 bad usage or invalid plan, 3 packages that failed to
load or analyse.
`

// runBudget serves "perfvet budget".
func runBudget(args []string) int {
	fs := flag.NewFlagSet("perfvet budget", flag.ContinueOnError)
	fs.SetOutput(os.Stderr)
	chdir := fs.String("C", "", "change to this directory before doing anything")
	planFile := fs.String("plan", "", "plan file for every package (default: the perfplan.yaml found from each package up to its module root, else the embedded default)")
	jsonOut := fs.Bool("json", false, "print the estimates as JSON")
	htmlFile := fs.String("html", "", "also write the estimates as a static HTML page to this file")
	tags := fs.String("tags", "", "comma-separated build tags")
	missRate := fs.Float64("missrate", budget.DefaultMissRate, "share of cache reads that miss, between 0 and 1")
	fanout := fs.Int("fanout", budget.DefaultFanout, "how many elements a loop over a collection the code does not bound runs (a request's list, an entity's children)")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), budgetHelp)
		fs.PrintDefaults()
	}
	if code := parseFlags(fs, args, "perfvet budget", fs.Usage); code >= 0 {
		return code
	}
	if *missRate < 0 || *missRate > 1 {
		fmt.Fprintf(os.Stderr, "perfvet budget: -missrate %v is not a share between 0 and 1\n", *missRate)
		return driver.ExitUsage
	}
	if *fanout < 1 {
		fmt.Fprintf(os.Stderr, "perfvet budget: -fanout %d is not a positive count\n", *fanout)
		return driver.ExitUsage
	}
	if *chdir != "" {
		if err := os.Chdir(*chdir); err != nil {
			fmt.Fprintf(os.Stderr, "perfvet budget: -C: %v\n", err)
			return driver.ExitUsage
		}
	}
	if *htmlFile != "" {
		if err := checkDirOf(*htmlFile); err != nil {
			fmt.Fprintf(os.Stderr, "perfvet budget: -html %s: %v\n", *htmlFile, err)
			return driver.ExitUsage
		}
	}
	finder := plan.NewFinder("")
	if *planFile != "" {
		cwd, _ := os.Getwd()
		file, err := resolvePlanFlag("perfvet budget: -plan", *planFile, cwd)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return driver.ExitUsage
		}
		finder.SetOverride(file)
	}
	var buildFlags []string
	if *tags != "" {
		buildFlags = []string{"-tags=" + *tags}
	}
	eps, code := estimateEndpoints(finder, driver.Options{Patterns: fs.Args(), BuildFlags: buildFlags}, budget.Config{MissRate: *missRate, Fanout: *fanout})
	if code == driver.ExitUsage || eps == nil && code != 0 {
		return code
	}
	if *htmlFile != "" {
		if err := writeBudgetHTML(*htmlFile, eps); err != nil {
			fmt.Fprintf(os.Stderr, "perfvet budget: %v\n", err)
			return driver.ExitFailed
		}
	}
	var err error
	if *jsonOut {
		err = writeBudgetJSON(os.Stdout, eps)
	} else {
		err = writeBudgetText(os.Stdout, eps)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "perfvet budget: %v\n", err)
		return driver.ExitFailed
	}
	if code != 0 {
		return code
	}
	for _, e := range eps {
		if len(e.Over) > 0 && !e.CatchAll { // a catch-all route gets no finding
			return driver.ExitFindings
		}
	}
	return driver.ExitClean
}

// estimateEndpoints loads the packages and runs the budget analyzer on
// them, returning the estimates of the routes the root packages register,
// sorted by position.
func estimateEndpoints(finder *plan.Finder, opts driver.Options, cfg budget.Config) ([]*budget.Estimate, int) {
	pkgs, err := driver.Load(opts)
	if err != nil {
		fmt.Fprintf(os.Stderr, "perfvet budget: %v\n", err)
		return nil, driver.ExitFailed
	}
	if err := checkMatched(pkgs, opts.Patterns); err != nil {
		fmt.Fprintf(os.Stderr, "perfvet budget: %v\n", err)
		return nil, driver.ExitUsage
	}
	if err := driver.CheckPlans(finder, pkgs); err != nil {
		printPlanError(err)
		return nil, driver.ExitUsage
	}
	cfg.Plans = driver.RootsOnly(finder, pkgs)
	a := budget.New(cfg)
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		fmt.Fprintf(os.Stderr, "perfvet budget: %v\n", err)
		return nil, driver.ExitFailed
	}
	code := driver.ExitClean
	var eps []*budget.Estimate
	for _, act := range graph.Roots {
		if act.Err != nil {
			fmt.Fprintf(os.Stderr, "perfvet budget: %s: %v\n", act.Package.PkgPath, act.Err)
			code = driver.ExitFailed
			continue
		}
		for _, err := range act.Package.Errors {
			fmt.Fprintf(os.Stderr, "perfvet budget: %v\n", err)
			code = driver.ExitFailed
		}
		if res, ok := act.Result.(*budget.Result); ok && res != nil {
			eps = append(eps, res.Endpoints...)
		}
	}
	slices.SortStableFunc(eps, func(a, b *budget.Estimate) int {
		if c := cmp.Compare(a.Pos.Filename, b.Pos.Filename); c != 0 {
			return c
		}
		return cmp.Compare(a.Pos.Offset, b.Pos.Offset)
	})
	return mergeEstimates(eps), code
}

// mergeEstimates keeps one estimate per route: a package and its test
// variant estimate it alike, and a route whose handler makes interface
// calls its registering package cannot resolve is estimated again by the
// packages that see their implementations (the program's main): of those,
// the estimate that resolved the most of them, then the one that left the
// fewest open. The order is kept.
func mergeEstimates(eps []*budget.Estimate) []*budget.Estimate {
	type key struct {
		file   string
		offset int
		route  string
	}
	at := make(map[key]int)
	out := eps[:0:0]
	for _, e := range eps {
		k := key{e.Pos.Filename, e.Pos.Offset, e.Route}
		i, ok := at[k]
		if !ok {
			at[k] = len(out)
			out = append(out, e)
			continue
		}
		if o := out[i]; e.Resolved > o.Resolved || e.Resolved == o.Resolved && e.Open < o.Open {
			out[i] = e
		}
	}
	return out
}

// relPosn prints a position relative to the working directory.
func relPosn(p interface{ String() string }, file string) string {
	s := p.String()
	if cwd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(cwd, file); err == nil && !strings.HasPrefix(rel, "..") {
			return rel + strings.TrimPrefix(s, file)
		}
	}
	return s
}

// writeBudgetText prints the estimates as a tree: route, layer, operation.
func writeBudgetText(w io.Writer, eps []*budget.Estimate) error {
	if len(eps) == 0 {
		_, err := fmt.Fprintln(w, "perfvet budget: no routes found")
		return err
	}
	var b strings.Builder
	for _, e := range eps {
		route := e.Route
		if route == "" {
			route = "(route with a computed pattern)"
		}
		verdict := "ok"
		if len(e.Over) > 0 {
			verdict = "OVER (" + strings.Join(e.Over, ", ") + ")"
		}
		if e.CatchAll {
			verdict += ", catch-all: the costliest request it dispatches"
		}
		if e.Unbounded {
			fmt.Fprintf(&b, "%s  unbounded: more than %d× p95 %s (%s)  %s  [%s]\n", route, budget.UnboundedFactor, fmtDur(e.Objective), objectiveFrom(e), verdict, relPosn(e.Pos, e.Pos.Filename))
		} else {
			fmt.Fprintf(&b, "%s  ~%s of p95 %s (%s), %s  %s  [%s]\n", route, fmtDur(e.Total), fmtDur(e.Objective), objectiveFrom(e), percentOf(e.Total, e.Objective), verdict, relPosn(e.Pos, e.Pos.Filename))
		}
		if e.Handler != "" {
			fmt.Fprintf(&b, "    handler %s\n", e.Handler)
		}
		if e.ResolvedBy != "" {
			fmt.Fprintf(&b, "    interface calls resolved in %s, which sees their implementations\n", e.ResolvedBy)
		}
		if e.Open > 0 {
			calls := "1 interface call"
			if e.Open > 1 {
				calls = fmt.Sprintf("%d interface calls", e.Open)
			}
			fmt.Fprintf(&b, "    %s counted as 0: no analysed package that registers or imports the route sees an implementation\n", calls)
		}
		for _, l := range e.Layers {
			if len(l.Ops) == 0 {
				continue
			}
			fmt.Fprintf(&b, "    %-9s ~%s of budget.%s %s, %s of the estimate\n", l.Name, fmtDur(l.Total), l.Name, fmtDur(l.Budget), percentOf(l.Total, e.Total))
			for _, o := range l.Ops {
				fmt.Fprintf(&b, "        %-48s %8s %5s  %s\n", o.Describe(), fmtDur(o.Total()), percentOf(o.Total(), e.Total), o.Posn())
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func objectiveFrom(e *budget.Estimate) string {
	if e.ObjectiveFrom == "endpoints" {
		return "endpoints"
	}
	return "slo"
}

func percentOf(part, whole time.Duration) string {
	if whole <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f%%", 100*float64(part)/float64(whole))
}

// fmtDur prints a duration rounded for people: 1.03s, 250ms, 1.5ms.
func fmtDur(d time.Duration) string {
	switch {
	case d >= time.Second:
		return trimZeros(fmt.Sprintf("%.2f", d.Seconds())) + "s"
	case d >= time.Millisecond:
		return trimZeros(fmt.Sprintf("%.1f", float64(d)/float64(time.Millisecond))) + "ms"
	case d > 0:
		return fmt.Sprintf("%dµs", d.Microseconds())
	}
	return "0"
}

func trimZeros(s string) string {
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// The JSON shape of perfvet budget -json.
type (
	jsonEndpoint struct {
		Route         string   `json:"route"`
		Handler       string   `json:"handler,omitempty"`
		Position      string   `json:"position"`
		Estimate      string   `json:"estimate"`
		EstimateNS    int64    `json:"estimate_ns"`
		Objective     string   `json:"objective"`
		ObjectiveNS   int64    `json:"objective_ns"`
		ObjectiveFrom string   `json:"objective_from"`
		Over          []string `json:"over"`
		// Unbounded: the estimate exceeds budget.UnboundedFactor times
		// the objective; estimate then reads "unbounded" (estimate_ns
		// keeps the figure, for sorting).
		Unbounded bool `json:"unbounded,omitempty"`
		CatchAll  bool `json:"catch_all,omitempty"` // the route matches every request
		// ResolvedBy: the package that resolved the handler's interface
		// calls (one that sees their implementations: the program's
		// main); OpenCalls: those still unresolved, counted as 0.
		ResolvedBy string      `json:"resolved_by,omitempty"`
		OpenCalls  int         `json:"open_calls,omitempty"`
		Layers     []jsonLayer `json:"layers"`
	}
	jsonLayer struct {
		Name       string   `json:"name"`
		Estimate   string   `json:"estimate"`
		EstimateNS int64    `json:"estimate_ns"`
		Budget     string   `json:"budget"`
		BudgetNS   int64    `json:"budget_ns"`
		Operations []jsonOp `json:"operations"`
	}
	jsonOp struct {
		Kind     string  `json:"kind"`
		What     string  `json:"what"`
		Count    float64 `json:"count"`
		Why      string  `json:"why,omitempty"`
		CostNS   int64   `json:"cost_ns"`  // one run
		TotalNS  int64   `json:"total_ns"` // count × cost
		Share    float64 `json:"share"`    // of the endpoint's estimate, 0..1
		Position string  `json:"position,omitempty"`
	}
)

func writeBudgetJSON(w io.Writer, eps []*budget.Estimate) error {
	out := make([]jsonEndpoint, 0, len(eps))
	for _, e := range eps {
		je := jsonEndpoint{
			Route: e.Route, Handler: e.Handler, Position: relPosn(e.Pos, e.Pos.Filename),
			Estimate: fmtDur(e.Total), EstimateNS: int64(e.Total),
			Objective: fmtDur(e.Objective), ObjectiveNS: int64(e.Objective), ObjectiveFrom: objectiveFrom(e),
			Over: append([]string{}, e.Over...), Unbounded: e.Unbounded, CatchAll: e.CatchAll,
			ResolvedBy: e.ResolvedBy, OpenCalls: e.Open,
		}
		if e.Unbounded {
			je.Estimate = "unbounded"
		}
		for _, l := range e.Layers {
			jl := jsonLayer{Name: l.Name, Estimate: fmtDur(l.Total), EstimateNS: int64(l.Total), Budget: fmtDur(l.Budget), BudgetNS: int64(l.Budget), Operations: []jsonOp{}}
			for _, o := range l.Ops {
				share := 0.0
				if e.Total > 0 {
					share = float64(o.Total()) / float64(e.Total)
				}
				jl.Operations = append(jl.Operations, jsonOp{Kind: o.Kind, What: o.What, Count: o.Count, Why: o.Multipliers(), CostNS: o.Cost, TotalNS: int64(o.Total()), Share: share, Position: o.Posn()})
			}
			je.Layers = append(je.Layers, jl)
		}
		out = append(out, je)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
