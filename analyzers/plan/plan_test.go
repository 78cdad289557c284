package plan_test

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/perfvet/perfvet/analyzers/plan"
)

const ms = time.Millisecond

// designDefaults is the defaults table of docs/design.md, written out by hand so
// that a change to default.yaml that drifts from the design fails.
func designDefaults() *plan.Plan {
	return &plan.Plan{
		Version: 1,
		SLO: plan.SLO{
			Availability:  99.9,
			ErrorRate:     0.1,
			Latency:       plan.Latency{P50: 100 * ms, P95: 500 * ms, P99: time.Second},
			ThroughputRPS: 1000,
		},
		Budget: plan.Budget{
			Total:         500 * ms,
			Gateway:       10 * ms,
			Auth:          20 * ms,
			Logic:         200 * ms,
			Database:      150 * ms,
			External:      100 * ms,
			Serialization: 20 * ms,
		},
		Costs: plan.Costs{
			Query:        10 * ms,
			ComplexQuery: 100 * ms,
			Transaction:  200 * ms,
			CacheHit:     1 * ms,
			CacheMiss:    50 * ms,
			ExternalCall: 100 * ms,
		},
		Limits: plan.Limits{
			RequestTimeout: 30 * time.Second,
			QueryTimeout:   10 * time.Second,
			MaxPageSize:    100,
			MaxBodySize:    10 << 20,
			MaxUploadSize:  100 << 20,
		},
		Pool: plan.Pool{MaxOpen: 100, MaxIdle: 100, ConnMaxLifetime: time.Hour, ConnMaxIdleTime: 30 * time.Minute},
		Cache: plan.Cache{
			MaxTTL: 24 * time.Hour,
			Keys: []plan.KeyRule{
				{Pattern: "computed:*", TTL: time.Hour},
				{Pattern: "*:list:*", TTL: 5 * time.Minute},
			},
		},
		Metrics: []plan.Metric{
			{
				Name:    "http_request_duration_seconds",
				Type:    "histogram",
				Labels:  []string{"method", "path", "status"},
				Buckets: []float64{0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10},
			},
			{Name: "http_requests_total", Type: "counter", Labels: []string{"method", "path", "status"}},
			{Name: "http_errors_total", Type: "counter", Labels: []string{"method", "path", "error_type"}},
		},
		// The plan source's alerting table: p95 latency warning above
		// 500ms, critical above 1s; error rate warning above 1%, critical
		// above 5%.
		Alerts: []plan.Alert{
			{Name: "LatencyP95High", Kind: "latency", Quantile: 0.95, Warning: "500ms", Critical: "1s", For: 5 * time.Minute,
				Severity: plan.Severity{Warning: "warning", Critical: "critical"}},
			{Name: "ErrorRateHigh", Kind: "error_rate", Warning: "1%", Critical: "5%", For: 5 * time.Minute,
				Severity: plan.Severity{Warning: "warning", Critical: "critical"}},
		},
		Source: plan.DefaultSource,
	}
}

// normalize sets the plan's empty lists to nil: "endpoints: []" and a
// missing list mean the same.
func normalize(p *plan.Plan) *plan.Plan {
	c := *p
	nilIfEmpty(&c.Endpoints)
	nilIfEmpty(&c.Cache.Keys)
	nilIfEmpty(&c.Cache.Invalidate)
	for i := range c.Cache.Invalidate {
		nilIfEmpty(&c.Cache.Invalidate[i].Keys)
	}
	nilIfEmpty(&c.Metrics)
	for i := range c.Metrics {
		nilIfEmpty(&c.Metrics[i].Labels)
		nilIfEmpty(&c.Metrics[i].Buckets)
	}
	nilIfEmpty(&c.Queries)
	nilIfEmpty(&c.Ignore)
	return &c
}

func nilIfEmpty[S ~[]E, E any](s *S) {
	if len(*s) == 0 {
		*s = nil
	}
}

func checkPlan(t *testing.T, got, want *plan.Plan) {
	t.Helper()
	if g, w := normalize(got), normalize(want); !reflect.DeepEqual(g, w) {
		t.Errorf("plan differs\n got: %+v\nwant: %+v", g, w)
	}
}

func TestDefault(t *testing.T) {
	if err := plan.DefaultError(); err != nil {
		t.Fatalf("embedded default: %v", err)
	}
	checkPlan(t, plan.Default(), designDefaults())
}

// TestDefaultIsACopy checks that callers may modify Default's result.
func TestDefaultIsACopy(t *testing.T) {
	p := plan.Default()
	p.Limits.MaxPageSize = 7
	p.Metrics[0].Labels[0] = "changed"
	p.Metrics[0].Buckets[0] = 99
	p.Cache.Keys[0].Pattern = "changed"
	p.Metrics = append(p.Metrics[:1], plan.Metric{Name: "x"})
	checkPlan(t, plan.Default(), designDefaults())
}

func TestDefaultYAML(t *testing.T) {
	y := plan.DefaultYAML()
	p, err := plan.Parse("perfplan.yaml", y)
	if err != nil {
		t.Fatal(err)
	}
	want := designDefaults()
	want.Source = "perfplan.yaml"
	checkPlan(t, p, want)

	// The bytes are a copy.
	y[0] = '!'
	if plan.DefaultYAML()[0] == '!' {
		t.Errorf("DefaultYAML returns the embedded bytes, not a copy")
	}
}

// TestFullExample checks that the example plan of docs/design.md loads, and
// that testdata/full.yaml is that example.
func TestFullExample(t *testing.T) {
	const file = "testdata/full.yaml"
	design, err := os.ReadFile("../../docs/design.md")
	if err != nil {
		t.Fatal(err)
	}
	_, example, ok := strings.Cut(string(design), "```yaml\nversion: 1\n")
	example, _, closed := strings.Cut(example, "```")
	if !ok || !closed {
		t.Fatal("docs/design.md has no ```yaml block starting with version: 1")
	}
	full, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if got := "version: 1\n" + example; got != string(full) {
		t.Errorf("%s differs from the example plan of docs/design.md; copy one to the other:\n%s", file, got)
	}
	p, err := plan.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	want := designDefaults()
	want.Source = file
	want.Endpoints = []plan.Endpoint{{
		Route:   "GET /users",
		Latency: plan.Latency{P50: 50 * ms, P95: 200 * ms, P99: 500 * ms},
		RPS:     500,
	}}
	want.Cache.Invalidate = []plan.Invalidate{{Table: "products", Keys: []string{"product:*", "products:list:*"}}}
	want.Queries = []string{"(*example.com/legacy.Client).Fetch*"}
	want.Ignore = []string{"example.com/shop/internal/migrations/..."}
	checkPlan(t, p, want)
}

