package budget

import "testing"

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
