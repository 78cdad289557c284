package knowledge

// This file describes what the pagesize analyzer matches: where request
// input enters a handler, the calls that cap how many rows a query
// returns, and the calls that read many rows at once.

// A RequestInput is a call that returns a value taken from an HTTP
// request.
type RequestInput struct {
	// What names the source in findings: "query parameter", "form value",
	// "path parameter".
	What string
	// NameArg is the index (the receiver not counted) of the argument
	// that names the parameter, or -1.
	NameArg int
}

// RequestInputs are the calls that return request input, by full name.
// url.Values.Get counts only on the values of an *http.Request (its URL's
// Query(), Form, PostForm); the analyzer checks that.
var RequestInputs = map[string]RequestInput{
	"(net/url.Values).Get":                   {What: "query parameter", NameArg: 0},
	"(*net/http.Request).FormValue":          {What: "form value", NameArg: 0},
	"(*net/http.Request).PostFormValue":      {What: "form value", NameArg: 0},
	"(*net/http.Request).PathValue":          {What: "path parameter", NameArg: 0},
	Chi5 + ".URLParam":                       {What: "path parameter", NameArg: 1},
	Chi5 + ".URLParamFromCtx":                {What: "path parameter", NameArg: 1},
	"(*" + Chi5 + ".Context).URLParam":       {What: "path parameter", NameArg: 0},
	"(*" + Gin + ".Context).Query":           {What: "query parameter", NameArg: 0},
	"(*" + Gin + ".Context).DefaultQuery":    {What: "query parameter", NameArg: 0},
	"(*" + Gin + ".Context).GetQuery":        {What: "query parameter", NameArg: 0},
	"(*" + Gin + ".Context).Param":           {What: "path parameter", NameArg: 0},
	"(*" + Gin + ".Context).PostForm":        {What: "form value", NameArg: 0},
	"(*" + Gin + ".Context).DefaultPostForm": {What: "form value", NameArg: 0},
	"(*" + Gin + ".Context).GetPostForm":     {What: "form value", NameArg: 0},
	"(" + Echo4 + ".Context).QueryParam":     {What: "query parameter", NameArg: 0},
	"(" + Echo4 + ".Context).Param":          {What: "path parameter", NameArg: 0},
	"(" + Echo4 + ".Context).FormValue":      {What: "form value", NameArg: 0},
}

// ValuesInputs are the calls that return a request's parameters as
// url.Values: Get on them is request input.
var ValuesInputs = map[string]string{
	"(*net/url.URL).Query":                "query parameter",
	"(" + Echo4 + ".Context).QueryParams": "query parameter",
	"(" + Echo4 + ".Context).FormParams":  "form value",
}

// MapInputs are the calls that return a map of request input indexed by
// parameter name: mux.Vars(r)["limit"].
var MapInputs = map[string]string{
	GorillaMx + ".Vars": "path parameter",
}

// RequestFields are the fields of *http.Request that hold request input
// (parsed forms), by field name.
var RequestFields = map[string]string{"Form": "form value", "PostForm": "form value"}

// Binders are the calls that fill the struct their argument points to
// from the request (query string, form or body), with the index of that
// argument (the receiver not counted). json.Decoder.Decode and
// json.Unmarshal count only on a request body; the analyzer checks that.
var Binders = map[string]int{
	"(*" + Gin + ".Context).Bind":               0,
	"(*" + Gin + ".Context).BindJSON":           0,
	"(*" + Gin + ".Context).BindQuery":          0,
	"(*" + Gin + ".Context).BindUri":            0,
	"(*" + Gin + ".Context).BindWith":           0,
	"(*" + Gin + ".Context).ShouldBind":         0,
	"(*" + Gin + ".Context).ShouldBindJSON":     0,
	"(*" + Gin + ".Context).ShouldBindQuery":    0,
	"(*" + Gin + ".Context).ShouldBindUri":      0,
	"(*" + Gin + ".Context).ShouldBindWith":     0,
	"(*" + Gin + ".Context).ShouldBindBodyWith": 0,
	"(" + Echo4 + ".Context).Bind":              0,
	"(*encoding/json.Decoder).Decode":           0,
	"encoding/json.Unmarshal":                   1,
}

