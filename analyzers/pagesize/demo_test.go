package pagesize_test

import (
	"testing"

	"github.com/perfvet/perfvet/analyzers/internal/analyzertest"
	"github.com/perfvet/perfvet/analyzers/pagesize"
)

// TestDemo runs the analyzer on the demo service and expects the two page
// size problems its README lists, across packages, with the query as
// related position, and nothing else: the clamped product list, the
// constant page of orders and the child collection of an order are left
// alone. Facts are gob-encoded on the way (analyzertest.Demo). The
// whole-table one needs -pagesize.wholetable, which defaultConfig sets.
func TestDemo(t *testing.T) {
	analyzertest.RequireDemo(t, pagesize.New(defaultConfig()), true,
		"internal/api/users.go:17:16: page size from query parameter \"limit\" reaches LIMIT through (*store.Store).ListUsers (store/store.go:51) without an upper bound, so one request can ask for every row; clamp it to the plan's max_page_size (100)"+
			"\n\tinternal/store/store.go:51:1: the page size reaches LIMIT here",
		// One cause, one finding: the read, with the request path that
		// reaches it.
		"internal/store/products.go:86:1: (*sql.DB).QueryContext reads every row of categories (no LIMIT) at store/products.go:86, and request paths reach it; every request loads the whole result into memory, and it grows with the table; page it with LIMIT (at most the plan's max_page_size (100))"+
			"\n\tinternal/api/products.go:66:35: a request path reaches it here, through (*catalog.Service).Categories → (*cache.Catalog).Categories → (*store.Store).ListCategories",
	)
}
