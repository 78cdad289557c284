// Package pagesize defines an Analyzer that reports list reads whose size
// a caller controls without a clamp, clamps above the plan's maximum page
// size, and (with -pagesize.wholetable) request paths that read a whole
// table.
//
// # Analyzer pagesize
//
// pagesize: report unclamped page sizes and whole-table reads
//
// A page size taken from the request and passed to a query unclamped lets
// one request ask for a million rows: the database reads them, the
// service holds them in memory and serializes them, and the response
// takes the connection, the memory and the latency budget of many
// ordinary requests. A list endpoint whose query has no LIMIT at all does
// the same on every request, and gets slower as the table grows, until it
// is the outage. The plan's limits.max_page_size (default 100) is the
// largest page a request may read.
//
// The analyzer reports, matching APIs by type and following values
// through SSA:
//
//   - request input that reaches a page-size sink with no upper bound on
//     some path. Request input is what the calls, fields and binders
//     analyzers/internal/knowledge lists (http.go) return: the query
//     parameters, form values and path parameters of net/http
//     (r.URL.Query().Get, r.FormValue, r.PathValue...), chi, gorilla/mux,
//     gin and echo, the fields of a struct filled by gin's or echo's
//     binders, or json decoding of the request body
//     (json.NewDecoder(r.Body).Decode(&req), also through
//     http.MaxBytesReader; json.Unmarshal of io.ReadAll(r.Body)), and the
//     fields of a gRPC request message (req.PageSize, req.GetPageSize()) in
//     a gRPC method. The value is followed through strconv.Atoi,
//     ParseInt and ParseUint, conversions, arithmetic, variables, fields of
//     local structs, and helpers, across packages (facts: "parameter k, or
//     its field F, reaches a LIMIT"; "the result is the query parameter
//     limit", or the query parameter its parameter k names, as a
//     program's own QueryIntParam(r, "limit", 100) returns it; "the
//     result is parameter k unclamped"; "it sets field F of parameter j to
//     parameter k", as a query builder's WithLimit(n) does, and "it
//     returns parameter j", as a builder's methods return their
//     receiver, so that b.WithLimit(n).Build() and b.WithLimit(n);
//     b.Build() carry n to the LIMIT that Build writes from its field). A
//     helper's default value is not a bound. A helper of several results
//     (limit, offset, err) says which results carry request input, and
//     its returns with an error that is not nil (errors.New, fmt.Errorf,
//     or reached where it tested not nil) are not followed: the caller
//     that returns on the error never reads their page (sftpgo's
//     getSearchFilters clamps the limit on its success path only). A sink is the
//     argument bound to the LIMIT placeholder of a constant SQL text
//     ($n, ?, and :name or @name bound with sql.Named) of a database/sql,
//     sqlx, pgx, bun or gorp query (also through an interface of the
//     program that such a type implements, as sqlc's DBTX); the argument
//     of GORM's, bun's, xorm's,
//     squirrel's, goqu's, ent's sql.Selector's and beego's Limit; a value
//     written into the SQL text as the row count of a LIMIT (or FETCH
//     FIRST n ROWS): the operand printed right after LIMIT by
//     fmt.Sprintf, fmt.Fprintf or fmt.Appendf with a constant format
//     (the count of MySQL's LIMIT offset, count) with %d, %v or %s, and
//     followed by what SQL may write after a count (nothing, OFFSET, ROWS
//     ONLY, a comma, a parenthesis, a semicolon, another verb): a %q or
//     prose after it is a message that names the parameter ("limit %q is
//     invalid format": dendrite's backfill, judged false when reported),
//     the operand
//     concatenated after a text that ends with LIMIT ("... LIMIT " +
//     strconv.Itoa(n)), a strings.Builder's or bytes.Buffer's
//     WriteString right after the write of "... LIMIT ", the placeholder
//     of a LIMIT in squirrel's Suffix or Expr and goqu's L; and the
//     length or capacity of make([]T, n). The finding sits at the query,
//     the Limit, the formatting or the make, or, when the sink is in a
//     helper, at the call of the helper that passes the request's value;
//   - request input whose value 0 or less turns a LIMIT off (category
//     unclamped, whatever its upper bound): a builder's method stores the
//     page size only under if limit > 0 with no else (if limit > 0 {
//     e.limit = min(limit, max) }), so a non-positive value leaves the
//     field at zero, and the LIMIT is written only under if e.limit > 0
//     with no else, so a zero field writes no LIMIT at all (miniflux
//     before fbbff63: /v1/entries?limit=0 read every entry). Both halves
//     are found by flow, not names, and carried across packages by facts
//     ("the field is written only if parameter k > 0"; "the field reaches
//     a LIMIT unless it is 0 or less"; "parameter k 0 or less turns the
//     LIMIT off", for a helper that passes its page size to such a
//     builder; "the result may be 0 or less from request input", for a
//     helper that parses it). The value is followed with lower bounds as
//     barriers: a branch taken only when it is positive (if n <= 0 { n =
//     100 }, if n < 1 { return }) or max(n, 1); an upper bound (min(n,
//     1000), a helper that caps it) is no barrier there, since 0 passes
//     it. The finding sits where the unclamped one would, at the call
//     that runs the query; a value that is also unbounded from above
//     gets the unclamped finding only (one cause, one finding: the fix
//     that clamps it should map 0 or less to the default too);
//   - a constant upper bound above the plan's max_page_size on the way
//     to a LIMIT or a Limit (if n > 1000 { n = 1000 }, min(n, 1000)),
//     wherever the value comes from, at the comparison or the min (a
//     bound on the way to make sizes a buffer, not a page, and is not
//     checked);
//   - with -pagesize.wholetable (off by default, see Options), in a
//     request path (an HTTP handler of net/http, chi, gorilla/mux,
//     gin or echo, a gRPC method, and function literals inside them), a
//     read of every row of a table: a multi-row query (Query, QueryContext,
//     sqlx's Select, pgx's Query..., not QueryRow nor sqlx's Get) whose
//     constant SQL text has no LIMIT, no aggregate in its select list and
//     no WHERE clause that pins the rows to a key or to a value the caller binds (see Limits); or a GORM Find or Scan into a
//     slice, a bun NewSelect...Scan into a slice, or an xorm Find or
//     FindAndCount into a slice (on the engine or a session), whose chain
//     has no Limit and no key condition; or a beego ORM
//     QueryTable(...)...All whose chain calls Limit(-1), which disables
//     the limit (without it beego reads at most 1000 rows, and the read is
//     not reported); beego's Filter("status", "active") on a constant is a
//     filter, Filter("id", v) or Filter("email", v) a key. Directly in
//     the handler, the finding sits at the query. One cause, one
//     finding: a read in a helper that request paths reach (through any
//     chain of helpers, across packages) is fixed in the helper, so it is
//     reported once, at the read, with the request paths' calls as
//     related positions (at most ten, "and N more"). Two exceptions keep
//     the finding at the request path's call: an unexported helper of
//     the handler's own package that one request path calls (no other
//     can), and a read in generated code (sqlc's queries, fixed where
//     they are generated from), reported at each call. A read in another
//     package is reported from each package whose request paths reach
//     it, at the same position with the same message, so that the
//     command merges them into one; a package that imports one that
//     already reported the read (it records so in a package fact) does
//     not report it again. Under go vet, which runs package by package
//     and does not merge, packages that do not import each other each
//     report the read once.
//   - a page size the request carries and its method ignores (category
//     ignored, on by default): a gRPC method whose request message has a
//     page-size field (by name: page_size, limit, per_page, max_results;
//     AIP-158) that no function of the package reads, nor its getter,
//     and that hands a read returning a slice an options struct of the
//     program's that has a page field of its own (FindUser's Limit) but
//     sets no field at all on some path to the read. That path reads
//     every row the store selects, on every request: memos' ListUsers
//     before 4bc3928 ("TODO: Implement proper ordering, and pagination").
//     The finding sits at the read's call. An options struct that sets a
//     field on every path (a parent's key, a filter) is taken as bounded
//     by it; a request handed whole to another package's function (which
//     may read the page size), or kept, is not judged. And an HTTP handler
//     (net/http, gin, echo) that parses the request's page with a helper
//     that is handed the request and returns a pointer to a struct with a
//     page-size field (wakapi's utils.ParsePageParamsWithDefault(r, 1,
//     100)), hands that page, and what it derives from it (a field, the
//     result of the page's own method: page.Limit(), a conversion), to no
//     call and no function literal captures it (it is stored in the view
//     model, logged or compared), and calls a function of the module that
//     returns a slice and is handed neither the page, nor the request, nor
//     a page struct of its own: that read returns every row, and the page
//     is only shown (wakapi's projects page before ec2c6b1, "pagination is
//     not fully implemented, yet"). The finding sits at the first such
//     read;
//
// A barrier is a comparison that bounds the value from above on every
// path to the sink: a branch taken only when n <= k (if n > 100 { n = 100
// }, if n <= 0 || n > max { return ... }, switch { case n > max: ... }),
// min(n, k), x % k, or a helper whose result carries no unbounded
// parameter (a clamp function). The bound need not be a constant
// (n > cfg.MaxPageSize counts); a constant bound is checked against the
// plan. A lower bound alone (if n < 0 { n = 10 }, if n <= 0 { return
// }) is not a barrier.
//
// Example. The limit goes to the query as the client sent it:
//
//	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
//	rows, err := db.QueryContext(ctx, `SELECT ... FROM users ORDER BY id LIMIT $1`, limit)
//
// Fixed:
//
//	limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
//	if err != nil || limit <= 0 || limit > maxPageSize {
//		limit = maxPageSize
//	}
//	rows, err := db.QueryContext(ctx, `SELECT ... FROM users ORDER BY id LIMIT $1`, limit)
//
// Reading a child collection by its parent's key (WHERE order_id = $1,
// WHERE order_id = ANY($1), GORM's Where("order_id = ?", id)) with no
// LIMIT is allowed by default: its size is the parent's, usually small
// and bounded by the domain (the lines of one order). A read keyed by a
// unique column (id, uuid) is never reported, nor one with an aggregate
// select list (count(*), sum(x), with or without GROUP BY).
//
// # Options
//
// -pagesize.parentkeys (default false) also reports, in request paths,
// reads of a child collection by a parent key with no LIMIT.
//
// -pagesize.wholetable (default false) also reports request paths that
// read every row of a table (category whole-table). It is off by default
// because of what it found on real code: judged on 17 real services
// (bench/realworld/judged/pagesize.tsv), after the WHERE clause reading
// was fixed (parenthesised ORs, LIKE and subqueries had been taken for no
// filter: 3 of ntfy's 6 findings), 0 of the 4 whole-table reads left were
// worth fixing to the teams that own them: admin-only lists of a
// self-hosted server (ntfy's and miniflux's users, ntfy's grants) and a
// table of a few configured plans (ntfy's tiers). memos, though,
// paginated its admin-only user list (fix 4bc3928 of
// bench/realworld/fixes.tsv), and no structural signal (an admin guard is
// a name, not a type) separates the two: turn the rule on where a
// table's rows grow with the users' data.
//
// -pagesize.tests (default false) also reports findings in test code.
//
// The plan's limits.max_page_size is the bound clamps are checked
// against, and the size the messages recommend; 0 turns the clamp check
// off. A clamp above it (category plan) is reported only when the plan
// file writes max_page_size: against the embedded default's 100, a
// larger constant bound is the team's deliberate choice (nakama's runtime
// API documents 1000: 6 findings, judged false), as timeouts treats
// bounds longer than the default's request_timeout.
//
// # Suggested fixes
//
// An unclamped page size read into a local variable gets its clamp right
// after the statement that reads it (perfvet -fix):
//
//	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
//	if limit > 100 {
//		limit = 100
//	}
//
// with the plan's max_page_size, once for a variable that several queries
// use. The fix is offered only when that clamp bounds what reaches the
// query: the value at the sink is the variable's one definition (the
// result of the call that reads it, possibly converted), the definition
// is a statement of a block, the function assigns the variable nowhere
// else and never takes its address, and its integer type can hold the
// bound. A page size that merges several assignments (a default, then
// the request's value if it parses) is clamped right before the statement
// that holds the query or helper call instead, when exactly one argument
// of that call is a local integer variable and it means the same variable
// there. One defined in an if's or switch's init, one computed in the
// call's argument (no variable to assign), a call with two candidate
// variables (LIMIT ? OFFSET ? after a merge) and a plan with
// max_page_size 0 get no fix. Negative values are the handler's to reject; the fix bounds
// only from above.
//
// # Findings
//
// Each finding has a category: unclamped (request input reaches a page
// size with no upper bound), plan (a clamp above max_page_size) or
// whole-table (a request path reads every row of a table; only with
// -pagesize.wholetable).
//
// # Limits
//
// Not covered: ent's generated query builders (their Limit and All are
// methods of generated types, not of the library; only the runtime's
// sql.Selector.Limit is matched) and GORM's generics API; sqlx's named
// queries bound from a struct or map (:limit from a struct field), and
// pgx.NamedArgs; a LIMIT written into SQL text in another way than
// the ones above (a text joined from a slice, a write to a builder in
// another block than the write of "LIMIT "), and a whole-table read
// whose SQL text is not a constant; a page size set in a builder by a
// constructor; calls through function values;
// under go vet, calls through the program's own interfaces whose
// implementation lives in a package the caller does not import (see
// "Whole program" below); a query method of an interface that a
// database type the package imports implements, such as sqlc's DBTX over
// *sql.DB, is taken for that type's method; facts of the libraries themselves and of the
// standard library. Whether a column is a key is guessed from its name: id,
// uuid and guid are unique, *_id and *Id are parent keys. Any other column
// compared with a placeholder (WHERE email = $1, WHERE status = $1) is
// taken for a lookup and not reported, since it may be unique; so is any
// other comparison of a column with a value the caller binds: a range
// (created_at >= $1), a pattern (name LIKE ?, ? LIKE topic), a function of
// the column (lower(email) = lower($1)), a column compared with or IN a
// subquery that binds one (owner_id = (SELECT id FROM users WHERE name =
// ?)). Compared with constants only (WHERE status = 'pending', deleted_at
// IS NULL) it is a filter, and the read is reported. Parentheses are
// looked through; an OR pins the rows only if each of its sides does (WHERE
// (a = ? OR b = ?) pins, WHERE a = ? OR public = 1 does not), and as
// loosely as its loosest side. A LIMIT inside a subquery does not bound
// the outer query. An ORM chain that goes through a scope, a helper
// that returns the builder, a non-text condition, Group, Select, Table,
// Or or Not is not reported. A bound that itself comes from the request
// counts as a bound. A field of a struct bound from the request is
// bounded by a comparison or a store on the field itself (if req.Limit >
// 100 { req.Limit = 100 }), also after a store of the request's value
// into a local struct's field (req.Limit, err = strconv.Atoi(s), then that
// clamp, as dendrite's federation backfill writes it), by a
// validation tag with max=, lte= or lt=
// (binding:"max=100", validate:"lte=100"; the tag's number is not checked
// against the plan), or by any call that gets the struct before the use
// (req.Normalize(), validate.Struct(&req)), which is assumed to bound it;
// the same holds for a local struct handed to a call that the analyzer
// cannot see into (a library, an interface method), while a call of the
// program is followed by its fact (it sets the field, bounded or not, or
// leaves it alone). A bound stored in a builder's field is not checked
// against the plan. On a package that does
// not type-check the analyzer is silent. Facts settle in at most eight
// rounds inside a package; chains longer than four calls are shortened in
// messages. A trace from a sink back to its sources stops after 64
// nested steps or 4,096 steps in all (with the traces it starts for the
// arguments of min and for stored values); what lies beyond is taken as
// bounded. A value that feeds itself through a loop (mn = min(mn, v))
// carries the sources of its other inputs. The off-switch rule assumes the
// field a skipped write leaves is zero (a builder made by a constructor
// that sets a default page size is not looked into, and would be
// reported); a page size that a helper returns with another result
// (limit, offset := parse(r)) is not followed for it; a LIMIT left out
// under a guard that has an else branch is not an off switch. The
// ignored-page-size rule knows a page-size field by its name, covers gRPC
// unary methods (not connect-go's Request[T]) and, for HTTP handlers, only
// a page parsed by a helper into a struct (not page values read one by one
// from the query, not bound structs), and takes any read of the field in
// the package as paging by it; it judges only an options struct allocated
// in the method and handed to that one call (one handed to other calls,
// or whose fields are handed on, may be set there), and only calls written
// in the method itself. In a handler, any call the page reaches counts as
// paging, and a read that is not handed the request is taken to read what
// the page would have bounded: a second, unrelated list the handler reads
// in full would be reported too.
//
// Suppress a finding with //perfvet:ignore pagesize <reason> on its line or
// the line above.
//
// # Whole program
//
// A page size passed through one of the program's own interfaces
// (repo.Users.List) is followed into the first implementation, by name,
// that the package or the packages of its module it imports declare (such
// as *pg.Users), and reported at the call as through the concrete type.
// When the package sees no implementation (store.Driver, whose drivers
// only main imports), the call is resolved in the whole program: the
// caller's package hands on, in a package fact, each request page size
// it passes unclamped to such an interface method and, with
// -pagesize.wholetable, each call in a request path that reaches one
// (directly or through helpers of other packages, whose facts carry the
// open method); the first package that imports both the caller and an
// implementation (typically main) resolves it against the
// implementations' facts and reports at the caller's call, with the
// chain: "page size from query parameter "limit" reaches LIMIT through
// (store.Driver).ListUsers, implemented by (*pg.DB).ListUsers
// (pg/pg.go:14) without an upper bound", or "(*store.Store).All reads
// every row of users (no LIMIT) in a request path, through
// (store.Driver).AllUsers, implemented by (*pg.DB).AllUsers →
// (*sql.DB).QueryContext at pg/pg.go:25". A read reached from several
// request paths is one finding, with the other calls as related
// positions. The packages that import the one that reported such a
// finding report it again, as it is (the driver merges the copies), so
// that a run on main alone shows a finding a dependency of main resolved
// first. This holds in every driver that analyses the packages in
// one process: the perfvet command, perfvet lsp, golangci-lint
// (perfvet-gcl and the module plugin) and analysistest. Only the
// implementations' direct page-size parameters count (not fields of a
// struct argument, nor a size that turns a LIMIT off), and only page
// sizes traced at the interface call itself (not through a helper of the
// caller that passes its parameter on). Under go vet -vettool, each
// package is analysed in its own process and knows only its own files:
// such a finding is not reported there; run the perfvet command (or
// golangci-lint) on the module for the whole-program answer.
package pagesize
