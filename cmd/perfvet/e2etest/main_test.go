// Package e2etest holds the command's slow end-to-end comparisons over
// every fixture module (the result cache against no cache, go vet against
// the command; go vet's cache shared through GOCACHEPROG is in cacheprog),
// apart from cmd/perfvet's tests so that `go test ./...` runs the test
// binaries side by side, each well within go test's 10-minute timeout. The tests
// and their subtests run in parallel: each reads its fixture module and
// writes only into its own temporary directories.
package e2etest

import (
	"os"
	"slices"
	"testing"

	"github.com/perfvet/perfvet/internal/clitest"
)

// perfvetBin is the command under test, built once by TestMain.
var perfvetBin string

func TestMain(m *testing.M) {
	os.Exit(clitest.Main(m, &perfvetBin))
}

// perfvetEnv runs perfvet in dir, offline, with extra variables (which
// override the test environment).
func perfvetEnv(t *testing.T, dir string, extra []string, args ...string) clitest.Result {
	t.Helper()
	return clitest.Run(t, dir, slices.Concat([]string{"GOPROXY=off"}, extra), perfvetBin, args...)
}
