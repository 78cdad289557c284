package planexport

import (
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"

	"github.com/perfvet/perfvet/analyzers/plan"
)

// testPlans are the default plan and custom plans with other metric names,
// aliases, endpoints, integral latency thresholds, and gauge and rate rows.
var testPlans = map[string]string{
	"default": "",
	"renamed": `
slo: {availability: 99.5, latency: {p50: 200ms, p95: 1s, p99: 2s}}
metrics:
  - {name: api_request_seconds, type: histogram, labels: [method, route, code], buckets: [0.05, 0.1, 0.2, 0.5, 1, 2, 5],
     aliases: [http.server.request.duration]}
  - {name: api_requests_total, type: counter, labels: [method, route, code]}
  - {name: api_failures_total, type: counter, labels: [method, route, reason]}
alerts:
  - {name: SlowAPI, kind: latency, quantile: 0.99, warning: 1s, critical: 2s, for: 10m}
  - {name: FailingAPI, kind: error_rate, metric: api_failures_total, total: api_requests_total, warning: 0.5%, critical: 2%}
`,
	"endpoints": `
endpoints:
  - {route: GET /users, latency: {p50: 50ms, p95: 250ms, p99: 500ms}}
  - {route: "POST /orders/{id}", latency: {p95: 500ms, p99: 1s}}
`,
	"resources": `
metrics:
  - {name: http_request_duration_seconds, type: histogram, labels: [method, path, status], buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]}
  - {name: http_requests_total, type: counter, labels: [method, path, status]}
  - {name: http_errors_total, type: counter, labels: [method, path, error_type]}
  - {name: process_cpu_seconds_total, type: counter}
  - {name: process_resident_memory_bytes, type: gauge}
  - {name: queue_lag_seconds, type: gauge, labels: [queue]}
alerts:
  - {name: LatencyP95High, kind: latency, warning: 500ms, critical: 1s, for: 5m}
  - {name: ErrorRateHigh, kind: error_rate, warning: 1%, critical: 5%, for: 5m}
  - {name: CPUHigh, kind: rate, metric: process_cpu_seconds_total, warning: 0.8, critical: 0.95, for: 10m}
  - {name: MemoryHigh, kind: gauge, metric: process_resident_memory_bytes, warning: 1GB, critical: 2GB}
  - {name: QueueLagHigh, kind: gauge, metric: queue_lag_seconds, warning: 30s, critical: 2m, severity: {warning: ticket, critical: page}}
`,
}

