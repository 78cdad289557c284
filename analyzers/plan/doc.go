// Package plan defines the optimization plan that perfvet's analyzers hold
// a service's code to, and reads it from perfplan.yaml.
//
// # The plan
//
// An optimization plan is the performance architecture a team wrote down:
// service level objectives, the latency budget of a request, the cost of
// common operations, hard limits (timeouts, page and body sizes), caching
// rules, and the metrics every service must export. A [Plan] is immutable
// once loaded and is shared by every analyzer that runs on a package.
//
// # Finding the plan
//
// A [Finder] gives each package the perfplan.yaml found by walking up from
// the package's directory to its module root, the first directory holding
// a go.mod; the first file on the way wins, and a perfplan.yaml above the
// module root is never used. A package with no such file gets the embedded
// default. The -plan flag ([Finder.SetOverride]) names one file that applies
// to every package instead. Each file is read once.
//
// A plan file must be a regular file or a symbolic link to one. A
// perfplan.yaml that exists but cannot be read as one (a dangling link, a
// link loop, a directory, a named pipe, a device, a file without read
// permission) is an error that names it: it never gives way to the
// default in silence, and reading never blocks on a pipe.
//
// # File format, version 1
//
// Every key is optional. Durations are Go durations and need a unit:
// 250ms, 30s, 1h (units ns, us, ms, s, m, h); a bare number other than 0 is
// an error, since "30" could mean seconds or milliseconds. Sizes are a whole
// number of bytes, optionally followed by KB, MB or GB, which are
// 1024-based as in Go's 10 << 20 (KiB, MiB and GiB are accepted too).
// Percentages may be written with or without a trailing %.
//
//	version: 1                  # the only version; the default
//	slo:
//	  availability: 99.9        # percent of requests that succeed
//	  error_rate: 0.1           # percent
//	  latency: {p50: 100ms, p95: 500ms, p99: 1s}
//	  throughput_rps: 1000
//	budget:                     # latency budget of one request, by layer
//	  total: 500ms
//	  gateway: 10ms
//	  auth: 20ms
//	  logic: 200ms
//	  database: 150ms
//	  external: 100ms
//	  serialization: 20ms
//	endpoints:                  # per-route objectives (default: none)
//	  - route: GET /users/{id}  # a Go 1.22 net/http.ServeMux pattern
//	    latency: {p50: 50ms, p95: 200ms, p99: 500ms}
//	    rps: 500
//	costs:                      # cost of one operation, for static estimates
//	  query: 10ms
//	  complex_query: 100ms
//	  transaction: 200ms
//	  cache_hit: 1ms
//	  cache_miss: 50ms
//	  external_call: 100ms      # one outbound HTTP or gRPC call
//	limits:
//	  request_timeout: 30s      # end to end
//	  query_timeout: 10s        # one database query
//	  max_page_size: 100        # rows one request may ask for
//	  max_body_size: 10MB       # request body
//	cache:
//	  max_ttl: 24h              # every cache write expires or is invalidated
//	  keys:                     # key families by glob over the key's shape
//	    - pattern: "computed:*"
//	      ttl: 1h
//	    - pattern: "*:list:*"
//	      ttl: 5m
//	  invalidate:               # (default: none)
//	    - table: products       # a write to this table must drop...
//	      keys: ["product:*", "products:list:*"] # ...these key families
//	metrics:                    # metrics every service must export
//	  - name: http_request_duration_seconds
//	    type: histogram         # counter, gauge, histogram or summary
//	    labels: [method, path, status]
//	    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
//	  - name: http_requests_total
//	    type: counter
//	    labels: [method, path, status]
//	  - name: http_errors_total
//	    type: counter
//	    labels: [method, path, error_type]
//	alerts:                     # warning and critical alert rules (perfvet plan export)
//	  - name: LatencyP95High
//	    kind: latency           # latency, error_rate, gauge or rate
//	    quantile: 0.95          # latency only
//	    warning: 500ms          # durations for latency, percents for error_rate,
//	    critical: 1s            # numbers, sizes or durations for gauge and rate
//	    for: 5m
//	    severity: {warning: warning, critical: critical}
//	  - name: ErrorRateHigh
//	    kind: error_rate        # metric: failures counter, total: requests counter
//	    warning: 1%
//	    critical: 5%
//	    for: 5m
//	queries:                    # functions declared as queries (default: none)
//	  - "(*example.com/legacy.Client).Fetch*"
//	ignore:                     # packages never reported on (default: none)
//	  - "example.com/shop/internal/migrations/..."
//
// The values shown are the defaults, except where a comment says
// "default: none"; [DefaultYAML] returns the embedded default, with
// comments, and [Default] the plan it gives.
//
// In a cache key glob '*' matches any run of characters and nothing else
// is special ([GlobMatch]); the first rule of cache.keys that matches a key
// gives its longest TTL ([Plan.TTLFor]). A query pattern is a function's
// full name as go/types prints it, with '*' as a wildcard in names. An
// ignore pattern is a package path, or a path ending in /... for a subtree.
//
// # Merging with the default
//
// A plan file is read on top of the default: a key given replaces the
// default's value at any depth, and a key left out keeps it, so
//
//	slo:
//	  latency:
//	    p99: 2s
//
// changes p99 alone. A list replaces the whole list: a plan that names one
// metric requires exactly that metric. A key given with no value
// ("limits:" or "limits: null") keeps the default, and an empty file, or
// one holding only comments, is the default plan.
//
// Defaults give way to the keys a file writes. Some values must agree
// with each other: percentiles must not decrease (p50 <= p95 <= p99, in the
// SLO and in each endpoint), an endpoint's percentiles are at most the
// SLO's, availability and error_rate add up to at most
// 100%, no part of the budget exceeds its total and the parts add up to at
// most the total, costs.query <= costs.complex_query, costs.cache_hit <=
// costs.cache_miss, limits.query_timeout <= limits.request_timeout, and a
// key family's TTL is at most cache.max_ttl. When a value the file wrote
// disagrees with one it left to the default, the default moves just enough
// to agree:
//
//   - a default bound is clamped to the value written:
//     "limits: {request_timeout: 5s}" makes query_timeout min(10s, 5s) = 5s;
//     "cache: {max_ttl: 30m}" lowers the computed:* family's TTL from 1h
//     to 30m; "slo: {latency: {p95: 2s}}" raises p99 from 1s to 2s;
//     "limits: {query_timeout: 40s}" raises request_timeout to 40s; a key
//     family written with a TTL above the default max_ttl raises max_ttl;
//     "slo: {availability: 99.95}" lowers error_rate to 0.05%;
//   - the budget's default parts scale down, in proportion, to fit what a
//     written total leaves after the written parts, each truncated to whole
//     milliseconds: "budget: {total: 200ms}" gives gateway 4ms, auth 8ms,
//     logic 80ms, database 60ms, external 40ms, serialization 8ms; a
//     default total rises to the sum of the parts when a written part
//     exceeds it ("budget: {logic: 600ms}" gives a total of 900ms).
//
// Only conflicts between keys the file wrote are errors (p95 and p99 both
// written, p95 above p99). "perfvet plan check" prints every value that
// moved, and [Plan.Adjusted] lists them. An error that involves a value the
// file did not write (possible only over a base other than the default,
// with [ParseOver]) says so and names the key to add.
//
// A zero limit (request_timeout, query_timeout, max_page_size,
// max_body_size, cache.max_ttl) turns off the checks that compare code with
// it; a zero budget.total turns off the budget's consistency checks.
//
// # Errors
//
// The file is one YAML document. Anchors and aliases may be used; tags are
// ignored; merge keys (<<) are not supported. A YAML syntax error, an
// unknown key (with a suggestion for a misspelt one), a value of the wrong
// kind, and a malformed or negative duration or size are errors. Once the
// file is free of those, the values are checked, alone and against each
// other: a version other than 1, a negative page size, a percentage outside
// 0 to 100, and, between keys the file wrote, percentiles that decrease
// (p95 above p99), a part of the budget above the total or parts that add
// up to more, query_timeout above request_timeout, a key family's TTL
// above cache.max_ttl; histogram
// buckets that do not increase, buckets on a metric that is not a
// histogram, route and query patterns that cannot match.
//
// Each error is reported as "file:line:col: message", at the key or value
// the file wrote.
// All are reported, in file order, as an [ErrorList], and perfvet stops
// before analysing anything.
package plan