func TestMerge(t *testing.T) {
	for _, test := range []struct {
		name string
		src  string
		edit func(p *plan.Plan) // applied to the default to give the result
	}{
		{"empty", "", nil},
		{"blank", "\n   \n\t\n", nil},
		{"comments only", "# a plan\n# with nothing in it\n", nil},
		{"empty document", "---\n", nil},
		{"null section", "limits:\n", nil},
		{"explicit null", "limits: null\nslo: ~\n", nil},
		{"version only", "version: 1\n", nil},
		{"directive", "%YAML 1.2\n---\nlimits: {max_page_size: 5}\n", func(p *plan.Plan) { p.Limits.MaxPageSize = 5 }},
		{"document markers", "---\nlimits: {max_page_size: 5}\n...\n", func(p *plan.Plan) { p.Limits.MaxPageSize = 5 }},
		{"byte order mark", "\ufefflimits: {max_page_size: 5}\n", func(p *plan.Plan) { p.Limits.MaxPageSize = 5 }},
		{
			"one limit", "limits:\n  max_page_size: 20\n",
			func(p *plan.Plan) { p.Limits.MaxPageSize = 20 },
		},
		{
			"nested key keeps siblings", "slo:\n  latency:\n    p99: 2s\n",
			func(p *plan.Plan) { p.SLO.Latency.P99 = 2 * time.Second },
		},
		{
			"one metric replaces the list",
			"metrics:\n  - name: rpc_duration_seconds\n    type: histogram\n    buckets: [0.1, 0.5, 1]\n",
			func(p *plan.Plan) {
				p.Metrics = []plan.Metric{{Name: "rpc_duration_seconds", Type: "histogram", Buckets: []float64{0.1, 0.5, 1}}}
			},
		},
		{
			"empty list replaces the list", "cache:\n  keys: []\n",
			func(p *plan.Plan) { p.Cache.Keys = nil },
		},
		{
			"zero limits", "limits: {request_timeout: 0, query_timeout: 0s, max_page_size: 0, max_body_size: 0}\n",
			func(p *plan.Plan) { p.Limits = plan.Limits{MaxUploadSize: p.Limits.MaxUploadSize} },
		},
		{
			"size units", "limits: {max_body_size: 512KB}\n",
			func(p *plan.Plan) { p.Limits.MaxBodySize = 512 << 10 },
		},
		{
			"size in GB", "limits: {max_body_size: 1GB}\n",
			func(p *plan.Plan) { p.Limits.MaxBodySize, p.Limits.MaxUploadSize = 1<<30, 1<<30 }, // the default upload limit yields
		},
		{
			"size in IEC units", "limits: {max_body_size: 2MiB}\n",
			func(p *plan.Plan) { p.Limits.MaxBodySize = 2 << 20 },
		},
		{
			"size in bytes", "limits: {max_body_size: 1000}\n",
			func(p *plan.Plan) { p.Limits.MaxBodySize = 1000 },
		},
		{
			"percent sign", "slo: {availability: 99.5%, error_rate: \"0.5%\"}\n",
			func(p *plan.Plan) { p.SLO.Availability, p.SLO.ErrorRate = 99.5, 0.5 },
		},
		{
			"quoted and tagged scalars", "version: !!str 1\nlimits: {max_page_size: \"30\", request_timeout: '20s'}\n",
			func(p *plan.Plan) { p.Limits.MaxPageSize, p.Limits.RequestTimeout = 30, 20*time.Second },
		},
		{
			"block scalar", "limits:\n  max_page_size: |\n    30\n",
			func(p *plan.Plan) { p.Limits.MaxPageSize = 30 },
		},
		{
			"anchor and alias",
			"slo:\n  latency: &fast {p50: 50ms, p95: 100ms, p99: 200ms}\nendpoints:\n  - route: GET /x\n    latency: *fast\n",
			func(p *plan.Plan) {
				l := plan.Latency{P50: 50 * ms, P95: 100 * ms, P99: 200 * ms}
				p.SLO.Latency = l
				p.Endpoints = []plan.Endpoint{{Route: "GET /x", Latency: l}}
			},
		},
		{
			"explicit key", "limits:\n  ? max_page_size\n  : 40\n",
			func(p *plan.Plan) { p.Limits.MaxPageSize = 40 },
		},
		{
			"flow style", "{limits: {max_page_size: 40}, queries: [\"example.com/db.Get\"]}",
			func(p *plan.Plan) {
				p.Limits.MaxPageSize = 40
				p.Queries = []string{"example.com/db.Get"}
			},
		},
		{
			"brackets in comments", strings.Repeat("# TODO: [[[\n", plan.MaxNesting) + "limits: {max_page_size: 5} # {{{\n",
			func(p *plan.Plan) { p.Limits.MaxPageSize = 5 },
		},
		{
			"CRLF line ends", "limits:\r\n  max_page_size: 40\r\n",
			func(p *plan.Plan) { p.Limits.MaxPageSize = 40 },
		},
	} {
		t.Run(test.name, func(t *testing.T) {
			got, err := plan.Parse("perfplan.yaml", []byte(test.src))
			if err != nil {
				t.Fatalf("Parse(%q): %v", test.src, err)
			}
			want := plan.Default()
			want.Source = "perfplan.yaml"
			if test.edit != nil {
				test.edit(want)
			}
			checkPlan(t, got, want)
		})
	}
}

// TestParseOverBase checks that ParseOver reads keys the file leaves out
// from its base, and leaves the base unchanged.
func TestParseOverBase(t *testing.T) {
	base := plan.Default()
	base.Limits.MaxPageSize = 42
	base.Metrics = base.Metrics[:1]
	before := normalize(plan.Default())
	before.Limits.MaxPageSize = 42
	before.Metrics = before.Metrics[:1]

	got, err := plan.ParseOver("p.yaml", []byte("metrics:\n  - {name: a, type: counter}\nlimits: {query_timeout: 1s}\n"), base)
	if err != nil {
		t.Fatal(err)
	}
	if got.Limits.MaxPageSize != 42 || got.Limits.QueryTimeout != time.Second {
		t.Errorf("limits = %+v, want max_page_size 42 from the base and query_timeout 1s", got.Limits)
	}
	if len(got.Metrics) != 1 || got.Metrics[0].Name != "a" {
		t.Errorf("metrics = %+v, want the file's one metric", got.Metrics)
	}
	checkPlan(t, base, before)
	got.Cache.Keys[0].Pattern = "changed"
	if base.Cache.Keys[0].Pattern == "changed" {
		t.Errorf("the result shares the base's cache keys")
	}
}

