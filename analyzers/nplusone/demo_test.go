package nplusone_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/perfvet/perfvet/analyzers/internal/realibstest"
	"github.com/perfvet/perfvet/analyzers/nplusone"
)

// TestDemo runs the analyzer on the demo service and expects the N+1 its
// README lists, across packages, with the query and the loop as related
// positions, and nothing else: the batched twin (GetOrdersWithItems) is
// left alone. Facts are gob-encoded on the way (realibstest.Demo).
func TestDemo(t *testing.T) {
	findings := realibstest.Demo(t, nplusone.New(defaultConfig()))
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
		"internal/api/orders.go:43:17: (*store.Store).ItemsForOrder runs a query ((*sql.DB).QueryContext in store/orders.go:73) once per element of orders; load them in one query before the loop (WHERE id = ANY($1), or IN (...))" +
			"\n\tinternal/store/orders.go:73:1: the query runs here" +
			"\n\tinternal/api/orders.go:40:2: once per element of orders",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings on the demo:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
