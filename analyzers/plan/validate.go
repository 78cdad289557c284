package plan

import (
	"fmt"
	"math"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
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
		validateEndpointSLO(d, at+".latency", e.Latency, p.SLO.Latency)
		nonNegative(d, at+".rps", e.RPS)
	}
	validateCosts(d, p)
	validateLimits(d, p)
	validateCache(d, p)
	validateMetrics(d, p)
	validateAlerts(d, p)
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
	// Only between valid percentages: a value out of range is reported
	// above, and once is enough.
	if s.Availability > 0 && s.ErrorRate > 0 && s.Availability <= 100 && s.ErrorRate <= 100 && s.Availability+s.ErrorRate > 100+1e-9 {
		d.errorAt(firstWritten(d, "slo.error_rate", "slo.availability"), "slo: availability %v%% and error_rate %v%% add up to more than 100%%%s", s.Availability, s.ErrorRate, d.inherited("slo.availability", "slo.error_rate"))
	}
	nonNegative(d, "slo.throughput_rps", s.ThroughputRPS)
	validateLatency(d, "slo.latency", s.Latency)
}

// validateLatency checks p50 <= p95 <= p99, reporting at whichever of the
// two percentiles the file wrote.
func validateLatency(d *decoder, at string, l Latency) {
	links := []link{{at + ".p50", &l.P50}, {at + ".p95", &l.P95}, {at + ".p99", &l.P99}}
	checkOrder(d, links, func(lo, hi link) {
		d.errorAt(firstWritten(d, lo.key, hi.key), "%s: %s (%v) is above %s (%v); percentiles must not decrease%s",
			at, lastKey(lo.key), *lo.v, lastKey(hi.key), *hi.v, d.inherited(lo.key, hi.key))
	})
}

// validateEndpointSLO checks that an endpoint's objectives are no looser
// than the service's: a route allowed a slower p95 than the SLO would let
// the service miss its SLO while every route meets its own.
func validateEndpointSLO(d *decoder, at string, e, slo Latency) {
	for _, l := range []struct {
		key       string
		ep, whole time.Duration
	}{{"p50", e.P50, slo.P50}, {"p95", e.P95, slo.P95}, {"p99", e.P99, slo.P99}} {
		if l.ep > 0 && l.whole > 0 && l.ep > l.whole {
			d.errorAt(at+"."+l.key, "%s.%s (%v) is above slo.latency.%s (%v); an endpoint's objective must not be looser than the service's%s",
				at, l.key, l.ep, l.key, l.whole, d.inherited("slo.latency."+l.key))
		}
	}
}

// checkOrder reports the values of a chain that decrease, zeros (checks
// turned off) aside: first between consecutive values the file wrote, and
// only if those agree, between consecutive values at all. reconcile has
// moved every value the file did not write into line with those it did, so
// the second pass finds only conflicts within a base other than the
// default.
func checkOrder(d *decoder, links []link, report func(lo, hi link)) {
	pass := func(writtenOnly bool) bool {
		var prev *link
		found := false
		for i := range links {
			l := &links[i]
			if *l.v == 0 || (writtenOnly && !d.fromFile(l.key)) {
				continue
			}
			if prev != nil && *prev.v > *l.v {
				report(*prev, *l)
				found = true
			}
			prev = l
		}
		return found
	}
	if !pass(true) {
		pass(false)
	}
}

// lastKey is the last element of a key path: "p95" of "slo.latency.p95".
func lastKey(keyPath string) string {
	return keyPath[strings.LastIndexByte(keyPath, '.')+1:]
}