// TestErrors checks every error's position exactly, and the start of its
// message.
func TestErrors(t *testing.T) {
	for _, test := range []struct {
		name string
		src  string
		want []string // "line:col: message prefix", one per error, in order
	}{
		{
			"unknown top-level key", "limts:\n  max_page_size: 5\n",
			[]string{`1:1: unknown key "limts" at the top level; did you mean "limits"?`},
		},
		{
			"unknown nested key", "limits:\n  query_timout: 1s\n",
			[]string{`2:3: unknown key "query_timout" in limits; did you mean "query_timeout"?`},
		},
		{
			"unknown deep key", "slo:\n  latency: {p50: 1ms, p999: 2s}\n",
			[]string{`2:23: unknown key "p999" in slo.latency; did you mean "p99"?`},
		},
		{
			"unknown key in a list item", "metrics:\n  - name: a\n    typ: counter\n",
			[]string{`3:5: unknown key "typ" in metrics[0]; did you mean "type"?`},
		},
		{
			"unknown key far from any", "colour: red\n",
			[]string{`1:1: unknown key "colour" at the top level; known keys: alerts, budget, cache, costs, endpoints, ignore, limits, metrics, pool, queries, slo, version`},
		},
		{
			"duration without unit", "limits:\n  request_timeout: 10\n",
			[]string{`2:20: limits.request_timeout: malformed duration "10": missing unit; write 10s, 10ms or 10m`},
		},
		{
			"duration in words", "limits:\n  request_timeout: ten seconds\n",
			[]string{`2:20: limits.request_timeout: malformed duration "ten seconds"`},
		},
		{
			"duration infinity", "costs: {query: inf}\n",
			[]string{`1:16: costs.query: malformed duration "inf"; write a duration such as 250ms, 30s or 1h`},
		},
		{
			"empty duration", "costs: {query: ''}\n",
			[]string{`1:16: costs.query: empty duration`},
		},
		{
			"malformed size", "limits:\n  max_body_size: 10 megabytes\n",
			[]string{`2:18: limits.max_body_size: malformed size "10 megabytes"`},
		},
		{
			"lower-case size unit", "limits:\n  max_body_size: 10mb\n",
			[]string{`2:18: limits.max_body_size: malformed size "10mb"`},
		},
		{
			"fractional size", "limits:\n  max_body_size: 1.5MB\n",
			[]string{`2:18: limits.max_body_size: malformed size "1.5MB"`},
		},
		{
			"huge size", "limits:\n  max_body_size: 9999999999GB\n",
			[]string{`2:18: limits.max_body_size: size "9999999999GB" is too large`},
		},
		{
			"negative duration", "costs:\n  query: -5ms\n",
			[]string{`2:10: costs.query: negative duration "-5ms"`},
		},
		{
			"negative size", "limits:\n  max_body_size: -1MB\n",
			[]string{`2:18: limits.max_body_size: negative size "-1MB"`},
		},
		{
			"negative page size", "limits:\n  max_page_size: -1\n",
			[]string{`2:3: limits.max_page_size: -1 is negative; use 0 to turn the check off`},
		},
		{
			"fractional page size", "limits:\n  max_page_size: 1.5\n",
			[]string{`2:18: limits.max_page_size: "1.5" is not an integer`},
		},
		{
			"p50 above p95", "slo:\n  latency: {p50: 600ms, p95: 500ms}\n",
			[]string{`2:13: slo.latency: p50 (600ms) is above p95 (500ms); percentiles must not decrease`},
		},
		{
			"p95 above p99, p99 written last", "slo:\n  latency:\n    p99: 200ms\n    p95: 500ms\n",
			[]string{`4:5: slo.latency: p95 (500ms) is above p99 (200ms)`},
		},
		{
			"p95 above p99", "slo:\n  latency:\n    p95: 2s\n    p99: 1s\n",
			[]string{`3:5: slo.latency: p95 (2s) is above p99 (1s)`},
		},
		{
			"endpoint percentiles", "slo:\n  latency: {p50: 5s, p95: 5s, p99: 5s}\nendpoints:\n  - route: GET /a\n    latency: {p50: 3s, p95: 2s}\n",
			[]string{`5:15: endpoints[0].latency: p50 (3s) is above p95 (2s)`},
		},
		{
			"endpoint p95 above the slo's", "slo:\n  latency: {p50: 100ms, p95: 300ms, p99: 1s}\nendpoints:\n  - route: GET /a\n    latency: {p95: 400ms}\n",
			[]string{`5:15: endpoints[0].latency.p95 (400ms) is above slo.latency.p95 (300ms); an endpoint's objective must not be looser than the service's`},
		},
		{
			"endpoint p99 above the default slo", "endpoints:\n  - route: GET /a\n    latency: {p99: 2s}\n",
			[]string{`3:15: endpoints[0].latency.p99 (2s) is above slo.latency.p99 (1s); an endpoint's objective must not be looser than the service's (slo.latency.p99 is not written in perfplan.yaml; add slo.latency.p99 to set it)`},
		},
		{
			"availability above 100", "slo:\n  availability: 101\n",
			[]string{`2:3: slo.availability: 101 is not a percentage between 0 and 100`},
		},
		{
			"availability and error rate above 100", "slo:\n  availability: 99.9\n  error_rate: 1\n",
			[]string{`3:3: slo: availability 99.9% and error_rate 1% add up to more than 100%`},
		},
		{
			"negative throughput", "slo:\n  throughput_rps: -1\n",
			[]string{`2:3: slo.throughput_rps: -1 must be a non-negative number`},
		},
		{
			"budget part above total", "budget:\n  logic: 600ms\n  total: 500ms\n",
			[]string{`2:3: budget.logic (600ms) is above budget.total (500ms)`},
		},
		{
			"lowered total below parts", "budget:\n  total: 100ms\n  logic: 200ms\n  database: 150ms\n",
			[]string{
				`3:3: budget.logic (200ms) is above budget.total (100ms)`,
				`4:3: budget.database (150ms) is above budget.total (100ms)`,
			},
		},
		{
			"parts add up above total", "budget:\n  total: 400ms\n  logic: 300ms\n  database: 150ms\n",
			[]string{`2:3: budget: the parts you wrote add up to 450ms, above budget.total (400ms)`},
		},
		{
			"raised parts make the sum too large", "budget: {external: 190ms, logic: 300ms, total: 480ms}\n",
			[]string{`1:41: budget: the parts you wrote add up to 490ms, above budget.total (480ms)`},
		},
		{
			"query cost above complex query", "costs: {query: 1s, complex_query: 100ms}\n",
			[]string{`1:9: costs.query (1s) is above costs.complex_query (100ms)`},
		},
		{
			"query timeout above request timeout", "limits:\n  query_timeout: 40s\n  request_timeout: 30s\n",
			[]string{`2:3: limits.query_timeout (40s) is above limits.request_timeout (30s); a query cannot outlive its request`},
		},
		{
			"request timeout below query timeout", "limits:\n  request_timeout: 5s\n  query_timeout: 10s\n",
			[]string{`3:3: limits.query_timeout (10s) is above limits.request_timeout (5s)`},
		},
		{
			"key ttl above max ttl", "cache:\n  keys:\n    - pattern: a\n      ttl: 48h\n  max_ttl: 24h\n",
			[]string{`4:7: cache.keys[0].ttl (48h0m0s) is above cache.max_ttl (24h0m0s)`},
		},
		{
			"max ttl below key ttl", "cache:\n  max_ttl: 30m\n  keys: [{pattern: \"computed:*\", ttl: 1h}]\n",
			[]string{`3:34: cache.keys[0].ttl (1h0m0s) is above cache.max_ttl (30m0s)`},
		},
		{
			"key ttl missing", "cache:\n  keys:\n    - pattern: a\n",
			[]string{`3:7: cache.keys[0]: ttl is missing`},
		},
		{
			"invalidate without keys", "cache:\n  invalidate:\n    - table: products\n",
			[]string{`3:7: cache.invalidate[0]: keys is empty`},
		},
		{
			"invalidate bad table", "cache:\n  invalidate:\n    - {table: 'drop table', keys: [a]}\n",
			[]string{`3:8: cache.invalidate[0].table: "drop table" is not a table name`},
		},
		{
			"bad metric type", "metrics:\n  - name: x\n    type: timer\n",
			[]string{`3:5: metrics[0].type: "timer" is not one of counter, gauge, histogram, summary`},
		},
		{
			"metric type missing", "metrics:\n  - name: x\n",
			[]string{`2:5: metrics[0].type: "" is not one of counter, gauge, histogram, summary`},
		},
		{
			"metric name missing", "metrics:\n  - type: counter\n",
			[]string{`2:5: metrics[0]: name is missing`},
		},
		{
			"metric listed twice", "metrics:\n  - {name: x, type: counter}\n  - {name: x, type: counter}\n",
			[]string{`3:6: metrics[1].name: metric "x" is listed twice`},
		},
		{
			"bad label", "metrics:\n  - {name: x, type: counter, labels: [ok, __bad]}\n",
			[]string{`2:43: metrics[0].labels[1]: "__bad" is not a valid label name`},
		},
		{
			"equal buckets", "metrics:\n  - name: x\n    type: histogram\n    buckets: [1, 1]\n",
			[]string{`4:18: metrics[0].buckets[1]: buckets must increase; 1 follows 1`},
		},
		{
			"decreasing buckets", "metrics:\n  - name: x\n    type: histogram\n    buckets: [0.5, 0.1]\n",
			[]string{`4:20: metrics[0].buckets[1]: buckets must increase; 0.1 follows 0.5`},
		},
		{
			"zero bucket", "metrics:\n  - name: x\n    type: histogram\n    buckets: [0, 1]\n",
			[]string{`4:15: metrics[0].buckets[0]: bucket 0 must be a positive number of seconds`},
		},
		{
			"buckets on a counter", "metrics:\n  - name: x\n    type: counter\n    buckets: [1]\n",
			[]string{`4:5: metrics[0].buckets: only a histogram has buckets, and x is a counter`},
		},
		{
			"route with open brace", "endpoints:\n  - route: GET /users/{id\n",
			[]string{`2:5: endpoints[0].route: "GET /users/{id": a wildcard must be a whole path segment`},
		},
		{
			"route with empty wildcard", "endpoints:\n  - route: GET /users/{}\n",
			[]string{`2:5: endpoints[0].route: "GET /users/{}": wildcard name "" is not a Go identifier`},
		},
		{
			"route missing", "endpoints:\n  - rps: 5\n",
			[]string{`2:5: endpoints[0].route: route is missing`},
		},
		{
			"route lower-case method", "endpoints:\n  - route: get /a\n",
			[]string{`2:5: endpoints[0].route: "get /a": the method "get" must be upper case letters`},
		},
		{
			"bad queries pattern", "queries: [Fetch]\n",
			[]string{`1:11: queries[0]: "Fetch" is not a function pattern`},
		},
		{
			"unbalanced queries pattern", "queries:\n  - \"(*example.com/db.Client.Get\"\n",
			[]string{`2:5: queries[0]: "(*example.com/db.Client.Get" is not a function pattern`},
		},
		{
			"bad ignore pattern", "ignore: ['a b']\n",
			[]string{`1:10: ignore[0]: "a b" is not a package path`},
		},
		{
			"duplicate key", "limits:\n  max_page_size: 10\n  max_page_size: 20\n",
			[]string{`3:3: malformed YAML: mapping key "max_page_size" already defined at [2:3]`},
		},
		{
			"list for a mapping", "limits: [1]\n",
			[]string{`1:9: limits: expected a mapping, found a list`},
		},
		{
			"mapping for a list", "metrics: {name: x}\n",
			[]string{`1:10: metrics: expected a list, found a mapping`},
		},
		{
			"string for a list", "metrics:\n  - name: x\n    type: counter\n    labels: method\n",
			[]string{`4:13: metrics[0].labels: expected a list, found a string`},
		},
		{
			"scalar for a mapping", "limits: 5\n",
			[]string{`1:9: limits: expected a mapping, found an integer`},
		},
		{
			"mapping for a scalar", "limits:\n  request_timeout: {s: 1}\n",
			[]string{`2:20: limits.request_timeout: expected a duration such as 250ms, 30s or 1h, found a mapping`},
		},
		{
			"list for a scalar", "version: [1]\n",
			[]string{`1:10: version: expected an integer, found a list`},
		},
		{
			"list for the plan", "- limits\n",
			[]string{`1:1: the plan: expected a mapping, found a list`},
		},
		{
			"scalar for the plan", "limits\n",
			[]string{`1:1: the plan: expected a mapping, found a string`},
		},
		{
			"YAML syntax error", "limits: {max_page_size: 5\n",
			[]string{`1:9: malformed YAML:`},
		},
		{
			"unclosed list", "queries: [\n",
			[]string{`1:10: malformed YAML: sequence end token ']' not found`},
		},
		{
			"tab indent", "limits:\n\tmax_page_size: 5\n",
			[]string{`2:1: malformed YAML:`},
		},
		{
			"two documents", "limits: {max_page_size: 5}\n---\nversion: 1\n",
			[]string{`2:1: a plan file holds one YAML document; found 2`},
		},
		{
			"version 2", "version: 2\nlimits: {max_page_size: 5}\n",
			[]string{`1:1: version: unsupported plan version 2; this perfvet reads version 1`},
		},
		{
			"unknown alias", "limits: {max_page_size: *n}\n",
			[]string{`1:25: unknown alias *n`},
		},
		{
			"merge key", "limits:\n  <<: {max_page_size: 5}\n",
			[]string{`2:3: merge keys (<<) are not supported in a plan`},
		},
		{
			"list as a key", "limits:\n  ? [a]\n  : 1\n",
			[]string{`3:3: malformed YAML: found an invalid key for this map`},
		},
		{
			"alias of a list as a key", "queries: &q [a.B]\nlimits:\n  *q : 1\n",
			[]string{`3:3: a key in limits must be a string, found a list`},
		},
		{
			"nested too deeply", "queries: " + strings.Repeat("[", plan.MaxNesting+5),
			[]string{fmt.Sprintf(`1:%d: collections nested more than %d levels deep`, len("queries: ")+plan.MaxNesting+1, plan.MaxNesting)},
		},
		{
			"errors of form, in file order",
			"limits:\n  max_page_size: x\nslo:\n  error_rat: 1\ncosts:\n  query: 5\n",
			[]string{
				`2:18: limits.max_page_size: "x" is not an integer`,
				`4:3: unknown key "error_rat" in slo; did you mean "error_rate"?`,
				`6:10: costs.query: malformed duration "5": missing unit`,
			},
		},
		{
			// validate checks slo before limits; the report is in file order.
			"contradictions, in file order",
			"limits:\n  query_timeout: 1m\n  request_timeout: 30s\nslo:\n  latency: {p50: 2s, p95: 500ms}\n",
			[]string{
				`2:3: limits.query_timeout (1m0s) is above limits.request_timeout (30s)`,
				`5:13: slo.latency: p50 (2s) is above p95 (500ms)`,
			},
		},
	} {
		t.Run(test.name, func(t *testing.T) {
			checkErrors(t, "perfplan.yaml", test.src, test.want)
		})
	}
}

