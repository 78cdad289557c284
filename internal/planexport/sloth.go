package planexport

import (
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/perfvet/perfvet/analyzers/plan"
)

// Sloth renders the plan's objectives as a Sloth spec (prometheus/v1,
// https://sloth.dev): the availability objective and the p95/p99 latency
// objectives, service-wide and per endpoint, as event SLIs over the plan's
// metrics, with page and ticket alerts. Sloth then generates the same
// kind of multi-window burn-rate rules that -format prometheus writes,
// for teams that already run it. service names the service.
func Sloth(p *plan.Plan, service string) ([]byte, error) {
	var out Rules
	r := rolesOf(p, &out)
	if service == "" {
		service = "service"
	}
	alerting := func(name string) yaml.MapSlice {
		return yaml.MapSlice{
			{Key: "name", Value: name},
			{Key: "page_alert", Value: yaml.MapSlice{{Key: "labels", Value: yaml.MapSlice{{Key: "severity", Value: "critical"}}}}},
			{Key: "ticket_alert", Value: yaml.MapSlice{{Key: "labels", Value: yaml.MapSlice{{Key: "severity", Value: "warning"}}}}},
		}
	}
	var slos []yaml.MapSlice
	if r.haveErr && p.SLO.Availability > 0 {
		slos = append(slos, yaml.MapSlice{
			{Key: "name", Value: "requests-availability"},
			{Key: "objective", Value: p.SLO.Availability},
			{Key: "description", Value: fmt.Sprintf("%s%% of requests succeed (%s counts failures, %s requests).", num(p.SLO.Availability), r.errors.Name, r.requests.Name)},
			{Key: "sli", Value: yaml.MapSlice{{Key: "events", Value: yaml.MapSlice{
				{Key: "error_query", Value: fmt.Sprintf("sum(rate(%s[{{.window}}]))", r.errors.Name)},
				{Key: "total_query", Value: fmt.Sprintf("sum(rate(%s[{{.window}}]))", r.requests.Name)},
			}}}},
			{Key: "alerting", Value: alerting("AvailabilityErrorBudgetBurn")},
		})
	}
	if r.haveDur {
		add := func(name, alert, what, matchers string, l plan.Latency) {
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
				sel := func(extra string) string { return braces(matchers, extra) }
				slos = append(slos, yaml.MapSlice{
					{Key: "name", Value: name + "-latency-" + o.name},
					{Key: "objective", Value: o.q * 100},
					{Key: "description", Value: fmt.Sprintf("%s%% of %s within %ss.", num(o.q*100), what, num(o.d))},
					{Key: "sli", Value: yaml.MapSlice{{Key: "events", Value: yaml.MapSlice{
						{Key: "error_query", Value: fmt.Sprintf("sum(rate(%s_count%s[{{.window}}])) - sum(rate(%s_bucket%s[{{.window}}]))", r.duration.Name, sel(""), r.duration.Name, sel(le))},
						{Key: "total_query", Value: fmt.Sprintf("sum(rate(%s_count%s[{{.window}}]))", r.duration.Name, sel(""))},
					}}}},
					{Key: "alerting", Value: alerting(alert + "Latency" + strings.ToUpper(o.name) + "ErrorBudgetBurn")},
				})
			}
		}
		add("requests", "", "requests", "", p.SLO.Latency)
		for _, e := range p.Endpoints {
			m, err := routeMatchers(e.Route, r)
			if err != nil {
				out.Skipped = append(out.Skipped, fmt.Sprintf("endpoint %q: %v", e.Route, err))
				continue
			}
			add("endpoint-"+slug(e.Route), "Endpoint"+camel(e.Route), e.Route+" requests", m, e.Latency)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, Header, source(p), "sloth", "sloth")
	for _, s := range out.Skipped {
		fmt.Fprintf(&b, "# left out: %s\n", s)
	}
	data, err := yaml.MarshalWithOptions(yaml.MapSlice{
		{Key: "version", Value: "prometheus/v1"},
		{Key: "service", Value: service},
		{Key: "labels", Value: yaml.MapSlice{{Key: "generated_by", Value: "perfvet"}}},
		{Key: "slos", Value: slos},
	}, yaml.IndentSequence(true))
	if err != nil {
		return nil, err
	}
	b.Write(data)
	return []byte(b.String()), nil
}

// camel turns "GET /users/{id}" into "GetUsersId", for alert names.
func camel(s string) string {
	var b strings.Builder
	for _, w := range strings.Split(slug(s), "-") {
		if w != "" {
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
	}
	return b.String()
}
