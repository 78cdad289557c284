package knowledge

import "strings"

// This file describes metrics libraries and instrumentation: Prometheus's
// client_golang (with promauto, promhttp and its collectors),
// OpenTelemetry's metric API and its otelhttp, otelgin and otelgrpc
// instrumentation, go-kit's metrics, VictoriaMetrics/metrics, uber-go/tally,
// echoprometheus and the gRPC Prometheus interceptors. It lists how a
// program defines a metric, records into it, binds its labels, and which
// library calls define and record metrics for it (instrumenting
// middleware, pool collectors, scrape handlers). metrics reads it;
// serverrole reads ScrapeHandlers.

// Metrics library package paths.
const (
	Prometheus      = "github.com/prometheus/client_golang/prometheus"
	Promauto        = "github.com/prometheus/client_golang/prometheus/promauto"
	Promhttp        = "github.com/prometheus/client_golang/prometheus/promhttp"
	PromCollectors  = "github.com/prometheus/client_golang/prometheus/collectors"
	OTelMetric      = "go.opentelemetry.io/otel/metric"
	OTelHTTP        = "go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	OTelGin         = "go.opentelemetry.io/contrib/instrumentation/github.com/gin-gonic/gin/otelgin"
	OTelGRPC        = "go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	KitMetrics      = "github.com/go-kit/kit/metrics"
	KitPrometheus   = "github.com/go-kit/kit/metrics/prometheus"
	VictoriaMetrics = "github.com/VictoriaMetrics/metrics"
	EchoPrometheus  = "github.com/labstack/echo-contrib/echoprometheus"
	GRPCPromV2      = "github.com/grpc-ecosystem/go-grpc-middleware/providers/prometheus"
	GRPCPromV1      = "github.com/grpc-ecosystem/go-grpc-prometheus"
	Tally           = "github.com/uber-go/tally/v4"

	OpenCensusPrometheus = "contrib.go.opencensus.io/exporter/prometheus"
)

// MetricsPackages are the packages without which a package can define or
// record no metric, nor instrument a handler.
var MetricsPackages = []string{
	Prometheus, OTelMetric, KitMetrics, VictoriaMetrics,
	Promhttp, PromCollectors, OTelHTTP, OTelGin, OTelGRPC, EchoPrometheus, GRPCPromV1, GRPCPromV2, Tally,
}

// metricsLibraryPrefixes are the module paths of the metrics libraries and
// instrumentation the tables below describe. Their own internals (the
// metrics otelhttp defines for itself, client_golang's collectors) are not
// the program's definitions: what a program gets by calling them is in the
// tables.
var metricsLibraryPrefixes = []string{
	"github.com/prometheus/client_golang/",
	"go.opentelemetry.io/otel",
	"go.opentelemetry.io/contrib/",
	"github.com/go-kit/kit/",
	VictoriaMetrics,
	"github.com/labstack/echo-contrib/",
	"github.com/grpc-ecosystem/go-grpc-middleware/",
	GRPCPromV1,
	"github.com/uber-go/tally/",
}