func checkErrors(t *testing.T, file, src string, want []string) {
	t.Helper()
	p, err := plan.Parse(file, []byte(src))
	if err == nil {
		t.Fatalf("Parse(%q) succeeded, want errors:\n%s", src, strings.Join(want, "\n"))
	}
	if p != nil {
		t.Errorf("Parse(%q) returned a plan with its error", src)
	}
	var list plan.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Parse(%q) error is a %T, not an ErrorList: %v", src, err, err)
	}
	if len(list) != len(want) {
		t.Fatalf("Parse(%q) = %d errors, want %d:\n%v", src, len(list), len(want), err)
	}
	for i, e := range list {
		if w := file + ":" + want[i]; !strings.HasPrefix(e.Error(), w) {
			t.Errorf("Parse(%q) error %d =\n\t%s\nwant prefix\n\t%s", src, i, e, w)
		}
		if pos := fmt.Sprintf("%d:%d:", e.Line, e.Col); !strings.HasPrefix(want[i], pos) {
			t.Errorf("Parse(%q) error %d at Line %d Col %d; want %s", src, i, e.Line, e.Col, want[i])
		}
	}
	if got := err.Error(); strings.Count(got, "\n") != len(want)-1 {
		t.Errorf("ErrorList.Error() = %q, want one line per error", got)
	}
}

