package plan

import (
	_ "embed"
	"fmt"
	"strings"
	"time"
)

// FileName is the name of the plan file perfvet looks for.
const FileName = "perfplan.yaml"

// DefaultSource is the Source of the embedded default plan.
const DefaultSource = "(embedded default plan)"

// defaultYAML is the commented default plan: the source of Default and the
// text "perfvet plan init" writes, so the two cannot drift apart.
//
//go:embed default.yaml
var defaultYAML []byte

// DefaultYAML returns the text of the embedded default plan, with comments.
func DefaultYAML() []byte { return append([]byte(nil), defaultYAML...) }

// A Plan is a service's optimization plan: its objectives and the limits the
// code must respect. A Plan is immutable once loaded; analyzers share it.
type Plan struct {
	Version   int        `plan:"version"`
	SLO       SLO        `plan:"slo"`
	Budget    Budget     `plan:"budget"`
	Endpoints []Endpoint `plan:"endpoints"`
	Costs     Costs      `plan:"costs"`
	Limits    Limits     `plan:"limits"`
	Pool      Pool       `plan:"pool"`
	Cache     Cache      `plan:"cache"`
	Metrics   []Metric   `plan:"metrics"`
	Alerts    []Alert    `plan:"alerts"`
	Queries   []string   `plan:"queries"`
	Ignore    []string   `plan:"ignore"`

	// Source is the file the plan was read from, or DefaultSource.
	Source string `plan:"-"`
	// Adjusted lists the values the file left to the default that were
	// moved to agree with keys the file wrote ("limits.query_timeout: the
	// default 10s is lowered to 5s, the limits.request_timeout you
	// wrote"), in the order they were made; see "Merging with the default"
	// in the package documentation.
	Adjusted []string `plan:"-"`
}

// SLO holds the service level objectives.
type SLO struct {
	Availability  float64 `plan:"availability"` // percent
	ErrorRate     float64 `plan:"error_rate"`   // percent
	Latency       Latency `plan:"latency"`
	ThroughputRPS float64 `plan:"throughput_rps"`
}

// Latency holds latency objectives by percentile.
type Latency struct {
	P50 time.Duration `plan:"p50"`
	P95 time.Duration `plan:"p95"`
	P99 time.Duration `plan:"p99"`
}

// Budget is the latency budget of one request, by layer.
type Budget struct {
	Total         time.Duration `plan:"total"`
	Gateway       time.Duration `plan:"gateway"`
	Auth          time.Duration `plan:"auth"`
	Logic         time.Duration `plan:"logic"`
	Database      time.Duration `plan:"database"`
	External      time.Duration `plan:"external"`
	Serialization time.Duration `plan:"serialization"`
}

// Endpoint holds the objectives of one route.
type Endpoint struct {
	Route   string  `plan:"route"` // a Go 1.22 ServeMux pattern
	Latency Latency `plan:"latency"`
	RPS     float64 `plan:"rps"`
}

// Costs is the cost of one operation, for static latency estimates.
type Costs struct {
	Query        time.Duration `plan:"query"`
	ComplexQuery time.Duration `plan:"complex_query"`
	Transaction  time.Duration `plan:"transaction"`
	CacheHit     time.Duration `plan:"cache_hit"`
	CacheMiss    time.Duration `plan:"cache_miss"`
	// ExternalCall is one outbound HTTP or gRPC call to another service.
	ExternalCall time.Duration `plan:"external_call"`
}

// Limits are the hard limits of the plan. A zero value disables the check
// that uses it.
type Limits struct {
	RequestTimeout time.Duration `plan:"request_timeout"`
	QueryTimeout   time.Duration `plan:"query_timeout"`
	MaxPageSize    int           `plan:"max_page_size"`
	MaxBodySize    Size          `plan:"max_body_size"`
	MaxUploadSize  Size          `plan:"max_upload_size"` // a multipart upload
}

// Pool bounds a database connection pool: the largest values a program
// may configure (a zero turns the check off). A pool must be configured:
// database/sql opens connections without limit and keeps them forever
// unless told otherwise.
type Pool struct {
	MaxOpen         int           `plan:"max_open"`
	MaxIdle         int           `plan:"max_idle"`
	ConnMaxLifetime time.Duration `plan:"conn_max_lifetime"`
	ConnMaxIdleTime time.Duration `plan:"conn_max_idle_time"`
}

// Cache holds the caching rules.
type Cache struct {
	MaxTTL     time.Duration `plan:"max_ttl"`
	Keys       []KeyRule     `plan:"keys"`
	Invalidate []Invalidate  `plan:"invalidate"`
}

// A KeyRule gives the longest TTL of a key family, named by a glob over the
// key's shape ("computed:*").
type KeyRule struct {
	Pattern string        `plan:"pattern"`
	TTL     time.Duration `plan:"ttl"`
}