func loadTestPlan(t *testing.T, name string) *plan.Plan {
	t.Helper()
	if testPlans[name] == "" {
		return plan.Default()
	}
	p, err := plan.Parse(name+".yaml", []byte(testPlans[name]))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPromtool checks every generated rule file with promtool check rules,
// and runs promtool test rules with, for each alert, synthetic series just
// above each of its thresholds (it fires) and just below (it does not).
func TestPromtool(t *testing.T) {
	promtool, err := exec.LookPath("promtool")
	if err != nil {
		t.Skip("promtool is not installed (Debian: apt-get install prometheus); .ci/run installs it")
	}
	for name := range testPlans {
		t.Run(name, func(t *testing.T) {
			t.Parallel() // promtool is the cost, and runs on one core
			p := loadTestPlan(t, name)
			rules, err := PrometheusRules(p)
			if err != nil {
				t.Fatal(err)
			}
			data, err := Prometheus(p)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			write(t, filepath.Join(dir, "rules.yml"), data)
			run(t, promtool, "check", "rules", filepath.Join(dir, "rules.yml"))

			// promtool evaluates every rule of a test file's rule files
			// at every step of every case, so each alert's cases get a
			// rule file of their own with the rules that can change what
			// they check: every rule of that alert name (exp_alerts
			// lists all its firing instances) and the recording rules
			// they read. The whole file is checked above.
			tests, fires, silent := unitTests(t, rules)
			alerts := slices.Sorted(maps.Keys(tests))
			files := make([]string, 0, len(alerts))
			ncases := 0
			for i, alert := range alerts {
				ruleFile := fmt.Sprintf("rules-%d.yml", i)
				write(t, filepath.Join(dir, ruleFile), rulesYAML(t, rulesFor(rules, alert)))
				out, err := yaml.MarshalWithOptions(yaml.MapSlice{
					{Key: "rule_files", Value: []string{ruleFile}},
					{Key: "evaluation_interval", Value: "1m"},
					{Key: "tests", Value: tests[alert]},
				}, yaml.IndentSequence(true))
				if err != nil {
					t.Fatal(err)
				}
				file := filepath.Join(dir, fmt.Sprintf("tests-%d.yml", i))
				write(t, file, out)
				files = append(files, file)
				ncases += len(tests[alert])
			}
			run(t, promtool, slices.Concat([]string{"test", "rules"}, files)...)
			for alert, n := range fires {
				if n == 0 || silent[alert] == 0 {
					t.Errorf("%s: %d firing and %d silent cases; want at least one of each", alert, n, silent[alert])
				}
			}
			if len(fires) == 0 {
				t.Fatal("no alert was tested")
			}
			t.Logf("%d rules (%d alerts) pass promtool check rules; promtool test rules ran %d cases", len(rulesOf(rules)), len(fires), ncases)
		})
	}
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func run(t *testing.T, name string, args ...string) {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		data, _ := os.ReadFile(args[len(args)-1])
		t.Fatalf("%s %s: %v\n%s\n--- %s:\n%s", name, strings.Join(args, " "), err, out, args[len(args)-1], data)
	}
}

// A unit test case: series for one alert name, and the instances of it
// that must fire.
type unitCase struct {
	alert  string
	series []yaml.MapSlice
	expect []Rule
}

// unitTests builds promtool test cases, by alert name: for every alert name, values just
// above and just below each threshold of each of its rules. fires and
// silent count, per alert rule (name and severity), the cases where it
// fires and where it stays silent.
func unitTests(t *testing.T, rules *Rules) (tests map[string][]yaml.MapSlice, fires, silent map[string]int) {
	t.Helper()
	tests, fires, silent = map[string][]yaml.MapSlice{}, map[string]int{}, map[string]int{}
	byName := map[string][]Rule{}
	var names []string
	for _, g := range rules.Groups {
		for _, r := range g.Rules {
			if r.Alert == "" {
				continue
			}
			key := r.Alert + selector(r.Labels)
			if r.model == nil {
				t.Fatalf("alert %s has no model to test it by", key)
			}
			fires[key], silent[key] = 0, 0
			group := r.Alert + "/" + fmt.Sprint(r.model.matchers)
			if _, ok := byName[group]; !ok {
				names = append(names, group)
			}
			byName[group] = append(byName[group], r)
		}
	}
	sort.Strings(names)
	for _, group := range names {
		rs := byName[group]
		var values []float64
		for _, r := range rs {
			th := r.model.threshold
			if r.model.kind == "burn" {
				th = burnLimit(r.model)
			}
			values = append(values, th*0.9, th*1.1)
		}
		for _, v := range values {
			c, ok := seriesFor(rs[0].model, v)
			if !ok {
				continue
			}
			c.alert = rs[0].Alert
			for _, r := range rs {
				th := r.model.threshold
				if r.model.kind == "burn" {
					th = burnLimit(r.model)
				}
				key := r.Alert + selector(r.Labels)
				if c.value > th {
					c.expect = append(c.expect, r)
					fires[key]++
				} else {
					silent[key]++
				}
			}
			tests[c.alert] = append(tests[c.alert], c.yaml())
		}
	}
	return tests, fires, silent
}

// burnLimit is the error ratio above which a burn alert fires when the
// ratio is the same over every window: the smaller factor of its pairs
// (6 for the page, 1 for the ticket) times the budget.
func burnLimit(m *alertModel) float64 {
	if m.page {
		return 6 * m.threshold
	}
	return m.threshold
}

type seriesCase struct {
	unitCase
	value float64 // the value the alert's expression takes
	eval  string
}

func (c seriesCase) yaml() yaml.MapSlice {
	exp := make([]yaml.MapSlice, 0, len(c.expect))
	for _, r := range c.expect {
		exp = append(exp, yaml.MapSlice{
			{Key: "exp_labels", Value: r.Labels},
			{Key: "exp_annotations", Value: r.Annotations},
		})
	}
	return yaml.MapSlice{
		{Key: "name", Value: fmt.Sprintf("%s at %s", c.alert, num(c.value))},
		{Key: "interval", Value: "1m"},
		{Key: "input_series", Value: c.series},
		{Key: "alert_rule_test", Value: []yaml.MapSlice{{
			{Key: "eval_time", Value: c.eval},
			{Key: "alertname", Value: c.alert},
			{Key: "exp_alerts", Value: exp},
		}}},
	}
}

// perMinute is the number of requests a minute the synthetic series count.
const perMinute = 1000

// seriesFor returns series on which the alert's expression takes the
// value v (or false when no series can: a latency above the last finite
// bucket).
func seriesFor(m *alertModel, v float64) (seriesCase, bool) {
	c := seriesCase{value: v, eval: "30m"}
	add := func(metric plan.Metric, suffix string, extra map[string]string, values string) {
		c.series = append(c.series, yaml.MapSlice{
			{Key: "series", Value: metric.Name + suffix + labelSet(metric, m.matchers, extra)},
			{Key: "values", Value: values},
		})
	}
	counter := func(perMin float64) string { return fmt.Sprintf("0+%sx90", num(perMin)) }
	switch m.kind {
	case plan.AlertErrorRate:
		add(m.total, "", nil, counter(perMinute))
		add(m.metric, "", nil, counter(v*perMinute))
	case plan.AlertGauge:
		add(m.metric, "", nil, fmt.Sprintf("%s+0x90", num(v)))
	case plan.AlertRate:
		add(m.metric, "", nil, counter(v*60))
	case plan.AlertLatency:
		cum, ok := histogramFor(bucketsOf(m.metric), m.quantile, v)
		if !ok {
			return c, false
		}
		for _, b := range cum {
			add(m.metric, "_bucket", map[string]string{"le": b.le}, counter(b.n*perMinute))
		}
		add(m.metric, "_count", nil, counter(perMinute))
	case "burn":
		if m.latency > 0 {
			// v is the share of requests slower than the objective.
			add(m.metric, "_bucket", map[string]string{"le": num(m.latency)}, counter((1-v)*perMinute))
			add(m.metric, "_bucket", map[string]string{"le": "+Inf"}, counter(perMinute))
			add(m.metric, "_count", nil, counter(perMinute))
		} else {
			add(m.total, "", nil, counter(perMinute))
			add(m.metric, "", nil, counter(v*perMinute))
		}
		c.eval = "80m"
	}
	return c, true
}

// labelSet gives every label of the metric a value; an endpoint's
// matchers set its method and path.
func labelSet(m plan.Metric, matchers []string, extra map[string]string) string {
	vals := map[string]string{}
	for _, l := range m.Labels {
		switch l {
		case "method":
			vals[l] = "GET"
		case "path", "route", "handler":
			vals[l] = "/items"
		default:
			vals[l] = "x"
		}
	}
	for _, mt := range matchers {
		k, v, _ := strings.Cut(mt, "=")
		vals[k] = strings.Trim(v, `"`)
	}
	for k, v := range extra {
		vals[k] = v
	}
	parts := make([]string, 0, len(vals))
	for k, v := range vals {
		parts = append(parts, fmt.Sprintf("%s=%q", k, v))
	}
	sort.Strings(parts)
	return "{" + strings.Join(parts, ", ") + "}"
}

// bucketsOf returns a histogram's planned bounds, or client_golang's
// DefBuckets.
func bucketsOf(m plan.Metric) []float64 {
	if len(m.Buckets) > 0 {
		return m.Buckets
	}
	return []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}
}

