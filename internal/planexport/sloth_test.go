package planexport

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/perfvet/perfvet/internal/fixturemod"
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
	checker := buildChecker(t, "slothcheck")
	for name := range testPlans {
		t.Run(name, func(t *testing.T) {
			data, err := Sloth(loadTestPlan(t, name), "shop")
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			spec := filepath.Join(dir, "slo.yml")
			write(t, spec, data)
			out := runChecker(t, checker, spec, data)
			if !strings.Contains(string(out), "record:") {
				t.Fatalf("slothcheck printed no queries:\n%s", out)
			}
			rules := filepath.Join(dir, "slis.yml")
			write(t, rules, out)
			run(t, promtool, "check", "rules", rules)
		})
	}
}

// buildChecker builds the command of the fixture module testdata/name (a
// module of its own, which depends on a tool's spec types) and returns the
// binary's path.
func buildChecker(t *testing.T, name string) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	fixturemod.Ensure(t, dir) // skips, saying why, if the proxy cannot be reached
	checker := filepath.Join(t.TempDir(), name)
	build := exec.Command("go", "build", "-o", checker, ".")
	build.Dir = dir
	build.Env = append(os.Environ(), "GOPROXY=off", "GOWORK=off")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building testdata/%s: %v\n%s", name, err, out)
	}
	return checker
}

// runChecker runs checker on file, whose content is data, and returns its
// standard output; it fails the test when the checker rejects the file.
func runChecker(t *testing.T, checker, file string, data []byte) []byte {
	t.Helper()
	out, err := exec.Command(checker, file).Output()
	if err != nil {
		var stderr []byte
		if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
			stderr = ee.Stderr
		}
		t.Fatalf("%s: %v\n%s\n--- file:\n%s", filepath.Base(checker), err, stderr, data)
	}
	return out
}
