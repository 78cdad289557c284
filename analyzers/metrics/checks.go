package metrics

import (
	"fmt"
	"go/ast"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/plan"
)

// checkDefinitions checks the package's own metric definitions against the
// plan (type, labels, buckets) and the naming conventions.
func (c *checker) checkDefinitions() {
	for _, d := range c.defs {
		if d.library || d.Name == "" {
			continue
		}
		if m, alias, ok := c.planMetricFor(d.Name); ok && c.checkAgainstPlan(d, m, alias) {
			continue // a metric of the wrong type: its name is the plan's
		}
		if c.naming {
			c.checkNaming(d)
		}
	}
}

// planMetricFor returns the plan's metric with this name or alias.
func (c *checker) planMetricFor(name string) (plan.Metric, bool, bool) {
	for _, m := range c.pass.Plan.Metrics {
		if m.Name == name {
			return m, false, true
		}
	}
	for _, m := range c.pass.Plan.Metrics {
		for _, a := range m.Aliases {
			if a == name {
				return m, true, true
			}
		}
	}
	return plan.Metric{}, false, false
}

// checkAgainstPlan checks a definition of one of the plan's metrics, and
// reports whether it is of the wrong type.
func (c *checker) checkAgainstPlan(d *definition, m plan.Metric, alias bool) bool {
	if d.Kind != "" && d.Kind != m.Type {
		c.report(d.call, CategoryType, "%s is defined as a %s, but the plan requires a %s; %s; define it as a %s", d.Name, d.Kind, m.Type, kindConsequence(m.Type), m.Type)
		return true
	}
	// Under the embedded default plan, a planned metric the team breaks
	// down by request labels of its own names, none of the plan's (fider's
	// {code, operation}, with buckets 0.2..5), is its own design: the
	// default's labels and SLO thresholds are a suggestion, checked where
	// the metric follows the plan's labels in part.
	ownBreakdown := c.pass.Plan.Source == plan.DefaultSource && ownRequestLabels(m, Def{Labels: d.Labels, LabelsKnown: d.LabelsKnown})
	if !alias && d.LabelsKnown && !ownBreakdown {
		missing := missingLabels(m.Labels, d.Labels, c.pass.Plan.Source == plan.DefaultSource)
		if len(missing) > 0 {
			at := ast.Node(d.call)
			if d.labelsExpr != nil {
				at = d.labelsExpr
			}
			c.report(at, CategoryLabels, "%s has no %s %s, which the plan requires (%s), so it cannot be broken down that way on dashboards and alerts; add %s to its label names and set %s where it is recorded",
				d.Name, plural(len(missing), "label", "labels"), strings.Join(missing, ", "), strings.Join(m.Labels, ", "), plural(len(missing), "it", "them"), plural(len(missing), "it", "them"))
		}
	}
	if (d.Kind == knowledge.Histogram || d.Kind == "" && m.Type == knowledge.Histogram) && d.bucketsKnown && !d.fixedBuckets && (!ownBreakdown || d.defaultBuckets) {
		c.checkBuckets(d, m)
	}
	return false
}

// ownRequestLabels reports whether a definition of the planned metric m
// breaks it down by a request label (requestLabels) and uses none of the
// plan's labels: a breakdown of the team's own, not the plan's half done.
func ownRequestLabels(m plan.Metric, d Def) bool {
	if !d.LabelsKnown || !slices.ContainsFunc(d.Labels, isRequestLabel) {
		return false
	}
	return !slices.ContainsFunc(d.Labels, func(l string) bool { return contains(m.Labels, l) })
}

func kindConsequence(kind string) string {
	switch kind {
	case knowledge.Histogram:
		return "only a histogram's buckets can be aggregated across instances into the latency percentiles the SLOs name"
	case knowledge.Counter:
		return "rates and error ratios are computed from counters"
	}
	return "dashboards and alerts built on the plan query that type"
}

// An sloThreshold is a latency objective a histogram must resolve.
type sloThreshold struct {
	what string // "p95 500ms", "GET /users p95 200ms"
	d    time.Duration
}

func (c *checker) thresholds() []sloThreshold {
	var out []sloThreshold
	add := func(prefix string, l plan.Latency) {
		for _, p := range []struct {
			name string
			d    time.Duration
		}{{"p50", l.P50}, {"p95", l.P95}, {"p99", l.P99}} {
			if p.d > 0 {
				out = append(out, sloThreshold{what: prefix + p.name + " " + p.d.String(), d: p.d})
			}
		}
	}
	add("", c.pass.Plan.SLO.Latency)
	for _, e := range c.pass.Plan.Endpoints {
		add(e.Route+" ", e.Latency)
	}
	return out
}