// Parsers are the calls whose first result is their first argument as a
// number: request input keeps its bound (none) through them.
var Parsers = map[string]bool{
	"strconv.Atoi":      true,
	"strconv.ParseInt":  true,
	"strconv.ParseUint": true,
}

// Formatters are the calls whose result is their value arguments written
// as text, with the index of the first of them (the receiver not
// counted): a page size keeps its bound (none) through them. The last
// argument of a variadic formatter is its operands.
var Formatters = map[string]int{
	"strconv.Itoa":       0,
	"strconv.FormatInt":  0,
	"strconv.FormatUint": 0,
	"fmt.Sprint":         0,
	"fmt.Sprintf":        1,
}

// SQLFormats are the formatting calls whose format (argument index, the
// receiver not counted) may write a page size into SQL text: the operand
// printed right after LIMIT is a page-size sink.
var SQLFormats = map[string]int{
	"fmt.Sprintf": 0,
	"fmt.Fprintf": 1,
	"fmt.Appendf": 1,
}

// BuilderWrites are the methods that append one string to a text being
// built; one that follows the write of "... LIMIT " writes the row count.
var BuilderWrites = map[string]bool{
	"(*strings.Builder).WriteString": true,
	"(*bytes.Buffer).WriteString":    true,
}

// SQLTextArgs are the query builders' calls that take a fragment of SQL
// text (argument index, the receiver not counted) followed by the
// values of its placeholders: squirrel's Suffix("LIMIT ?", n).
var SQLTextArgs = map[string]int{
	"(github.com/Masterminds/squirrel.SelectBuilder).Suffix": 0,
	"github.com/Masterminds/squirrel.Expr":                   0,
	"github.com/doug-martin/goqu/v9.L":                       0,
	"github.com/doug-martin/goqu/v9.Literal":                 0,
}

// LimitMethods are the query builders' methods that set a query's row
// limit, with the index of the limit argument (the receiver not counted).
var LimitMethods = map[string]int{
	"(*gorm.io/gorm.DB).Limit":                                0,
	"(gorm.io/gorm.ChainInterface[T]).Limit":                  0,
	"(*github.com/uptrace/bun.SelectQuery).Limit":             0,
	"(*xorm.io/xorm.Session).Limit":                           0,
	"(*xorm.io/xorm.Engine).Limit":                            0,
	"(*github.com/go-xorm/xorm.Session).Limit":                0,
	"(*github.com/go-xorm/xorm.Engine).Limit":                 0,
	"(github.com/Masterminds/squirrel.SelectBuilder).Limit":   0,
	"(*entgo.io/ent/dialect/sql.Selector).Limit":              0,
	"(github.com/beego/beego/v2/client/orm.QuerySeter).Limit": 0,
	"(*github.com/doug-martin/goqu/v9.SelectDataset).Limit":   0,
}