type bucketCount struct {
	le string
	n  float64 // cumulative share of the requests
}

// histogramFor returns cumulative bucket shares on which Prometheus's
// histogram_quantile(q) is v: none of the requests at or below the lower
// bound L of v's bucket (L, U], a share q/r in it with r = (v-L)/(U-L),
// the rest above. The quantile's rank q then falls in (L, U], at
// L + (U-L)·q/(q/r) = v.
func histogramFor(bounds []float64, q, v float64) ([]bucketCount, bool) {
	lower := 0.0
	for _, upper := range bounds {
		if v > upper {
			lower = upper
			continue
		}
		r := (v - lower) / (upper - lower)
		if r <= 0 {
			return nil, false
		}
		in := q / r
		var out []bucketCount
		for _, b := range bounds {
			n := 0.0
			if b >= upper {
				n = in
			}
			out = append(out, bucketCount{num(b), n})
		}
		return append(out, bucketCount{"+Inf", 1}), true
	}
	return nil, false // above the last finite bound
}

// TestRulesQueryOnlyPlanMetrics fails if a rule reads a metric or a label
// that the plan does not require (and so that the metrics analyzer does
// not check the code exports): the rules are only as good as that link.
func TestRulesQueryOnlyPlanMetrics(t *testing.T) {
	for name := range testPlans {
		t.Run(name, func(t *testing.T) {
			p := loadTestPlan(t, name)
			rules, err := PrometheusRules(p)
			if err != nil {
				t.Fatal(err)
			}
			metrics := map[string][]string{}
			for _, m := range p.Metrics {
				labels := slices.Clone(m.Labels)
				metrics[m.Name] = labels
				if m.Type == "histogram" {
					metrics[m.Name+"_bucket"] = append(slices.Clone(labels), "le")
					metrics[m.Name+"_count"] = labels
					metrics[m.Name+"_sum"] = labels
				}
			}
			// Recording rules are metrics of their own, with the labels
			// their expression keeps and the labels the rule adds.
			recorded := map[string][]string{}
			for _, g := range rules.Groups {
				for _, r := range g.Rules {
					if r.Record != "" {
						for _, l := range r.Labels {
							recorded[r.Record] = append(recorded[r.Record], l.Key.(string))
						}
						if _, ok := recorded[r.Record]; !ok {
							recorded[r.Record] = nil
						}
					}
				}
			}
			var n int
			for _, g := range rules.Groups {
				for _, r := range g.Rules {
					for _, sel := range selectors(r.Expr) {
						n++
						labels, isPlan := metrics[sel.metric]
						extra, isRecorded := recorded[sel.metric]
						switch {
						case isPlan:
						case isRecorded:
							labels = extra
						default:
							t.Errorf("%s%s reads %s, which the plan does not require", r.Alert, r.Record, sel.metric)
							continue
						}
						for _, l := range sel.labels {
							if !slices.Contains(labels, l) {
								t.Errorf("%s%s reads label %q of %s, which the plan does not give it (%v)", r.Alert, r.Record, l, sel.metric, labels)
							}
						}
					}
				}
			}
			if n == 0 {
				t.Fatal("no selector was checked")
			}
		})
	}
}

