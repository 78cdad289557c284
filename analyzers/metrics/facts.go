package metrics

import (
	"fmt"
	"go/types"
	"slices"
	"strings"

	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/plan"
)

// A Def is a metric definition as facts carry it.
type Def struct {
	Name        string   // the full name, resolved
	Kind        string   // counter, gauge, histogram, summary; "" for a bare prometheus.Desc
	Labels      []string // variable label names in order, when LabelsKnown
	LabelsKnown bool
	Lib         string // the library, or the instrumentation call that defines it
	Posn        string // file:line of the definition
	// TopBucket is the largest bucket boundary of a client_golang or
	// go-kit histogram whose buckets are known (DefaultBuckets: the
	// library's default); 0 if unknown.
	TopBucket      float64
	DefaultBuckets bool
}

func (d Def) String() string {
	s := d.Name + ":" + d.Kind
	if d.LabelsKnown {
		s += "{" + strings.Join(d.Labels, ",") + "}"
	}
	return s
}

// A programFact lists the metrics a package and every package it imports
// define: what a server started in a package that imports it can export.
// It is the union of the package's own definitions and its direct
// imports' facts (facts of indirect imports are not visible), sorted by
// name, without duplicates.
type programFact struct {
	Metrics []Def
	// Truncated: more metrics are defined than a fact carries; a missing
	// metric is then not reported.
	Truncated bool
	// OwnRequest names a histogram or summary of the program, not one of
	// the plan's, that breaks request latencies down by route or method
	// (see ownRequestMetrics), with its position; the smallest, or "".
	// Its name may be computed (ory/x's prometheusx builds it from a
	// prefix).
	OwnRequest string
	// OwnCounter names a counter of the program, not one of the plan's,
	// that counts requests by method or route (see countsRequests), with
	// its position; the smallest, or "".
	OwnCounter string
}

func (*programFact) AFact() {}

func (f *programFact) String() string {
	var parts []string
	for _, d := range f.Metrics {
		parts = append(parts, d.String())
	}
	if f.Truncated {
		parts = append(parts, "…")
	}
	return "metrics(" + strings.Join(parts, " ") + ")"
}

// maxProgramMetrics bounds a programFact.
const maxProgramMetrics = 2000

// A recordsFact says that a function records metrics when it runs, or
// returns something that will (a middleware, a handler it wraps): itself,
// through the functions it calls or refers to, and its function literals.
type recordsFact struct {
	Metrics []string // names of the metrics recorded, sorted
	// Unnamed: it observes a histogram or summary whose name is unknown
	// (a parameter, an unresolved name).
	Unnamed bool
	// Library is an instrumentation library call it uses
	// (otelhttp.NewHandler), or "".
	Library string
}

func (*recordsFact) AFact() {}

func (f *recordsFact) String() string {
	parts := append([]string(nil), f.Metrics...)
	if f.Unnamed {
		parts = append(parts, "?")
	}
	if f.Library != "" {
		parts = append(parts, f.Library)
	}
	return "records(" + strings.Join(parts, " ") + ")"
}

func (f *recordsFact) empty() bool { return len(f.Metrics) == 0 && !f.Unnamed && f.Library == "" }

func (f *recordsFact) addMetric(name string) {
	if i, found := slices.BinarySearch(f.Metrics, name); !found {
		f.Metrics = slices.Insert(f.Metrics, i, name)
	}
}

func (f *recordsFact) merge(g *recordsFact) {
	if g == nil {
		return
	}
	for _, m := range g.Metrics {
		f.addMetric(m)
	}
	f.Unnamed = f.Unnamed || g.Unnamed
	if f.Library == "" {
		f.Library = g.Library
	}
}

// A metricFact says that an exported variable or struct field holds a
// metric, so that code in other packages that records into it is known
// to record that metric.
type metricFact struct {
	Def Def
}

func (*metricFact) AFact() {}

func (f *metricFact) String() string { return "metric(" + f.Def.String() + ")" }

// exportFacts exports the package's program fact and the facts of its
// exported functions, variables and fields.
func (c *checker) exportFacts() {
	c.program = c.computeProgram()
	if len(c.program.Metrics) > 0 || c.program.Truncated || c.program.OwnRequest != "" || c.program.OwnCounter != "" {
		c.pass.ExportPackageFact(c.program)
	}
	for fn, f := range c.records {
		if fn.Exported() && fn.Pkg() == c.pass.Pkg && !f.empty() {
			c.pass.ExportObjectFact(fn, f)
		}
	}
	checked := c.checkingFuncs()
	for fn, param := range c.serves {
		if fn.Exported() && fn.Pkg() == c.pass.Pkg {
			c.pass.ExportObjectFact(fn, &servesFact{Param: param, Checked: checked[fn]})
		}
	}
	for obj, d := range c.defsByObj {
		if obj.Exported() && obj.Pkg() == c.pass.Pkg && d.Name != "" {
			c.pass.ExportObjectFact(obj, &metricFact{Def: d.Def})
		}
	}
}