// checkBuckets reports a planned latency histogram whose buckets lack an
// SLO threshold as a boundary, or one of the plan's buckets.
func (c *checker) checkBuckets(d *definition, m plan.Metric) {
	scale := 1.0 // seconds
	if d.unit == "ms" || strings.HasSuffix(d.Name, "_milliseconds") || strings.HasSuffix(d.Name, "_ms") {
		scale = 1000
	}
	var missing []string
	var missingVals []float64
	seen := make(map[float64]bool)
	for _, t := range c.thresholds() {
		v := t.d.Seconds() * scale
		if hasBoundary(d.buckets, v) {
			continue
		}
		missing = append(missing, fmt.Sprintf("%s (%s)", formatFloat(v), t.what))
		if !seen[v] {
			seen[v] = true
			missingVals = append(missingVals, v)
		}
	}
	at := c.bucketsNode(d)
	if len(missing) > 0 {
		how := "add " + plural(len(missingVals), "it", "them") + " to its buckets"
		if d.defaultBuckets {
			how = "set Buckets to boundaries that include " + plural(len(missingVals), "it", "them")
		}
		if len(m.Buckets) > 0 && scale == 1 {
			how += " (the plan's buckets are " + formatFloats(m.Buckets) + ")"
		}
		what := "its buckets have"
		if d.defaultBuckets {
			what = "it uses the default buckets, which have"
		}
		c.report(at, CategoryBuckets, "%s cannot show whether the latency objectives hold: %s no boundary at %s; %s", d.Name, what, joinAnd(missing), how)
		return
	}
	if scale != 1 {
		return
	}
	var planMissing []string
	for _, b := range m.Buckets {
		if !hasBoundary(d.buckets, b) {
			planMissing = append(planMissing, formatFloat(b))
		}
	}
	if len(planMissing) > 0 && !d.defaultBuckets {
		c.report(at, CategoryBuckets, "%s lacks the plan's bucket %s %s, so dashboards and alerts built on the plan's buckets read nothing there; add %s to its buckets",
			d.Name, plural(len(planMissing), "boundary", "boundaries"), joinAnd(planMissing), plural(len(planMissing), "it", "them"))
	}
}

func (c *checker) bucketsNode(d *definition) ast.Node {
	switch {
	case d.bucketsExpr != nil:
		return d.bucketsExpr
	case d.optsExpr != nil:
		return d.optsExpr
	}
	return d.call
}

func hasBoundary(buckets []float64, v float64) bool {
	for _, b := range buckets {
		if math.Abs(b-v) <= 1e-9*math.Max(1, math.Abs(v)) {
			return true
		}
	}
	return false
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func formatFloats(fs []float64) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = formatFloat(f)
	}
	return strings.Join(parts, " ")
}

// ---- naming ----

// nonBaseTimeUnits are name suffixes of durations in units other than
// seconds.
var nonBaseTimeUnits = []struct{ suffix, unit string }{
	{"_milliseconds", "milliseconds"}, {"_millis", "milliseconds"}, {"_ms", "milliseconds"},
	{"_microseconds", "microseconds"}, {"_us", "microseconds"},
	{"_nanoseconds", "nanoseconds"}, {"_ns", "nanoseconds"},
	{"_minutes", "minutes"}, {"_hours", "hours"}, {"_days", "days"},
}

// checkNaming checks the few Prometheus naming conventions the plan's
// metrics depend on: base units, _total on counters only, _seconds on
// durations. OpenTelemetry names (dotted, with a separate unit) are left
// alone: the exporter derives the Prometheus name.
func (c *checker) checkNaming(d *definition) {
	if d.Lib == knowledge.LibOTel || strings.Contains(d.Name, ".") {
		return
	}
	at := ast.Node(d.call)
	if d.nameExpr != nil {
		at = d.nameExpr
	}
	base := strings.TrimSuffix(d.Name, "_total")
	for _, u := range nonBaseTimeUnits {
		if stem, ok := strings.CutSuffix(base, u.suffix); ok && stem != "" {
			want := stem + "_seconds"
			if d.Kind == knowledge.Counter {
				want += "_total"
			}
			c.report(at, CategoryNaming, "metric %s is in %s; Prometheus metrics use base units so that they compare and aggregate (and the plan's thresholds are in seconds); record seconds and name it %s", d.Name, u.unit, want)
			return
		}
	}
	total := strings.HasSuffix(d.Name, "_total")
	switch {
	case d.Kind == knowledge.Counter && !total:
		c.report(at, CategoryNaming, "counter %s does not end in _total, the suffix Prometheus tooling expects of counters (rate() queries and promlint rely on it); name it %s_total", d.Name, d.Name)
	case d.Kind != "" && d.Kind != knowledge.Counter && total:
		c.report(at, CategoryNaming, "%s %s ends in _total, which Prometheus reserves for counters, so queries will treat it as one; drop the suffix", d.Kind, d.Name)
	case (d.Kind == knowledge.Histogram || d.Kind == knowledge.Summary) && looksLikeDuration(d.Name) && !strings.HasSuffix(d.Name, "_seconds"):
		c.report(at, CategoryNaming, "%s %s measures time but has no unit suffix, so readers cannot tell seconds from milliseconds; record seconds and name it %s_seconds", d.Kind, d.Name, d.Name)
	}
}

func looksLikeDuration(name string) bool {
	for _, w := range []string{"duration", "latency", "_time"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// ---- small helpers ----

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func joinAnd(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

func joinOr(parts []string) string {
	if len(parts) < 2 {
		return joinAnd(parts)
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}
