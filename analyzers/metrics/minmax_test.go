package metrics_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perfvet/perfvet/analyzers/internal/analyzertest"
	"github.com/perfvet/perfvet/analyzers/metrics"
)

// TestMinMax runs the running minimum/maximum idiom of Go 1.21 (issue 20).
func TestMinMax(t *testing.T) {
	analyzertest.Run(t, analysistest.TestData(), metrics.New(defaultPlan()), "minmax")
}