// MultiRowQueries are the calls that run a SQL text and return every row
// it selects (not QueryRow, not sqlx's Get), by full name. A SQL text
// with no LIMIT there reads as many rows as the table holds.
var MultiRowQueries = func() map[string]bool {
	m := make(map[string]bool)
	add := func(recvs []string, names ...string) {
		for _, r := range recvs {
			for _, n := range names {
				m[r+"."+n] = true
			}
		}
	}
	add([]string{"(*database/sql.DB)", "(*database/sql.Tx)"}, "Query", "QueryContext")
	add([]string{"(*database/sql.Conn)"}, "QueryContext")
	add([]string{"(*github.com/jmoiron/sqlx.DB)", "(*github.com/jmoiron/sqlx.Tx)"}, "Select", "SelectContext", "Queryx", "QueryxContext", "NamedQuery")
	add([]string{"(*github.com/jmoiron/sqlx.DB)"}, "NamedQueryContext")
	add([]string{"(*github.com/jmoiron/sqlx.Conn)"}, "SelectContext", "QueryxContext")
	add([]string{"github.com/jmoiron/sqlx"}, "Select", "SelectContext", "NamedQuery", "NamedQueryContext")
	add([]string{
		"(*github.com/jackc/pgx/v5.Conn)", "(*github.com/jackc/pgx/v5/pgxpool.Pool)", "(*github.com/jackc/pgx/v5/pgxpool.Conn)",
		"(*github.com/jackc/pgx/v5/pgxpool.Tx)", "(github.com/jackc/pgx/v5.Tx)",
		"(*github.com/jackc/pgx/v4.Conn)", "(*github.com/jackc/pgx/v4/pgxpool.Pool)", "(*github.com/jackc/pgx/v4/pgxpool.Conn)",
		"(github.com/jackc/pgx/v4.Tx)",
	}, "Query")
	add([]string{"(*github.com/uptrace/bun.DB)", "(github.com/uptrace/bun.Conn)", "(github.com/uptrace/bun.Tx)", "(github.com/uptrace/bun.IConn)"}, "QueryContext")
	add([]string{"(*github.com/uptrace/bun.DB)", "(github.com/uptrace/bun.Tx)"}, "Query")
	add([]string{"(*github.com/go-gorp/gorp/v3.DbMap)", "(*github.com/go-gorp/gorp/v3.Transaction)", "(github.com/go-gorp/gorp/v3.SqlExecutor)"}, "Select", "Query")
	return m
}()

// ORMFinders are the ORM calls that run a built query and read every row
// it selects into a slice, with the index of the destination argument
// (the receiver not counted), or -1 if the destination is the query's
// model. Whether a Limit is in the chain is the analyzer's question.
var ORMFinders = map[string]int{
	"(*gorm.io/gorm.DB).Find":                    0,
	"(*gorm.io/gorm.DB).Scan":                    0,
	"(*github.com/uptrace/bun.SelectQuery).Scan": -1,
	"(*xorm.io/xorm.Session).Find":               0,
	"(*xorm.io/xorm.Engine).Find":                0,
	"(*xorm.io/xorm.Session).FindAndCount":       0,
	"(*xorm.io/xorm.Engine).FindAndCount":        0,
	BeegoORM + ".QuerySeter).All":                0,
}

// BeegoORM is beego's ORM package, with the opening parenthesis of a
// method's full name.
const BeegoORM = "(github.com/beego/beego/v2/client/orm"

// ORMRoots are the types a chain of query-builder calls may start from
// (held in a variable, a field or a parameter), as pointers.
var ORMRoots = map[string]bool{
	"gorm.io/gorm.DB":      true,
	"xorm.io/xorm.Engine":  true,
	"xorm.io/xorm.Session": true,
}

// ORMStarts are the calls that start a query-builder chain from something
// else: beego's QueryTable (and any of bun's NewSelect methods).
var ORMStarts = map[string]bool{
	BeegoORM + ".Ormer).QueryTable": true,
}

// ORMDefaultLimit are the finders whose library applies a limit of its
// own when the chain sets none (beego's All reads at most 1000 rows): only
// a chain that disables it (Limit(-1)) reads the whole table.
var ORMDefaultLimit = map[string]bool{
	BeegoORM + ".QuerySeter).All": true,
}

// ORMFilters are the builder methods that add a condition on a column
// named by their first argument (beego's Filter("user_id", id), with
// Django-style operators after "__").
var ORMFilters = map[string]bool{
	BeegoORM + ".QuerySeter).Filter": true,
}