func validateBudget(d *decoder, p *Plan) {
	b := p.Budget
	if b.Total == 0 {
		return
	}
	// First between the keys the file wrote, then, if those agree, with
	// the values it did not write (which reconcile has fitted, unless
	// the base is not the default).
	pass := func(writtenOnly bool) bool {
		if writtenOnly && !d.fromFile("budget.total") {
			return false
		}
		var sum time.Duration
		over := false
		for _, part := range budgetParts(&b) {
			if writtenOnly && !d.fromFile(part.key) {
				continue
			}
			sum += *part.v
			if *part.v > b.Total {
				over = true
				d.errorAt(firstWritten(d, part.key, "budget.total"), "%s (%v) is above budget.total (%v)%s",
					part.key, *part.v, b.Total, d.inherited(part.key, "budget.total"))
			}
		}
		if !over && sum > b.Total {
			// At the total if the file wrote it: lowering it is the likely cause.
			what := "the parts"
			if writtenOnly {
				what = "the parts you wrote"
			}
			d.errorAt(firstWritten(d, "budget.total", "budget"), "budget: %s add up to %v, above budget.total (%v)%s",
				what, sum, b.Total, d.inherited("budget.total"))
			over = true
		}
		return over
	}
	if !pass(true) {
		pass(false)
	}
}

func validateCosts(d *decoder, p *Plan) {
	c := p.Costs
	if c.Query > 0 && c.ComplexQuery > 0 && c.Query > c.ComplexQuery {
		d.errorAt(firstWritten(d, "costs.query", "costs.complex_query"), "costs.query (%v) is above costs.complex_query (%v)%s", c.Query, c.ComplexQuery, d.inherited("costs.query", "costs.complex_query"))
	}
	if c.CacheHit > 0 && c.CacheMiss > 0 && c.CacheHit > c.CacheMiss {
		d.errorAt(firstWritten(d, "costs.cache_hit", "costs.cache_miss"), "costs.cache_hit (%v) is above costs.cache_miss (%v)%s", c.CacheHit, c.CacheMiss, d.inherited("costs.cache_hit", "costs.cache_miss"))
	}
}