// TestTooManyErrors checks that a file with many problems reports a
// bounded number of them, in file order, and says so last.
func TestTooManyErrors(t *testing.T) {
	var b strings.Builder
	for i := range plan.MaxErrors + 10 {
		fmt.Fprintf(&b, "unknown%d: x\n", i)
	}
	_, err := plan.Parse("p.yaml", []byte(b.String()))
	var list plan.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("err = %v, want an ErrorList", err)
	}
	if len(list) != plan.MaxErrors+1 {
		t.Fatalf("%d errors, want %d", len(list), plan.MaxErrors+1)
	}
	for i, e := range list[:plan.MaxErrors] {
		if e.Line != i+1 {
			t.Errorf("error %d at line %d, want %d", i, e.Line, i+1)
		}
	}
	if last := list[len(list)-1].Error(); last != "p.yaml: too many errors" {
		t.Errorf("last error = %q, want %q", last, "p.yaml: too many errors")
	}
}

// TestAliasExpansion checks that aliases cannot make a small file decode
// into an unbounded number of values.
func TestAliasExpansion(t *testing.T) {
	// 1,000 labels, named 1,000 times: a million values from 15KB.
	var b strings.Builder
	b.WriteString("queries: &q [")
	for i := range 1000 {
		fmt.Fprintf(&b, "l%d, ", i)
	}
	b.WriteString("]\nmetrics: [")
	for range 1000 {
		b.WriteString("{labels: *q}, ")
	}
	b.WriteString("]\n")
	start := time.Now()
	_, err := plan.Parse("p.yaml", []byte(b.String()))
	if err == nil || !strings.Contains(err.Error(), "are aliases expanding it?") {
		t.Errorf("err = %.300v, want the value limit", err)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("Parse took %v", d)
	}
}

// TestDeepNesting checks that deep flow nesting is refused before the YAML
// parser, whose time grows with the square of the depth, sees it.
func TestDeepNesting(t *testing.T) {
	const depth = 200_000
	src := "queries: " + strings.Repeat("[", depth) + strings.Repeat("]", depth)
	start := time.Now()
	_, err := plan.Parse("p.yaml", []byte(src))
	want := fmt.Sprintf("p.yaml:1:%d: collections nested more than", len("queries: ")+plan.MaxNesting+1)
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("err = %v, want prefix %q", err, want)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Parse took %v", d)
	}
}

func TestYAMLParserPanic(t *testing.T) {
	restore := plan.PanicInYAMLParser("boom")
	defer restore()
	p, err := plan.Parse("p.yaml", []byte("limits: {max_page_size: 5}\n"))
	if p != nil || err == nil {
		t.Fatalf("Parse = %v, %v; want the parser's panic as an error", p, err)
	}
	const want = "p.yaml: cannot parse plan: internal YAML parser error: boom"
	if err.Error() != want {
		t.Errorf("err = %q, want %q", err, want)
	}
	var list plan.ErrorList
	if !errors.As(err, &list) {
		t.Errorf("err is a %T, not an ErrorList", err)
	}
}

