package budget_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perfvet/perfvet/analyzers/budget"
	"github.com/perfvet/perfvet/analyzers/internal/realibstest"
)

// TestRealLibraries runs the analyzer on routes registered on the real
// routers (net/http, chi, gin, echo) with handlers on the real drivers
// (database/sql, sqlx, GORM, go-redis v9), so that a change in a
// library's API cannot pass unnoticed.
func TestRealLibraries(t *testing.T) {
	dir := realibstest.Module(t, "./budget/...")
	results := analysistest.Run(t, dir, budget.New(defaultConfig(t)), "./budget")
	requireWellTyped(t, results)
}
