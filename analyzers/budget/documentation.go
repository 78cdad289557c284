package budget

import "github.com/perfvet/perfvet/analyzers/internal/lint"

// Documentation is the analyzer's structured documentation, its entry in
// the registry (analyzers/suite.go): perfvet help budget, the SARIF rules
// and the README's analyzer table are derived from it. doc.go is the full
// reference.
var Documentation = lint.Documentation{
	Title: "report endpoints whose estimated latency exceeds the plan",
	Text: `The plan's heart is a latency budget: a p95 objective for the service or
for one route, the budget of a request by layer, and the cost of one
operation. Every query, transaction, cache read and outbound call a handler
makes spends part of that budget; a fourth query added to a hot endpoint,
or a query moved into a loop over a page of rows, can spend all of it, and
nothing shows it before production latency does.`,
	Before: `mux.HandleFunc("GET /orders", func(w http.ResponseWriter, r *http.Request) {
	orders, _ := store.Orders(r.Context())      // a query: 10ms
	for _, o := range orders {                  // LIMIT 100
		o.Items, _ = store.Items(r.Context(), o.ID) // 100 queries: 1s
	}
})`,
	After: `mux.HandleFunc("GET /orders", func(w http.ResponseWriter, r *http.Request) {
	orders, _ := store.Orders(r.Context())          // a query: 10ms
	items, _ := store.ItemsOf(r.Context(), orderIDs(orders)) // one more: 10ms
})`,
	Reports: "endpoints whose latency, estimated from their code with the plan's `costs:` (queries, complex queries, transactions, cache reads with their miss path, outbound HTTP/gRPC calls; loops by a constant, by the query's `LIMIT` or `max_page_size` over data read from storage, else by the expected fan-out (`-budget.fanout`, default 10); interface calls at the median implementation; a credential refreshed on expiry once per request; goroutines nothing waits for off the request path; estimates above 10× the objective reported as unbounded, not as a figure; catch-all routes (`/` with no method) get no finding; concurrent branches counted once, the costliest branch of an `if`), exceeds the p95 objective of its `endpoints:` entry or `slo.latency.p95`, or whose database or external part exceeds `budget.database`/`budget.external`: reported at the route's registration with the three costliest operations and their share, and only against objectives your `perfplan.yaml` writes (the estimate is a worst case); routes of net/http, chi, gin, echo, gorilla/mux and gRPC methods, shared with `metrics`; `perfvet budget` prints every endpoint's estimate; categories `endpoint`, `database`, `external`",
	Options: []string{"slo.latency.p95", "endpoints", "budget.database", "budget.external", "costs", "limits.max_page_size"},
	Categories: []lint.Category{
		{Name: CategoryEndpoint, Text: "the estimate exceeds the endpoint's p95 objective"},
		{Name: CategoryDatabase, Text: "its database part exceeds budget.database"},
		{Name: CategoryExternal, Text: "its external part exceeds budget.external"},
	},
	Limits: `The estimate is static: it knows nothing of data sizes beyond LIMIT and
max_page_size, of caches' real hit rates, or of time spent in the service's
own code. A handler stored in a variable or built by a function of another
package is not followed. Constant group prefixes (gin, echo, chi's Route,
gorilla/mux subrouters) name the route; chi's Mount, a group handed to
another function and a prefix that is not a constant do not. Only
objectives the team's perfplan.yaml writes are checked.`,
}
