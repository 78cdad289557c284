package metrics_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perfvet/perfvet/analyzers/metrics"
	"github.com/perfvet/perfvet/analyzers/plan"
)

// realibsDir is the module of fixtures written against the real libraries
// (client_golang, OpenTelemetry with otelhttp, otelgin, otelmux and
// otelgrpc, go-kit, VictoriaMetrics/metrics, net/http, chi, gin, echo with
// echoprometheus, gorilla/mux, gRPC), so that a change in a library's API
// cannot pass unnoticed.
const realibsDir = "../../testdata/realibs"

// TestRealLibraries runs the analyzer on the real-libraries fixture module.
func TestRealLibraries(t *testing.T) {
	dir, err := filepath.Abs(realibsDir)
	if err != nil {
		t.Fatal(err)
	}
	requireModulesCached(t, dir, "./metrics/...")
	a := metrics.New(metrics.Config{Plans: plan.Static(plan.Default())})
	results := analysistest.Run(t, dir, a, "./metrics/...")
	if len(results) < 3 {
		t.Errorf("analysed %d packages of %s, want the metrics package, telemetry and cmd/shop", len(results), dir)
	}
	requireWellTyped(t, results)
}

// requireModulesCached makes sure the fixture module's dependencies are in
// the module cache, downloading them through the module proxy if needed:
// analysistest loads a module with GOPROXY=off, and a missing module would
// otherwise surface as a confusing load error.
func requireModulesCached(t *testing.T, dir string, patterns ...string) {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to load %s: %v", dir, err)
	}
	offline := func() (string, error) {
		args := append([]string{"list", "-deps", "-test", "-f", "{{if .Error}}{{.ImportPath}}: {{.Error}}{{end}}"}, patterns...)
		cmd := exec.Command(goTool, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GO111MODULE=on", "GOPROXY=off", "GOWORK=off")
		out, err := cmd.CombinedOutput()
		return strings.TrimSpace(string(out)), err
	}
	if out, err := offline(); err == nil && out == "" {
		return
	}
	download := exec.Command(goTool, "mod", "download")
	download.Dir = dir
	download.Env = append(os.Environ(), "GO111MODULE=on", "GOWORK=off")
	if out, err := download.CombinedOutput(); err != nil {
		t.Fatalf("downloading the modules of %s: %v\n%s", dir, err, out)
	}
	if out, err := offline(); err != nil || out != "" {
		t.Fatalf("the modules of %s are not all in the module cache after go mod download (go list with GOPROXY=off: %v):\n%s", dir, err, out)
	}
}
