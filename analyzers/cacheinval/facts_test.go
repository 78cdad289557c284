package cacheinval_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perfvet/perfvet/analyzers/cacheinval"
	"github.com/perfvet/perfvet/analyzers/internal/analyzertest"
)

// Fact size bounds, in gob-encoded bytes: a function's fact holds at most
// a few dozen operations, a package's its families and links.
const (
	maxObjectFact  = 4 << 10
	maxPackageFact = 8 << 10
)

// TestFactsSerialize encodes every fact the fixtures produce with gob, as
// go vet -vettool and nogo do, checks that decoding gives them back, and
// bounds their size. Expectations are TestCacheinval's business.
func TestFactsSerialize(t *testing.T) {
	results := analyzertest.Results(t, analysistest.TestData(), cacheinval.New(defaultPlan()),
		"keys", "shop/store", "shop/cache", "shop/service", "stale", "gormlib", "redisrules")
	analyzertest.RequireFactsSerialize(t, results, maxObjectFact, maxPackageFact)
}