func TestErrorString(t *testing.T) {
	for _, test := range []struct {
		e    plan.Error
		want string
	}{
		{plan.Error{File: "f", Line: 2, Col: 3, Msg: "m"}, "f:2:3: m"},
		{plan.Error{File: "f", Line: 2, Msg: "m"}, "f:2: m"},
		{plan.Error{File: "f", Msg: "m"}, "f: m"},
	} {
		if got := test.e.Error(); got != test.want {
			t.Errorf("%+v.Error() = %q, want %q", test.e, got, test.want)
		}
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()

	t.Run("missing", func(t *testing.T) {
		_, err := plan.Load(filepath.Join(dir, "nope.yaml"))
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("err = %v, want fs.ErrNotExist", err)
		}
	})
	t.Run("directory", func(t *testing.T) {
		_, err := plan.Load(dir)
		if err == nil || !strings.HasPrefix(err.Error(), dir+": is a directory, not a plan file") {
			t.Errorf("err = %v, want %q", err, dir+": is a directory, not a plan file")
		}
	})
	t.Run("oversized", func(t *testing.T) {
		file := filepath.Join(dir, "big.yaml")
		// Valid YAML, so that only the size is wrong.
		data := []byte("version: 1\n" + strings.Repeat("#\n", plan.MaxPlanSize/2))
		if err := os.WriteFile(file, data, 0o666); err != nil {
			t.Fatal(err)
		}
		_, err := plan.Load(file)
		var list plan.ErrorList
		if !errors.As(err, &list) || !strings.HasPrefix(err.Error(), file+": plan file is larger than") {
			t.Errorf("err = %v, want an ErrorList saying the file is too large", err)
		}
	})
	t.Run("limit", func(t *testing.T) {
		file := filepath.Join(dir, "limit.yaml")
		data := []byte("version: 1\n" + strings.Repeat("#", plan.MaxPlanSize-len("version: 1\n")))
		if err := os.WriteFile(file, data, 0o666); err != nil {
			t.Fatal(err)
		}
		if _, err := plan.Load(file); err != nil {
			t.Errorf("a file of exactly the limit: %v", err)
		}
	})
	t.Run("endless", func(t *testing.T) {
		// A device reports size 0 and never ends: it is not a plan file.
		if runtime.GOOS != "linux" {
			t.Skip("needs /dev/zero")
		}
		_, err := plan.Load("/dev/zero")
		if err == nil || !strings.Contains(err.Error(), "/dev/zero: is a device, not a plan file") {
			t.Errorf("err = %v, want it refused as a device", err)
		}
	})
	t.Run("valid", func(t *testing.T) {
		file := filepath.Join(dir, "ok.yaml")
		if err := os.WriteFile(file, []byte("limits: {max_page_size: 5}\n"), 0o666); err != nil {
			t.Fatal(err)
		}
		p, err := plan.Load(file)
		if err != nil {
			t.Fatal(err)
		}
		if p.Source != file || p.Limits.MaxPageSize != 5 || p.Limits.QueryTimeout != 10*time.Second {
			t.Errorf("Load = source %q, limits %+v", p.Source, p.Limits)
		}
	})
	t.Run("invalid", func(t *testing.T) {
		file := filepath.Join(dir, "bad.yaml")
		if err := os.WriteFile(file, []byte("limits:\n  max_page_size: -1\n"), 0o666); err != nil {
			t.Fatal(err)
		}
		_, err := plan.Load(file)
		if want := file + ":2:3: limits.max_page_size: -1 is negative"; err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("err = %v, want prefix %q", err, want)
		}
	})
}

// writeTree creates files under root; a name ending in "/" is a directory.
func writeTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(root, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(path, 0o777); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
	}
}

func pageSize(n int) string { return fmt.Sprintf("limits: {max_page_size: %d}\n", n) }

