// Package orm is a stub of beego's ORM v2 (github.com/beego/beego/v2/client/orm),
// which the module proxy does not serve here, with the methods' real
// signatures.
package orm

type DQL interface {
	Read(md any, cols ...string) error
}

type DML interface {
	Insert(md any) (int64, error)
	InsertMulti(bulk int, mds any) (int64, error)
}

// Ormer declares QueryTable itself, where pagesize's knowledge
// (knowledge.ORMStarts) names it; nplusone's names no QueryTable.
type Ormer interface {
	DQL
	DML
	QueryTable(ptrStructOrTableName any) QuerySeter
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
