package pagesize_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/perfvet/perfvet/analyzers/internal/realibstest"
	"github.com/perfvet/perfvet/analyzers/pagesize"
)

// TestDemo runs the analyzer on the demo service and expects the two page
// size problems its README lists, across packages, with the query as
// related position, and nothing else: the clamped product list, the
// constant page of orders and the child collection of an order are left
// alone. Facts are gob-encoded on the way (realibstest.Demo). The
// whole-table one needs -pagesize.wholetable, which defaultConfig sets.
func TestDemo(t *testing.T) {
	findings := realibstest.Demo(t, pagesize.New(defaultConfig()))
	got := make([]string, 0, len(findings))
	for _, d := range findings {
		line := d.Position(d.Pos).String() + ": " + d.Message
		for _, r := range d.Related {
			line += "\n\t" + d.Position(r.Pos).String() + ": " + r.Message
		}
		got = append(got, line)
	}
	slices.Sort(got)
	want := []string{
		"internal/api/users.go:17:16: page size from query parameter \"limit\" reaches LIMIT through (*store.Store).ListUsers (store/store.go:51) without an upper bound, so one request can ask for every row; clamp it to the plan's max_page_size (100)" +
			"\n\tinternal/store/store.go:51:1: the page size reaches LIMIT here",
		// One cause, one finding: the read, with the request path that
		// reaches it.
		"internal/store/products.go:86:1: (*sql.DB).QueryContext reads every row of categories (no LIMIT) at store/products.go:86, and request paths reach it; every request loads the whole result into memory, and it grows with the table; page it with LIMIT (at most the plan's max_page_size (100))" +
			"\n\tinternal/api/products.go:66:35: a request path reaches it here, through (*catalog.Service).Categories → (*cache.Catalog).Categories → (*store.Store).ListCategories",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings on the demo:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