func TestDiscover(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"perfplan.yaml":         pageSize(1), // above every module root: never used
		"mod/go.mod":            "module example.com/mod\n",
		"mod/perfplan.yaml":     pageSize(2),
		"mod/a/b/x.go":          "package b\n",
		"mod/c/perfplan.yaml":   pageSize(3),
		"mod/c/d/":              "",
		"mod/nested/go.mod":     "module example.com/nested\n",
		"mod/nested/p/":         "",
		"mod/e/perfplan.yaml/":  "", // a directory, not a plan: an error, not skipped
		"mod/bad/perfplan.yaml": "limits:\n  max_page_size: many\n",
		"plain/go.mod":          "module example.com/plain\n",
		"plain/q/":              "",
		"fake/go.mod/":          "", // a directory named go.mod marks no module root
		"fake/r/":               "",
	})
	at := func(rel string) string {
		if rel == "" {
			return ""
		}
		return filepath.Join(root, filepath.FromSlash(rel))
	}
	for _, test := range []struct {
		dir, want string
	}{
		{"mod", "mod/perfplan.yaml"},
		{"mod/a/b", "mod/perfplan.yaml"},
		{"mod/a", "mod/perfplan.yaml"},
		{"mod/c", "mod/c/perfplan.yaml"},
		{"mod/c/d", "mod/c/perfplan.yaml"},
		{"mod/nested", ""},
		{"mod/nested/p", ""},
		{"mod/e", "mod/e/perfplan.yaml"},
		{"plain", ""},
		{"plain/q", ""},
		{"fake/r", "perfplan.yaml"}, // no module root: the walk goes on up
	} {
		if got := plan.Discover(at(test.dir)); got != at(test.want) {
			t.Errorf("Discover(%s) = %q, want %q", test.dir, got, at(test.want))
		}
	}

	f := plan.NewFinder("")
	for _, test := range []struct {
		dir  string
		want int // max_page_size; 100 is the default
	}{
		{"mod", 2}, {"mod/a/b", 2}, {"mod/c/d", 3}, {"mod/nested/p", 100}, {"plain/q", 100},
	} {
		p, err := f.PlanFor(at(test.dir))
		if err != nil {
			t.Errorf("PlanFor(%s): %v", test.dir, err)
			continue
		}
		if p.Limits.MaxPageSize != test.want {
			t.Errorf("PlanFor(%s).Limits.MaxPageSize = %d, want %d", test.dir, p.Limits.MaxPageSize, test.want)
		}
	}

	t.Run("malformed", func(t *testing.T) {
		p, err := f.PlanFor(at("mod/bad"))
		var list plan.ErrorList
		if p != nil || !errors.As(err, &list) {
			t.Fatalf("PlanFor(mod/bad) = %v, %v; want an ErrorList", p, err)
		}
		if want := at("mod/bad/perfplan.yaml") + `:2:18: limits.max_page_size: "many" is not an integer`; err.Error() != want {
			t.Errorf("err = %q, want %q", err, want)
		}
	})

	t.Run("directory named perfplan.yaml", func(t *testing.T) {
		p, err := f.PlanFor(at("mod/e"))
		if p != nil || err == nil || !strings.HasPrefix(err.Error(), at("mod/e/perfplan.yaml")+": is a directory, not a plan file") {
			t.Errorf("PlanFor(mod/e) = %v, %v; want an error naming the directory", p, err)
		}
	})

	t.Run("cached", func(t *testing.T) {
		p1, _ := f.PlanFor(at("mod/a/b"))
		p2, _ := f.PlanFor(at("mod"))
		if p1 != p2 {
			t.Errorf("two packages under one plan file got different *Plan values")
		}
		d1, _ := f.PlanFor(at("plain"))
		d2, _ := f.PlanFor(at("mod/nested"))
		if d1 != d2 || d1.Source != plan.DefaultSource {
			t.Errorf("packages with no plan file got different defaults (or not the default: %q)", d1.Source)
		}
		if d, _ := f.PlanFor(""); d != d1 {
			t.Errorf("PlanFor(\"\") is not the shared default")
		}
	})

	t.Run("relative", func(t *testing.T) {
		t.Chdir(at("mod"))
		if got, want := f.FileFor("a/b"), at("mod/perfplan.yaml"); got != want {
			t.Errorf("FileFor(a/b) = %q, want %q", got, want)
		}
	})

	t.Run("override", func(t *testing.T) {
		o := plan.NewFinder(at("mod/c/perfplan.yaml"))
		if got := o.FileFor(at("plain/q")); got != at("mod/c/perfplan.yaml") {
			t.Errorf("FileFor with override = %q", got)
		}
		o.SetOverride(at("mod/perfplan.yaml"))
		if o.Override() != at("mod/perfplan.yaml") {
			t.Errorf("Override() = %q", o.Override())
		}
		for _, dir := range []string{"plain/q", "mod/c/d", "mod/nested"} {
			p, err := o.PlanFor(at(dir))
			if err != nil || p.Limits.MaxPageSize != 2 {
				t.Errorf("PlanFor(%s) with override = %v, %v; want the override's max_page_size 2", dir, p, err)
			}
		}
		o.SetOverride(at("missing.yaml"))
		if _, err := o.PlanFor(at("mod")); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("missing override: err = %v, want fs.ErrNotExist", err)
		}
	})
}

func TestStatic(t *testing.T) {
	p := plan.Default()
	for _, dir := range []string{"", "/x", "."} {
		if got, err := plan.Static(p).PlanFor(dir); got != p || err != nil {
			t.Errorf("Static(p).PlanFor(%q) = %p, %v; want %p", dir, got, err, p)
		}
	}
}

// TestFinderConcurrent checks, under -race, that concurrent packages share
// one plan per file.
func TestFinderConcurrent(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{"go.mod": "module example.com/m\n", "perfplan.yaml": pageSize(7)}
	for i := range 8 {
		files[fmt.Sprintf("p%d/q/", i)] = ""
	}
	files["p3/perfplan.yaml"] = pageSize(9)
	writeTree(t, root, files)

	f := plan.NewFinder("")
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		plans = make(map[string]map[*plan.Plan]bool) // file -> plans seen
	)
	for g := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			dir := filepath.Join(root, fmt.Sprintf("p%d", g%8), "q")
			p, err := f.PlanFor(dir)
			if err != nil {
				t.Error(err)
				return
			}
			want := 7
			if g%8 == 3 {
				want = 9
			}
			if p.Limits.MaxPageSize != want {
				t.Errorf("PlanFor(%s).Limits.MaxPageSize = %d, want %d", dir, p.Limits.MaxPageSize, want)
			}
			mu.Lock()
			defer mu.Unlock()
			if plans[p.Source] == nil {
				plans[p.Source] = make(map[*plan.Plan]bool)
			}
			plans[p.Source][p] = true
		}()
	}
	wg.Wait()
	if len(plans) != 2 {
		t.Errorf("plans from %d files, want 2", len(plans))
	}
	for file, ps := range plans {
		if len(ps) != 1 {
			t.Errorf("%s was loaded into %d different plans, want 1", file, len(ps))
		}
	}
}

// TestDefaultConcurrent checks, under -race, that the first calls of
// Default may race.
func TestDefaultConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			p := plan.Default()
			p.Metrics[0].Labels[0] = "mine" // each caller owns its copy
			if _, err := plan.Parse("p.yaml", []byte("limits: {max_page_size: 1}\n")); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
}

func TestTTLFor(t *testing.T) {
	p := plan.Default()
	for _, test := range []struct {
		shape string
		ttl   time.Duration
		rule  string
	}{
		{"computed:report", time.Hour, "computed:*"},
		{"computed:", time.Hour, "computed:*"},
		{"products:list:1", 5 * time.Minute, "*:list:*"},
		{"computed:list:x", time.Hour, "computed:*"}, // the first rule wins
		{"user:1", 24 * time.Hour, ""},
		{"list:1", 24 * time.Hour, ""},
		{"", 24 * time.Hour, ""},
	} {
		ttl, rule := p.TTLFor(test.shape)
		if ttl != test.ttl || rule != test.rule {
			t.Errorf("TTLFor(%q) = %v, %q; want %v, %q", test.shape, ttl, rule, test.ttl, test.rule)
		}
	}
}

func TestGlobMatch(t *testing.T) {
	for _, test := range []struct {
		pattern, s string
		want       bool
	}{
		{"product:*", "product:1", true},
		{"product:*", "product:", true},
		{"product:*", "products:1", false},
		{"product:*", "product", false},
		{"*:list:*", "products:list:page:2", true},
		{"*:list:*", "list:1", false},
		{"*", "", true},
		{"*", "a:b:c", true},
		{"a", "a", true},
		{"a", "ab", false},
		{"a*a", "a", false}, // prefix and suffix may not overlap
		{"a*a", "aa", true},
		{"ab*ba", "aba", false},
		{"*ab*b", "abb", true},
		{"a**b", "ab", true},
		{"user:?", "user:?", true}, // '?' is not special
		{"user:?", "user:1", false},
		{"user:[0-9]", "user:1", false}, // nor are brackets
	} {
		if got := plan.GlobMatch(test.pattern, test.s); got != test.want {
			t.Errorf("GlobMatch(%q, %q) = %v, want %v", test.pattern, test.s, got, test.want)
		}
	}
}

