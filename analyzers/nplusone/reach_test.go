package nplusone_test

import (
	"testing"

	"github.com/perfvet/perfvet/analyzers/internal/reach/reachtest"
	"github.com/perfvet/perfvet/analyzers/nplusone"
)

// TestWholeProgram checks the findings deferred to the package that sees
// both the calls through an interface and its implementations: the
// handler's findings are reported by main, at the handler's calls.
// analysistest checks each package's findings against that package's own
// files, so this test matches the // want comments of every file of the
// fixture against the findings of every package.
func TestWholeProgram(t *testing.T) {
	reachtest.WholeProgram(t, nplusone.New(defaultConfig()), "reach/cmd/server")
}

// TestWholeProgramOnePerLoop checks that the calls of one loop that the
// program resolves are one finding (the default, not -each).
func TestWholeProgramOnePerLoop(t *testing.T) {
	cfg := defaultConfig()
	cfg.Each = false
	reachtest.WholeProgram(t, nplusone.New(cfg), "reachone/cmd/server")
}

// TestWholeProgramChain: a chain through a data store's accessor
// (m.DS.Items(ctx).GetByName(name)) in a loop, resolved by a package that
// wires the store (wiring), is reported at the chain naming the
// repository's read (the outer call, not the accessor's lazy init), and
// the command that imports the wiring reports it again: asked about the
// command alone, a driver shows it (navidrome-matcher-n1 of
// bench/realworld/fixes.tsv).
func TestWholeProgramChain(t *testing.T) {
	cfg := defaultConfig()
	cfg.Each = false // the analyzer's default: one finding per loop
	reachtest.RootsOnly(t, nplusone.New(cfg), "reachchain/cmd/server")
	reachtest.WholeProgram(t, nplusone.New(cfg), "reachchain/cmd/server")
}
