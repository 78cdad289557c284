// Package realibs runs the end-to-end comparisons of package e2etest on
// testdata/realibs, the fixture module against the real libraries, in a
// test binary of its own: perfvet analyses every library package of it,
// and its runs alone are most of what the comparisons cost.
package realibs

import (
	"os"
	"testing"

	"github.com/perfvet/perfvet/cmd/perfvet/e2etest"
	"github.com/perfvet/perfvet/internal/clitest"
)

func TestMain(m *testing.M) {
	os.Exit(clitest.Main(m, &e2etest.Bin))
}

// The result cache changes no output on realibs.
func TestResultCacheSameOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses every library package of testdata/realibs, several times")
	}
	e2etest.CacheSameOutput(t, []string{"realibs"})
}

// go vet -vettool reports what the command reports on realibs.
func TestGoVetSameFindings(t *testing.T) {
	if testing.Short() {
		t.Skip("go vet analyses every library package, for facts")
	}
	e2etest.GoVetSameFindings(t, []string{"realibs"})
}
