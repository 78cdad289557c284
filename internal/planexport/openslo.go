package planexport

import (
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/perfvet/perfvet/analyzers/plan"
)

// OpenSLO renders the plan's objectives as OpenSLO v1 documents
// (https://openslo.com): a Service, and an SLO with an inline ratio
// indicator over the plan's metrics for the availability objective and
// each p95/p99 latency objective, service-wide and per endpoint, over a
// rolling 30-day window.
func OpenSLO(p *plan.Plan, service string) ([]byte, error) {
	var out Rules
	r := rolesOf(p, &out)
	service = slug(service) // OpenSLO names are DNS labels
	if service == "" {
		service = "service"
	}
	metricSource := func(query string) yaml.MapSlice {
		return yaml.MapSlice{{Key: "metricSource", Value: yaml.MapSlice{
			{Key: "type", Value: "Prometheus"},
			{Key: "spec", Value: yaml.MapSlice{{Key: "query", Value: query}}},
		}}}
	}
	slo := func(name, description string, target float64, ratio yaml.MapSlice) yaml.MapSlice {
		return yaml.MapSlice{
			{Key: "apiVersion", Value: "openslo/v1"},
			{Key: "kind", Value: "SLO"},
			{Key: "metadata", Value: yaml.MapSlice{{Key: "name", Value: name}}},
			{Key: "spec", Value: yaml.MapSlice{
				{Key: "description", Value: description},
				{Key: "service", Value: service},
				{Key: "indicator", Value: yaml.MapSlice{
					{Key: "metadata", Value: yaml.MapSlice{{Key: "name", Value: name + "-sli"}}},
					{Key: "spec", Value: yaml.MapSlice{{Key: "ratioMetric", Value: ratio}}},
				}},
				{Key: "timeWindow", Value: []yaml.MapSlice{{{Key: "duration", Value: "30d"}, {Key: "isRolling", Value: true}}}},
				{Key: "budgetingMethod", Value: "Occurrences"},
				{Key: "objectives", Value: []yaml.MapSlice{{{Key: "displayName", Value: description}, {Key: "target", Value: target}}}},
			}},
		}
	}
	docs := []yaml.MapSlice{{
		{Key: "apiVersion", Value: "openslo/v1"},
		{Key: "kind", Value: "Service"},
		{Key: "metadata", Value: yaml.MapSlice{{Key: "name", Value: service}}},
		{Key: "spec", Value: yaml.MapSlice{{Key: "description", Value: "Objectives of " + service + " from its perfvet plan"}}},
	}}
	if r.haveErr && p.SLO.Availability > 0 {
		docs = append(docs, slo(service+"-availability", fmt.Sprintf("%s%% of requests succeed", num(p.SLO.Availability)), ratio(p.SLO.Availability/100),
			yaml.MapSlice{
				{Key: "counter", Value: true},
				{Key: "bad", Value: metricSource(fmt.Sprintf("sum(%s)", r.errors.Name))},
				{Key: "total", Value: metricSource(fmt.Sprintf("sum(%s)", r.requests.Name))},
			}))
	}
	if r.haveDur {
		add := func(name, what, matchers string, l plan.Latency) {
			for _, o := range []struct {
				q    float64
				name string
				d    float64
			}{{0.95, "p95", l.P95.Seconds()}, {0.99, "p99", l.P99.Seconds()}} {
				if o.d <= 0 {
					continue
				}
				le, ok := leMatcher(r.duration, secondsDuration(o.d))
				if !ok {
					out.Skipped = append(out.Skipped, fmt.Sprintf("%s %s: %ss is not a bucket boundary of %s", what, o.name, num(o.d), r.duration.Name))
					continue
				}
				good := "{" + le + "}"
				total := ""
				if matchers != "" {
					good = "{" + matchers + ", " + le + "}"
					total = "{" + matchers + "}"
				}
				docs = append(docs, slo(name+"-latency-"+o.name, fmt.Sprintf("%s%% of %s within %ss", num(o.q*100), what, num(o.d)), ratio(o.q),
					yaml.MapSlice{
						{Key: "counter", Value: true},
						{Key: "good", Value: metricSource(fmt.Sprintf("sum(%s_bucket%s)", r.duration.Name, good))},
						{Key: "total", Value: metricSource(fmt.Sprintf("sum(%s_count%s)", r.duration.Name, total))},
					}))
			}
		}
		add(service, "requests", "", p.SLO.Latency)
		for _, e := range p.Endpoints {
			m, err := routeMatchers(e.Route, r)
			if err != nil {
				out.Skipped = append(out.Skipped, fmt.Sprintf("endpoint %q: %v", e.Route, err))
				continue
			}
			add(service+"-"+slug(e.Route), e.Route+" requests", m, e.Latency)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, Header, source(p), "openslo", "openslo")
	for _, s := range out.Skipped {
		fmt.Fprintf(&b, "# left out: %s\n", s)
	}
	for i, d := range docs {
		if i > 0 {
			b.WriteString("---\n")
		}
		data, err := yaml.MarshalWithOptions(d, yaml.IndentSequence(true))
		if err != nil {
			return nil, err
		}
		b.Write(data)
	}
	return []byte(b.String()), nil
}

// ratio returns f without the noise of binary arithmetic (99.9/100 is
// 0.9990000000000001).
func ratio(f float64) float64 {
	var r float64
	if _, err := fmt.Sscan(num(f), &r); err != nil {
		return f
	}
	return r
}
