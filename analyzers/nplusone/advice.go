package nplusone

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"
	"strings"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
)

// message writes a finding: what runs, through which chain, once per
// what, and how to fix it for the library at hand.
//
//	(*store.Store).ItemsForOrder runs a query ((*sql.DB).QueryContext in
//	store/orders.go:67) once per element of orders; load them in one
//	query before the loop (WHERE id = ANY($1), or IN (...))
func (c *checker) message(s site, r *Reach, write bool, others int) string {
	var b strings.Builder
	subject, below := c.subject(s, r)
	b.WriteString(subject)
	if r.Dynamic {
		b.WriteString(" may run ")
	} else {
		b.WriteString(" runs ")
	}
	b.WriteString(article(noun(r, write)))
	switch {
	case below != "" && r.Posn != "" && r.pos != s.call.Lparen:
		fmt.Fprintf(&b, " (%s in %s)", below, r.Posn)
	case below != "":
		fmt.Fprintf(&b, " (%s)", below)
	}
	switch {
	case s.memo.memo && s.memo.distinct:
		b.WriteString(" on a cold memo once per " + s.loop.describe(c.pass.Fset) + " (the memo is keyed by the element, so it does not spare a query in this loop)")
	case s.memo.memo:
		fmt.Fprintf(&b, " on a cold memo once per distinct %s, not once per %s", s.memo.key, s.loop.describe(c.pass.Fset))
	default:
		b.WriteString(" once per " + s.loop.describe(c.pass.Fset))
	}
	if s.goroutine {
		b.WriteString(", each in its own goroutine")
	}
	if s.loop.rows && !knowledge.Lib(r.Lib).IsCache() {
		b.WriteString(", while the result set keeps its connection busy, so each one takes a second connection from the pool")
	}
	switch {
	case others == 1:
		b.WriteString(", and so does 1 more call in the loop")
	case others > 1:
		fmt.Fprintf(&b, ", and so do %d more calls in the loop", others)
	}
	if s.arg < 0 && !write && !r.Tx && !c.dependsOnIteration(s.loop, s.call) {
		// A read with the same arguments returns the same answer.
		b.WriteString(" with the same arguments each time; run it once before the loop")
		return b.String()
	}
	b.WriteString("; " + advice(r, write))
	return b.String()
}

// subject names what the site calls, and the chain below it.
func (c *checker) subject(s site, r *Reach) (string, string) {
	if s.arg >= 0 {
		caller := analysisutil.Display(analysisutil.Callee(c.pass.TypesInfo, s.call))
		arg := s.call.Args[s.arg]
		name := render(c.pass.Fset, arg)
		below := r.Via
		if fn, ok := typeutilFunc(c.pass.TypesInfo, arg); ok {
			below = trimStep(below, analysisutil.Display(fn))
		}
		return fmt.Sprintf("%s calls %s, which", caller, name), below
	}
	fn := analysisutil.Callee(c.pass.TypesInfo, s.call)
	if fn == nil {
		name := render(c.pass.Fset, s.call.Fun)
		return name, r.Via
	}
	shown := c.displayAt(s.call.Lparen, fn)
	if r.Via == shown {
		return shown, "" // the call is the round trip
	}
	below := trimStep(r.Via, analysisutil.Display(fn))
	below = trimStep(below, shown)
	return shown, below
}

// trimStep removes the leading step of a chain if it is name.
func trimStep(via, name string) string {
	if rest, ok := strings.CutPrefix(via, name+" → "); ok {
		return rest
	}
	return via
}

// noun names a round trip.
func noun(r *Reach, write bool) string {
	lib := knowledge.Lib(r.Lib)
	switch {
	case r.Tx:
		return "transaction"
	case lib == knowledge.LibRedis:
		return "Redis round trip"
	case lib == knowledge.LibMemcache:
		return "memcache round trip"
	case lib == knowledge.LibDynamoDB:
		return "DynamoDB round trip"
	case lib == knowledge.LibPlan:
		return "query (declared in the plan)"
	case lib == knowledge.LibHTTPAPI && write:
		return "API write"
	case lib == knowledge.LibHTTPAPI:
		return "API request"
	case write:
		return "write"
	}
	return "query"
}

func article(s string) string {
	if strings.IndexByte("AEIOUaeiou", s[0]) >= 0 {
		return "an " + s
	}
	return "a " + s
}

