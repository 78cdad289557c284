package nplusone_test

import (
	"testing"

	"github.com/perfvet/perfvet/analyzers/internal/analyzertest"
	"github.com/perfvet/perfvet/analyzers/nplusone"
)

// TestDemo runs the analyzer on the demo service and expects the N+1 its
// README lists, across packages, with the query and the loop as related
// positions, and nothing else: the batched twin (GetOrdersWithItems) is
// left alone. Facts are gob-encoded on the way (analyzertest.Demo).
func TestDemo(t *testing.T) {
	analyzertest.RequireDemo(t, nplusone.New(defaultConfig()), true,
		"internal/api/orders.go:43:17: (*store.Store).ItemsForOrder runs a query ((*sql.DB).QueryContext in store/orders.go:73) once per element of orders; load them in one query before the loop (WHERE id = ANY($1), or IN (...))"+
			"\n\tinternal/store/orders.go:73:1: the query runs here"+
			"\n\tinternal/api/orders.go:40:2: once per element of orders",
	)
}
