package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// perfvet plan export writes rules and documents from the discovered plan,
// and -check fails (exit 1) once the committed file and the plan differ.
func TestPlanExport(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/svc\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	planText := "alerts:\n  - {name: SlowAPI, kind: latency, quantile: 0.99, warning: 1s, critical: 2s}\n"
	if err := os.WriteFile(filepath.Join(dir, "perfplan.yaml"), []byte(planText), 0o644); err != nil {
		t.Fatal(err)
	}
	r := perfvet(t, dir, "plan", "export", "-format", "prometheus", "-o", "rules.yml")
	if r.Code != 0 {
		t.Fatalf("export: exit %d, stderr %s", r.Code, r.Stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "rules.yml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"from perfplan.yaml", "alert: SlowAPI", "histogram_quantile(0.99", "AvailabilityErrorBudgetBurnPage"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("rules.yml lacks %q", want)
		}
	}
	if r := perfvet(t, dir, "plan", "export", "-check", "rules.yml"); r.Code != 0 {
		t.Errorf("check of a fresh file: exit %d, stderr %s", r.Code, r.Stderr)
	}
	// Tightening the plan makes the committed rules stale.
	planText = strings.Replace(planText, "warning: 1s", "warning: 750ms", 1)
	if err := os.WriteFile(filepath.Join(dir, "perfplan.yaml"), []byte(planText), 0o644); err != nil {
		t.Fatal(err)
	}
	r = perfvet(t, dir, "plan", "export", "-check", "rules.yml")
	if r.Code != 1 || !strings.Contains(r.Stderr, "rules.yml is out of date with ") {
		t.Errorf("check of a stale file: exit %d, stderr %s", r.Code, r.Stderr)
	}
	if r := perfvet(t, dir, "plan", "export", "-check", "missing.yml"); r.Code != 1 {
		t.Errorf("check of a missing file: exit %d, want 1", r.Code)
	}
	r = perfvet(t, dir, "plan", "export", "-format", "markdown")
	if r.Code != 0 || !strings.Contains(r.Stdout, "| SlowAPI | p99 of `http_request_duration_seconds` | > 750ms | > 2s |") {
		t.Errorf("markdown: exit %d, stdout:\n%s\nstderr: %s", r.Code, r.Stdout, r.Stderr)
	}
	r = perfvet(t, dir, "plan", "export", "-format", "sloth")
	if r.Code != 0 || !strings.Contains(r.Stdout, "version: prometheus/v1") || !strings.Contains(r.Stdout, "service: svc") {
		t.Errorf("sloth: exit %d, stdout:\n%s\nstderr: %s", r.Code, r.Stdout, r.Stderr)
	}
	r = perfvet(t, dir, "plan", "export", "-format", "openslo", "-service", "Shop API")
	if r.Code != 0 || !strings.Contains(r.Stdout, "apiVersion: openslo/v1") || !strings.Contains(r.Stdout, "service: shop-api") {
		t.Errorf("openslo: exit %d, stdout:\n%s\nstderr: %s", r.Code, r.Stdout, r.Stderr)
	}
	for _, bad := range [][]string{
		{"-format", "nope"},
		{"-o", "a", "-check", "b"},
		{"extra"},
	} {
		if r := perfvet(t, dir, append([]string{"plan", "export"}, bad...)...); r.Code != 2 {
			t.Errorf("plan export %v: exit %d, want 2", bad, r.Code)
		}
	}
	// An alert row that reads a metric the plan does not require is a
	// plan error at its line.
	if err := os.WriteFile(filepath.Join(dir, "perfplan.yaml"), []byte("alerts:\n  - {name: Mem, kind: gauge, metric: process_resident_memory_bytes, warning: 1GB, critical: 2GB}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = perfvet(t, dir, "plan", "export")
	if r.Code != 2 || !strings.Contains(r.Stderr, "perfplan.yaml:2:") || !strings.Contains(r.Stderr, "is not one of the plan's metrics") {
		t.Errorf("unknown metric: exit %d, stderr %s", r.Code, r.Stderr)
	}
}