// IsMetricsLibrary reports whether path is a package of a metrics library
// or instrumentation that the knowledge tables describe.
func IsMetricsLibrary(path string) bool {
	for _, p := range metricsLibraryPrefixes {
		if path == strings.TrimSuffix(p, "/") || strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}

// Metric kinds, as the plan names them.
const (
	Counter   = "counter"
	Gauge     = "gauge"
	Histogram = "histogram"
	Summary   = "summary"
)

// Metric libraries, as findings name them.
const (
	LibPrometheus = "prometheus"
	LibOTel       = "otel"
	LibGoKit      = "go-kit"
	LibVictoria   = "victoriametrics"
	LibTally      = "tally"
)

// A MetricCtor describes a function that defines a metric.
type MetricCtor struct {
	Lib  string
	Kind string // "" for prometheus.NewDesc, whose kind is chosen later
	// Opts is the index of a client_golang *Opts argument (Namespace,
	// Subsystem, Name, Buckets), or -1.
	Opts int
	// Name is the index of a string name argument, or -1.
	Name int
	// Labels is the index of a []string of label names, or -1.
	Labels int
	// Buckets is the index of a []float64 of bucket upper bounds, or -1.
	Buckets int
	// Options: the arguments from this index on are OTel instrument
	// options (metric.WithExplicitBucketBoundaries, metric.WithUnit); -1.
	Options int
	// Fixed is the metric's name where the function fixes it (the
	// semantic conventions' instrument constructors), or "".
	Fixed string
}

func promCtor(kind string, labels int) MetricCtor {
	return MetricCtor{Lib: LibPrometheus, Kind: kind, Opts: 0, Name: -1, Labels: labels, Buckets: -1, Options: -1}
}

func otelCtor(kind string) MetricCtor {
	return MetricCtor{Lib: LibOTel, Kind: kind, Opts: -1, Name: 0, Labels: -1, Buckets: -1, Options: 1}
}

func kitCtor(kind string) MetricCtor {
	return MetricCtor{Lib: LibGoKit, Kind: kind, Opts: 0, Name: -1, Labels: 1, Buckets: -1, Options: -1}
}

// tallyCtor describes a method of uber-go/tally's Scope: the name is its
// first argument; the tags come from the scope (Tagged), chosen at run
// time, so the labels are unknown.
func tallyCtor(kind string) MetricCtor {
	return MetricCtor{Lib: LibTally, Kind: kind, Opts: -1, Name: 0, Labels: -1, Buckets: -1, Options: -1}
}

func vmCtor(kind string, buckets int) MetricCtor {
	return MetricCtor{Lib: LibVictoria, Kind: kind, Opts: -1, Name: 0, Labels: -1, Buckets: buckets, Options: -1}
}

// MetricCtors are the functions that define a metric, by full name.
var MetricCtors = func() map[string]MetricCtor {
	m := map[string]MetricCtor{
		Prometheus + ".NewDesc": {Lib: LibPrometheus, Opts: -1, Name: 0, Labels: 2, Buckets: -1, Options: -1},
	}
	prom := []struct {
		name   string
		kind   string
		labels int
	}{
		{"NewCounter", Counter, -1}, {"NewCounterVec", Counter, 1}, {"NewCounterFunc", Counter, -1},
		{"NewGauge", Gauge, -1}, {"NewGaugeVec", Gauge, 1}, {"NewGaugeFunc", Gauge, -1},
		{"NewHistogram", Histogram, -1}, {"NewHistogramVec", Histogram, 1},
		{"NewSummary", Summary, -1}, {"NewSummaryVec", Summary, 1},
		{"NewUntypedFunc", Gauge, -1},
	}
	for _, c := range prom {
		m[Prometheus+"."+c.name] = promCtor(c.kind, c.labels)
		m[Promauto+"."+c.name] = promCtor(c.kind, c.labels)
		m["("+Promauto+".Factory)."+c.name] = promCtor(c.kind, c.labels)
	}
	otel := []struct{ name, kind string }{
		{"Int64Counter", Counter}, {"Float64Counter", Counter},
		{"Int64UpDownCounter", Gauge}, {"Float64UpDownCounter", Gauge},
		{"Int64Histogram", Histogram}, {"Float64Histogram", Histogram},
		{"Int64Gauge", Gauge}, {"Float64Gauge", Gauge},
		{"Int64ObservableCounter", Counter}, {"Float64ObservableCounter", Counter},
		{"Int64ObservableUpDownCounter", Gauge}, {"Float64ObservableUpDownCounter", Gauge},
		{"Int64ObservableGauge", Gauge}, {"Float64ObservableGauge", Gauge},
	}
	for _, c := range otel {
		m["("+OTelMetric+".Meter)."+c.name] = otelCtor(c.kind)
	}
	// tally's Timer reports as a Prometheus summary by default.
	for name, kind := range map[string]string{"Counter": Counter, "Gauge": Gauge, "Timer": Summary, "Histogram": Histogram} {
		m["("+Tally+".Scope)."+name] = tallyCtor(kind)
	}
	for name, kind := range map[string]string{
		"NewCounterFrom": Counter, "NewGaugeFrom": Gauge, "NewHistogramFrom": Histogram, "NewSummaryFrom": Summary,
	} {
		m[KitPrometheus+"."+name] = kitCtor(kind)
	}
	vm := []struct {
		name    string
		kind    string
		buckets int
	}{
		{"NewCounter", Counter, -1}, {"GetOrCreateCounter", Counter, -1},
		{"NewFloatCounter", Counter, -1}, {"GetOrCreateFloatCounter", Counter, -1},
		{"NewGauge", Gauge, -1}, {"GetOrCreateGauge", Gauge, -1},
		{"NewHistogram", Histogram, -1}, {"GetOrCreateHistogram", Histogram, -1},
		{"NewPrometheusHistogram", Histogram, -1}, {"GetOrCreatePrometheusHistogram", Histogram, -1},
		{"NewPrometheusHistogramExt", Histogram, 1}, {"GetOrCreatePrometheusHistogramExt", Histogram, 1},
		{"NewSummary", Summary, -1}, {"GetOrCreateSummary", Summary, -1},
		{"NewSummaryExt", Summary, -1}, {"GetOrCreateSummaryExt", Summary, -1},
	}
	for _, c := range vm {
		m[VictoriaMetrics+"."+c.name] = vmCtor(c.kind, c.buckets)
		m["(*"+VictoriaMetrics+".Set)."+c.name] = vmCtor(c.kind, c.buckets)
	}
	return m
}()

// Semconv is the path prefix of OpenTelemetry's generated semantic
// conventions, a package tree per version (semconv/v1.39.0/httpconv).
const Semconv = "go.opentelemetry.io/otel/semconv/"

// semconvInstruments are the instrument constructors of the semantic
// conventions' httpconv and rpcconv packages (v1.32.0 on), by package and
// function: each defines the instrument its convention names, whatever
// the version (gotenberg records http.server.request.duration through
// httpconv.NewServerRequestDuration).
var semconvInstruments = map[string]struct{ name, kind string }{
	"httpconv.NewServerRequestDuration":  {"http.server.request.duration", Histogram},
	"httpconv.NewServerRequestBodySize":  {"http.server.request.body.size", Histogram},
	"httpconv.NewServerResponseBodySize": {"http.server.response.body.size", Histogram},
	"httpconv.NewServerActiveRequests":   {"http.server.active_requests", Gauge},
	"httpconv.NewClientRequestDuration":  {"http.client.request.duration", Histogram},
	"rpcconv.NewServerDuration":          {"rpc.server.duration", Histogram},
	"rpcconv.NewServerCallDuration":      {"rpc.server.call.duration", Histogram},
}

// LookupMetricCtor returns the description of the function of full name
// fullName that defines a metric: one of MetricCtors, or a semantic
// conventions' instrument constructor of any version.
func LookupMetricCtor(fullName string) (MetricCtor, bool) {
	if c, ok := MetricCtors[fullName]; ok {
		return c, true
	}
	rest, ok := strings.CutPrefix(fullName, Semconv)
	if !ok {
		return MetricCtor{}, false
	}
	version, fn, ok := strings.Cut(rest, "/")
	if !ok || !strings.HasPrefix(version, "v") {
		return MetricCtor{}, false
	}
	m, ok := semconvInstruments[fn]
	if !ok {
		return MetricCtor{}, false
	}
	return MetricCtor{Lib: LibOTel, Kind: m.kind, Opts: -1, Name: -1, Labels: -1, Buckets: -1, Options: 1, Fixed: m.name}, true
}

// VictoriaLogHistograms are VictoriaMetrics histogram constructors whose
// buckets are fixed log-scale ranges (vmrange), not boundaries a program
// chooses: the bucket rule does not apply to them.
var VictoriaLogHistograms = map[string]bool{
	VictoriaMetrics + ".NewHistogram":                     true,
	VictoriaMetrics + ".GetOrCreateHistogram":             true,
	"(*" + VictoriaMetrics + ".Set).NewHistogram":         true,
	"(*" + VictoriaMetrics + ".Set).GetOrCreateHistogram": true,
}

// OTelBuckets is the OTel option that sets a histogram's bucket
// boundaries, and OTelUnit the one that sets its unit.
const (
	OTelBuckets = OTelMetric + ".WithExplicitBucketBoundaries"
	OTelUnit    = OTelMetric + ".WithUnit"
)

// DefBuckets is the value of prometheus.DefBuckets, the buckets of a
// client_golang histogram that sets none.
var DefBuckets = []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}

