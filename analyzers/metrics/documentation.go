package metrics

import "github.com/perfvet/perfvet/analyzers/internal/lint"

// Documentation is the analyzer's structured documentation, its entry in
// the registry (analyzers/suite.go): perfvet help metrics, the SARIF rules
// and the README's analyzer table are derived from it. doc.go is the full
// reference.
var Documentation = lint.Documentation{
	Title: "report servers and routes that cannot show the plan's SLOs",
	Text: `A latency objective that is not measured is a wish. The plan names the
metrics every service must export and the SLOs they must show. A service
that lacks one of them, a route its metrics middleware misses, or a
histogram without a bucket boundary at an SLO threshold cannot tell anyone
whether the SLO holds: the dashboards are blank or wrong, and the alerts
never fire.`,
	Before: `var duration = promauto.NewHistogramVec(prometheus.HistogramOpts{
	Name:    "http_request_duration_seconds",
	Buckets: []float64{0.01, 0.05, 0.1, 0.25, 1, 2.5, 5, 10},
}, []string{"method", "path", "status"})

mux.Handle("GET /users", metrics.Instrument(http.HandlerFunc(listUsers)))
mux.HandleFunc("GET /admin/orders/{id}", adminOrder)`,
	After: `var duration = promauto.NewHistogramVec(prometheus.HistogramOpts{
	Name:    "http_request_duration_seconds",
	Buckets: []float64{0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10},
}, []string{"method", "path", "status"})

mux.Handle("GET /users", metrics.Instrument(http.HandlerFunc(listUsers)))
mux.Handle("GET /admin/orders/{id}", metrics.Instrument(http.HandlerFunc(adminOrder)))`,
	Reports: "servers (`ListenAndServe`, `srv.Serve`, gin `Run`, echo `Start`) whose program does not define the plan's required metrics with the plan's type and labels (client_golang, promauto, OTel metric API, go-kit, VictoriaMetrics, uber-go/tally, otelhttp/otelgin/echoprometheus, across packages through facts); routes not covered by the metrics middleware that covers the other routes of their router (net/http, chi, gin, echo, gorilla/mux; `/metrics` and health checks exempt); gRPC services without a metrics interceptor or stats handler; histograms whose buckets lack an SLO threshold (`DefBuckets`, `LinearBuckets`, `ExponentialBuckets` evaluated); planned metrics of the wrong type or without the plan's labels; durations observed in milliseconds into buckets in seconds (category `unit`); a return after a function's work (a call given the request's context whose results feed the observation, or whose result the return hands back) that skips, on every path from the timer, the duration histogram and the other metrics the function records on its other paths, one finding per function (category `path`); naming conventions (non-base units, `_total` misuse, durations without `_seconds`) only with `-metrics.naming` (renaming a metric a service already exports breaks its dashboards: 2 of 29 judged worth it); under the default plan, a program that measures requests under its own names (a histogram labelled by path, method or endpoint, one named as OpenTelemetry's conventions name the request duration, or an instrumentation library's request-duration histogram) is not reported missing, nor one whose histogram has the plan's name but request labels of its own and none of the plan's (its labels and buckets are not checked either), and one that only counts them under its own name is reported for the missing latency only; servers on constant loopback addresses or on listeners whose port the program reads back, servers of Prometheus, pprof or expvar only and port-80 servers of autocert's handler with no fallback are internal and not reported; clients and pools without metrics when the plan requires them",
	Options: []string{"metrics", "slo.latency"},
	Categories: []lint.Category{
		{Name: CategoryMissing, Text: "a server whose program lacks a required metric"},
		{Name: CategoryRoute, Text: "a route no metrics middleware covers"},
		{Name: CategoryBuckets, Text: "histogram buckets that cannot show the SLOs"},
		{Name: CategoryLabels, Text: "a planned metric without the plan's labels"},
		{Name: CategoryType, Text: "a planned metric of the wrong type"},
		{Name: CategoryNaming, Text: "metric names against the conventions (-metrics.naming)"},
		{Name: CategoryUnit, Text: "durations observed in another unit than the histogram's buckets"},
		{Name: CategoryClient, Text: "outbound HTTP clients without metrics"},
		{Name: CategoryPool, Text: "database pools without metrics"},
		{Name: CategoryPath, Text: "a return after the work that skips the metrics the other paths record"},
		{Name: CategoryGRPC, Text: "gRPC services without metrics"},
	},
	Limits: `A server is checked against the metrics of its own package and everything
it imports. Names, labels and buckets are read when they are constants. Route
coverage is decided within the package that registers the routes:
middleware installed by a caller is unknown. The unit of an observation is
read from the value observed in the same function.`,
}
