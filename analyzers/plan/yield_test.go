package plan_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/perfvet/perfvet/analyzers/plan"
)

// TestDefaultsYield checks that a value the plan file leaves to the default
// gives way to a key the file wrote, instead of failing the plan: tightening
// one value must not fail on defaults the user never wrote.
func TestDefaultsYield(t *testing.T) {
	for _, test := range []struct {
		name  string
		src   string
		edit  func(p *plan.Plan) // applied to the default to give the result
		notes []string           // substrings of Adjusted, in order
	}{
		{
			"max ttl lowers inherited key ttls", "cache: {max_ttl: 30m}\n",
			func(p *plan.Plan) {
				p.Cache.MaxTTL = 30 * time.Minute
				p.Cache.Keys[0].TTL = 30 * time.Minute // computed:* was 1h; *:list:* (5m) fits
			},
			[]string{"cache.keys[0].ttl: the default 1h0m0s is lowered to 30m0s, the cache.max_ttl you wrote"},
		},
		{
			"written key ttl raises the inherited max ttl", "cache:\n  keys:\n    - {pattern: a, ttl: 48h}\n",
			func(p *plan.Plan) {
				p.Cache.MaxTTL = 48 * time.Hour
				p.Cache.Keys = []plan.KeyRule{{Pattern: "a", TTL: 48 * time.Hour}}
			},
			[]string{"cache.max_ttl: the default 24h0m0s is raised to 48h0m0s"},
		},
		{
			"request timeout lowers the inherited query timeout", "limits: {request_timeout: 5s}\n",
			func(p *plan.Plan) {
				p.Limits.RequestTimeout = 5 * time.Second
				p.Limits.QueryTimeout = 5 * time.Second
			},
			[]string{"limits.query_timeout: the default 10s is lowered to 5s, the limits.request_timeout you wrote"},
		},
		{
			"query timeout raises the inherited request timeout", "limits: {query_timeout: 40s}\n",
			func(p *plan.Plan) {
				p.Limits.RequestTimeout = 40 * time.Second
				p.Limits.QueryTimeout = 40 * time.Second
			},
			[]string{"limits.request_timeout: the default 30s is raised to 40s"},
		},
		{
			"a disabled request timeout bounds nothing", "limits: {request_timeout: 0}\n",
			func(p *plan.Plan) { p.Limits.RequestTimeout = 0 },
			nil,
		},
		{
			"total scales the inherited parts", "budget: {total: 200ms}\n",
			func(p *plan.Plan) {
				p.Budget = plan.Budget{Total: 200 * ms, Gateway: 4 * ms, Auth: 8 * ms, Logic: 80 * ms, Database: 60 * ms, External: 40 * ms, Serialization: 8 * ms}
			},
			[]string{"budget: the default parts (500ms in all) are scaled down to fit the budget.total you wrote"},
		},
		{
			"total and one part scale the other parts", "budget: {total: 200ms, logic: 150ms}\n",
			func(p *plan.Plan) {
				// 50ms left for 300ms of default parts: each is a sixth, in whole milliseconds.
				p.Budget = plan.Budget{Total: 200 * ms, Gateway: 1 * ms, Auth: 3 * ms, Logic: 150 * ms, Database: 25 * ms, External: 16 * ms, Serialization: 3 * ms}
			},
			[]string{"budget: the default parts"},
		},
		{
			"a raised part raises the inherited total", "budget: {logic: 600ms}\n",
			func(p *plan.Plan) {
				p.Budget.Logic = 600 * ms
				p.Budget.Total = 900 * ms
			},
			[]string{"budget.total: the default 500ms is raised to 900ms, the sum of the parts"},
		},
		{
			"p95 raises the inherited p99", "slo: {latency: {p95: 2s}}\n",
			func(p *plan.Plan) {
				p.SLO.Latency.P95 = 2 * time.Second
				p.SLO.Latency.P99 = 2 * time.Second
			},
			[]string{"slo.latency.p99: the default 1s is raised to 2s, the slo.latency.p95 you wrote"},
		},
		{
			"p99 lowers the inherited p95 and p50", "slo: {latency: {p99: 80ms}}\n",
			func(p *plan.Plan) {
				p.SLO.Latency = plan.Latency{P50: 80 * ms, P95: 80 * ms, P99: 80 * ms}
			},
			[]string{"slo.latency.p50: the default 100ms is lowered to 80ms", "slo.latency.p95: the default 500ms is lowered to 80ms"},
		},
		{
			"p50 raises the inherited p95", "slo: {latency: {p50: 600ms}}\n",
			func(p *plan.Plan) {
				p.SLO.Latency.P50 = 600 * ms
				p.SLO.Latency.P95 = 600 * ms
			},
			[]string{"slo.latency.p95: the default 500ms is raised to 600ms"},
		},
		{
			"availability lowers the inherited error rate", "slo: {availability: 99.95}\n",
			func(p *plan.Plan) {
				p.SLO.Availability = 99.95
				p.SLO.ErrorRate = 0.05
			},
			[]string{"slo.error_rate: the default 0.1% is lowered to 0.05%"},
		},
		{
			"query cost raises the inherited complex query cost", "costs: {query: 200ms}\n",
			func(p *plan.Plan) {
				p.Costs.Query = 200 * ms
				p.Costs.ComplexQuery = 200 * ms
			},
			[]string{"costs.complex_query: the default 100ms is raised to 200ms"},
		},
		{
			"cache miss cost lowers the inherited hit cost", "costs: {cache_miss: 500us}\n",
			func(p *plan.Plan) {
				p.Costs.CacheMiss = 500 * time.Microsecond
				p.Costs.CacheHit = 500 * time.Microsecond
			},
			[]string{"costs.cache_hit: the default 1ms is lowered to 500µs"},
		},
	} {
		t.Run(test.name, func(t *testing.T) {
			got, err := plan.Parse("perfplan.yaml", []byte(test.src))
			if err != nil {
				t.Fatalf("Parse(%q): %v", test.src, err)
			}
			want := plan.Default()
			want.Source = "perfplan.yaml"
			test.edit(want)
			want.Adjusted = got.Adjusted // compared below, by substring
			checkPlan(t, got, want)
			if len(got.Adjusted) != len(test.notes) {
				t.Errorf("Adjusted = %q, want %d notes", got.Adjusted, len(test.notes))
			}
			for i, n := range test.notes {
				if i >= len(got.Adjusted) || !strings.Contains(got.Adjusted[i], n) {
					t.Errorf("Adjusted = %q, want note %d to contain %q", got.Adjusted, i, n)
				}
			}
		})
	}
}