func validateLimits(d *decoder, p *Plan) {
	l := p.Limits
	if l.MaxBodySize > 0 && l.MaxUploadSize > 0 && l.MaxUploadSize < l.MaxBodySize {
		// A default yields to the key the file wrote.
		if d.written("limits.max_upload_size") && d.written("limits.max_body_size") {
			d.errorAt("limits.max_upload_size", "limits.max_upload_size (%v) is below limits.max_body_size (%v); an upload is a request body", l.MaxUploadSize, l.MaxBodySize)
		} else if !d.written("limits.max_upload_size") {
			p.Limits.MaxUploadSize = l.MaxBodySize
		}
	}
	for _, v := range []struct {
		key string
		n   int
	}{{"pool.max_open", p.Pool.MaxOpen}, {"pool.max_idle", p.Pool.MaxIdle}} {
		if v.n < 0 {
			d.errorAt(v.key, "%s: %d is negative; use 0 to turn the check off", v.key, v.n)
		}
	}
	if p.Pool.MaxOpen > 0 && p.Pool.MaxIdle > p.Pool.MaxOpen {
		if d.written("pool.max_idle") {
			d.errorAt(firstWritten(d, "pool.max_idle", "pool.max_open"), "pool.max_idle (%d) is above pool.max_open (%d); idle connections are open connections", p.Pool.MaxIdle, p.Pool.MaxOpen)
		} else {
			p.Pool.MaxIdle = p.Pool.MaxOpen // the default yields to the written max_open
		}
	}
	if l.MaxPageSize < 0 {
		d.errorAt("limits.max_page_size", "limits.max_page_size: %d is negative; use 0 to turn the check off", l.MaxPageSize)
	}
	if l.QueryTimeout > 0 && l.RequestTimeout > 0 && l.QueryTimeout > l.RequestTimeout {
		key := firstWritten(d, "limits.query_timeout", "limits.request_timeout")
		d.errorAt(key, "limits.query_timeout (%v) is above limits.request_timeout (%v); a query cannot outlive its request%s", l.QueryTimeout, l.RequestTimeout, d.inherited("limits.query_timeout", "limits.request_timeout"))
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
			d.errorAt(firstWritten(d, at+".ttl", "cache.max_ttl"), "%s.ttl (%v) is above cache.max_ttl (%v)%s", at, k.TTL, c.MaxTTL, d.inherited(at+".ttl", "cache.max_ttl"))
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
		for j, a := range m.Aliases {
			aat := fmt.Sprintf("%s.aliases[%d]", at, j)
			switch {
			case !promName.MatchString(a) && !otelName.MatchString(a):
				d.errorAt(aat, "%s: %q is not a valid Prometheus or OpenTelemetry metric name", aat, a)
			case names[a] || a == m.Name:
				d.errorAt(aat, "%s: metric %q is listed twice", aat, a)
			}
			names[a] = true
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
		if d.fromFile(k) {
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

// checkRoute accepts the patterns a Go 1.22 ServeMux accepts,
// "[METHOD ][HOST]/[PATH]", following net/http's parsePattern: http.Handle
// panics on any other. The method must also be upper case, as the methods
// of HTTP are: "get /users" matches no request a client sends.
func checkRoute(route string) error {
	if route == "" {
		return fmt.Errorf("route is missing; write a ServeMux pattern such as \"GET /users/{id}\"")
	}
	method, rest := "", route
	if i := strings.IndexAny(route, " \t"); i >= 0 {
		method, rest = route[:i], strings.TrimLeft(route[i+1:], " \t")
	}
	if method != "" && !methodRE.MatchString(method) {
		return fmt.Errorf("%q: the method %q must be upper case letters, as in \"GET /users\"", route, method)
	}
	i := strings.IndexByte(rest, '/')
	if i < 0 {
		return fmt.Errorf("%q has no path; a ServeMux pattern is \"[METHOD ][HOST]/[PATH]\"", route)
	}
	host, p := rest[:i], rest[i:]
	if strings.Contains(host, "{") {
		return fmt.Errorf("%q: the host contains '{'; is the initial '/' missing?", route)
	}
	// ServeMux cleans request paths before matching, so a pattern with an
	// unclean path can only match CONNECT requests.
	if method != "" && method != "CONNECT" && p != cleanPath(p) {
		return fmt.Errorf("%q can never match: its path is not clean (%s)", route, cleanPath(p))
	}
	seen := make(map[string]bool)
	for segs := p[1:]; segs != ""; {
		seg, more, found := strings.Cut(segs, "/")
		segs = more
		last := !found // nothing follows, not even a trailing slash
		if !strings.Contains(seg, "{") {
			continue
		}
		if seg[0] != '{' || seg[len(seg)-1] != '}' {
			return fmt.Errorf("%q: a wildcard must be a whole path segment, as in /{id}/", route)
		}
		name := seg[1 : len(seg)-1]
		if name == "$" {
			if !last {
				return fmt.Errorf("%q: {$} must end the pattern", route)
			}
			continue
		}
		name, multi := strings.CutSuffix(name, "...")
		if multi && !last {
			return fmt.Errorf("%q: a {name...} wildcard must end the pattern", route)
		}
		if !isWildcardName(name) {
			return fmt.Errorf("%q: wildcard name %q is not a Go identifier", route, name)
		}
		if seen[name] {
			return fmt.Errorf("%q: wildcard name %q is used twice", route, name)
		}
		seen[name] = true
	}
	return nil
}

// isWildcardName reports whether s is a Go identifier, as ServeMux
// requires of a wildcard's name.
func isWildcardName(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		if !unicode.IsLetter(c) && c != '_' && (i == 0 || !unicode.IsDigit(c)) {
			return false
		}
	}
	return true
}

// cleanPath is net/http's cleanPath: path.Clean, keeping a trailing slash.
func cleanPath(p string) string {
	np := path.Clean(p)
	if strings.HasSuffix(p, "/") && np != "/" {
		np += "/"
	}
	return np
}

// checkFuncPattern accepts function patterns in the form go/types prints
// a function's full name, with '*' as a wildcard in the names.
func checkFuncPattern(s string) error {
	if !funcPatternRE.MatchString(s) {
		return fmt.Errorf("%q is not a function pattern; write \"example.com/pkg.Func\" or \"(*example.com/pkg.Type).Method*\"", s)
	}
	return nil
}