// checkingFuncs returns the declared functions that contain a server
// start this package checks.
func (c *checker) checkingFuncs() map[*types.Func]bool {
	out := make(map[*types.Func]bool)
	for _, s := range c.starts {
		if s.report {
			if decl := declaredFunc(outermost(s.fn)); decl != nil {
				out[decl] = true
			}
		}
	}
	return out
}

// computeProgram unions this package's definitions with its imports'
// program facts.
func (c *checker) computeProgram() *programFact {
	out := &programFact{}
	seen := make(map[string]bool)
	add := func(d Def) {
		if d.Name == "" {
			return
		}
		key := d.String()
		if seen[key] {
			return
		}
		seen[key] = true
		out.Metrics = append(out.Metrics, d)
	}
	own := func(s string) {
		if s != "" && (out.OwnRequest == "" || s < out.OwnRequest) {
			out.OwnRequest = s
		}
	}
	counter := func(s string) {
		if s != "" && (out.OwnCounter == "" || s < out.OwnCounter) {
			out.OwnCounter = s
		}
	}
	for _, d := range c.defs {
		add(d.Def)
		name := d.Name
		if name == "" {
			name = "a " + d.Kind
		}
		if c.measuresRequests(d) {
			own(name + " (" + d.Posn + ")")
		}
		if c.countsRequests(d) {
			counter(name + " (" + d.Posn + ")")
		}
	}
	own(c.requestObservation())
	for _, imp := range c.pass.Pkg.Imports() {
		if knowledge.IsMetricsLibrary(imp.Path()) {
			continue
		}
		var f programFact
		if c.pass.ImportPackageFact(imp, &f) {
			for _, d := range f.Metrics {
				add(d)
			}
			out.Truncated = out.Truncated || f.Truncated
			own(f.OwnRequest)
			counter(f.OwnCounter)
		}
	}
	slices.SortStableFunc(out.Metrics, func(a, b Def) int {
		if a.Name != b.Name {
			return strings.Compare(a.Name, b.Name)
		}
		return strings.Compare(a.String(), b.String())
	})
	if len(out.Metrics) > maxProgramMetrics {
		// Keep the ones a plan is likeliest to name.
		var keep, rest []Def
		for _, d := range out.Metrics {
			if strings.Contains(d.Name, "http") || strings.Contains(d.Name, "request") || strings.HasPrefix(d.Name, "go_sql_") {
				keep = append(keep, d)
			} else {
				rest = append(rest, d)
			}
		}
		keep = append(keep, rest...)
		keep = keep[:maxProgramMetrics]
		slices.SortStableFunc(keep, func(a, b Def) int { return strings.Compare(a.Name, b.Name) })
		out.Metrics, out.Truncated = keep, true
	}
	return out
}

// importedDef returns what another package's fact says a variable or field
// holds.
func (c *checker) importedDef(obj types.Object) *definition {
	if obj == nil || obj.Pkg() == nil || obj.Pkg() == c.pass.Pkg || knowledge.IsMetricsLibrary(obj.Pkg().Path()) {
		return nil
	}
	var f metricFact
	if c.pass.ImportObjectFact(obj, &f) {
		return &definition{Def: f.Def}
	}
	return nil
}

// recordsOf returns what is known of the metrics fn records: this
// package's computed fact or an imported one.
func (c *checker) recordsOf(fn *types.Func) *recordsFact {
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	if fn.Pkg() == c.pass.Pkg {
		return c.records[fn]
	}
	if fn.Pkg() == nil || knowledge.IsMetricsLibrary(fn.Pkg().Path()) {
		return nil
	}
	var f recordsFact
	if c.pass.ImportObjectFact(fn, &f) {
		return &f
	}
	return nil
}

// planNames returns the names (and aliases) of the plan's metrics.
func planNames(metrics []plan.Metric) map[string]bool {
	out := make(map[string]bool)
	for _, m := range metrics {
		out[m.Name] = true
		for _, a := range m.Aliases {
			out[a] = true
		}
	}
	return out
}

// instruments reports whether a function with this fact instruments HTTP
// requests: it records one of the plan's metrics, observes a histogram of
// unknown name, or uses an instrumentation library.
func (c *checker) instruments(f *recordsFact) bool {
	if f == nil {
		return false
	}
	return f.Unnamed || f.Library != "" || c.recordsPlanned(f)
}

// recordsPlanned reports whether a function with this fact records one of
// the plan's metrics.
func (c *checker) recordsPlanned(f *recordsFact) bool {
	if c.planNames == nil {
		c.planNames = planNames(c.pass.Plan.Metrics)
	}
	for _, m := range f.Metrics {
		if c.planNames[m] {
			return true
		}
	}
	return false
}

func describeMetric(name, kind string, labels []string) string {
	if len(labels) == 0 {
		return fmt.Sprintf("%s (%s)", name, kind)
	}
	return fmt.Sprintf("%s (%s: %s)", name, kind, strings.Join(labels, ", "))
}
