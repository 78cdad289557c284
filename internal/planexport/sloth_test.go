package planexport

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
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

// checkers are the fixture modules' commands, built once per test binary
// (TestOpenSLOSDK and TestOpenSLOSDKRejects share openslocheck) into
// checkerDir, which TestMain removes.
var (
	checkersMu sync.Mutex
	checkers   = map[string]*checkerBuild{}
	checkerDir string
)

// A checkerBuild is the outcome of building one fixture module's command.
type checkerBuild struct {
	once sync.Once
	bin  string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if checkerDir != "" {
		_ = os.RemoveAll(checkerDir)
	}
	os.Exit(code)
}

// buildChecker builds the command of the fixture module testdata/name (a
// module of its own, which depends on a tool's spec types), once per test
// binary, and returns the binary's path.
func buildChecker(t *testing.T, name string) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	fixturemod.Ensure(t, dir) // skips, saying why, if the proxy cannot be reached
	checkersMu.Lock()
	b := checkers[name]
	if b == nil {
		b = new(checkerBuild)
		checkers[name] = b
	}
	checkersMu.Unlock()
	b.once.Do(func() {
		checkersMu.Lock()
		if checkerDir == "" {
			checkerDir, b.err = os.MkdirTemp("", "planexport-checkers") //nolint:usetesting // shared by the tests of the binary; TestMain removes it
		}
		out := checkerDir
		checkersMu.Unlock()
		if b.err != nil {
			return
		}
		bin := filepath.Join(out, name)
		// Without optimization or inlining (the standard library at its
		// default flags, so that the test binaries' own builds of it are
		// reused): the checker only decodes and validates a few specs,
		// and building its dependencies (the OpenSLO SDK's validation
		// library and its x/tools) is most of what its tests cost, cold:
		// 49 CPU-seconds optimized, 30 without.
		build := exec.Command("go", "build", "-gcflags=all=-N -l", "-gcflags=std=", "-o", bin, ".")
		build.Dir = dir
		build.Env = append(os.Environ(), "GOPROXY=off", "GOWORK=off")
		if out, err := build.CombinedOutput(); err != nil {
			b.err = fmt.Errorf("building testdata/%s: %w\n%s", name, err, out)
			return
		}
		b.bin = bin
	})
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b.bin
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
