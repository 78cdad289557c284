package pagesize

import "github.com/perfvet/perfvet/analyzers/internal/lint"

// Documentation is the analyzer's structured documentation, its entry in
// the registry (analyzers/suite.go): perfvet help pagesize, the SARIF rules
// and the README's analyzer table are derived from it. doc.go is the full
// reference.
var Documentation = lint.Documentation{
	Title: "report unclamped page sizes and whole-table reads",
	Text: `A page size taken from the request and passed to a query unclamped lets
one request ask for a million rows: the database reads them, the service
holds them in memory and serializes them, and the response takes the
connection, the memory and the latency budget of many ordinary requests. A
list endpoint whose query has no LIMIT at all does the same on every
request, and gets slower as the table grows.`,
	Before: `limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
rows, err := db.QueryContext(ctx, "SELECT id, name FROM users ORDER BY id LIMIT $1", limit)`,
	After: `limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
if err != nil || limit <= 0 || limit > maxPageSize {
	limit = maxPageSize
}
rows, err := db.QueryContext(ctx, "SELECT id, name FROM users ORDER BY id LIMIT $1", limit)`,
	Reports: "request input (`URL.Query().Get`, `FormValue`, `PathValue`, chi `URLParam`, gorilla `mux.Vars`, gin `Query`/`DefaultQuery`/`Param` and bound structs, echo `QueryParam`/`Param`/`Bind`, JSON request bodies, gRPC request fields) that reaches a page size with no upper bound on some path: the argument of a SQL `LIMIT $n`/`?`/`:name`, a LIMIT written into the SQL text (`fmt.Sprintf(\"... LIMIT %d\", n)`, `\"LIMIT \" + strconv.Itoa(n)`, builder writes, squirrel/goqu), GORM/bun/xorm/squirrel/goqu `Limit`, `make([]T, n)`, through `strconv`, the program's own request helpers and query builders, struct fields and helpers across packages (reported at the handler's call; a lower-bound-only check is no clamp); request input whose value 0 or less turns a LIMIT off (a builder that stores the page size only under `limit > 0` and writes the LIMIT only when its field is positive, as miniflux did before fbbff63); constant clamps above `max_page_size` when the plan file writes it; gRPC methods whose request message has a page size (`page_size`, `max_results`) that no function of the package reads while they hand a read an options struct that has a page field but sets no field on some path, and HTTP handlers that parse the request's page with a helper into a struct and hand it to no call while they read a list that is handed neither the page nor the request (category `ignored`); with `-pagesize.wholetable` (off by default: on 17 real services 0 of 4 such reads were worth fixing, admin-only lists and small configuration tables), multi-row queries with no `LIMIT`, aggregate or key in `WHERE` (a WHERE clause pins the rows when it compares a column with a value the caller binds, also inside parentheses, in an OR of such comparisons, with LIKE, ranges or a subquery), GORM `Find`/`Scan`, bun `Scan` or xorm `Find` into a slice with no `Limit` in the chain and beego's `Limit(-1)`, run in a request path directly or through helpers (a shared helper's read reported once, at the read, with the request paths as related positions); through the program's own interfaces (a repository's `store.Driver`) resolved against every implementation in the program (perfvet, golangci-lint, `perfvet lsp`; not under `go vet`), reported at the caller's call with the chain; categories `unclamped`, `plan`, `whole-table` (`-pagesize.parentkeys` also reports `WHERE order_id = $1` child reads)",
	Options: []string{"limits.max_page_size"},
	Categories: []lint.Category{
		{Name: CategoryUnclamped, Text: "a page size from the request with no upper bound"},
		{Name: CategoryPlan, Text: "a clamp above the plan's max_page_size"},
		{Name: CategoryWholeTable, Text: "a request path that reads every row of a table"},
		{Name: CategoryIgnored, Text: "a gRPC method that ignores its request's page size and reads every row on a path"},
	},
	Limits: `Not covered: ent's generated query builders, GORM's generics API, sqlx
named queries bound from a struct or map, LIMITs written into SQL text in
other ways than the known ones, whole-table reads whose SQL text is not a
constant, and calls through function values. Calls through the
program's own interfaces are resolved against the implementations in the
whole program (perfvet, golangci-lint, perfvet lsp); under go vet, which
sees one package at a time, only against those the caller's package
imports: run perfvet on the module for the whole-program answer. Whether
a column is a key is guessed from its name, and a request's page size
from its field's name (the ignored rule covers gRPC unary methods, and HTTP handlers whose page a helper parses into a struct).`,
}