type sel struct {
	metric string
	labels []string // matched or grouped by
}

var (
	selectorRE = regexp.MustCompile(`([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\{(?:[^}"]|"(?:[^"\\]|\\.)*")*\})?\s*(\[[^\]]*\])?`)
	matcherRE  = regexp.MustCompile(`([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!=|!~|=)\s*"(?:[^"\\]|\\.)*"`)
	byRE       = regexp.MustCompile(`\bby\s*\(([^)]*)\)\s*\(`)
	functions  = []string{"sum", "by", "rate", "histogram_quantile", "and", "or", "max", "unless", "bool", "without"}
)

// selectors returns the metrics an expression selects, each with the
// labels it matches and the labels the aggregation around it groups by.
// The expressions are perfvet's own, so a lexical reading suffices: a
// name followed by "(" is a function, any other name a metric.
func selectors(expr string) []sel {
	var out []sel
	grouped := map[int][]string{} // position of the "(" after by (...) -> labels
	for _, m := range byRE.FindAllStringSubmatchIndex(expr, -1) {
		var labels []string
		for l := range strings.SplitSeq(expr[m[2]:m[3]], ",") {
			labels = append(labels, strings.TrimSpace(l))
		}
		grouped[m[1]] = labels
	}
	// Blank the grouping lists, keeping positions, so that their labels
	// are not read as metric names.
	blank := []byte(expr)
	for _, m := range byRE.FindAllStringSubmatchIndex(expr, -1) {
		for i := m[2]; i < m[3]; i++ {
			blank[i] = ' '
		}
	}
	for _, m := range selectorRE.FindAllStringSubmatchIndex(string(blank), -1) {
		name := expr[m[2]:m[3]]
		rest := strings.TrimLeft(expr[m[1]:], " ")
		if slices.Contains(functions, name) || strings.HasPrefix(rest, "(") || isNumber(name) {
			continue
		}
		if m[2] > 0 && strings.ContainsAny(expr[m[2]-1:m[2]], "0123456789.\"") {
			continue // part of a number or a string
		}
		s := sel{metric: name}
		if m[4] >= 0 {
			for _, mm := range matcherRE.FindAllStringSubmatch(expr[m[4]:m[5]], -1) {
				s.labels = append(s.labels, mm[1])
			}
		}
		// The innermost by (...) whose parenthesis encloses the selector.
		best := -1
		for at := range grouped {
			if at <= m[2] && at > best && strings.Count(expr[at:m[2]], "(")-strings.Count(expr[at:m[2]], ")") >= 0 {
				best = at
			}
		}
		if best >= 0 {
			s.labels = append(s.labels, grouped[best]...)
		}
		out = append(out, s)
	}
	return out
}

