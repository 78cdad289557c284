package planexport

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestSloth validates the Sloth spec of every test plan with Sloth's own
// spec types (testdata/slothcheck, a module of its own that depends on
// github.com/slok/sloth), and checks its SLI queries with promtool.
func TestSloth(t *testing.T) {
	if testing.Short() {
		t.Skip("builds testdata/slothcheck")
	}
	promtool, err := exec.LookPath("promtool")
	if err != nil {
		t.Skip("promtool is not installed (Debian: apt-get install prometheus); .ci/run installs it")
	}
	checker := filepath.Join(t.TempDir(), "slothcheck")
	build := exec.Command("go", "build", "-o", checker, ".")
	build.Dir = filepath.Join("..", "..", "testdata", "slothcheck")
	if out, err := build.CombinedOutput(); err != nil {
		if strings.Contains(string(out), "proxy") || strings.Contains(string(out), "lookup disabled") || strings.Contains(string(out), "dial tcp") {
			t.Skipf("cannot fetch Sloth's module from the module proxy:\n%s", out)
		}
		t.Fatalf("building testdata/slothcheck: %v\n%s", err, out)
	}
	for name := range testPlans {
		t.Run(name, func(t *testing.T) {
			data, err := Sloth(loadTestPlan(t, name), "shop")
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			spec := filepath.Join(dir, "slo.yml")
			write(t, spec, data)
			out, err := exec.Command(checker, spec).Output()
			if err != nil {
				var stderr []byte
				if ee, ok := err.(*exec.ExitError); ok {
					stderr = ee.Stderr
				}
				t.Fatalf("slothcheck: %v\n%s\n--- spec:\n%s", err, stderr, data)
			}
			if !strings.Contains(string(out), "record:") {
				t.Fatalf("slothcheck printed no queries:\n%s", out)
			}
			rules := filepath.Join(dir, "slis.yml")
			write(t, rules, out)
			run(t, promtool, "check", "rules", rules)
		})
	}
}
