// Package metrics defines an Analyzer that reports services that cannot
// show whether they meet their plan: servers that do not export the plan's
// required metrics, routes no metrics middleware covers, and metric
// definitions that cannot measure the plan's SLOs.
//
// # Analyzer metrics
//
// metrics: report servers and routes that cannot show the plan's SLOs
//
// A latency objective that is not measured is a wish. The plan names the
// metrics every service must export (by default the
// http_request_duration_seconds histogram and the http_requests_total and
// http_errors_total counters, by method, path and status) and the SLOs
// they must show (p50 100ms, p95 500ms, p99 1s). A service that lacks one
// of them, a route its metrics middleware misses, or a histogram without a
// bucket boundary at 500ms cannot tell anyone whether p95 stays under
// 500ms: the dashboards are blank or wrong, and the alerts never fire.
//
// The analyzer finds metric definitions by type, through the
// constructors analyzers/internal/knowledge lists (metriclibs.go):
// client_golang's prometheus and promauto (names built from Namespace,
// Subsystem and Name, with constants and variables assigned once
// resolved), the OpenTelemetry metric API (with WithUnit and
// WithExplicitBucketBoundaries), go-kit's prometheus,
// VictoriaMetrics/metrics (name and labels parsed from the
// `name{label="value"}` string, also through fmt.Sprintf), and
// uber-go/tally v4's Scope (Counter, Gauge, Timer, Histogram: the name
// argument, without the scope's prefix; the tags come from the scope,
// chosen at run time, and are not known).
// Instrumentation libraries define the metrics they record (otelhttp,
// otelgin, echoprometheus, otelgrpc, client_golang's DB stats collector;
// go-grpc-middleware's Prometheus interceptors and go-grpc-prometheus
// instrument gRPC servers). otelecho (v0.60) and otelmux (v0.58) record
// traces only, and instrument nothing.
//
// It reports:
//
//   - a server start (http.ListenAndServe, Serve, srv.ListenAndServe,
//     gin's Run, echo's Start) whose program (the package and everything it
//     imports) does not define one of the plan's metrics, or defines it
//     only with the wrong type or without some of the plan's labels; the
//     finding names what is missing, once per package, at its first server
//     start (the others are related). Starts are checked in a main
//     package, and in other packages when the package made what it serves
//     (a router built there). A function that serves what its caller
//     passes (func Serve(h http.Handler), a method serving its receiver's
//     router, gin's Run itself) is not a server of its own: calls of it
//     are server starts, in its package and, through a fact, in others.
//     A server that serves only the scrape endpoint (promhttp.Handler(),
//     a mux of exempt routes, or http.DefaultServeMux with no route of the
//     package, as a net/http/pprof debug server, or with routes that are
//     exempt or whose handler ignores its *http.Request, as probes and
//     tinode's exporter's /push trigger do, also through an http.Server
//     literal with no Handler; the routes of a router's groups count as
//     its own, and a server handed to a helper that starts it is judged by
//     its Handler: sftpgo's telemetry server; and a server held in a
//     struct field of the package whose every value is a literal serving
//     the scrape endpoint alone: wg-portal's MetricsServer) is not
//     reported. One
//     program, one finding: a function of another package that also
//     starts a server of its own that its package checks (ntfy's
//     (*server.Server).Run serves its own mux) is reported there, and a
//     caller's start through it (cmd's s.Run()) is not reported again.
//     Under the embedded default plan (no perfplan.yaml), a program that
//     measures its requests under names of its own (a histogram or
//     summary, not one of the plan's, labelled by path, route, method,
//     handler, endpoint, url or uri, whatever its name, also a computed
//     one: casdoor's casdoor_api_latency{path,method}, navidrome's
//     http_request_latency{endpoint,method,client}, kratos's through ory/x
//     prometheusx; a histogram of its own named as OpenTelemetry's
//     conventions name the request duration, http.server.request.duration
//     or the older http.server.duration, whose route and method are
//     attributes of each recording: gotosocial's gin middleware, and
//     gotenberg's, which makes it with the conventions' own constructor,
//     httpconv.NewServerRequestDuration of any semconv version; a timer
//     or histogram of uber-go/tally, whose tags the scope it is made on
//     sets at run time (nakama's per-RPC latency, atlantis' command and
//     API timers: 2 findings judged false when reported); a Prometheus
//     histogram or summary vector whose name the package does not know
//     (made from a descriptor struct's fields, as go-gin-prometheus and
//     its copies make theirs) observed with the request's method or path
//     among its label values (r.Method, r.URL.Path, gin's FullPath:
//     chartmuseum's and zincsearch's middlewares, 2 findings judged false
//     when reported); or the
//     request-duration histogram of an
//     instrumentation library: otelhttp's and otelgin's
//     http.server.request.duration, echoprometheus'
//     request_duration_seconds, otelgrpc's rpc.server.duration: flipt's
//     API, judged false when reported) is not reported for lacking the
//     plan's names (judged on 17 real services: such a service is
//     observable, and renaming its metrics would break its dashboards);
//     with a plan file, the plan's names are the contract, and it is.
//     So is, under the default plan, a program whose histogram has the
//     plan's name but breaks latency down by request labels of its own
//     and none of the plan's (fider's http_request_duration_seconds
//     {operation}, beside http_requests_total{code,operation}, 4 findings
//     judged false at first sight): nothing it lacks is reported, nor
//     the labels and buckets of a planned metric so defined (checkers of
//     the plan's labels and SLO buckets hold a metric to them when it
//     uses the plan's labels in part, or has none, or under a plan file).
//     Under the default plan, a label named the way promhttp's
//     InstrumentHandler* and the routers' middlewares name it is the
//     plan's: code or status_code is status, and handler, route or
//     endpoint is path (dex's http_requests_total{code,method,handler}: 2
//     findings judged false at first sight). A plan file makes its own
//     names the contract: the alert rules perfvet exports query them.
//     Under the default plan, a program that counts its requests under a
//     name of its own (a counter, not one of the plan's, with a label
//     naming the method, path, route, handler or endpoint, or ending in
//     _method and so on: ntfy's
//     ntfy_http_requests_total{http_code,ntfy_code,http_method}) but
//     measures no latency is reported for the latency alone ("counts its
//     requests in ... but measures no request latency: it does not define
//     http_request_duration_seconds ..."), not for the plan's counter
//     names: after a fix that adds metrics of its own, the finding that
//     the program has none is gone, and what remains is what the SLOs
//     still cannot see. A server on a loopback address (a constant
//     "127.0.0.1:…", "localhost:…" or "[::1]:…" Addr, also as
//     fmt.Sprintf's constant format, or a net.Listen listener on one,
//     also one kept in an unexported field that every store of the
//     package sets to such a listener, which a method serves the server
//     on, p.server.Serve(p.listener): gotenberg's LibreOffice proxy;
//     package serverrole), or on a listener whose port the program reads
//     back to hand on (l.Addr().(*net.TCPAddr).Port), is not the public
//     server: its start is not
//     checked, and not related (woodpecker's CLI token receiver, judged
//     false). Nor is a port-80 server of autocert's HTTPHandler with no
//     fallback (http.ListenAndServe(":80", m.HTTPHandler(nil))), which
//     answers ACME challenges and redirects to HTTPS, and serves no
//     request of the application (fider's, judged false; its timeouts
//     are timeouts' finding). Nor is a server of a package that serves a one-off setup
//     wizard (package serverrole's Setup: one of its handlers exits the
//     process or shuts its server down once the setup is complete;
//     answer's installer, judged false);
//   - a route registration not covered by metrics middleware, in a router
//     whose other routes are covered: its requests are missing from the
//     rates and latencies. A route is covered when its handler records a
//     metric of the plan (or observes a histogram of unknown name), is
//     wrapped by a function that does (metrics.Instrument(h), across
//     packages), or by instrumentation library middleware
//     (promhttp.InstrumentHandlerDuration and InstrumentHandlerCounter,
//     otelhttp, otelgin, echoprometheus); when such middleware is given
//     to the route (gin's and echo's route middleware, chi's With) or
//     installed on its router or a router above it (Use on a ServeMux
//     wrapper, chi, gin, echo, gorilla/mux, chi's Route and Group, gin and
//     echo groups, gorilla subrouters); or when the router as a whole is
//     passed to such middleware. gin's Use and an echo group's Use
//     cover only the routes registered after them, as those libraries
//     do. net/http ServeMux (Go 1.22
//     patterns, http.Handle and HandleFunc), chi, gin, echo and
//     gorilla/mux are understood. The scrape endpoint and health checks
//     are exempt (see -exempt); so is any route whose handler serves
//     the metrics. The message names the route with the constant
//     prefixes of its groups (GET /admin/stats for admin.GET("/stats")
//     on r.Group("/admin")). A handler whose only recordings are
//     histograms of unknown name (a database timer it reaches, keyed by
//     query) covers its own route but is no evidence that the router's
//     routes are measured: statping's setup handler made 7 routes of its
//     root router look uncovered (judged false on first sight). Nor is a
//     handler that a factory makes, when the factory wraps nothing of
//     its caller's (it takes no function and no http.Handler) and
//     records metrics of its own only, none of the plan's and none
//     through an instrumentation library: dendrite's makeDownloadAPI
//     records its media size histograms in the download and thumbnail
//     handlers it makes, which made the media router's upload and config
//     routes look uncovered (2 findings judged false). A router
//     variable that a condition moves under a base path
//     (r = r.PathPrefix(base).Subrouter()) is the router it came from:
//     the middleware installed on it before covers the routes after.
//     The covered routes must be a fair share of the router tree's: when
//     fewer than one in four of its routes are covered (dendrite's
//     MakeHTTPAPI counts 3 of 138 routes), the middleware is a few
//     routes' own counter, not how the program measures its routes, and
//     the uncovered routes are not reported one by one (135 findings on
//     first sight); the server check says once what the program lacks;
//   - a gRPC service registered (a generated RegisterXServer) on a
//     grpc.NewServer of the same function whose options are all visible
//     and include no instrumenting interceptor or stats handler, in a
//     program that defines metrics;
//   - a definition of a plan metric (by name) of another type, at the
//     constructor; without some of the plan's labels, at the label names;
//     a histogram whose buckets lack a boundary at an SLO latency threshold
//     (the plan's p50, p95 and p99, and each endpoint's), or lack one of
//     the plan's buckets, at the Buckets field (at the options literal when
//     it uses the default buckets); prometheus.DefBuckets, LinearBuckets,
//     ExponentialBuckets and ExponentialBucketsRange of constants are
//     evaluated; a name in _milliseconds or a metric whose unit is "ms" is
//     compared in milliseconds;
//   - a duration observed in another unit than the histogram's buckets:
//     Observe(float64(d.Milliseconds())) (or Microseconds, Nanoseconds,
//     float64(d)) on a client_golang or go-kit histogram whose buckets are
//     in seconds (client_golang's default 0.005 to 10, or any whose top
//     boundary is at most a minute) or whose name ends in _seconds, at the
//     observation (category unit): every observation lands in the top
//     bucket, and the quantiles say nothing about the objectives;
//   - a return that skips the duration a function observes on its other
//     paths (category path): the function starts a timer (time.Now()) and
//     observes the time since it into a histogram or summary, and a
//     return after its work (a call given a context whose results feed one
//     of the function's records, or whose result the return hands back)
//     has no record of that histogram on any path from the timer, nor a
//     helper that records it, nor a deferred one. Requests that end there
//     are missing from the latency histogram, and its quantiles describe
//     the other paths only: openfga's Check returned its v2 path's result
//     before its metrics, and its command's error before them (both fixed
//     upstream). Returns before the work (validation, authorization, a
//     cache hit with no context call) are not reported, nor a record of
//     another metric on the path; one finding per function, at the first
//     such return, with the others and the observation related;
//   - with -metrics.naming, names against the conventions the plan's
//     metrics follow, for every metric the code defines with a Prometheus
//     name: durations in a unit other than seconds (_milliseconds, _ms,
//     _minutes, ...), a counter without _total, a non-counter with _total,
//     a duration histogram or summary without _seconds. promlinter's other
//     rules are left to it;
//   - when the plan requires client metrics (a metric named http_client_*
//     or http.client.*): an http.Client literal whose Transport is not
//     instrumented (otelhttp.NewTransport, promhttp.InstrumentRoundTripper*);
//     when it requires pool metrics (go_sql_* or db.client.connection*): a
//     sql.Open or sql.OpenDB in a program that registers no pool collector,
//     unless the pool is handed to code that may register one.
//
// OpenTelemetry semantic-convention names count as a plan metric when the
// plan lists them as its aliases:
//
//	metrics:
//	  - name: http_request_duration_seconds
//	    type: histogram
//	    labels: [method, path, status]
//	    aliases: [http.server.request.duration]
//
// Labels are not checked on an alias (OTel attributes are set when a
// value is recorded).
//
// Example. The buckets skip 0.5, and one route is registered without the
// middleware:
//
//	var duration = promauto.NewHistogramVec(prometheus.HistogramOpts{
//		Name:    "http_request_duration_seconds",
//		Buckets: []float64{0.01, 0.05, 0.1, 0.25, 1, 2.5, 5, 10},
//	}, []string{"method", "path", "status"})
//
//	mux.Handle("GET /users", metrics.Instrument(http.HandlerFunc(listUsers)))
//	mux.HandleFunc("GET /admin/orders/{id}", adminOrder)
//
// Fixed:
//
//	var duration = promauto.NewHistogramVec(prometheus.HistogramOpts{
//		Name:    "http_request_duration_seconds",
//		Buckets: []float64{0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10},
//	}, []string{"method", "path", "status"})
//
//	mux.Handle("GET /users", metrics.Instrument(http.HandlerFunc(listUsers)))
//	mux.Handle("GET /admin/orders/{id}", metrics.Instrument(http.HandlerFunc(adminOrder)))
//
// # Options
//
// The analyzer reads metrics (names, types, labels, buckets, aliases),
// slo.latency and endpoints[].latency from the plan (perfplan.yaml; by
// default the three HTTP metrics and p50 100ms, p95 500ms, p99 1s). A plan
// with no metrics turns the server check off.
//
// -metrics.exempt (default
// "/metrics,/health,/healthz,/livez,/readyz,/ready,/ping,/version,/varz,/debug/*,/.well-known/*,/swagger.json,/openapi.json,/openapi.yaml")
// lists the route paths that need no metrics middleware, comma-separated;
// a trailing * matches a prefix, and a path without one also matches at
// the end of a longer path (cerbos' /_cerbos/health,
// /schema/swagger.json). Setting it replaces the default list.
//
// -metrics.naming (default false) also checks the names of the metrics
// the program defines beyond the plan's against Prometheus' naming
// conventions (category naming). Off by default, measured: on 17 real
// services the rules made 29 findings, 2 of them worth a fix (ntfy's
// gauge in milliseconds, and casdoor's histogram, whose real defect, a
// duration observed in milliseconds into buckets in seconds, the unit
// rule now reports); the others name counters, gauges and summaries that
// ntfy, miniflux, navidrome and woodpecker already export, and renaming
// one breaks its users' dashboards and alerts for a cosmetic suffix. The
// plan's own metrics are always checked (type, labels, buckets), since
// there the name is the contract, and so is the unit of what a histogram
// observes (category unit), which is a measurement defect, not a name.
//
// -metrics.tests (default false) also reports findings in test code.
//
// # Findings
//
// Each finding has a category: missing (a server whose program lacks a
// required metric), route (a route no metrics middleware covers), grpc (a
// gRPC service without metrics), buckets (histogram buckets that cannot
// show the SLOs), labels (a planned metric without the plan's labels), type
// (a planned metric of the wrong type), unit (a duration observed in
// another unit than its histogram's buckets), naming (metric names against
// the conventions, with -metrics.naming), client (an outbound HTTP client
// without metrics), pool (a database pool without metrics), path (a return
// after the work that skips the duration the other paths observe).
//
// # Limits
//
// What a program defines travels as package facts: a server is checked
// against the metrics of its own package and everything it imports. In
// the perfvet command, which says which packages a run imports, a package
// that the run imports, not main, holds its server starts for its
// importers: the package that decides on the program (a main package, or
// one no package of the run imports) reports the program's missing
// metrics once, at its own first start or the first held one, with every
// other start related, and nothing when its program defines the metrics
// (stash's DLNA server and alist's embedded frp client reported the
// program a second time: judged false). Under go vet, nogo, golangci-lint
// and perfvet lsp each package checks its own starts, and a server started
// (on a router it builds) in a library package whose metrics are defined
// only by the main package that imports it is reported. A server whose routes another package registers (a debug
// server that zpages.Handle fills) is checked like any other. Names, labels and buckets
// are read when they are constants (or variables assigned once in the
// package); a metric whose name is computed is not compared with the
// plan. Route coverage is decided within the package that registers the
// routes: middleware installed by a caller (a router passed in, or wrapped
// after it is returned) is unknown, so only routes whose router (in that
// package) covers other routes are reported; a router whose routes are all
// uncovered is left to the server check; so a second server whose
// router is bare, in a program whose main server records the plan's
// metrics, is not reported (issue 18 point 6; casdoor's WAF gateway is
// not that shape: its program defines none of the plan's metrics and
// measures its main server under names of its own). The unit of an
// observation is read from the value observed (a Duration method or
// conversion in the same function), not through helpers or variables of
// other functions. The path rule is decided within one function: a timer
// started by the caller, or a duration observed by a helper the function
// hands the start time to, is not followed, and which return paths a
// condition makes impossible is not known (a record under if resp != nil
// counts for the error path after it). Middleware passed as a spread
// slice (r.Use(mws...)) is assumed to instrument, unless it is the
// variadic parameter of the function that installs it and every call of
// that function in its package passes none (dkron's APIRoutes, whose one
// call gives no middleware: its /v1 route was reported as the only one
// not covered, judged false). Middleware order among
// chi or echo middleware (a metrics middleware installed after one that
// may return early) is not checked. Handlers whose transitive callees
// observe a histogram of unknown name count as instrumented. The
// client_golang v2 API (prometheus.V2), fiber, OTel SDK views that set
// bucket boundaries, and VictoriaMetrics' log-scale histograms (whose
// vmrange buckets a program does not choose) are not checked. On a package
// that does not type-check, only the definition rules run.
//
// Suppress a finding with //perfvet:ignore metrics <reason> on its line or
// the line above.
package metrics