// DefBucketsVar is prometheus.DefBuckets.
const DefBucketsVar = Prometheus + ".DefBuckets"

// BucketFuncs compute bucket boundaries from constant arguments.
var BucketFuncs = map[string]string{
	Prometheus + ".LinearBuckets":           "linear",
	Prometheus + ".ExponentialBuckets":      "exponential",
	Prometheus + ".ExponentialBucketsRange": "exponential-range",
}

// RecordMethods are the recording methods, by full name, mapped to the
// kind of metric they record: a call of one of them records a measurement in the metric its
// receiver (or, for NewTimer, its first argument) holds.
var RecordMethods = func() map[string]string {
	m := map[string]string{
		"(" + Prometheus + ".Observer).Observe":                     Histogram,
		"(" + Prometheus + ".Histogram).Observe":                    Histogram,
		"(" + Prometheus + ".Summary).Observe":                      Summary,
		"(" + Prometheus + ".ExemplarObserver).ObserveWithExemplar": Histogram,
		"(" + Prometheus + ".Counter).Inc":                          Counter,
		"(" + Prometheus + ".Counter).Add":                          Counter,
		"(" + Prometheus + ".ExemplarAdder).AddWithExemplar":        Counter,
		Prometheus + ".NewTimer":                                    Histogram,
		"(" + KitMetrics + ".Histogram).Observe":                    Histogram,
		"(" + KitMetrics + ".Counter).Add":                          Counter,
		"(" + KitMetrics + ".Gauge).Set":                            Gauge,
		"(" + KitMetrics + ".Gauge).Add":                            Gauge,
		"(*" + KitPrometheus + ".Histogram).Observe":                Histogram,
		"(*" + KitPrometheus + ".Summary).Observe":                  Summary,
		"(*" + KitPrometheus + ".Counter).Add":                      Counter,
		"(*" + KitPrometheus + ".Gauge).Set":                        Gauge,
		"(*" + KitPrometheus + ".Gauge).Add":                        Gauge,
	}
	for _, name := range []string{"Set", "Inc", "Dec", "Add", "Sub", "SetToCurrentTime"} {
		m["("+Prometheus+".Gauge)."+name] = Gauge
	}
	for _, t := range []string{"Int64", "Float64"} {
		m["("+OTelMetric+"."+t+"Histogram).Record"] = Histogram
		m["("+OTelMetric+"."+t+"Counter).Add"] = Counter
		m["("+OTelMetric+"."+t+"UpDownCounter).Add"] = Gauge
		m["("+OTelMetric+"."+t+"Gauge).Record"] = Gauge
	}
	for t, kind := range map[string]string{"Histogram": Histogram, "PrometheusHistogram": Histogram, "Summary": Summary} {
		m["(*"+VictoriaMetrics+"."+t+").Update"] = kind
		m["(*"+VictoriaMetrics+"."+t+").UpdateDuration"] = kind
	}
	for _, name := range []string{"Inc", "Dec", "Add", "AddInt64", "Set"} {
		m["(*"+VictoriaMetrics+".Counter)."+name] = Counter
	}
	for _, name := range []string{"Add", "Sub", "Set"} {
		m["(*"+VictoriaMetrics+".FloatCounter)."+name] = Counter
	}
	for _, name := range []string{"Set", "Inc", "Dec", "Add"} {
		m["(*"+VictoriaMetrics+".Gauge)."+name] = Gauge
	}
	return m
}()

