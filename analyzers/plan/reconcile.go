package plan

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// reconcile makes the values a plan file leaves to the default give way to
// the keys it wrote, so that tightening one value never fails on defaults
// the user never wrote. The rule, for every pair of values that must be
// ordered (percentiles, a budget's parts and total, query and request
// timeouts, a key family's TTL and cache.max_ttl, operation costs,
// availability and error rate):
//
//   - a value the file did not write moves just enough to agree with the
//     keys it did write: clamped to the written bound (query_timeout
//     becomes min(10s, the request_timeout written)), or raised to it
//     (p99 rises to a written p95 above it);
//   - the budget's parts the file did not write are scaled down, in
//     proportion, to fit what a written total leaves after the written
//     parts; a total the file did not write rises to the sum of the parts;
//   - conflicts between keys the file wrote are left for validate to
//     report: they are the user's to settle.
//
// Each change is recorded in p.Adjusted, which "perfvet plan check" prints.
func reconcile(d *decoder, p *Plan) {
	r := &reconciler{d: d, p: p}
	r.chain(link{"slo.latency.p50", &p.SLO.Latency.P50}, link{"slo.latency.p95", &p.SLO.Latency.P95}, link{"slo.latency.p99", &p.SLO.Latency.P99})
	r.availability()
	r.budget()
	r.chain(link{"costs.query", &p.Costs.Query}, link{"costs.complex_query", &p.Costs.ComplexQuery})
	r.chain(link{"costs.cache_hit", &p.Costs.CacheHit}, link{"costs.cache_miss", &p.Costs.CacheMiss})
	r.chain(link{"limits.query_timeout", &p.Limits.QueryTimeout}, link{"limits.request_timeout", &p.Limits.RequestTimeout})
	r.cacheTTLs()
}

type reconciler struct {
	d *decoder
	p *Plan
}

// A link is one value of a chain that must not decrease, with its key.
type link struct {
	key string
	v   *time.Duration
}

func (r *reconciler) note(format string, args ...any) {
	r.p.Adjusted = append(r.p.Adjusted, fmt.Sprintf(format, args...))
}

// chain orders values that must not decrease, zeros (checks turned off)
// aside: each value the file did not write is clamped between the nearest
// written values below and above it. Where those conflict, nothing moves.
func (r *reconciler) chain(links ...link) {
	for i, l := range links {
		if r.d.fromFile(l.key) || *l.v == 0 {
			continue
		}
		var lo, hi *link
		for j := i - 1; j >= 0 && lo == nil; j-- {
			if r.d.fromFile(links[j].key) && *links[j].v > 0 {
				lo = &links[j]
			}
		}
		for j := i + 1; j < len(links) && hi == nil; j++ {
			if r.d.fromFile(links[j].key) && *links[j].v > 0 {
				hi = &links[j]
			}
		}
		if lo != nil && hi != nil && *lo.v > *hi.v {
			continue // the written values conflict: validate reports them
		}
		switch {
		case lo != nil && *l.v < *lo.v:
			r.note("%s: the default %v is raised to %v, the %s you wrote", l.key, *l.v, *lo.v, lo.key)
			*l.v = *lo.v
		case hi != nil && *l.v > *hi.v:
			r.note("%s: the default %v is lowered to %v, the %s you wrote", l.key, *l.v, *hi.v, hi.key)
			*l.v = *hi.v
		}
	}
}

// availability keeps availability + error_rate within 100%: the one the
// file did not write takes what the other leaves.
func (r *reconciler) availability() {
	s := &r.p.SLO
	if s.Availability <= 0 || s.ErrorRate <= 0 || s.Availability > 100 || s.ErrorRate > 100 || s.Availability+s.ErrorRate <= 100+1e-9 {
		return
	}
	aw, ew := r.d.fromFile("slo.availability"), r.d.fromFile("slo.error_rate")
	switch {
	case aw && !ew:
		v := roundPercent(100 - s.Availability)
		r.note("slo.error_rate: the default %v%% is lowered to %v%%, what the slo.availability you wrote leaves", s.ErrorRate, v)
		s.ErrorRate = v
	case ew && !aw:
		v := roundPercent(100 - s.ErrorRate)
		r.note("slo.availability: the default %v%% is lowered to %v%%, what the slo.error_rate you wrote leaves", s.Availability, v)
		s.Availability = v
	}
}

