package e2etest

import (
	"os"
	"testing"

	"github.com/perfvet/perfvet/internal/clitest"
)

func TestMain(m *testing.M) {
	os.Exit(clitest.Main(m, &Bin))
}

// The result cache changes no output, on every fixture module but realibs
// (package realibs).
func TestResultCacheSameOutput(t *testing.T) {
	modules := []string{"e2e", "e2e-broken", "e2e-causes", "e2e-reach", "demo", "slothcheck", "benchcorpus"}
	if testing.Short() {
		modules = modules[:4]
	}
	CacheSameOutput(t, modules)
}

// go vet -vettool reports what the command reports, on every fixture
// module but realibs (package realibs).
func TestGoVetSameFindings(t *testing.T) {
	GoVetSameFindings(t, []string{"e2e", "e2e-causes", "demo"})
}