// RecordsArgument lists the recording functions whose metric is their
// first argument rather than their receiver.
var RecordsArgument = map[string]bool{
	Prometheus + ".NewTimer": true,
}

// LabelBinders return the child of a metric vector for some label values:
// the metric their result records into is their receiver's.
var LabelBinders = func() map[string]bool {
	m := map[string]bool{
		"(" + KitMetrics + ".Histogram).With":        true,
		"(" + KitMetrics + ".Counter).With":          true,
		"(" + KitMetrics + ".Gauge).With":            true,
		"(*" + KitPrometheus + ".Histogram).With":    true,
		"(*" + KitPrometheus + ".Summary).With":      true,
		"(*" + KitPrometheus + ".Counter).With":      true,
		"(*" + KitPrometheus + ".Gauge).With":        true,
		KitPrometheus + ".NewCounter":                true,
		KitPrometheus + ".NewGauge":                  true,
		KitPrometheus + ".NewHistogram":              true,
		KitPrometheus + ".NewSummary":                true,
		"(" + Prometheus + ".ObserverVec).With":      true,
		"(" + Prometheus + ".ObserverVec).CurryWith": true,
	}
	for _, vec := range []string{"CounterVec", "GaugeVec", "HistogramVec", "SummaryVec"} {
		for _, name := range []string{"With", "WithLabelValues", "GetMetricWith", "GetMetricWithLabelValues", "CurryWith", "MustCurryWith"} {
			m["(*"+Prometheus+"."+vec+")."+name] = true
		}
	}
	for _, name := range []string{"WithLabelValues", "GetMetricWith", "GetMetricWithLabelValues", "MustCurryWith"} {
		m["("+Prometheus+".ObserverVec)."+name] = true
	}
	return m
}()

