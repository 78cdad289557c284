package timeouts

import "github.com/perfvet/perfvet/analyzers/internal/lint"

// Documentation is the analyzer's structured documentation, its entry in
// the registry (analyzers/suite.go): perfvet help timeouts, the SARIF rules
// and the README's analyzer table are derived from it. doc.go is the full
// reference.
var Documentation = lint.Documentation{
	Title: "report network and database work with no time bound",
	Text: `Work with no timeout is work that can wait forever. A server that stops
answering holds the calling goroutine and its connection until the process
restarts; a slow client holds a server connection open for as long as it
likes (Slowloris); a query that outlives its request keeps a pooled
connection busy after nobody waits for the answer. Under load these leaks
exhaust goroutines, file descriptors and connection pools, and one stuck
peer takes the whole service down.`,
	Before: `var client = &http.Client{}

func listUsers(w http.ResponseWriter, r *http.Request) {
	rows, err := db.Query("SELECT id, name FROM users LIMIT 50")
	...
	resp, err := client.Get(avatarURL)`,
	After: `var client = &http.Client{Timeout: 5 * time.Second}

func listUsers(w http.ResponseWriter, r *http.Request) {
	rows, err := db.QueryContext(r.Context(), "SELECT id, name FROM users LIMIT 50")
	...
	req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, avatarURL, nil)
	resp, err := client.Do(req)`,
	Reports: "network and database work with no bound in time, and bounds longer than the plan allows: `http.Client` without `Timeout`, `http.Get`/`DefaultClient`, `http.Server` without read timeouts, `ListenAndServe`, gin `Run`, echo `Start`, `net.Dial`; a database ping with no deadline in an operation that cenkalti/backoff retries; database/Redis/HTTP calls in a request path with `context.Background()` or no context where a context is at hand and dropped (through helpers, across packages; a function that drops the context is reported once, at that function, with the request paths that reach it as related positions; the clients, servers or context-less calls of one function are one finding, at the first, with the others related (the clients of one type's methods, and a package's requests through `http.DefaultClient`, too; calls given a `*gin.Context` in several packages, once at the engine made without `ContextWithFallback`), or each its own with `-timeouts.persite`); a storage layer that takes no context anywhere is a design choice, reported only with `-timeouts.layers`, once per type or package; a request through a client already reported for having no timeout is not reported twice; clients bounded by a Transport's `ResponseHeaderTimeout`, by request deadlines or by streaming under the caller's context, requests made with the caller's context (they end with the caller's request), pop's queries (its connection carries the context), database/sql queries in packages whose only drivers are SQLite's, requests for a path with no host (served in the process), clients in a field whose every use sends such a request, requests of a main package to a URL from the command line, clients used in place that only probe a constant loopback URL, servers on Unix sockets, constant loopback addresses or listeners whose port the program reads back, servers whose handler serves only Prometheus, pprof or expvar (internal, `analyzers/internal/serverrole`), `examples/` and test-helper packages are not reported; constant timeouts above `request_timeout`/`query_timeout`, when your `perfplan.yaml` writes them; go-redis timeouts disabled",
	Options: []string{"limits.request_timeout", "limits.query_timeout"},
	Categories: []lint.Category{
		{Name: CategoryClient, Text: "HTTP clients and dials with no timeout"},
		{Name: CategoryServer, Text: "HTTP servers with no timeouts"},
		{Name: CategoryRequest, Text: "work in a request path that outlives the request"},
		{Name: CategoryPlan, Text: "bounds longer than the plan allows"},
		{Name: CategoryDisabled, Text: "library timeouts turned off"},
	},
	Limits: `Flow questions are answered within one function: a Timeout set on a
client in another function, or a client or server passed to a function that
may configure it, is assumed to be set. A context made in a caller and
passed down is assumed to be the request's. Calls through the program's own
interfaces are not followed. Work started with a go statement is
deliberately detached and not reported. Durations are checked when they are
constants.`,
}
