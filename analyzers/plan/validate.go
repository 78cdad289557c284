package plan

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"time"
)

// validate checks the decoded plan for values out of range and for
// contradictions, reporting each at the key that causes it.
func validate(d *decoder, p *Plan) {
	if p.Version != 1 {
		d.errorAt("version", "version: unsupported plan version %d; this perfvet reads version 1", p.Version)
	}
	validateSLO(d, p)
	validateBudget(d, p)
	for i, e := range p.Endpoints {
		at := fmt.Sprintf("endpoints[%d]", i)
		if err := checkRoute(e.Route); err != nil {
			d.errorAt(at+".route", "%s.route: %v", at, err)
		}
		validateLatency(d, at+".latency", e.Latency)
		nonNegative(d, at+".rps", e.RPS)
	}
	validateCosts(d, p)
	validateLimits(d, p)
	validateCache(d, p)
	validateMetrics(d, p)
	for i, q := range p.Queries {
		if err := checkFuncPattern(q); err != nil {
			d.errorAt(fmt.Sprintf("queries[%d]", i), "queries[%d]: %v", i, err)
		}
	}
	for i, pat := range p.Ignore {
		if strings.TrimSpace(pat) == "" || strings.ContainsAny(pat, " \t") {
			d.errorAt(fmt.Sprintf("ignore[%d]", i), "ignore[%d]: %q is not a package path or pattern such as example.com/shop/internal/migrations/...", i, pat)
		}
	}
}

func validateSLO(d *decoder, p *Plan) {
	s := p.SLO
	if s.Availability < 0 || s.Availability > 100 || math.IsNaN(s.Availability) {
		d.errorAt("slo.availability", "slo.availability: %v is not a percentage between 0 and 100", s.Availability)
	}
	if s.ErrorRate < 0 || s.ErrorRate > 100 || math.IsNaN(s.ErrorRate) {
		d.errorAt("slo.error_rate", "slo.error_rate: %v is not a percentage between 0 and 100", s.ErrorRate)
	}
	if s.Availability > 0 && s.ErrorRate > 0 && s.Availability+s.ErrorRate > 100+1e-9 {
		d.errorAt(firstWritten(d, "slo.error_rate", "slo.availability"), "slo: availability %v%% and error_rate %v%% add up to more than 100%%", s.Availability, s.ErrorRate)
	}
	nonNegative(d, "slo.throughput_rps", s.ThroughputRPS)
	validateLatency(d, "slo.latency", s.Latency)
}

// validateLatency checks p50 <= p95 <= p99, reporting at whichever of the
// two percentiles the file wrote.
func validateLatency(d *decoder, at string, l Latency) {
	check := func(lo, hi string, a, b time.Duration) {
		if a > 0 && b > 0 && a > b {
			key := firstWritten(d, at+"."+lo, at+"."+hi)
			d.errorAt(key, "%s: %s (%v) is above %s (%v); percentiles must not decrease", at, lo, a, hi, b)
		}
	}
	check("p50", "p95", l.P50, l.P95)
	check("p95", "p99", l.P95, l.P99)
	if l.P95 == 0 {
		check("p50", "p99", l.P50, l.P99)
	}
}

func validateBudget(d *decoder, p *Plan) {
	b := p.Budget
	parts := []struct {
		key string
		v   time.Duration
	}{
		{"gateway", b.Gateway}, {"auth", b.Auth}, {"logic", b.Logic},
		{"database", b.Database}, {"external", b.External}, {"serialization", b.Serialization},
	}
	if b.Total == 0 {
		return
	}
	var sum time.Duration
	over := false
	for _, part := range parts {
		sum += part.v
		if part.v > b.Total {
			over = true
			key := firstWritten(d, "budget."+part.key, "budget.total")
			d.errorAt(key, "budget.%s (%v) is above budget.total (%v)", part.key, part.v, b.Total)
		}
	}
	if !over && sum > b.Total {
		d.errorAt("budget", "budget: the parts add up to %v, above budget.total (%v)", sum, b.Total)
	}
}