// A LibMetric is a metric an instrumentation library defines and records
// once a program uses it.
type LibMetric struct {
	Name   string // full name, or the name after the subsystem for SubsystemArg
	Kind   string
	Labels []string // nil: attributes, not checked
	// Latency: the histogram of each request's duration, which the
	// library breaks down by route and method.
	Latency bool
}

// An Instrumenter is a library function that instruments what it wraps
// or the server it is installed on: HTTP middleware, gRPC interceptors and
// stats handlers. Calling it defines the metrics it records.
type Instrumenter struct {
	Metrics []LibMetric
	// SubsystemArg is the index of a string argument that prefixes
	// Metrics' names (echoprometheus' subsystem, "echo" when empty), or -1.
	SubsystemArg int
	// DefaultSubsystem is the prefix when the argument is "".
	DefaultSubsystem string
	// ConfigFields: the argument at SubsystemArg is a configuration
	// struct, whose fields of these names hold the namespace and the
	// subsystem (echoprometheus' MiddlewareConfig{Namespace, Subsystem}).
	ConfigFields [2]string
	// MetricArg is the index of an argument holding the program's own
	// metric that the wrapper records (promhttp.InstrumentHandlerDuration's
	// ObserverVec), or -1.
	MetricArg int
}

var otelHTTPServer = []LibMetric{
	{Name: "http.server.request.duration", Kind: Histogram, Latency: true},
	{Name: "http.server.request.body.size", Kind: Histogram},
	{Name: "http.server.response.body.size", Kind: Histogram},
}

var otelRPCServer = []LibMetric{
	{Name: "rpc.server.duration", Kind: Histogram, Latency: true},
	{Name: "rpc.server.call.duration", Kind: Histogram, Latency: true},
}

var echoPrometheusMetrics = []LibMetric{
	{Name: "requests_total", Kind: Counter, Labels: []string{"code", "method", "host", "url"}},
	{Name: "request_duration_seconds", Kind: Histogram, Labels: []string{"code", "method", "host", "url"}, Latency: true},
}

