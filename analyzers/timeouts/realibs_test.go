package timeouts_test

import (
	"testing"

	"github.com/perfvet/perfvet/analyzers/internal/analyzertest"
	"github.com/perfvet/perfvet/analyzers/timeouts"
)

// TestRealLibraries runs the analyzer on the module of fixtures written
// against the real libraries (net/http, gin, echo, chi, database/sql, sqlx,
// pgx v5, go-redis v9), so that a change in a library's API cannot pass
// unnoticed.
func TestRealLibraries(t *testing.T) {
	dir := analyzertest.Module(t)
	a := timeouts.New(perSite(t))
	// The handlers reach causes in the store package: the findings sit
	// there, which only a run over both packages, merged as the command
	// merges them, can check.
	res := runMerged(t, dir, a, "./timeouts/...")
	if len(res.Packages) < 2 {
		t.Errorf("analysed %d packages of %s, want the timeouts package and its store", len(res.Packages), dir)
	}
}

// TestRealLibrariesGrouped runs the default grouping on the real
// aws-sdk-go: a package's calls of one library function with no context
// are one finding.
func TestRealLibrariesGrouped(t *testing.T) {
	runMerged(t, analyzertest.Module(t), timeouts.New(defaultPlan(t)), "./timeoutsgrouped/...")
}