func validateCosts(d *decoder, p *Plan) {
	c := p.Costs
	if c.Query > 0 && c.ComplexQuery > 0 && c.Query > c.ComplexQuery {
		d.errorAt(firstWritten(d, "costs.query", "costs.complex_query"), "costs.query (%v) is above costs.complex_query (%v)", c.Query, c.ComplexQuery)
	}
	if c.CacheHit > 0 && c.CacheMiss > 0 && c.CacheHit > c.CacheMiss {
		d.errorAt(firstWritten(d, "costs.cache_hit", "costs.cache_miss"), "costs.cache_hit (%v) is above costs.cache_miss (%v)", c.CacheHit, c.CacheMiss)
	}
}

func validateLimits(d *decoder, p *Plan) {
	l := p.Limits
	if l.MaxPageSize < 0 {
		d.errorAt("limits.max_page_size", "limits.max_page_size: %d is negative; use 0 to turn the check off", l.MaxPageSize)
	}
	if l.QueryTimeout > 0 && l.RequestTimeout > 0 && l.QueryTimeout > l.RequestTimeout {
		key := firstWritten(d, "limits.query_timeout", "limits.request_timeout")
		d.errorAt(key, "limits.query_timeout (%v) is above limits.request_timeout (%v); a query cannot outlive its request", l.QueryTimeout, l.RequestTimeout)
	}
}

func validateCache(d *decoder, p *Plan) {
	c := p.Cache
	for i, k := range c.Keys {
		at := fmt.Sprintf("cache.keys[%d]", i)
		if err := checkKeyGlob(k.Pattern); err != nil {
			d.errorAt(at+".pattern", "%s.pattern: %v", at, err)
		}
		if k.TTL == 0 {
			d.errorAt(at, "%s: ttl is missing; give the family's longest TTL, such as 5m", at)
		}
		if c.MaxTTL > 0 && k.TTL > c.MaxTTL {
			d.errorAt(firstWritten(d, at+".ttl", "cache.max_ttl"), "%s.ttl (%v) is above cache.max_ttl (%v)", at, k.TTL, c.MaxTTL)
		}
	}
	for i, inv := range c.Invalidate {
		at := fmt.Sprintf("cache.invalidate[%d]", i)
		if !isIdent(inv.Table) {
			d.errorAt(at+".table", "%s.table: %q is not a table name", at, inv.Table)
		}
		if len(inv.Keys) == 0 {
			d.errorAt(at, "%s: keys is empty; name the key families a write to %s must drop", at, inv.Table)
		}
		for j, k := range inv.Keys {
			if err := checkKeyGlob(k); err != nil {
				d.errorAt(fmt.Sprintf("%s.keys[%d]", at, j), "%s.keys[%d]: %v", at, j, err)
			}
		}
	}
}

