package metrics_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perfvet/perfvet/analyzers/internal/analyzertest"
	"github.com/perfvet/perfvet/analyzers/metrics"
)

func defaultPlan() metrics.Config {
	return metrics.Config{Plans: analyzertest.DefaultPlan()}
}

// TestDefinitions runs with -naming: defs holds the naming rules' pairs.
func TestDefinitions(t *testing.T) {
	analyzertest.Run(t, analysistest.TestData(), metrics.New(namingPlan()), "defs", "crossdefs")
}

// TestNamingOff: by default, names the plan does not give are not checked
// against the conventions; a duration observed in another unit than its
// histogram's buckets is.
func TestNamingOff(t *testing.T) {
	analyzertest.Run(t, analysistest.TestData(), metrics.New(defaultPlan()), "namingoff", "units")
}

// TestPaths: a return after the work that skips the duration histogram
// the other paths observe (openfga's Check), with its fixed twins.
func TestPaths(t *testing.T) {
	analyzertest.Run(t, analysistest.TestData(), metrics.New(defaultPlan()), "paths")
}

func TestShop(t *testing.T) {
	analyzertest.Run(t, analysistest.TestData(), metrics.New(defaultPlan()), "shop/...")
}

func TestRouters(t *testing.T) {
	analyzertest.Run(t, analysistest.TestData(), metrics.New(defaultPlan()), "routers")
}

// TestLoopback: a server on a loopback address is not the public server
// (serverrole); its public twin is reported.
func TestLoopback(t *testing.T) {
	analyzertest.Run(t, analysistest.TestData(), metrics.New(defaultPlan()), "loopbacksrv", "loopbackfield", "loopbackfieldtwin")
}

// TestSetupWizard: a server whose handler shuts it down is a one-off
// setup wizard (serverrole.Setup), not the service's server; its twin is
// reported.
func TestSetupWizard(t *testing.T) {
	analyzertest.Run(t, analysistest.TestData(), metrics.New(defaultPlan()), "setupwizard", "setupwizardtwin")
}

// namingPlan is the default plan with -naming: fixtures that hold naming
// findings.
func namingPlan() metrics.Config {
	cfg := defaultPlan()
	cfg.Naming = true
	return cfg
}

func TestLibraries(t *testing.T) {
	analyzertest.Run(t, analysistest.TestData(), metrics.New(namingPlan()), "otelplain", "kit", "vm", "grpcsvc", "fullsvc", "bare")
}

func parsePlan(t *testing.T, text string) metrics.Config {
	t.Helper()
	return metrics.Config{Plans: analyzertest.InlinePlan(t, text)}
}

// TestOTelAlias: a plan that accepts the OTel semantic-convention name.
func TestOTelAlias(t *testing.T) {
	cfg := parsePlan(t, `metrics:
  - name: http_request_duration_seconds
    type: histogram
    labels: [method, path, status]
    aliases: [http.server.request.duration]
`)
	analyzertest.Run(t, analysistest.TestData(), metrics.New(cfg), "otelsvc", "otelbare")
}

// TestOTelPlanned: under a plan file without aliases, a program that
// otelhttp measures still lacks the plan's metrics; under the default
// plan (otelplain, TestLibraries) it measures its requests.
func TestOTelPlanned(t *testing.T) {
	cfg := parsePlan(t, `metrics:
  - name: http_request_duration_seconds
    type: histogram
    labels: [method, path, status]
`)
	analyzertest.Run(t, analysistest.TestData(), metrics.New(cfg), "otelplanned")
}

// TestClientAndPoolMetrics: a plan that requires client and pool metrics.
func TestClientAndPoolMetrics(t *testing.T) {
	cfg := parsePlan(t, `metrics:
  - {name: http_client_request_duration_seconds, type: histogram, labels: [method, host, status]}
  - {name: go_sql_open_connections, type: gauge}
`)
	analyzertest.Run(t, analysistest.TestData(), metrics.New(cfg), "clients", "poolsvc")
}

func TestIllTyped(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), metrics.New(namingPlan()), "broken")
}

func TestExemptFlag(t *testing.T) {
	a := analyzertest.WithFlag(t, metrics.New(defaultPlan()), "exempt", "/internal/*")
	analyzertest.Run(t, analysistest.TestData(), a, "exemptflag")
}

// TestOwnRequestMetrics: under the embedded default plan, a program that
// measures its requests under names of its own is not reported for
// lacking the plan's; under a plan file that lists the metrics, it is.
func TestOwnRequestMetrics(t *testing.T) {
	analyzertest.Run(t, analysistest.TestData(), metrics.New(defaultPlan()), "ownmetrics", "ownmetricsjobs", "owncounter", "httpmetricsx", "ownmetricsprefix", "echopromcfg", "echopromcfgtwin", "healthsrv", "exporter", "exportertwin", "previewsrv", "previewsrvtwin", "metricsfield", "metricsfieldtwin", "metricsfieldlater")
	cfg := parsePlan(t, "metrics:\n  - {name: http_request_duration_seconds, type: histogram, labels: [method, path, status]}\n")
	a := metrics.New(cfg)
	results := analyzertest.Results(t, analysistest.TestData(), a, "ownmetrics")
	n := 0
	for _, r := range results {
		n += len(r.Diagnostics)
	}
	if n != 1 {
		t.Errorf("under a plan file, ownmetrics got %d findings, want 1 (the server start)", n)
	}
}