// TestGlobMatchRandom compares GlobMatch with a regular expression on
// random patterns and keys over a small alphabet, where overlaps abound.
func TestGlobMatchRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	word := func(alphabet string) string {
		b := make([]byte, r.IntN(7))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		return string(b)
	}
	for range 20000 {
		pattern, s := word("ab:*"), word("ab:")
		parts := strings.Split(pattern, "*")
		for i := range parts {
			parts[i] = regexp.QuoteMeta(parts[i])
		}
		want := regexp.MustCompile(`^` + strings.Join(parts, `.*`) + `$`).MatchString(s)
		if got := plan.GlobMatch(pattern, s); got != want {
			t.Fatalf("GlobMatch(%q, %q) = %v, want %v", pattern, s, got, want)
		}
	}
}

func TestIgnored(t *testing.T) {
	p := plan.Default()
	if p.Ignored("example.com/x") {
		t.Errorf("the default ignores a package")
	}
	p.Ignore = []string{"example.com/shop/internal/migrations/...", "example.com/gen"}
	for _, test := range []struct {
		pkg  string
		want bool
	}{
		{"example.com/shop/internal/migrations", true},
		{"example.com/shop/internal/migrations/v2", true},
		{"example.com/shop/internal/migrationsx", false},
		{"example.com/shop/internal", false},
		{"example.com/gen", true},
		{"example.com/gen/sub", false},
		{"example.com/generated", false},
	} {
		if got := p.Ignored(test.pkg); got != test.want {
			t.Errorf("Ignored(%q) = %v, want %v", test.pkg, got, test.want)
		}
	}
	p.Ignore = []string{"..."}
	if !p.Ignored("anything/at/all") {
		t.Errorf(`"..." does not ignore every package`)
	}
}

func TestMetric(t *testing.T) {
	p := plan.Default()
	m, ok := p.Metric("http_requests_total")
	if !ok || m.Type != "counter" || !reflect.DeepEqual(m.Labels, []string{"method", "path", "status"}) {
		t.Errorf("Metric(http_requests_total) = %+v, %v", m, ok)
	}
	if m, ok := p.Metric("http_request_duration_seconds"); !ok || m.Type != "histogram" || len(m.Buckets) != 9 {
		t.Errorf("Metric(http_request_duration_seconds) = %+v, %v", m, ok)
	}
	if m, ok := p.Metric("nope"); ok {
		t.Errorf("Metric(nope) = %+v, true", m)
	}
}

func TestSizeString(t *testing.T) {
	for _, test := range []struct {
		size plan.Size
		want string
	}{
		{0, "0B"},
		{1, "1B"},
		{1000, "1000B"},
		{1 << 10, "1KB"},
		{1536, "1536B"},
		{512 << 10, "512KB"},
		{10 << 20, "10MB"},
		{1 << 30, "1GB"},
		{3 << 30, "3GB"},
		{1<<30 + 1<<20, "1025MB"},
		{-2 << 10, "-2KB"},
	} {
		if got := test.size.String(); got != test.want {
			t.Errorf("Size(%d).String() = %q, want %q", int64(test.size), got, test.want)
		}
		if test.size < 0 {
			continue
		}
		// What String writes, a plan can say.
		p, err := plan.Parse("p.yaml", []byte("limits: {max_body_size: "+test.size.String()+"}"))
		if err != nil || p.Limits.MaxBodySize != test.size {
			t.Errorf("max_body_size: %s parses to %v, %v; want %d", test.size, p, err, int64(test.size))
		}
	}
}

// TestCheckRoute compares checkRoute with http.ServeMux, which panics on a
// pattern it rejects.
func TestCheckRoute(t *testing.T) {
	for _, route := range []string{
		"/", "/users", "GET /users", "GET /users/{id}", "GET /users/{id}/", "GET /files/{path...}",
		"GET /{$}", "GET /a/{$}", "example.com/", "GET example.com/x", "POST\t/x", "GET  /x",
		"GET /{a}/{b}", "CONNECT /a/../b", "/a//b", "GET /héllo/{ñame}", " /x", "\t/x", "GET /users ",
		// Rejected:
		"", "GET", "users", "GET /users/{id", "GET /users/id}", "GET /users/{}", "GET /x{id}", "GET /{id}x",
		"GET /{1id}", "GET /{a-b}", "GET /{id}/{id}", "GET /{$}/x", "GET /{$}/", "GET /{p...}/x",
		"GET /{p...}/", "GET /{...}", "GET /a/../b", "GET /a//b", "GET /a/./b", "{x}.com/", "GET {x}/a",
		"get /users", "Get /users",
	} {
		err := plan.CheckRoute(route)
		muxErr := muxAccepts(route)
		method := ""
		if i := strings.IndexAny(route, " \t"); i >= 0 {
			method = route[:i]
		}
		if method != strings.ToUpper(method) && muxErr == nil {
			// The plan insists on upper-case methods; ServeMux does not.
			if err == nil {
				t.Errorf("checkRoute(%q) accepts a lower-case method", route)
			}
			continue
		}
		if (err == nil) != (muxErr == nil) {
			t.Errorf("checkRoute(%q) = %v; ServeMux says %v", route, err, muxErr)
		}
	}
}

func muxAccepts(route string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	http.NewServeMux().HandleFunc(route, func(http.ResponseWriter, *http.Request) {})
	return nil
}

func TestCheckFuncPattern(t *testing.T) {
	for _, test := range []struct {
		pattern string
		ok      bool
	}{
		{"example.com/pkg.Func", true},
		{"fmt.Println", true},
		{"(*example.com/legacy.Client).Fetch*", true},
		{"(example.com/legacy.Client).Fetch", true},
		{"example.com/db.*", true},
		{"Fetch", false},
		{"example.com/pkg", false},
		{"(*example.com/legacy.Client.Fetch", false},
		{"(*example.com/legacy).Fetch", false},
		{"example.com/pkg.Func()", false},
		{"example.com/pkg. Func", false},
		{"", false},
	} {
		if err := plan.CheckFuncPattern(test.pattern); (err == nil) != test.ok {
			t.Errorf("checkFuncPattern(%q) = %v, want ok=%v", test.pattern, err, test.ok)
		}
	}
}
