package planexport

import (
	"strings"
	"testing"

	"github.com/perfvet/perfvet/analyzers/plan"
)

// TestMarkdownCosts checks that the document lists the cost of every
// operation the budget analyzer prices, with the plan's value.
func TestMarkdownCosts(t *testing.T) {
	p, err := plan.Parse("costs.yaml", []byte("version: 1\ncosts: {query: 7ms, complex_query: 70ms, transaction: 170ms, cache_hit: 2ms, cache_miss: 40ms, external_call: 250ms}\n"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := Markdown(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"| query | 7ms |",
		"| complex query (joins, aggregates, subqueries) | 70ms |",
		"| transaction | 170ms |",
		"| cache hit | 2ms |",
		"| cache miss | 40ms |",
		"| external call (one outbound HTTP or gRPC call) | 250ms |",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("markdown lacks %q:\n%s", want, out)
		}
	}
}