func TestServerHelpers(t *testing.T) {
	analyzertest.Run(t, analysistest.TestData(), metrics.New(defaultPlan()), "servelib", "servemain", "servechecked")
}

// TestBucketsPlan: objectives off client_golang's default buckets, with an
// endpoint's own, so that DefBuckets and the bucket helpers can miss them.
func TestBucketsPlan(t *testing.T) {
	cfg := parsePlan(t, `slo:
  latency: {p50: 100ms, p95: 300ms, p99: 2s}
endpoints:
  - route: GET /users
    latency: {p95: 200ms}
metrics:
  - name: http_request_duration_seconds
    type: histogram
    labels: [method, path, status]
    aliases: [http.server.request.duration]
`)
	analyzertest.Run(t, analysistest.TestData(), metrics.New(cfg), "bucketsplan")
}

// TestMinMax runs the running minimum/maximum idiom of Go 1.21 (issue 20).
func TestMinMax(t *testing.T) {
	analyzertest.Run(t, analysistest.TestData(), metrics.New(defaultPlan()), "minmax")
}

// writtenMetrics is a plan file that writes the default's metrics and
// latency objectives.
const writtenMetrics = `slo:
  latency: {p50: 100ms, p95: 500ms, p99: 1s}
metrics:
  - name: http_request_duration_seconds
    type: histogram
    labels: [method, path, status]
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
  - name: http_requests_total
    type: counter
    labels: [method, path, status]
  - name: http_errors_total
    type: counter
    labels: [method, path, error_type]
`

// TestOwnLabels: under the embedded default plan, the plan's request
// metrics defined with request labels of the program's own and none of
// the plan's are its own design (fider): nothing is reported. Its twin
// under a plan file that writes the metrics is.
func TestOwnLabels(t *testing.T) {
	analyzertest.Run(t, analysistest.TestData(), metrics.New(defaultPlan()), "ownlabels")
	findings := underWrittenPlan(t, "ownlabels")
	got := make([]string, 0, len(findings))
	for _, d := range findings {
		got = append(got, d.Category)
	}
	slices.Sort(got)
	if want := []string{"buckets", "labels", "labels", "missing"}; !slices.Equal(got, want) {
		t.Errorf("under a written plan: categories %v, want %v", got, want)
	}
}

// TestPromhttpLabels: under the embedded default plan, the plan's request
// counter labelled as promhttp labels it ({code, method, handler}: dex)
// has the plan's labels under their conventional names: nothing is
// reported. Under a plan file that writes the metrics, the names are the
// contract, and the counter lacks path and status.
func TestPromhttpLabels(t *testing.T) {
	analyzertest.Run(t, analysistest.TestData(), metrics.New(defaultPlan()), "promhttplabels")
	got := underWrittenPlan(t, "promhttplabels")
	if !slices.ContainsFunc(got, func(d analysis.Diagnostic) bool {
		return d.Category == "labels" && strings.HasPrefix(d.Message, "http_requests_total has no labels path, status")
	}) {
		t.Errorf("under a written plan: %v, want http_requests_total's missing path and status reported", got)
	}
}

// underWrittenPlan returns the findings on a fixture package under a plan
// file that writes the request metrics (writtenMetrics).
func underWrittenPlan(t *testing.T, pkg string) []analysis.Diagnostic {
	t.Helper()
	var out []analysis.Diagnostic
	for _, r := range analyzertest.Results(t, analysistest.TestData(), metrics.New(parsePlan(t, writtenMetrics)), pkg) {
		out = append(out, r.Diagnostics...)
	}
	return out
}

// TestHeldStarts runs as the perfvet command does, knowing which packages
// the run imports: heldsrv's server start is held for the programs that
// import it, heldbare (no metrics) reports the program once with that
// start related, and heldmetrics (the plan's metrics) reports nothing.
func TestHeldStarts(t *testing.T) {
	cfg := defaultPlan()
	cfg.WholeProgram = true
	cfg.Imported = func(path string) bool { return path == "heldsrv" }
	results := analyzertest.Run(t, analysistest.TestData(), metrics.New(cfg), "heldsrv", "heldbare", "heldmetrics")
	var related []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			for _, rel := range d.Related {
				related = append(related, filepath.Base(r.Pass.Fset.Position(rel.Pos).Filename)+": "+rel.Message)
			}
		}
	}
	if want := []string{"heldsrv.go: the program is served here too"}; !slices.Equal(related, want) {
		t.Errorf("related positions of the program's finding: %q, want %q", related, want)
	}
}
