package nplusone

import "github.com/perfvet/perfvet/analyzers/internal/lint"

// Documentation is the analyzer's structured documentation, its entry in
// the registry (analyzers/suite.go): perfvet help nplusone, the SARIF rules
// and the README's analyzer table are derived from it. doc.go is the full
// reference.
var Documentation = lint.Documentation{
	Title: "report queries and round trips run once per element",
	Text: `A query inside a loop over data costs one network round trip per element:
a page of 50 orders whose items are loaded one order at a time makes 51
queries instead of 2, and its latency grows with the data until it breaks
the plan's latency budget. Each query also holds a pooled connection, so
under load the loop starves every other request of connections. The same
holds for Redis and memcache commands, and for writes.`,
	Before: `orders, err := store.OrdersByUser(ctx, userID, 50)
for i := range orders {
	items, err := store.ItemsForOrder(ctx, orders[i].ID)
	...`,
	After: `orders, err := store.OrdersByUser(ctx, userID, 50)
items, err := store.ItemsForOrders(ctx, ids) // WHERE order_id = ANY($1)`,
	Reports: "database queries and Redis/memcache round trips executed once per element of a list — a page of rows (`rows.Next()` loops, ORM reads into a slice, functions that run a query and return a slice, and what is derived from them, when the read has a Limit or LIMIT or takes a page: a page, page-size, limit or offset parameter or options field; and a page a helper of the program cuts out of a list held in memory), or a list handed to an exported function when some caller in the program hands it a page (through services and the program's own interfaces; under `go vet`, whatever its callers hand it) (`-nplusone.unpaged` reports loops over every row of a read with no page too: the children of one parent, a whole table: 11 of 29 judged worth fixing on real services, against 12 of 15 over a page in the same sample; `-nplusone.anycollection` reports every collection: children of one entity, configuration, lists built in memory, lists a request carries: 3 of 15 judged worth fixing on real services) — directly or through helpers, closures, goroutines, interfaces and other packages: database/sql, sqlx, pgx v5/v4, GORM, bun, ent and sqlc generated code, xorm, gorp, beego ORM, go-redis v9/v8, gomemcache, Amazon DynamoDB (aws-sdk-go-v2), and the plan's `queries:`; calls through the program's own interfaces resolved against every implementation in the program (perfvet, golangci-lint, `perfvet lsp`; not under `go vet`); one finding per loop, and one per helper called from many loops (`-nplusone.each` lists every site); loops that are not request work (timer ticks, job queues, cron jobs and the program's own wrappers of cron schedulers, handlers of the program's own job queues, start-up goroutines, retries and polls, migrations, commands and the helpers only a command calls, configuration; in a whole program, functions no package uses and methods of the program's own interfaces that no package invokes, the core's side of a plugin API) and loops over batches or over the groups of a map of slices not reported (`-nplusone.background` reports them); a lookup behind an in-memory memo or a cache-aside read (also two calls deep, or in a local function literal) only when its key is distinct per element, a cache-aside read of one fixed key and the loader a cache library calls on a miss (go-structr, lcw) not at all (`-nplusone.memo`); a lazy loader called again on the elements of a list whose producer already loaded them not reported; HTTP API clients (SDK methods whose result embeds `*http.Response`: go-github, GitLab's client-go, Gitea, Forgejo) only with `-nplusone.api` (0 of 3 judged worth a change on real services), gRPC and other clients when the plan declares them under `queries:`; category `read`; writes, deletes and transactions per element only with `-nplusone.writes` (category `write`: 2 of 28 judged worth fixing on real services), and so are the reads of a loop that writes to the database once per element",
	Options: []string{"queries"},
	Categories: []lint.Category{
		{Name: CategoryRead, Text: "a query or cache read once per element"},
		{Name: CategoryWrite, Text: "a write, delete or transaction once per element (-nplusone.writes)"},
	},
	Limits: `Reach is followed through static calls, method values, closures,
goroutines and interfaces to the implementations the program can see;
interfaces of the standard library are not resolved, nor (under go vet,
which sees one package at a time) implementations in packages the caller
does not import. Loops are judged request work or not from their shape and
what they range over.`,
}