// roundPercent drops the binary noise of a subtraction (100 - 99.95).
func roundPercent(v float64) float64 { return math.Round(v*1e9) / 1e9 }

// budgetParts returns the parts of the budget with their keys.
func budgetParts(b *Budget) []link {
	return []link{
		{"budget.gateway", &b.Gateway}, {"budget.auth", &b.Auth}, {"budget.logic", &b.Logic},
		{"budget.database", &b.Database}, {"budget.external", &b.External}, {"budget.serialization", &b.Serialization},
	}
}

// budget fits the parts the file did not write under a total it wrote, by
// scaling them down in proportion (each truncated to whole milliseconds
// when it is one or more, so that they stay under the total), or raises a
// total it did not write to the sum of the parts.
func (r *reconciler) budget() {
	b := &r.p.Budget
	if b.Total == 0 {
		return
	}
	var written, inherited time.Duration
	var free []link
	for _, l := range budgetParts(b) {
		if r.d.fromFile(l.key) {
			written += *l.v
		} else {
			inherited += *l.v
			free = append(free, l)
		}
	}
	if written < 0 || inherited < 0 || written+inherited <= b.Total {
		return // fits, or sums that overflow (absurd durations validate rejects elsewhere)
	}
	if !r.d.fromFile("budget.total") {
		r.note("budget.total: the default %v is raised to %v, the sum of the parts", b.Total, written+inherited)
		b.Total = written + inherited
		return
	}
	if written > b.Total || inherited == 0 {
		return // the written parts alone exceed the written total: validate reports it
	}
	room := b.Total - written
	var scaled []string
	for _, l := range free {
		v := time.Duration(float64(*l.v) * float64(room) / float64(inherited))
		if v >= time.Millisecond {
			v = v.Truncate(time.Millisecond)
		}
		*l.v = v
		scaled = append(scaled, fmt.Sprintf("%s %v", strings.TrimPrefix(l.key, "budget."), v))
	}
	r.note("budget: the default parts (%v in all) are scaled down to fit the budget.total you wrote: %s", inherited, strings.Join(scaled, ", "))
}

// cacheTTLs lowers the default key families' TTLs to a cache.max_ttl the
// file wrote, or raises a default cache.max_ttl to the longest TTL of the
// key families the file wrote.
func (r *reconciler) cacheTTLs() {
	c := &r.p.Cache
	if c.MaxTTL == 0 {
		return
	}
	if r.d.fromFile("cache.max_ttl") {
		for i := range c.Keys {
			k := &c.Keys[i]
			at := fmt.Sprintf("cache.keys[%d].ttl", i)
			if !r.d.fromFile(at) && k.TTL > c.MaxTTL {
				r.note("%s: the default %v is lowered to %v, the cache.max_ttl you wrote", at, k.TTL, c.MaxTTL)
				k.TTL = c.MaxTTL
			}
		}
		return
	}
	longest, from := c.MaxTTL, ""
	for i, k := range c.Keys {
		at := fmt.Sprintf("cache.keys[%d].ttl", i)
		if r.d.fromFile(at) && k.TTL > longest {
			longest, from = k.TTL, at
		}
	}
	if from != "" {
		r.note("cache.max_ttl: the default %v is raised to %v, the %s you wrote", c.MaxTTL, longest, from)
		c.MaxTTL = longest
	}
}

// fromFile reports whether the value at a key path came from the plan
// file rather than from the base: the file wrote the key, or the key lies
// inside a list item the file wrote (a list replaces the whole list, so
// an item's fields never come from the base).
func (d *decoder) fromFile(keyPath string) bool {
	if d.written(keyPath) {
		return true
	}
	if i := strings.LastIndexByte(keyPath, ']'); i >= 0 {
		return d.written(keyPath[:i+1])
	}
	return false
}

// inherited explains, for an error that involves values the file did not
// write, where they come from and which key to add; "" when the file
// wrote every key involved.
func (d *decoder) inherited(keys ...string) string {
	var missing []string
	for _, k := range keys {
		if !d.fromFile(k) {
			missing = append(missing, k)
		}
	}
	switch len(missing) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf(" (%s is not written in %s; add %s to set it)", missing[0], d.file, missing[0])
	}
	return fmt.Sprintf(" (%s are not written in %s; add %s to set them)", strings.Join(missing, " and "), d.file, strings.Join(missing, " or "))
}
