package limits_test

import (
	"testing"

	"github.com/perfvet/perfvet/analyzers/internal/analyzertest"
	"github.com/perfvet/perfvet/analyzers/limits"
)

// TestDemo runs the analyzer on the demo service and expects the one body
// read its README lists (found from cmd/shop, which serves it, at the read
// in internal/api), and nothing else: updateProductPrice's body is
// wrapped in http.MaxBytesReader, and the pool is bounded in cmd/shop.
func TestDemo(t *testing.T) {
	analyzertest.RequireDemo(t, limits.New(defaultConfig()), false,
		"internal/api/notes.go:23:12: json.NewDecoder reads the request body whole with no limit, so one request of any size is held in memory; wrap it first, r.Body = http.MaxBytesReader(w, r.Body, 10485760) (the plan's max_body_size is 10MB)",
	)
}