// Invalidate says which key families a write to a table must drop.
type Invalidate struct {
	Table string   `plan:"table"`
	Keys  []string `plan:"keys"`
}

// Metric is a metric every service must export.
type Metric struct {
	Name    string    `plan:"name"`
	Type    string    `plan:"type"` // counter, gauge, histogram or summary
	Labels  []string  `plan:"labels"`
	Buckets []float64 `plan:"buckets"`
	// Aliases are other names that count as this metric: an OpenTelemetry
	// semantic-convention name such as http.server.request.duration, for
	// a service instrumented with OTel. Labels are not checked on an alias,
	// whose attributes are set when it is recorded.
	Aliases []string `plan:"aliases"`
}

// An Alert is one row of the plan's alerting table: a condition on one of
// the plan's metrics, with a warning and a critical threshold. perfvet
// plan export turns each row into two Prometheus alerting rules.
type Alert struct {
	Name string `plan:"name"` // the alert's name, a Prometheus identifier
	// Kind is what the row measures: latency (a quantile of a histogram),
	// error_rate (a counter of failures over a counter of requests), gauge
	// (the largest value of a gauge) or rate (the per-second rate of a
	// counter).
	Kind string `plan:"kind"`
	// Metric is the metric the row reads: for error_rate the counter of
	// failures. Empty takes the plan's metric of the kind's type (see
	// AlertMetrics).
	Metric string `plan:"metric"`
	// Total is, for error_rate, the counter of all requests.
	Total string `plan:"total"`
	// Quantile is, for latency, the quantile compared (0.95 if empty).
	Quantile float64 `plan:"quantile"`
	// Warning and Critical are the thresholds, above which the alert
	// fires: durations for latency (500ms), percents for error_rate (1%),
	// numbers, sizes (2GB) or durations for gauge and rate.
	Warning  string        `plan:"warning"`
	Critical string        `plan:"critical"`
	For      time.Duration `plan:"for"` // how long the condition must hold; 0 fires at once
	// Severity names the value of the severity label of each level.
	Severity Severity `plan:"severity"`
}

// Severity holds the severity label values of an alert's two levels.
type Severity struct {
	Warning  string `plan:"warning"`
	Critical string `plan:"critical"`
}

// Alert kinds.
const (
	AlertLatency   = "latency"
	AlertErrorRate = "error_rate"
	AlertGauge     = "gauge"
	AlertRate      = "rate"
)

// AlertKinds lists the kinds an alert may have.
var AlertKinds = []string{AlertLatency, AlertErrorRate, AlertGauge, AlertRate}

// Size is a number of bytes, written in a plan as 10MB, 512KB or 1048576.
type Size int64

// String formats s as a plan writes it: with the largest of GB, MB and KB
// that divides it, or in bytes. Parsing the result gives s back.
func (s Size) String() string {
	for _, u := range []struct {
		name string
		n    Size
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}} {
		if s != 0 && s%u.n == 0 {
			return fmt.Sprintf("%d%s", s/u.n, u.name)
		}
	}
	return fmt.Sprintf("%dB", int64(s))
}

// TTLFor returns the longest TTL the plan allows for a key of the given
// shape, and the rule that sets it ("" for cache.max_ttl). The first
// matching rule of cache.keys wins.
func (p *Plan) TTLFor(shape string) (time.Duration, string) {
	for _, k := range p.Cache.Keys {
		if GlobMatch(k.Pattern, shape) {
			return k.TTL, k.Pattern
		}
	}
	return p.Cache.MaxTTL, ""
}

// GlobMatch reports whether a key shape matches a key glob: '*' matches any
// run of characters, ':' separators included, and nothing else is special.
func GlobMatch(pattern, s string) bool {
	if !strings.Contains(pattern, "*") {
		return pattern == s
	}
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	for i := 1; i < len(parts)-1; i++ {
		j := strings.Index(s, parts[i])
		if j < 0 {
			return false
		}
		s = s[j+len(parts[i]):]
	}
	return strings.HasSuffix(s, parts[len(parts)-1])
}

// Metric returns the required metric with the given name.
func (p *Plan) Metric(name string) (Metric, bool) {
	for _, m := range p.Metrics {
		if m.Name == name {
			return m, true
		}
	}
	return Metric{}, false
}

// Ignored reports whether the plan's ignore list covers the package path.
// Patterns are package paths, optionally ending in "/..." for a subtree.
func (p *Plan) Ignored(pkgPath string) bool {
	for _, pat := range p.Ignore {
		if matchPackage(pat, pkgPath) {
			return true
		}
	}
	return false
}

func matchPackage(pattern, pkgPath string) bool {
	if prefix, ok := strings.CutSuffix(pattern, "/..."); ok {
		return pkgPath == prefix || strings.HasPrefix(pkgPath, prefix+"/")
	}
	if pattern == "..." {
		return true
	}
	return pattern == pkgPath
}