var (
	promName  = regexp.MustCompile(`^[a-zA-Z_:][a-zA-Z0-9_:]*$`)
	otelName  = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9_.\-/]*$`)
	labelName = regexp.MustCompile(`^[a-zA-Z_][a-zA-Z0-9_.]*$`)
)

var metricTypes = []string{"counter", "gauge", "histogram", "summary"}

func validateMetrics(d *decoder, p *Plan) {
	names := make(map[string]bool)
	for i, m := range p.Metrics {
		at := fmt.Sprintf("metrics[%d]", i)
		switch {
		case m.Name == "":
			d.errorAt(at, "%s: name is missing", at)
		case !promName.MatchString(m.Name) && !otelName.MatchString(m.Name):
			d.errorAt(at+".name", "%s.name: %q is not a valid Prometheus or OpenTelemetry metric name", at, m.Name)
		case names[m.Name]:
			d.errorAt(at+".name", "%s.name: metric %q is listed twice", at, m.Name)
		}
		names[m.Name] = true
		if !slices.Contains(metricTypes, m.Type) {
			d.errorAt(firstWritten(d, at+".type", at), "%s.type: %q is not one of %s", at, m.Type, strings.Join(metricTypes, ", "))
		}
		seen := make(map[string]bool)
		for j, l := range m.Labels {
			lat := fmt.Sprintf("%s.labels[%d]", at, j)
			switch {
			case !labelName.MatchString(l) || strings.HasPrefix(l, "__"):
				d.errorAt(lat, "%s: %q is not a valid label name", lat, l)
			case seen[l]:
				d.errorAt(lat, "%s: label %q is listed twice", lat, l)
			}
			seen[l] = true
		}
		if len(m.Buckets) > 0 && m.Type != "histogram" {
			d.errorAt(at+".buckets", "%s.buckets: only a histogram has buckets, and %s is a %s", at, m.Name, m.Type)
		}
		for j, b := range m.Buckets {
			bat := fmt.Sprintf("%s.buckets[%d]", at, j)
			switch {
			case math.IsNaN(b) || math.IsInf(b, 0) || b <= 0:
				d.errorAt(bat, "%s: bucket %v must be a positive number of seconds", bat, b)
			case j > 0 && b <= m.Buckets[j-1]:
				d.errorAt(bat, "%s: buckets must increase; %v follows %v", bat, b, m.Buckets[j-1])
			}
		}
	}
}

func nonNegative(d *decoder, key string, v float64) {
	if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		d.errorAt(key, "%s: %v must be a non-negative number", key, v)
	}
}

// firstWritten returns the first key path the file wrote, or the first
// path if it wrote none of them (the value then came from the default).
func firstWritten(d *decoder, keys ...string) string {
	for _, k := range keys {
		if d.written(k) {
			return k
		}
	}
	return keys[0]
}

var identRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)?$`)

func isIdent(s string) bool { return identRE.MatchString(s) }

// checkKeyGlob accepts cache-key globs such as "product:*" and
// "*:list:*": printable, no spaces, not empty.
func checkKeyGlob(s string) error {
	if s == "" {
		return fmt.Errorf("empty key pattern")
	}
	for _, r := range s {
		if r <= ' ' || r == 0x7f {
			return fmt.Errorf("key pattern %q contains a space or control character", s)
		}
	}
	return nil
}

var (
	methodRE = regexp.MustCompile(`^[A-Z]+$`)
	// funcPatternRE accepts "pkg/path.Func", "(pkg/path.Type).Method" and
	// "(*pkg/path.Type).Method", each name optionally with '*' wildcards.
	funcPatternRE = regexp.MustCompile(`^(\(\*?[^()\s*]+\.[A-Za-z_*][A-Za-z0-9_*]*\)|[^()\s]+)\.[A-Za-z_*][A-Za-z0-9_*]*$`)
)

// checkRoute accepts Go 1.22 ServeMux patterns: "[METHOD ][HOST]/[PATH]".
func checkRoute(route string) error {
	if route == "" {
		return fmt.Errorf("route is missing; write a ServeMux pattern such as \"GET /users/{id}\"")
	}
	method, rest, found := strings.Cut(route, " ")
	if !found {
		rest, method = route, ""
	}
	rest = strings.TrimLeft(rest, " \t")
	if method != "" && !methodRE.MatchString(method) {
		return fmt.Errorf("%q: the method %q must be upper case, as in \"GET /users\"", route, method)
	}
	i := strings.IndexByte(rest, '/')
	if i < 0 {
		return fmt.Errorf("%q has no path; a ServeMux pattern is \"[METHOD ][HOST]/[PATH]\"", route)
	}
	depth := 0
	for _, r := range rest[i:] {
		switch r {
		case '{':
			depth++
		case '}':
			depth--
		}
		if depth < 0 || depth > 1 {
			return fmt.Errorf("%q has unbalanced braces", route)
		}
	}
	if depth != 0 {
		return fmt.Errorf("%q has unbalanced braces", route)
	}
	return nil
}

// checkFuncPattern accepts function patterns in the form go/types prints
// a function's full name, with '*' as a wildcard in the names.
func checkFuncPattern(s string) error {
	if !funcPatternRE.MatchString(s) {
		return fmt.Errorf("%q is not a function pattern; write \"example.com/pkg.Func\" or \"(*example.com/pkg.Type).Method*\"", s)
	}
	return nil
}