// TestWrittenConflicts checks that conflicts between keys the file wrote
// are still errors, at the key written last, and never blame a default.
func TestWrittenConflicts(t *testing.T) {
	for _, test := range []struct {
		name, src string
		want      []string
	}{
		{"timeouts", "limits: {request_timeout: 5s, query_timeout: 10s}\n",
			[]string{`1:31: limits.query_timeout (10s) is above limits.request_timeout (5s)`}},
		{"ttl", "cache:\n  max_ttl: 30m\n  keys: [{pattern: a, ttl: 1h}]\n",
			[]string{`3:23: cache.keys[0].ttl (1h0m0s) is above cache.max_ttl (30m0s)`}},
		{"percentiles around a default", "slo: {latency: {p50: 2s, p99: 1s}}\n",
			[]string{`1:17: slo.latency: p50 (2s) is above p99 (1s)`}},
		{"budget parts above a written total", "budget: {total: 100ms, logic: 80ms, database: 50ms}\n",
			[]string{`1:10: budget: the parts you wrote add up to 130ms, above budget.total (100ms)`}},
		{"availability and error rate", "slo: {availability: 99.9, error_rate: 1}\n",
			[]string{`1:27: slo: availability 99.9% and error_rate 1% add up to more than 100%`}},
	} {
		t.Run(test.name, func(t *testing.T) {
			_, err := plan.Parse("p.yaml", []byte(test.src))
			if err == nil {
				t.Fatalf("Parse(%q): no error, want %q", test.src, test.want)
			}
			var list plan.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("Parse(%q): %T is not a plan.ErrorList", test.src, err)
			}
			if len(list) != len(test.want) {
				t.Fatalf("got %d errors, want %d:\n%v", len(list), len(test.want), err)
			}
			for i, w := range test.want {
				if got := strings.TrimPrefix(list[i].Error(), "p.yaml:"); !strings.HasPrefix(got, w) {
					t.Errorf("error %d:\n got %s\nwant %s...", i, got, w)
				}
				if strings.Contains(list[i].Msg, "default") {
					t.Errorf("an error between written keys blames a default: %s", list[i].Msg)
				}
			}
		})
	}
}

// TestConflictWithBaseNamesTheKey checks that an error involving a value
// the file did not write says so and names the key to add: it can only
// arise over a base other than the default, which may be inconsistent.
func TestConflictWithBaseNamesTheKey(t *testing.T) {
	base := plan.Default()
	base.Limits.RequestTimeout = 5 * time.Second // below the base's query_timeout (10s)
	_, err := plan.ParseOver("p.yaml", []byte("limits: {max_page_size: 10}\n"), base)
	if err == nil {
		t.Fatal("no error for an inconsistent base")
	}
	msg := err.Error()
	for _, want := range []string{"not written in p.yaml", "add limits.query_timeout or limits.request_timeout"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q: %s", want, msg)
		}
	}
}
