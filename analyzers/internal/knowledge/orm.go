package knowledge

// This file describes ORMs and query builders: GORM, bun, ent, xorm,
// gorp, beego's ORM, pop, squirrel and goqu. It lists their calls that
// run a query (read by nplusone, budget, pagesize and cacheinval through
// LookupRoundTrip), how a query-builder chain sets a limit, a condition
// or the rows it reads (pagesize, budget), and which table an ORM call
// reads or changes (cacheinval).

// Package paths.
const (
	GORM   = "gorm.io/gorm"
	Bun    = "github.com/uptrace/bun"
	EntSQL = "entgo.io/ent/dialect/sql"
)

// BeegoORM is beego's ORM package, with the opening parenthesis of a
// method's full name.
const BeegoORM = "(github.com/beego/beego/v2/client/orm"

// Library families.
const (
	LibGORM  Lib = "gorm"
	LibBun   Lib = "bun"
	LibEnt   Lib = "ent"
	LibXORM  Lib = "xorm"
	LibGorp  Lib = "gorp"
	LibBeego Lib = "beego"
	LibPop   Lib = "pop"
)

// ormRoundTrips are the round trips of the ORMs.
var ormRoundTrips = []group{
	// pop (Ory's fork and gobuffalo's): Create and its siblings write one
	// row, through an INSERT ... RETURNING that sqlx's NamedQueryContext
	// runs; they are writes, not reads.
	methods(LibPop, []string{"(*github.com/ory/pop/v6.Connection)", "(*github.com/gobuffalo/pop/v6.Connection)"},
		write("Create", "ValidateAndCreate", "Update", "ValidateAndUpdate", "Save", "ValidateAndSave", "UpdateColumns", "Destroy")),

	// GORM v2: the finishers. Chain methods (Where, Preload, Joins, Limit,
	// Raw, Model, Session, WithContext...) only build the statement.
	methods(LibGORM, []string{"(*gorm.io/gorm.DB)"},
		read("First", "Take", "Last", "Find", "Scan", "Count", "Pluck", "Row", "Rows", "FirstOrInit"),
		write("Create", "Save", "Update", "Updates", "UpdateColumn", "UpdateColumns", "Delete", "FirstOrCreate"),
		sqlWrite("Exec"),
		batch(Read, "FindInBatches"), batch(Write, "CreateInBatches"),
		tx("Transaction", "Begin", "Commit", "Rollback", "SavePoint", "RollbackTo")),
	methods(LibGORM, []string{"(*gorm.io/gorm.Association)"},
		read("Find", "Count"),
		write("Append", "Replace", "Delete", "Clear")),
	// GORM's generics API (gorm.G[T](db)...), v1.30 and later.
	methods(LibGORM, []string{"(gorm.io/gorm.ExecInterface[T])"},
		read("Scan", "First", "Last", "Take", "Find", "Row", "Rows"),
		batch(Read, "FindInBatches")),
	methods(LibGORM, []string{"(gorm.io/gorm.CreateInterface[T])", "(gorm.io/gorm.ChainInterface[T])"},
		read("Count"),
		write("Delete", "Update", "Updates")),
	methods(LibGORM, []string{"(gorm.io/gorm.CreateInterface[T])"},
		write("Create"), batch(Write, "CreateInBatches")),
	methods(LibGORM, []string{"(gorm.io/gorm.Interface[T])"}, sqlWrite("Exec")),
	methods(LibGORM, []string{"(gorm.io/gorm.SetUpdateOnlyInterface[T])", "(gorm.io/gorm.SetCreateOrUpdateInterface[T])"},
		write("Update")),
	methods(LibGORM, []string{"(gorm.io/gorm.SetCreateOrUpdateInterface[T])"}, write("Create")),

	// bun: the query types' executors, and the DB, Conn and Tx methods
	// that take SQL text. NewSelect and friends only build.
	methods(LibBun, []string{"(*github.com/uptrace/bun.SelectQuery)"},
		read("Scan", "Count", "Exists", "ScanAndCount", "Rows"), write("Exec")),
	methods(LibBun, []string{
		"(*github.com/uptrace/bun.InsertQuery)", "(*github.com/uptrace/bun.UpdateQuery)",
		"(*github.com/uptrace/bun.DeleteQuery)", "(*github.com/uptrace/bun.MergeQuery)",
	}, write("Scan", "Exec")),
	methods(LibBun, []string{
		"(*github.com/uptrace/bun.CreateTableQuery)", "(*github.com/uptrace/bun.DropTableQuery)",
		"(*github.com/uptrace/bun.TruncateTableQuery)", "(*github.com/uptrace/bun.CreateIndexQuery)",
		"(*github.com/uptrace/bun.DropIndexQuery)", "(*github.com/uptrace/bun.AddColumnQuery)",
		"(*github.com/uptrace/bun.DropColumnQuery)",
	}, write("Exec")),
	methods(LibBun, []string{"(*github.com/uptrace/bun.RawQuery)"}, read("Scan"), write("Exec")),
	methods(LibBun, []string{"(*github.com/uptrace/bun.DB)", "(github.com/uptrace/bun.Conn)", "(github.com/uptrace/bun.Tx)", "(github.com/uptrace/bun.IConn)"},
		sqlRead("QueryContext", "QueryRowContext"), sqlWrite("ExecContext")),
	methods(LibBun, []string{"(*github.com/uptrace/bun.DB)", "(github.com/uptrace/bun.Tx)"},
		sqlRead("Query", "QueryRow"), sqlWrite("Exec")),
	methods(LibBun, []string{"(*github.com/uptrace/bun.DB)"}, sqlRead("Prepare", "PrepareContext")),
	methods(LibBun, []string{"(*github.com/uptrace/bun.DB)", "(github.com/uptrace/bun.Conn)", "(github.com/uptrace/bun.Tx)", "(github.com/uptrace/bun.IDB)"},
		tx("BeginTx", "RunInTx")),
	methods(LibBun, []string{"(*github.com/uptrace/bun.DB)", "(github.com/uptrace/bun.Tx)"}, tx("Begin")),
	methods(LibBun, []string{"(github.com/uptrace/bun.Tx)"}, tx("Commit", "Rollback")),

	// ent: generated code is analysed like any other code; its queries end
	// in the runtime's Querier (every query finisher goes through
	// withInterceptors), its mutations in Mutator or in sqlgraph, and raw
	// work in the dialect's drivers.
	methods(LibEnt, []string{"(entgo.io/ent.Querier)"}, read("Query")),
	methods(LibEnt, []string{"(entgo.io/ent.Mutator)"}, write("Mutate")),
	// Driver and Tx embed ExecQuerier, and dialect.Tx embeds
	// database/sql/driver's Tx (whose Commit is listed with database/sql).
	methods(LibEnt, []string{"(entgo.io/ent/dialect.ExecQuerier)", "(entgo.io/ent/dialect/sql.Conn)"},
		sqlRead("Query"), sqlWrite("Exec")),
	methods(LibEnt, []string{"(entgo.io/ent/dialect.Driver)", "(*entgo.io/ent/dialect/sql.Driver)"}, tx("Tx")),
	methods(LibEnt, []string{"(*entgo.io/ent/dialect/sql.Driver)"}, tx("BeginTx")),
	functions(LibEnt, "entgo.io/ent/dialect/sql/sqlgraph",
		read("QueryNodes", "CountNodes", "QueryEdges"),
		write("CreateNode", "UpdateNode", "UpdateNodes", "DeleteNodes"),
		batch(Write, "BatchCreate")),

	// xorm (xorm.io/xorm, the older github.com/go-xorm/xorm, and the
	// github.com/xorm-io/xorm fork casdoor uses).
	methods(LibXORM, []string{"(*xorm.io/xorm.Engine)", "(*xorm.io/xorm.Session)", "(*github.com/go-xorm/xorm.Engine)", "(*github.com/go-xorm/xorm.Session)",
		"(*github.com/xorm-io/xorm.Engine)", "(*github.com/xorm-io/xorm.Session)"},
		read("Get", "Find", "FindAndCount", "Count", "Exist", "Iterate", "Rows", "Sum", "Sums", "SumInt", "SumsInt"),
		sqlRead("Query", "QueryString", "QueryInterface", "QuerySliceString"),
		write("Insert", "InsertOne", "Update", "Delete"),
		sqlWrite("Exec"),
		batch(Write, "InsertMulti")),
	methods(LibXORM, []string{"(*xorm.io/xorm.Session)", "(*github.com/go-xorm/xorm.Session)", "(*github.com/xorm-io/xorm.Session)"}, tx("Begin", "Commit", "Rollback")),

	// gorp v3.
	methods(LibGorp, []string{"(*github.com/go-gorp/gorp/v3.DbMap)", "(*github.com/go-gorp/gorp/v3.Transaction)", "(github.com/go-gorp/gorp/v3.SqlExecutor)"},
		read("Get"),
		sqlRead("Select", "SelectOne", "SelectInt", "SelectNullInt", "SelectFloat", "SelectNullFloat", "SelectStr", "SelectNullStr", "Query", "QueryRow"),
		write("Insert", "Update", "Delete"),
		sqlWrite("Exec")),
	methods(LibGorp, []string{"(*github.com/go-gorp/gorp/v3.DbMap)"}, tx("Begin")),
	methods(LibGorp, []string{"(*github.com/go-gorp/gorp/v3.Transaction)"}, tx("Commit", "Rollback")),
	functions(LibGorp, "github.com/go-gorp/gorp/v3",
		sqlRead("SelectOne", "SelectInt", "SelectNullInt", "SelectFloat", "SelectNullFloat", "SelectStr", "SelectNullStr")),

	// beego's ORM v2: Ormer's query and write methods, and the executors of
	// QueryTable and Raw.
	methods(LibBeego, []string{"(github.com/beego/beego/v2/client/orm.DQL)"},
		read("Read", "ReadWithCtx", "ReadForUpdate", "ReadForUpdateWithCtx", "LoadRelated", "LoadRelatedWithCtx"),
		write("ReadOrCreate", "ReadOrCreateWithCtx")),
	methods(LibBeego, []string{"(github.com/beego/beego/v2/client/orm.DML)"},
		write("Insert", "InsertWithCtx", "InsertOrUpdate", "InsertOrUpdateWithCtx", "Update", "UpdateWithCtx", "Delete", "DeleteWithCtx"),
		batch(Write, "InsertMulti", "InsertMultiWithCtx")),
	methods(LibBeego, []string{"(github.com/beego/beego/v2/client/orm.QuerySeter)"},
		read("All", "AllWithCtx", "One", "OneWithCtx", "Count", "CountWithCtx", "Exist", "ExistWithCtx",
			"Values", "ValuesWithCtx", "ValuesList", "ValuesListWithCtx", "ValuesFlat", "ValuesFlatWithCtx"),
		write("Update", "UpdateWithCtx", "Delete", "DeleteWithCtx")),
	methods(LibBeego, []string{"(github.com/beego/beego/v2/client/orm.RawSeter)"},
		read("QueryRow", "QueryRows", "Values", "ValuesList", "ValuesFlat"),
		write("Exec")),
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
	BeegoORM + ".DQL).QueryTable": true, // embedded in Ormer and TxOrmer
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

// SQLTextArgs are the query builders' calls that take a fragment of SQL
// text (argument index, the receiver not counted) followed by the
// values of its placeholders: squirrel's Suffix("LIMIT ?", n).
var SQLTextArgs = map[string]int{
	"(github.com/Masterminds/squirrel.SelectBuilder).Suffix": 0,
	"github.com/Masterminds/squirrel.Expr":                   0,
	"github.com/doug-martin/goqu/v9.L":                       0,
	"github.com/doug-martin/goqu/v9.Literal":                 0,
}

// ---- the tables ORM calls read and change ----

// ORMTableReads are the ORM finishers that read rows of the table their
// query is on, and ORMTableChanges those that change existing rows of it
// (an insert changes none that a cache holds), by full name. cacheinval
// reads them; the table is the one ORMModelArgs or the chain names.
var (
	ORMTableReads = map[string]bool{
		"(*gorm.io/gorm.DB).First": true,
		"(*gorm.io/gorm.DB).Find":  true,
		"(*gorm.io/gorm.DB).Take":  true,
		"(*gorm.io/gorm.DB).Last":  true,
		"(*gorm.io/gorm.DB).Scan":  true,

		"(*github.com/uptrace/bun.SelectQuery).Scan":         true,
		"(*github.com/uptrace/bun.SelectQuery).Count":        true,
		"(*github.com/uptrace/bun.SelectQuery).Exists":       true,
		"(*github.com/uptrace/bun.SelectQuery).ScanAndCount": true,
		"(*github.com/uptrace/bun.SelectQuery).Rows":         true,
		"(*github.com/uptrace/bun.SelectQuery).Exec":         true,
	}
	ORMTableChanges = map[string]bool{
		"(*gorm.io/gorm.DB).Save":          true,
		"(*gorm.io/gorm.DB).Update":        true,
		"(*gorm.io/gorm.DB).Updates":       true,
		"(*gorm.io/gorm.DB).UpdateColumn":  true,
		"(*gorm.io/gorm.DB).UpdateColumns": true,
		"(*gorm.io/gorm.DB).Delete":        true,

		"(*github.com/uptrace/bun.UpdateQuery).Scan": true,
		"(*github.com/uptrace/bun.UpdateQuery).Exec": true,
		"(*github.com/uptrace/bun.DeleteQuery).Scan": true,
		"(*github.com/uptrace/bun.DeleteQuery).Exec": true,
	}
)

// ORMModelArgs are the finishers whose argument (the receiver not
// counted) holds a model, whose table is the query's: GORM's First(&user)
// and Delete(&user), bun's Scan(ctx, &users).
var ORMModelArgs = map[string]int{
	"(*gorm.io/gorm.DB).First":  0,
	"(*gorm.io/gorm.DB).Find":   0,
	"(*gorm.io/gorm.DB).Take":   0,
	"(*gorm.io/gorm.DB).Last":   0,
	"(*gorm.io/gorm.DB).Scan":   0,
	"(*gorm.io/gorm.DB).Save":   0,
	"(*gorm.io/gorm.DB).Delete": 0,

	"(*github.com/uptrace/bun.SelectQuery).Scan": 1,
}

// ORMModelMethod and ORMTableMethod are the chain methods of GORM and
// bun queries that name the query's table: Model(x), by the model type of
// x, and Table("name").
const (
	ORMModelMethod = "Model"
	ORMTableMethod = "Table"
)

// BunBaseModel is the type a bun model embeds; its `bun:"table:name"` tag
// names the model's table.
const BunBaseModel = "BaseModel"

// BuiltStatements are the query builders' methods that render the SQL
// text of a statement, by full name, with the verb the text begins with:
// a query run with it (squirrel's sql, args, err := b.ToSql(); then
// db.GetContext(ctx, &dst, sql, args...)) reads or writes as the builder
// says.
var BuiltStatements = map[string]string{
	"(github.com/Masterminds/squirrel.SelectBuilder).ToSql": "SELECT",
	"(github.com/Masterminds/squirrel.InsertBuilder).ToSql": "INSERT",
	"(github.com/Masterminds/squirrel.UpdateBuilder).ToSql": "UPDATE",
	"(github.com/Masterminds/squirrel.DeleteBuilder).ToSql": "DELETE",
}
