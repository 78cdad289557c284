// Package cacheprog holds the test of go vet's results shared through
// GOCACHEPROG (go install of a real implementation, then go vet from an
// empty GOCACHE twice): a fixed cost of its own, in a test binary of its
// own, so that `go test ./...` runs it beside the other end-to-end tests
// and each binary stays well within go test's 10-minute timeout.
package cacheprog

import (
	"os"
	"testing"

	"github.com/perfvet/perfvet/internal/clitest"
)

// perfvetBin is the command under test, built once by TestMain.
var perfvetBin string

func TestMain(m *testing.M) {
	os.Exit(clitest.Main(m, &perfvetBin))
}
