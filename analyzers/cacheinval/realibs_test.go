package cacheinval_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perfvet/perfvet/analyzers/cacheinval"
	"github.com/perfvet/perfvet/analyzers/internal/realibstest"
)

// TestRealLibraries runs the analyzer on the module of fixtures written
// against the real libraries (go-redis v9 and v8, rueidis, gomemcache,
// ristretto v2, golang-lru v2 expirable, go-cache, bigcache v3, GORM,
// database/sql), so that a change in a library's API cannot pass
// unnoticed.
func TestRealLibraries(t *testing.T) {
	dir := realibstest.Module(t, "./cacheinval/...")
	results := analysistest.Run(t, dir, cacheinval.New(defaultPlan()), "./cacheinval/...")
	if len(results) < 3 {
		t.Errorf("analysed %d packages of %s, want cacheinval, store and catalog", len(results), dir)
	}
	requireWellTyped(t, results)
}