// ORMChains are the receiver types of query builders whose methods return
// the same builder: a chain of them ends in an ORMFinder.
var ORMChains = map[string]bool{
	"gorm.io/gorm.DB":                                 true,
	"github.com/uptrace/bun.SelectQuery":              true,
	"xorm.io/xorm.Engine":                             true,
	"xorm.io/xorm.Session":                            true,
	"github.com/beego/beego/v2/client/orm.QuerySeter": true,
}

// ORMRaw are the builder methods that take a whole SQL statement as their
// first argument.
var ORMRaw = map[string]bool{
	"(*gorm.io/gorm.DB).Raw":      true,
	"(*xorm.io/xorm.Session).SQL": true,
	"(*xorm.io/xorm.Engine).SQL":  true,
}

// ORMWhere are the builder methods that add a condition given as SQL text
// (the first argument) or, for WherePK, a primary-key condition.
var ORMWhere = map[string]bool{
	"(*gorm.io/gorm.DB).Where":                      true,
	"(*github.com/uptrace/bun.SelectQuery).Where":   true,
	"(*github.com/uptrace/bun.SelectQuery).WherePK": true,
	"(*xorm.io/xorm.Session).Where":                 true,
	"(*xorm.io/xorm.Engine).Where":                  true,
	"(*xorm.io/xorm.Session).And":                   true,
	"(*xorm.io/xorm.Session).ID":                    true,
	"(*xorm.io/xorm.Engine).ID":                     true,
}

// ORMUnknown are the builder methods that may change the query in ways
// the analyzer cannot see (a scope may add a Limit, a paginator always
// does): a chain through one of them is not reported.
var ORMUnknown = map[string]bool{
	"(*gorm.io/gorm.DB).Scopes":                        true,
	"(*gorm.io/gorm.DB).Or":                            true,
	"(*gorm.io/gorm.DB).Not":                           true,
	"(*gorm.io/gorm.DB).Group":                         true,
	"(*gorm.io/gorm.DB).Distinct":                      true,
	"(*gorm.io/gorm.DB).Select":                        true,
	"(*gorm.io/gorm.DB).Table":                         true,
	"(*gorm.io/gorm.DB).Offset":                        true,
	"(*github.com/uptrace/bun.SelectQuery).Apply":      true,
	"(*github.com/uptrace/bun.SelectQuery).WhereOr":    true,
	"(*github.com/uptrace/bun.SelectQuery).WhereGroup": true,
	"(*github.com/uptrace/bun.SelectQuery).Group":      true,
	"(*github.com/uptrace/bun.SelectQuery).ColumnExpr": true,
	"(*github.com/uptrace/bun.SelectQuery).Offset":     true,
	"(*xorm.io/xorm.Session).Or":                       true,
	"(*xorm.io/xorm.Session).In":                       true,
	"(*xorm.io/xorm.Engine).In":                        true,
	"(*xorm.io/xorm.Session).NotIn":                    true,
	"(*xorm.io/xorm.Session).Join":                     true,
	"(*xorm.io/xorm.Engine).Join":                      true,
	"(*xorm.io/xorm.Session).GroupBy":                  true,
	"(*xorm.io/xorm.Engine).GroupBy":                   true,
	"(*xorm.io/xorm.Session).Select":                   true,
	"(*xorm.io/xorm.Engine).Select":                    true,
	"(*xorm.io/xorm.Session).Distinct":                 true,
	"(*xorm.io/xorm.Engine).Distinct":                  true,
	"(*xorm.io/xorm.Session).Table":                    true,
	"(*xorm.io/xorm.Engine).Table":                     true,
	BeegoORM + ".QuerySeter).SetCond":                  true,
	BeegoORM + ".QuerySeter).Exclude":                  true,
	BeegoORM + ".QuerySeter).GroupBy":                  true,
	BeegoORM + ".QuerySeter).Distinct":                 true,
	BeegoORM + ".QuerySeter).Offset":                   true,
}