func isNumber(s string) bool {
	_, err := fmt.Sscan(s, new(float64))
	return err == nil
}

// rulesFor returns the groups of r cut down to the rules of the alert name
// and the recording rules they read, directly or through other recording
// rules, in their groups and order.
func rulesFor(r *Rules, alert string) []Group {
	need := map[string]bool{}
	var exprs []string
	for _, rule := range rulesOf(r) {
		if rule.Alert == alert {
			exprs = append(exprs, rule.Expr)
		}
	}
	for len(exprs) > 0 {
		expr := exprs[len(exprs)-1]
		exprs = exprs[:len(exprs)-1]
		for _, rule := range rulesOf(r) {
			if rule.Record != "" && !need[rule.Record] && readsName(expr, rule.Record) {
				need[rule.Record] = true
				exprs = append(exprs, rule.Expr)
			}
		}
	}
	var out []Group
	for _, g := range r.Groups {
		var kept []Rule
		for _, rule := range g.Rules {
			if rule.Alert == alert || need[rule.Record] {
				kept = append(kept, rule)
			}
		}
		if len(kept) > 0 {
			out = append(out, Group{Name: g.Name, Rules: kept})
		}
	}
	return out
}

// readsName reports whether the PromQL expression names the metric name,
// as a whole name (not part of a longer one).
func readsName(expr, name string) bool {
	isNameByte := func(b byte) bool {
		return b == '_' || b == ':' || '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
	}
	for i := 0; ; {
		j := strings.Index(expr[i:], name)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(name)
		if (start == 0 || !isNameByte(expr[start-1])) && (end == len(expr) || !isNameByte(expr[end])) {
			return true
		}
		i = start + 1
	}
}

// rulesYAML is a rule file of the groups, as Prometheus writes them.
func rulesYAML(t *testing.T, groups []Group) []byte {
	t.Helper()
	data, err := yaml.MarshalWithOptions(yaml.MapSlice{{Key: "groups", Value: groupsYAML(groups)}},
		yaml.IndentSequence(true), yaml.UseLiteralStyleIfMultiline(true))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func rulesOf(r *Rules) []Rule {
	var out []Rule
	for _, g := range r.Groups {
		out = append(out, g.Rules...)
	}
	return out
}
