package budget

import (
	"testing"

	"github.com/perfvet/perfvet/analyzers/internal/sqltext"
)

// TestCompactKeepsOpenCalls: past maxOps operations, the cheapest known
// ones merge into "other operations", of a known kind; the open calls
// (which cost nothing until resolved, and so sort last) are kept apart,
// since merged they could no longer be resolved.
func TestCompactKeepsOpenCalls(t *testing.T) {
	ops := make([]Op, 0, maxOps+8+3)
	for i := range maxOps + 8 {
		ops = append(ops, Op{Kind: KindQuery, What: "q", Count: 1, Cost: int64(1000 + i), Line: i})
	}
	for i := range 3 {
		ops = append(ops, Op{Kind: kindOpen, What: "example.com/store.Store.Get", Count: 1, Line: 100 + i})
	}
	out := compact(ops)
	if got, want := len(out), maxOps+3; got != want {
		t.Fatalf("compact kept %d operations, want %d", got, want)
	}
	if rest := out[maxOps-1]; rest.What != "other operations" || rest.Kind != KindQuery {
		t.Errorf("operation %d is %s %q, want the query kind's other operations", maxOps-1, rest.Kind, rest.What)
	}
	if n := opens(out); n != 3 {
		t.Errorf("compact kept %d open calls, want 3", n)
	}
}

// TestComplexSQL: a statement that joins, aggregates, groups, nests a
// query or unites two costs complex_query; a keyed or paged read of one
// table costs query, whatever its case and spacing, and a keyword inside
// a string literal or an identifier does not count.
func TestComplexSQL(t *testing.T) {
	for _, tc := range []struct {
		sql  string
		want bool
	}{
		{"SELECT id FROM orders WHERE id = $1", false},
		{"SELECT id FROM orders ORDER BY id LIMIT 50", false},
		{"select id from orders where customer_id = ? limit 10", false},
		{"SELECT id FROM orders WHERE grouping_key = $1", false},
		{"SELECT id FROM notes WHERE body = 'come JOIN us (SELECT few)' LIMIT 5", false},
		{"SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id", true},
		{"SELECT o.id FROM orders o\n\tLEFT   join customers c ON c.id = o.customer_id", true},
		{"SELECT count(*) FROM orders", true},
		{"SELECT customer_id, sum(total) FROM orders GROUP BY customer_id", true},
		{"SELECT customer_id FROM orders GROUP BY customer_id HAVING count(*) > 3", true},
		{"SELECT id FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE vip)", true},
		{"SELECT id FROM orders WHERE EXISTS ( SELECT 1 FROM refunds WHERE refunds.order_id = orders.id)", true},
		{"SELECT id FROM orders UNION SELECT id FROM archived_orders", true},
		{"SELECT id FROM orders, customers WHERE customers.id = orders.customer_id", true},
	} {
		if got := complexSQL(sqltext.Parse(tc.sql)); got != tc.want {
			t.Errorf("complexSQL(%q) = %v, want %v", tc.sql, got, tc.want)
		}
	}
}
