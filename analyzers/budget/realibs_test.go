package budget_test

import (
	"testing"

	"github.com/perfvet/perfvet/analyzers/budget"
	"github.com/perfvet/perfvet/analyzers/internal/analyzertest"
)

// TestRealLibraries runs the analyzer on routes registered on the real
// routers (net/http, chi, gin, echo, gorilla/mux) with handlers on the real drivers
// (database/sql, sqlx, GORM, go-redis v9), so that a change in a
// library's API cannot pass unnoticed.
func TestRealLibraries(t *testing.T) {
	analyzertest.Run(t, analyzertest.Module(t), budget.New(defaultConfig(t)), "./budget")
}