// Instrumenters are the library functions that record request metrics of
// what they wrap, by full name. otelecho and otelmux are absent on
// purpose: they record traces, not metrics.
var Instrumenters = map[string]Instrumenter{
	OTelHTTP + ".NewHandler":                                      {Metrics: otelHTTPServer, SubsystemArg: -1, MetricArg: -1},
	OTelHTTP + ".NewMiddleware":                                   {Metrics: otelHTTPServer, SubsystemArg: -1, MetricArg: -1},
	OTelGin + ".Middleware":                                       {Metrics: otelHTTPServer, SubsystemArg: -1, MetricArg: -1},
	EchoPrometheus + ".NewMiddleware":                             {Metrics: echoPrometheusMetrics, SubsystemArg: 0, DefaultSubsystem: "echo", MetricArg: -1},
	EchoPrometheus + ".NewMiddlewareWithConfig":                   {Metrics: echoPrometheusMetrics, SubsystemArg: 0, DefaultSubsystem: "echo", ConfigFields: [2]string{"Namespace", "Subsystem"}, MetricArg: -1},
	Promhttp + ".InstrumentHandlerDuration":                       {SubsystemArg: -1, MetricArg: 0},
	Promhttp + ".InstrumentHandlerCounter":                        {SubsystemArg: -1, MetricArg: 0},
	Promhttp + ".InstrumentHandlerTimeToWriteHeader":              {SubsystemArg: -1, MetricArg: 0},
	OTelGRPC + ".NewServerHandler":                                {Metrics: otelRPCServer, SubsystemArg: -1, MetricArg: -1},
	"(*" + GRPCPromV2 + ".ServerMetrics).UnaryServerInterceptor":  {SubsystemArg: -1, MetricArg: -1},
	"(*" + GRPCPromV2 + ".ServerMetrics).StreamServerInterceptor": {SubsystemArg: -1, MetricArg: -1},
	GRPCPromV1 + ".UnaryServerInterceptor":                        {SubsystemArg: -1, MetricArg: -1},
	GRPCPromV1 + ".StreamServerInterceptor":                       {SubsystemArg: -1, MetricArg: -1},
}

// ClientInstrumenters wrap an http.RoundTripper in one that records
// client request metrics.
var ClientInstrumenters = map[string]bool{
	Promhttp + ".InstrumentRoundTripperDuration": true,
	Promhttp + ".InstrumentRoundTripperCounter":  true,
	Promhttp + ".InstrumentRoundTripperInFlight": true,
	Promhttp + ".InstrumentRoundTripperTrace":    true,
	OTelHTTP + ".NewTransport":                   true,
}

// PoolCollectors register the statistics of a *sql.DB pool as metrics,
// which they name go_sql_*.
var PoolCollectors = map[string]bool{
	PromCollectors + ".NewDBStatsCollector": true,
}

// PoolMetricPrefix is the prefix of the pool metrics PoolCollectors define.
const PoolMetricPrefix = "go_sql_"

// ScrapeHandlers serve the metrics for scraping: the /metrics endpoint,
// which is not itself instrumented.
var ScrapeHandlers = map[string]bool{
	Promhttp + ".Handler":                    true,
	Promhttp + ".HandlerFor":                 true,
	Promhttp + ".HandlerForTransactional":    true,
	Promhttp + ".InstrumentMetricHandler":    true,
	EchoPrometheus + ".NewHandler":           true,
	EchoPrometheus + ".NewHandlerWithConfig": true,
	VictoriaMetrics + ".WritePrometheus":     true,
	// Docker's wrapper of the Prometheus client (distribution's debug
	// server): Handler returns promhttp.Handler().
	"github.com/docker/go-metrics.Handler": true,
	// OpenCensus's Prometheus exporter serves its own /metrics: the
	// *Exporter NewExporter returns is the handler.
	OpenCensusPrometheus + ".NewExporter": true,
}

// PoolMetrics are the metrics a PoolCollector defines (with a db_name
// constant label).
var PoolMetrics = []LibMetric{
	{Name: "go_sql_max_open_connections", Kind: Gauge},
	{Name: "go_sql_open_connections", Kind: Gauge},
	{Name: "go_sql_in_use_connections", Kind: Gauge},
	{Name: "go_sql_idle_connections", Kind: Gauge},
	{Name: "go_sql_wait_count_total", Kind: Counter},
	{Name: "go_sql_wait_duration_seconds_total", Kind: Counter},
	{Name: "go_sql_max_idle_closed_total", Kind: Counter},
	{Name: "go_sql_max_idle_time_closed_total", Kind: Counter},
	{Name: "go_sql_max_lifetime_closed_total", Kind: Counter},
}
