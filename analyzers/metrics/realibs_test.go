package metrics_test

import (
	"testing"

	"github.com/perfvet/perfvet/analyzers/internal/analyzertest"
	"github.com/perfvet/perfvet/analyzers/metrics"
)

// TestRealLibraries runs the analyzer on the module of fixtures written
// against the real libraries (client_golang, OpenTelemetry with otelhttp,
// otelgin, otelmux and otelgrpc, go-kit, VictoriaMetrics/metrics, net/http,
// chi, gin, echo with echoprometheus, gorilla/mux, gRPC), so that a change
// in a library's API cannot pass unnoticed.
func TestRealLibraries(t *testing.T) {
	dir := analyzertest.Module(t)
	// With -naming: defs.go and kit.go hold the naming rules' pairs on
	// the real client_golang and go-kit (off by default, see TestNamingOff).
	a := metrics.New(metrics.Config{Plans: analyzertest.DefaultPlan(), Naming: true})
	results := analyzertest.Run(t, dir, a, "./metrics/...")
	if len(results) < 3 {
		t.Errorf("analysed %d packages of %s, want the metrics package, telemetry and cmd/shop", len(results), dir)
	}
}
