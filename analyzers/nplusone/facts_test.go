package nplusone_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perfvet/perfvet/analyzers/internal/analyzertest"
	"github.com/perfvet/perfvet/analyzers/nplusone"
)

// Fact size bounds, in gob-encoded bytes. A function's fact names at
// most one read and one write, each with a chain of at most a few calls;
// a package's lists its types with their reaching methods.
const (
	maxObjectFact  = 1 << 10
	maxPackageFact = 8 << 10
)

// TestFactsSerialize encodes every fact the fixtures produce with gob, as
// go vet -vettool and nogo do, and bounds their size.
func TestFactsSerialize(t *testing.T) {
	// Expectations are TestNPlusOne's business; generated fixtures have
	// none, so their facts would be reported as unexpected here.
	results := analyzertest.Results(t, analysistest.TestData(), nplusone.New(defaultConfig()),
		"store", "pg", "helper", "each", "closures", "goroutines", "handlers", "sqlcgen", "entgen/ent")
	analyzertest.RequireFactsSerialize(t, results, maxObjectFact, maxPackageFact)
}
