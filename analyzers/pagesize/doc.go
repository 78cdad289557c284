// Package pagesize defines an Analyzer that reports list reads whose size
// a caller controls without a clamp, clamps above the plan's maximum page
// size, and request paths that read a whole table.
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
//     some path. Request input is r.URL.Query().Get (and r.Form,
//     r.PostForm), r.FormValue, r.PostFormValue, r.PathValue,
//     chi.URLParam, gorilla's mux.Vars(r)[name], gin's c.Query,
//     c.DefaultQuery, c.GetQuery, c.Param, c.PostForm, echo's
//     c.QueryParam, c.Param, c.FormValue and c.QueryParams().Get, the
//     fields of a struct filled by gin's Bind and ShouldBind variants,
//     echo's Bind, or json decoding of the request body
//     (json.NewDecoder(r.Body).Decode(&req), also through
//     http.MaxBytesReader; json.Unmarshal of io.ReadAll(r.Body)), and the
//     fields of a gRPC request message (req.PageSize, req.GetPageSize()) in
//     a gRPC method. The value is followed through strconv.Atoi,
//     ParseInt and ParseUint, conversions, arithmetic, variables, fields of
//     local structs, and helpers, across packages (facts: "parameter k, or
//     its field F, reaches a LIMIT"; "the result is the query parameter
//     limit"; "the result is parameter k unclamped"). A sink is the
//     argument bound to the LIMIT placeholder of a constant SQL text
//     ($n, ?, and :name or @name bound with sql.Named) of a database/sql,
//     sqlx, pgx, bun or gorp query (also through an interface of the
//     program that such a type implements, as sqlc's DBTX); the argument
//     of GORM's, bun's, xorm's,
//     squirrel's, ent's sql.Selector's and beego's Limit; and the length or
//     capacity of make([]T, n). The finding sits at the query, the Limit
//     or the make, or, when the sink is in a helper, at the call of the
//     helper that passes the request's value;
//   - a constant upper bound above the plan's max_page_size on the way
//     to a LIMIT or a Limit (if n > 1000 { n = 1000 }, min(n, 1000)),
//     wherever the value comes from, at the comparison or the min (a
//     bound on the way to make sizes a buffer, not a page, and is not
//     checked);
//   - in a request path (an HTTP handler of net/http, chi, gorilla/mux,
//     gin or echo, a gRPC method, and function literals inside them), a
//     read of every row of a table: a multi-row query (Query, QueryContext,
//     sqlx's Select, pgx's Query..., not QueryRow nor sqlx's Get) whose
//     constant SQL text has no LIMIT, no aggregate in its select list and
//     no WHERE conjunct that pins a key; or a GORM Find or Scan into a
//     slice, or a bun NewSelect...Scan into a slice, whose chain has no
//     Limit and no key condition. Directly in the handler, the finding
//     sits at the query; in a helper the handler calls (through any chain
//     of helpers, across packages), at the handler's call.
//
// A barrier is a comparison that bounds the value from above on every
// path to the sink: a branch taken only when n <= k (if n > 100 { n = 100
// }, if n <= 0 || n > max { return ... }, switch { case n > max: ... }),
// min(n, k), x % k, or a helper whose result carries no unbounded
// parameter (a clamp function). The bound need not be a constant
// (n > cfg.MaxPageSize counts); a constant bound is checked against the
// plan.
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
// -pagesize.tests (default false) also reports findings in test code.
//
// The plan's limits.max_page_size is the bound clamps are checked
// against, and the size the messages recommend; 0 turns the clamp check
// off.
//
// # Findings
//
// Each finding has a category: unclamped (request input reaches a page
// size with no upper bound), plan (a clamp above max_page_size) or
// whole-table (a request path reads every row of a table).
//
// # Limits
//
// Not covered: ent's generated query builders (their Limit and All are
// methods of generated types, not of the library; only the runtime's
// sql.Selector.Limit is matched) and GORM's generics API; sqlx's named
// queries bound from a struct or map (:limit from a struct field), and
// pgx.NamedArgs; SQL text that is not a constant (built with
// fmt.Sprintf or a query builder's ToSql); calls through function values;
// calls through the program's own interfaces whose implementation lives
// in a package the caller does not import (a page size passed through
// repo.Users.List is followed into the first implementation, by name,
// that the package or the packages of its module it imports declare,
// such as *pg.Users, and reported at the call as through the concrete
// type; an implementation wired in only by main is not seen, in any
// driver; a query method of an interface that a database type the
// package imports implements, such as sqlc's DBTX over *sql.DB, is taken
// for that type's method); facts of the libraries themselves and of the
// standard library. Whether a column is a key is guessed from its name: id,
// uuid and guid are unique, *_id and *Id are parent keys. Any other column
// compared with a placeholder (WHERE email = $1, WHERE status = $1) is
// taken for a lookup and not reported, since it may be unique; compared
// with a constant (WHERE status = 'pending') it is a filter, and the read
// is reported. A top-level OR in the WHERE clause pins nothing. A LIMIT inside a subquery does not
// bound the outer query. An ORM chain that goes through a scope, a helper
// that returns the builder, a non-text condition, Group, Select, Table,
// Or or Not is not reported. A bound that itself comes from the request
// counts as a bound. A field of a struct bound from the request is
// bounded by a comparison or a store on the field itself (if req.Limit >
// 100 { req.Limit = 100 }), by a validation tag with max=, lte= or lt=
// (binding:"max=100", validate:"lte=100"; the tag's number is not checked
// against the plan), or by any call that gets the struct before the use
// (req.Normalize(), validate.Struct(&req)), which is assumed to bound it;
// the same holds for a local struct handed to a call. On a package that does
// not type-check the analyzer is silent. Facts settle in at most eight
// rounds inside a package; chains longer than four calls are shortened in
// messages.
//
// Suppress a finding with //perfvet:ignore pagesize <reason> on its line or
// the line above.
package pagesize