// advice is the fix for a round trip per element, in the library's
// terms.
func advice(r *Reach, write bool) string {
	lib := knowledge.Lib(r.Lib)
	if r.Tx {
		return "run the loop inside one transaction, or write all the elements in one statement"
	}
	if write {
		switch lib {
		case knowledge.LibPGX:
			return "write them in one round trip: CopyFrom, a pgx.Batch sent once, or one statement over an array (WHERE id = ANY($1))"
		case knowledge.LibGORM:
			return "write them in one statement: Create with a slice, CreateInBatches, or Where(\"id IN ?\", ids).Updates(...)"
		case knowledge.LibBun:
			return "write them in one query: NewInsert().Model(&slice), or a bulk update with NewValues"
		case knowledge.LibEnt:
			return "write them in one statement: CreateBulk, or Update().Where(<field>In(ids...))"
		case knowledge.LibXORM:
			return "write them in one statement: Insert with a slice, or In(\"id\", ids) on the update"
		case knowledge.LibBeego:
			return "write them in one statement with InsertMulti, or a QueryTable filter on id__in"
		case knowledge.LibRedis:
			return "send them in one round trip with a pipeline (Pipelined) or MSet"
		case knowledge.LibMemcache:
			return "gomemcache has no batched write: move the writes off the request path or bound their number"
		case knowledge.LibDynamoDB:
			return "write them with BatchWriteItem (up to 25 a call), or TransactWriteItems where they must succeed together"
		case knowledge.LibPlan:
			return "make one call for all of them before the loop"
		case knowledge.LibHTTPAPI:
			return "use the API's bulk endpoint if it has one, or move the writes off the request path"
		case knowledge.LibSQLX:
			return "write them in one statement: NamedExec with a slice (a multi-row INSERT), or IN (?) with sqlx.In"
		}
		return "write them in one statement: a multi-row INSERT, or UPDATE ... WHERE id = ANY($1) or IN (...)"
	}
	switch lib {
	case knowledge.LibPGX:
		return "load them in one query before the loop (WHERE id = ANY($1)), or queue them on a pgx.Batch sent once"
	case knowledge.LibSQLX:
		return "load them in one query before the loop (IN (?) with sqlx.In, or WHERE id = ANY($1))"
	case knowledge.LibGORM:
		return "preload the association (Preload or Joins) or load them in one query before the loop (Where(\"id IN ?\", ids))"
	case knowledge.LibBun:
		return "load the relation with Relation on the outer query, or load them in one query before the loop (Where(\"id IN (?)\", bun.In(ids)))"
	case knowledge.LibEnt:
		return "eager-load the edge with With<Edge> on the outer query, or load them in one query before the loop (<field>In(ids...))"
	case knowledge.LibXORM:
		return "load them in one query before the loop (In(\"id\", ids))"
	case knowledge.LibGorp:
		return "load them in one query before the loop (WHERE id IN (...))"
	case knowledge.LibBeego:
		return "load them in one query before the loop (Filter(\"id__in\", ids)), or LoadRelated on the outer query"
	case knowledge.LibRedis:
		return "fetch them in one round trip with MGet or a pipeline (Pipelined)"
	case knowledge.LibMemcache:
		return "fetch them in one round trip with GetMulti"
	case knowledge.LibDynamoDB:
		return "fetch them in one round trip with BatchGetItem (up to 100 keys a call)"
	case knowledge.LibPlan:
		return "make one call for all of them before the loop"
	case knowledge.LibHTTPAPI:
		return "fetch them in one request before the loop (a list call filtered to the ones needed, or the API's batch or GraphQL query), or cache the answers"
	}
	return "load them in one query before the loop (WHERE id = ANY($1), or IN (...))"
}

// render prints an expression as the user wrote it, shortened.
func render(fset *token.FileSet, e ast.Node) string {
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, e); err != nil {
		return "the collection"
	}
	s := strings.Join(strings.Fields(buf.String()), " ")
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return s
}

// typeutilFunc returns the function an expression names: f, pkg.F, x.M.
func typeutilFunc(info *types.Info, e ast.Expr) (*types.Func, bool) {
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	default:
		return nil, false
	}
	fn, ok := info.Uses[id].(*types.Func)
	return fn, ok
}
