// Package orm is a stub of beego's ORM v2 (github.com/beego/beego/v2/client/orm)
// with the methods' real signatures and interfaces (v2.3.8, which
// testdata/realibs uses; pagesize's TestKnowledgeNames checks the names
// knowledge holds against it).
package orm

type DQL interface {
	Read(md any, cols ...string) error
	QueryTable(ptrStructOrTableName any) QuerySeter
}

type DML interface {
	Insert(md any) (int64, error)
	InsertMulti(bulk int, mds any) (int64, error)
}

// Ormer embeds DQL, which declares QueryTable, as in beego v2.3.8.
type Ormer interface {
	DQL
	DML
}

type QuerySeter interface {
	Filter(string, ...any) QuerySeter
	Exclude(string, ...any) QuerySeter
	Limit(limit any, args ...any) QuerySeter
	Offset(offset any) QuerySeter
	OrderBy(exprs ...string) QuerySeter
	All(container any, cols ...string) (int64, error)
	One(container any, cols ...string) error
	Count() (int64, error)
}

func NewOrm() Ormer { return nil }
